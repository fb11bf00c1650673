import pg from 'pg';
import { installAuditKey, loadAuditKey } from '../src/platform/audit/index.js';
import { type Config, ConfigError, loadConfig, type SecretKey } from '../src/platform/config.js';
import { FieldCrypto, fieldKeySource, keyFilePath } from '../src/platform/crypto.js';
import { lockDataDir } from '../src/platform/data-dir-lock.js';
import {
  type EmbeddedPostgres,
  ensureDatabase,
  startEmbeddedPostgres,
} from '../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { ensureFieldKey } from '../src/platform/keys/key-check.js';
import {
  installNextKeyFile,
  loadOrCreateNextKeyFile,
  nextKeyFilePath,
  readKeyFile,
} from '../src/platform/keys/key-files.js';
import { rotateFieldKey } from '../src/platform/keys/rotate-field-key.js';

/**
 * `npm run keys -- check`: says whether the configured field key is the database's.
 * `npm run keys -- rotate [--force]`: re-encrypts every personal value under a new key (see
 * docs/operations.md). Stop every tuanflow process first; run it again after an interruption.
 */
const APP_NAME = 'tuanflow-keys';

function currentKey(config: Config): SecretKey {
  return config.encryptionKey ?? readKeyFile(keyFilePath(config.dataDir));
}

function nextKey(config: Config): { key: SecretKey; source: string } {
  if (config.encryptionKey) {
    if (!config.newEncryptionKey)
      throw new ConfigError(
        'NEW_ENCRYPTION_KEY',
        'must be set to the new key when the current one comes from ENCRYPTION_KEY: generate it with ' +
          "`openssl rand -base64 64 | tr -d '\\n'` and store it safely before rotating",
      );
    return { key: config.newEncryptionKey, source: 'NEW_ENCRYPTION_KEY' };
  }
  if (config.newEncryptionKey)
    throw new ConfigError(
      'NEW_ENCRYPTION_KEY',
      `is only for a key kept in ENCRYPTION_KEY; the key file is rotated to a key the command makes in ${nextKeyFilePath(config.dataDir)}`,
    );
  return { key: loadOrCreateNextKeyFile(config.dataDir), source: nextKeyFilePath(config.dataDir) };
}

/** Other sessions on the database: a running server would read and write during the rotation. */
async function otherSessions(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ who: string }>(
    `SELECT coalesce(nullif(application_name, ''), 'pid ' || pid) || ' from ' || coalesce(client_addr::text, 'local') AS who
     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> $1`,
    [APP_NAME],
  );
  return r.rows.map((x) => x.who);
}

async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  if (command !== 'check' && command !== 'rotate') {
    console.error('usage: npm run keys -- check | rotate [--force]');
    process.exit(2);
  }
  const config = loadConfig();
  const current = new FieldCrypto(currentKey(config));
  const source = fieldKeySource(config);
  let embedded: EmbeddedPostgres | undefined;
  let unlock = () => {};
  let url: string;
  if (config.databaseUrl) {
    // The tables' owner: it migrates, and may rewrite every row.
    url = config.databaseOwnerUrl ?? config.databaseUrl;
  } else {
    // Fails while a server runs on this data directory: the rotation needs it stopped.
    unlock = lockDataDir(config.dataDir);
    embedded = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPgPort });
    await ensureDatabase(embedded.adminUrl, 'tuanflow');
    url = embedded.urlFor('tuanflow');
  }
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: APP_NAME });
  try {
    await runMigrations(url);
    if (command === 'check') {
      const r = await ensureFieldKey(pool, current, source, new Date());
      console.log(`${source}: key id ${r.keyId}, matches the database.`);
      return;
    }
    const others = await otherSessions(pool);
    if (others.length > 0 && !flags.includes('--force'))
      throw new Error(
        `stop every tuanflow process before rotating the key; the database has ${others.length} other connections ` +
          `(${others.slice(0, 5).join(', ')}). Add --force only if they are not tuanflow servers.`,
      );
    const next = nextKey(config);
    // The rotation's audit record is chained like the server's, with the same key.
    installAuditKey(loadAuditKey(config));
    console.log(`rotating from key id ${current.check.keyId} (${source}) to ${next.source}`);
    const report = await rotateFieldKey(pool, current, next.key, {
      source,
      nextSource: next.source,
      now: new Date(),
      progress: (msg) => console.log(msg),
    });
    if (report.alreadyDone) console.log('the database is already on the new key.');
    else
      console.log(
        `re-encrypted: ${JSON.stringify(report.rewritten)}; re-hashed: ${JSON.stringify(report.rehashed)}`,
      );
    if (report.orphanBlocks.length > 0)
      console.log(
        `blocklisted phones no longer matched (their number is stored nowhere else; block them again): ${report.orphanBlocks.join(', ')}`,
      );
    if (config.encryptionKey) {
      console.log(
        `done: set ENCRYPTION_KEY to the value of NEW_ENCRYPTION_KEY (key id ${report.toKeyId}) on every tuanflow process, then start them. ` +
          `Keep the old value (key id ${report.fromKeyId}) only with the backups made before today.`,
      );
    } else {
      const { retired } = installNextKeyFile(config.dataDir, report.fromKeyId);
      console.log(
        `done: ${keyFilePath(config.dataDir)} now holds the new key (key id ${report.toKeyId}); back it up. ` +
          `The old key is in ${retired}: keep it only with the backups made before today, then delete it.`,
      );
    }
  } finally {
    await pool.end();
    await embedded?.stop();
    unlock();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
