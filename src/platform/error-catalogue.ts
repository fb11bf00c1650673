import { usersErrors } from './auth/auth.errors.js';
import { type ErrorSpec, httpStatusOf, platformErrors } from './errors.js';

/** Error catalogues by name, in the order docs/errors.md lists them. */
export type ErrorCatalogues = Readonly<Record<string, Readonly<Record<string, ErrorSpec>>>>;

/**
 * The platform's own catalogues. Each module declares its own in its manifest; `src/modules.ts` puts
 * them after these (ERROR_CATALOGUES), so platform never imports a module.
 */
export const PLATFORM_ERROR_CATALOGUES: ErrorCatalogues = {
  platform: platformErrors,
  users: usersErrors,
};

/** docs/errors.md, generated from the catalogues so the page and the code cannot drift apart. */
export function renderErrorDocs(catalogues: ErrorCatalogues): string {
  const lines = [
    '# Error codes 错误码',
    '',
    'Generated from the code by `npm run docs:errors`; a test fails when this page is out of date.',
    'Every error answer has the body `{ "error": { "code", "message", "messageZh", "field"?, "detail"?, "requestId" } }`.',
    '`field` names the input at fault (`body.password`, `query.pageSize`, `params.id`).',
    '',
  ];
  for (const [name, catalogue] of Object.entries(catalogues)) {
    lines.push(`## ${name}`, '', '| code | HTTP | English | 中文 |', '|---|---|---|---|');
    for (const [code, spec] of Object.entries(catalogue)) {
      lines.push(`| \`${code}\` | ${httpStatusOf(spec.kind)} | ${spec.en} | ${spec.zh} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
