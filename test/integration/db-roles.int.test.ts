import pg from 'pg';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordAudit, SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import {
  connectionRole,
  ensureAppRole,
  grantAppRole,
  guardedTables,
  migrateForApp,
  withClient,
} from '../../src/platform/db/roles.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/**
 * The application's connection runs as a role that cannot switch the append-only triggers off and
 * cannot change an append-only table even without them: refused by privilege, not only by trigger.
 * The test helpers run every integration test's app as that role (global-setup.ts).
 */
let tdb: TestDb;
let owner: pg.Pool;
beforeAll(async () => {
  tdb = await createTestDb();
  owner = new pg.Pool({ connectionString: tdb.adminUrl, max: 2 });
  await tdb.deps.db.transaction((tx) =>
    recordAudit(tx, tdb.deps.clock, SYSTEM_ACTOR, { action: 'test.roles', entityType: 'test' }),
  );
});
afterAll(async () => {
  await owner.end();
  await tdb.close();
});

const app = () => tdb.deps.pool;

/** Every table the migrations make append-only, by the trigger's `*_forbid_change` function. */
const APPEND_ONLY = [
  'agreement_signatures',
  'agreement_templates',
  'audit_chain_keying',
  'audit_log',
  'commission_accruals',
  'commission_entry_adjustments',
  'commission_period_runs',
  'commission_plan_activations',
  'commission_settlement_leaders',
  'commission_settlements',
  'leader_level_history',
  'ledger_accounts',
  'ledger_postings',
  'ledger_transfers',
  'order_refund_lines',
  'order_refunds',
  'stock_movements',
];

describe('the application role', () => {
  it('is neither a superuser nor able to bypass row security', async () => {
    expect(await connectionRole(tdb.url)).toEqual({ user: inject('pgAppLogin').user, superuser: false });
    expect((await connectionRole(tdb.adminUrl ?? '')).superuser).toBe(true);
  });

  it('cannot switch the triggers off for its session', async () => {
    await expect(app().query('SET session_replication_role = replica')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied to set parameter/),
    });
  });

  it('cannot update, delete or truncate audit records: refused by privilege, before any trigger', async () => {
    for (const sql of ['UPDATE audit_log SET action = $1', 'DELETE FROM audit_log WHERE action <> $1']) {
      await expect(app().query(sql, ['x']), sql).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied for table audit_log/),
      });
    }
    await expect(app().query('TRUNCATE audit_log')).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot drop, disable or replace the triggers, nor make tables', async () => {
    for (const sql of [
      'DROP TRIGGER audit_log_no_update ON audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER USER',
      'ALTER TABLE ledger_transfers DISABLE TRIGGER ledger_transfers_no_update',
      'CREATE OR REPLACE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$',
      'CREATE TABLE sneaky (id int)',
    ]) {
      await expect(app().query(sql), sql).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/must be owner|permission denied/),
      });
    }
  });

  it('holds only SELECT and INSERT on every append-only table, and all four on an ordinary one', async () => {
    const found = await owner.connect().then(async (c) => {
      try {
        return await guardedTables(c);
      } finally {
        c.release();
      }
    });
    expect(found.filter((g) => g.update && g.delete).map((g) => g.table)).toEqual(APPEND_ONLY);
    // commission_entries change status, but are never deleted.
    expect(found.find((g) => g.table === 'commission_entries')).toMatchObject({
      update: false,
      delete: true,
    });
    const role = inject('pgAppLogin').user;
    const privileges = async (table: string) =>
      (
        await owner.query<{ p: string }>(
          `SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER']) p
            WHERE has_table_privilege($1, $2, p) ORDER BY 1`,
          [role, `public.${table}`],
        )
      ).rows.map((r) => r.p);
    for (const table of APPEND_ONLY.filter((t) => t !== 'audit_chain_keying'))
      expect(await privileges(table), table).toEqual(['INSERT', 'SELECT']);
    expect(await privileges('audit_chain_keying')).toEqual(['SELECT']);
    expect(await privileges('commission_entries')).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    expect(await privileges('orders')).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    expect(await privileges('__drizzle_migrations')).toEqual(['SELECT']);
  });

  it('owns the jobs schema, where pg-boss adds a table per queue at run time', async () => {
    const r = await owner.query<{ owner: string }>(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'",
    );
    expect(r.rows[0]?.owner).toBe(inject('pgAppLogin').user);
  });
});

describe('grants after a migration', () => {
  it('covers a table the owner adds later, and takes UPDATE and DELETE back once it is append-only', async () => {
    await owner.query(`CREATE TABLE later_history (id int PRIMARY KEY, note text)`);
    // Default privileges: usable at once, before any re-grant.
    await app().query(`INSERT INTO later_history VALUES (1, 'a')`);
    await app().query(`UPDATE later_history SET note = 'b'`);
    await owner.query(`CREATE FUNCTION later_history_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'append-only'; END $$`);
    await owner.query(`CREATE TRIGGER later_history_no_update BEFORE UPDATE OR DELETE ON later_history
      FOR EACH ROW EXECUTE FUNCTION later_history_forbid_change()`);
    const c = await owner.connect();
    try {
      await grantAppRole(c, inject('pgAppLogin').user);
    } finally {
      c.release();
    }
    await app().query(`INSERT INTO later_history VALUES (2, 'c')`);
    await expect(app().query('DELETE FROM later_history')).rejects.toMatchObject({
      message: expect.stringMatching(/permission denied/),
    });
  });

  it('hands a jobs schema installed under the owner (by an earlier version) over to the app role', async () => {
    const scratch = await createTestDb();
    const admin = new pg.Pool({ connectionString: scratch.adminUrl, max: 1 });
    const boss = new PgBoss({ connectionString: scratch.url, schema: 'pgboss', max: 1 });
    boss.on('error', () => {});
    try {
      await admin.query('DROP SCHEMA pgboss CASCADE');
      await admin.query(PgBoss.getConstructionPlans('pgboss'));
      const c = await admin.connect();
      try {
        await grantAppRole(c, inject('pgAppLogin').user);
      } finally {
        c.release();
      }
      const owners = await admin.query<{ owner: string }>(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pgboss'`,
      );
      expect(owners.rows).toEqual([{ owner: inject('pgAppLogin').user }]);
      // pg-boss as the app role: a new queue is a new partition of the job table it now owns.
      await boss.start();
      await boss.createQueue('roles-probe');
      expect(await boss.send('roles-probe', {})).toEqual(expect.any(String));
    } finally {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      await admin.end();
      await scratch.close();
    }
  });
});

describe('grantAppRole from several processes at once', () => {
  it('takes turns instead of failing on concurrent catalogue updates', async () => {
    const grant = () => withClient(tdb.adminUrl ?? '', (c) => grantAppRole(c, inject('pgAppLogin').user));
    const results = await Promise.all([grant(), grant(), grant()]);
    expect(results.map((r) => r.length)).toEqual([
      results[0]?.length,
      results[0]?.length,
      results[0]?.length,
    ]);
  });
});

describe('ensureAppRole', () => {
  it('tolerates a role that exists and two creators at once', async () => {
    const name = `tf_role_${Math.random().toString(36).slice(2, 8)}`;
    const admin = inject('pgAdminUrl');
    try {
      await Promise.all([
        withClient(admin, (c) => ensureAppRole(c, name, 'pw-1')),
        withClient(admin, (c) => ensureAppRole(c, name, 'pw-1')),
      ]);
      await withClient(admin, (c) => ensureAppRole(c, name, 'pw-2'));
      const r = await withClient(admin, (c) =>
        c.query<{ rolsuper: boolean; rolcanlogin: boolean }>(
          'SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = $1',
          [name],
        ),
      );
      expect(r.rows).toEqual([{ rolsuper: false, rolcanlogin: true }]);
    } finally {
      await withClient(admin, (c) => c.query(`DROP ROLE IF EXISTS "${name}"`));
    }
  });
});

describe('migrateForApp', () => {
  it('warns loudly when the application would connect as a superuser, and not as its own role', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    await migrateForApp(tdb.adminUrl ?? '', tdb.adminUrl ?? '', log);
    expect(lines.join('\n')).toMatch(/superuser.*DATABASE_OWNER_URL/);
    lines.length = 0;
    await migrateForApp(tdb.adminUrl ?? '', tdb.url, log);
    expect(lines).toEqual([]);
  });
});
