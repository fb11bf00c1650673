import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';
import { redactUrl } from './redact.js';

/** The parts of a Fastify request a log line shows. */
interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/**
 * How a request appears in the log (Fastify's "incoming request" line and any line given `req`): as
 * Fastify's own serializer shows it, with phone numbers in the URL masked (see redact.ts).
 */
export function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * JSON lines to stdout (or `destination`, for the tests that read the log); Fastify adds `reqId` to
 * every line logged while handling a request. Fastify uses this logger's `req` serializer in place
 * of its own.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'tuanflow' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.passwordHash'],
      censor: '[redacted]',
    },
    serializers: { req: serializeRequest },
  };
  return destination ? pino(options, destination) : pino(options);
}
