import type { Logger } from 'pino';
import { installAuditKey, loadAuditKey } from './audit/index.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { fieldKeySource, loadFieldCrypto } from './crypto.js';
import { type Database, openDatabase } from './db/database.js';
import { type EmbeddedPostgres, ensureDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { APP_ROLE, ensureAppRole, migrateForApp, withClient } from './db/roles.js';
import type { Deps } from './deps.js';
import { ensureFieldKey } from './keys/key-check.js';
import { EventBus } from './outbox/event-bus.js';

export interface Platform {
  deps: Deps;
  database: Database;
  databaseUrl: string;
  embedded: EmbeddedPostgres | undefined;
}

/**
 * Gets a migrated database (the embedded one, or DATABASE_URL) and the platform services on it. Used
 * by main.ts and by the start-up benchmark, so both measure the same path.
 */
export async function bootPlatform(
  config: Config,
  log: Logger,
  clock: Clock = systemClock,
): Promise<Platform> {
  let embedded: EmbeddedPostgres | undefined;
  // The application's connection, and the owner's that runs migrations (the same unless set apart).
  let url: string;
  let ownerUrl: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
    ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  } else {
    embedded = await startEmbeddedPostgres({
      dir: config.dataDir,
      port: config.embeddedPgPort,
      log: (msg) => log.info({ component: 'embedded-postgres' }, msg),
    });
    await ensureDatabase(embedded.adminUrl, 'tuanflow');
    // On its own server tuanflow sets the roles up itself: the superuser owns the tables and
    // migrates, the application logs in as a role that cannot switch the append-only triggers off.
    const { appPassword } = embedded;
    await withClient(embedded.adminUrl, (c) => ensureAppRole(c, APP_ROLE, appPassword));
    ownerUrl = embedded.urlFor('tuanflow');
    url = embedded.urlFor('tuanflow', { user: APP_ROLE, password: appPassword });
  }
  // The key is loaded before the database is touched, so a bad key file stops start-up early.
  const crypto = loadFieldCrypto(config);
  // The audit chain's key likewise: every audit record this process writes is chained with it.
  installAuditKey(loadAuditKey(config));
  await migrateForApp(ownerUrl, url, log);
  const database = openDatabase(url, { max: config.dbPoolMax, log });
  // A key other than the one the data was encrypted with stops start-up here, naming the setting,
  // before anything could write a row under it.
  try {
    const key = await ensureFieldKey(database.pool, crypto, fieldKeySource(config), clock.now());
    if (key.stored) log.info({ keyId: key.keyId }, 'field key check value stored');
  } catch (err) {
    await database.close();
    throw err;
  }
  const bus = new EventBus(database.db, database.pool, clock, log);
  const deps: Deps = { config, db: database.db, pool: database.pool, clock, bus, log, crypto };
  return { deps, database, databaseUrl: url, embedded };
}
