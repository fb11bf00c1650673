import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ThrottledError } from '../auth/attempt-throttle.js';
import { isConnectionError, LogThrottle } from '../db/db-health.js';
import { DomainError, platformError } from '../errors.js';
import { type AjvIssue, validationMessageZh } from './validation-zh.js';

const outageLog = new LogThrottle(10_000);

interface ValidationIssue extends AjvIssue {
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** Turns an Ajv issue into the field path a person reads: `body.roles`, `query.page`. */
export function fieldOf(context: string | undefined, issue: ValidationIssue | undefined): string | undefined {
  if (!issue) return context;
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  const missing = issue.params?.missingProperty;
  const extra = issue.params?.additionalProperty;
  if (typeof missing === 'string') path.push(missing);
  else if (typeof extra === 'string') path.push(extra);
  // Fastify calls the query string "querystring"; people and the console read "query".
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  return [part, ...path].join('.');
}

/**
 * The one place errors become HTTP answers. Expected failures are DomainErrors; Fastify's own
 * request errors (validation, JSON syntax, body size, media type) are mapped to the same JSON shape;
 * anything else is logged and answered as a 500 without internals.
 */
export function errorHandler(err: FastifyError | DomainError, req: FastifyRequest, reply: FastifyReply) {
  let domain: DomainError;
  if (err instanceof DomainError) {
    domain = err;
  } else if ('validation' in err && err.validation) {
    const issue = err.validation[0] as ValidationIssue | undefined;
    const field = fieldOf(err.validationContext, issue);
    domain = platformError('request.invalid', {
      ...(field ? { field } : {}),
      detail: `${field ?? 'request'} ${issue?.message ?? 'is invalid'}`,
      // The console shows messageZh: Chinese words, never the validator's English.
      detailZh: validationMessageZh(field ?? 'request', issue),
    });
  } else if (
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (err.statusCode === 400 && err instanceof SyntaxError)
  ) {
    domain = platformError('request.malformed_json', { field: 'body' });
  } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    domain = platformError('request.invalid', {
      field: 'body',
      detail: 'body must not be empty',
      detailZh: '请求体不能为空',
    });
  } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    domain = platformError('request.too_large', { field: 'body' });
  } else if (
    err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH'
  ) {
    domain = platformError('request.unsupported_media_type');
  } else if (err.statusCode === 429) {
    domain = platformError('auth.rate_limited');
  } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own words are English: the Chinese message stays without them.
    domain = platformError('request.invalid', { detail: err.message, detailZh: '' });
  } else if (isConnectionError(err)) {
    // The database is away (restarting, unreachable): the request may well succeed once it is back,
    // so the caller gets a 503 to retry rather than a 500. A write whose commit was cut off before
    // its answer is found again by its idempotency key on that retry.
    // Every request meets the same cause during an outage: it is logged once per 10 s, not per request.
    const pass = outageLog.pass();
    if (pass)
      req.log.warn(
        { cause: err.message, code: err.code, suppressed: pass.suppressed },
        'database unavailable',
      );
    domain = platformError('db.unavailable');
  } else {
    req.log.error({ err }, 'unhandled error');
    domain = platformError('system.internal');
  }
  // A throttled attempt says when to come back, for people (the message) and for clients (the header).
  if (domain instanceof ThrottledError) void reply.header('retry-after', String(domain.retryAfterSeconds));
  if (domain.status >= 500) req.log.error({ code: domain.code }, domain.message);
  else req.log.info({ code: domain.code, field: domain.field }, domain.message);
  return reply.status(domain.status).send(domain.toBody(req.id));
}
