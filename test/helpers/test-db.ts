import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { AuditKey, installAuditKey } from '../../src/platform/audit/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { type Config, loadConfig, SecretKey } from '../../src/platform/config.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { urlAs } from '../../src/platform/db/roles.js';
import type { Deps } from '../../src/platform/deps.js';
import { EventBus } from '../../src/platform/outbox/event-bus.js';

/**
 * One random field key per test process: tests never read or write a key file, and a phone number
 * encrypted in one test can be decrypted by the app the same test drives.
 */
export const TEST_FIELD_KEY = new SecretKey(randomBytes(64));
export const testFieldCrypto = new FieldCrypto(TEST_FIELD_KEY);

/**
 * One random audit key per test process, installed when this helper loads, as boot.ts installs the
 * server's: every audit record a test writes is keyed. A test forging records makes its own key.
 */
export const testAuditKey = new AuditKey(new SecretKey(randomBytes(32)));
installAuditKey(testAuditKey);

export interface TestDb {
  url: string;
  /**
   * The same database as the server's superuser: for a test's setup and tampering, never the app's.
   * Optional only so that a test building its own TestDb around another server need not name one.
   */
  adminUrl?: string;
  name: string;
  deps: Deps & { clock: ManualClock };
  close(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template, with platform deps on a manual clock. Each
 * test file calls this once (in beforeAll) so files never see each other's rows.
 */
export async function createTestDb(configOverrides: Partial<Config> = {}): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `tf_${randomBytes(4).toString('hex')}_${template.slice('tf_tmpl_'.length)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dbAdminUrl = u.toString();
  // The app logs in as its own role (global-setup.ts), never as the superuser that set up the test.
  const login = inject('pgAppLogin');
  const url = urlAs(dbAdminUrl, login.user, login.password);
  const database = openDatabase(url, { max: 10 });
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // A data directory of its own (the audit checkpoints go there), removed when the database closes.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tf-test-data-'));
  // One proxy hop believed, so tests can stand for many clients with X-Forwarded-For (the server's
  // default believes none; http.int.test.ts checks that). The sandbox payment is on, as in the demo,
  // because many tests pay through it; sandbox-pay.int.test.ts checks the server's default (off).
  const config: Config = {
    ...loadConfig({ SEED_DEMO: 'false', TRUST_PROXY_HOPS: '1', PAYMENT_SANDBOX: 'true' }),
    dataDir,
    ...configOverrides,
  };
  const bus = new EventBus(database.db, database.pool, clock, log);
  return {
    url,
    adminUrl: dbAdminUrl,
    name,
    deps: { config, db: database.db, pool: database.pool, clock, bus, log, crypto: testFieldCrypto },
    async close() {
      await bus.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
