import type pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { FieldCrypto } from './crypto.js';
import type { Db } from './db/database.js';
import type { EventBus } from './outbox/event-bus.js';

/** What every service is built from; assembled once in main.ts (or in a test) and passed down. */
export interface Deps {
  config: Config;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  bus: EventBus;
  log: Logger;
  /** Encrypts and hashes personal data (phone numbers) with keys kept outside the database. */
  crypto: FieldCrypto;
}
