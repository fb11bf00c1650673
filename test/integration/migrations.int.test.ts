import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { expectedMigrationCount, MIGRATIONS_DIR, runMigrations } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { EventBus } from '../../src/platform/outbox/event-bus.js';
import { testFieldCrypto } from '../helpers/test-db.js';
import { expectError } from './support.js';

const created: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A brand-new empty database (not cloned from the template); named so the run's teardown drops it too. */
async function emptyDatabase(): Promise<string> {
  const name = `tf_mig_${randomBytes(4).toString('hex')}_${inject('pgTemplate').slice('tf_tmpl_'.length)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

/** The app's deps on `url`, the way main.ts assembles them, without migrating. */
function depsOn(url: string): { deps: Deps; close(): Promise<void> } {
  const database = openDatabase(url, { max: 4 });
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  const log = pino({ level: 'silent' });
  const bus = new EventBus(database.db, database.pool, clock, log);
  const config = loadConfig({ SEED_DEMO: 'false' });
  return {
    deps: { config, db: database.db, pool: database.pool, clock, bus, log, crypto: testFieldCrypto },
    close: database.close,
  };
}

async function journalHashes(): Promise<string[]> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  const hashes: string[] = [];
  for (const { tag } of journal.entries) {
    const sql = await readFile(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8');
    hashes.push(createHash('sha256').update(sql).digest('hex'));
  }
  return hashes;
}

async function appliedHashes(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ hash: string }>(
      'SELECT hash FROM public.__drizzle_migrations ORDER BY id',
    );
    return r.rows.map((x) => x.hash);
  } finally {
    await client.end();
  }
}

let migratedUrl: string;
beforeAll(async () => {
  migratedUrl = await emptyDatabase();
});
afterAll(async () => {
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe('runMigrations', () => {
  it('migrates a brand-new database from two processes at once, recording each migration once', async () => {
    const expected = await journalHashes();
    expect(expected.length).toBe(await expectedMigrationCount());
    expect(expected.length).toBeGreaterThanOrEqual(2);
    await Promise.all([runMigrations(migratedUrl), runMigrations(migratedUrl)]);
    expect(await appliedHashes(migratedUrl)).toEqual(expected);

    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    try {
      const tables = await client.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.t)).toEqual(
        expect.arrayContaining(['audit_log', 'event_deliveries', 'outbox_events', 'sessions', 'users']),
      );
      const triggers = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal",
      );
      expect(triggers.rows[0]?.n).toBe(2);
    } finally {
      await client.end();
    }
  });

  it('does nothing when run again on a migrated database', async () => {
    const before = await appliedHashes(migratedUrl);
    expect(before.length).toBeGreaterThan(0);
    await runMigrations(migratedUrl);
    expect(await appliedHashes(migratedUrl)).toEqual(before);
  });
});

describe('/readyz', () => {
  it('answers 200 with the migration count on a migrated database', async () => {
    const { deps, close } = depsOn(migratedUrl);
    const app = await buildApp(deps, { serveWeb: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, migrations: await expectedMigrationCount() });
    } finally {
      await app.close();
      await close();
    }
  });

  it('answers 503 system.not_ready on an empty database, while /healthz still answers 200', async () => {
    const { deps, close } = depsOn(await emptyDatabase());
    const app = await buildApp(deps, { serveWeb: false });
    try {
      expectError(await app.inject({ method: 'GET', url: '/readyz' }), 503, 'system.not_ready');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
    } finally {
      await app.close();
      await close();
    }
  });

  it('answers 503 on a database where only some migrations are applied', async () => {
    const url = await emptyDatabase();
    await runMigrations(url);
    const { deps, close } = depsOn(url);
    await deps.pool.query(
      'DELETE FROM public.__drizzle_migrations WHERE id = (SELECT max(id) FROM public.__drizzle_migrations)',
    );
    const app = await buildApp(deps, { serveWeb: false });
    try {
      expectError(await app.inject({ method: 'GET', url: '/readyz' }), 503, 'system.not_ready');
    } finally {
      await app.close();
      await close();
    }
  });
});
