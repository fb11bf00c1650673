import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON lines to stdout; Fastify adds `reqId` to every line logged while handling a request. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'tuanflow' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.passwordHash'],
      censor: '[redacted]',
    },
  });
}
