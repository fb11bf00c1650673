import type { FastifyRequest } from 'fastify';
import { platformError } from '../errors.js';

/**
 * Where the first NUL character (U+0000) sits in a parsed request value, as the dotted field path a
 * person reads (`body.lines.0.note`), or undefined when there is none. Keys are searched as well as
 * values: a JSON object key ends up in a jsonb column just the same.
 */
export function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path;
      const found = findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL stores no NUL character in text or jsonb and fails the whole statement on one, so a
 * NUL anywhere in what a client sends is refused here, once, before any route sees it: a 400 naming
 * the field instead of a 500 from deep inside a query. It runs as a preValidation hook (after the
 * body is parsed, before the route's schema) so that it covers every route, including free-form
 * values a schema cannot describe and path parameters a route declares no schema for.
 */
export async function refuseNulBytes(req: FastifyRequest): Promise<void> {
  const field = findNul(req.params, 'params') ?? findNul(req.query, 'query') ?? findNul(req.body, 'body');
  if (field) {
    throw platformError('request.invalid', {
      field,
      detail: `${field} must not contain the NUL character (U+0000)`,
      detailZh: `字段 ${field} 不能包含 NUL 字符 (U+0000)`,
    });
  }
}
