import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { runMigrations } from './migrate.js';

/**
 * The application's own database role. A superuser (or a table's owner) can switch the append-only
 * triggers off (`session_replication_role`, `ALTER TABLE ... DISABLE TRIGGER`), so the application
 * connects as a role that owns nothing it only appends to and holds no more than it needs:
 * SELECT/INSERT/UPDATE/DELETE on ordinary tables, SELECT/INSERT on append-only ones (no UPDATE, no
 * DELETE, and TRUNCATE nowhere), and pg-boss's own schema. Migrations run as the tables' owner.
 */
export const APP_ROLE = 'tuanflow_app';

/** The schema pg-boss keeps its queues in (see jobs.ts); the app role owns it, as pg-boss adds tables at run time. */
export const JOBS_SCHEMA = 'pgboss';

/** SQLSTATE of "role already exists", and of the catalogue's unique index when two create it at once. */
const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
/** Arbitrary but fixed, apart from the other advisory locks (7_464_021_001 migrations, ...). */
const ROLE_LOCK_KEY = 7_464_021_005;

function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/**
 * Creates the login role unless it exists (roles are cluster-wide, and two servers or two test runs
 * may create it at once), then makes sure it can log in with `password` and has no power over
 * triggers: NOSUPERUSER, NOBYPASSRLS, and no role or database creation.
 */
export async function ensureAppRole(admin: pg.ClientBase, role: string, password: string): Promise<void> {
  const name = admin.escapeIdentifier(role);
  // Two sessions altering one role at once fail with "tuple concurrently updated" (catalogue rows are
  // not locked like table rows); the advisory lock makes them take turns where they share a database
  // (the maintenance database, as callers use), the retry covers the rest.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query('BEGIN');
      await admin.query('SELECT pg_advisory_xact_lock($1)', [ROLE_LOCK_KEY]);
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${name} LOGIN`);
      await admin.query(
        `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
           PASSWORD ${admin.escapeLiteral(password)}`,
      );
      await admin.query('COMMIT');
      return;
    } catch (err) {
      await admin.query('ROLLBACK');
      const code = sqlState(err);
      const raced =
        code === DUPLICATE_OBJECT ||
        code === UNIQUE_VIOLATION ||
        /tuple concurrently (updated|deleted)/.test((err as Error).message);
      if (!raced || attempt >= 5) throw err;
    }
  }
}

/** A table with a trigger that refuses changes (a `*_forbid_change` function), and what it refuses. */
export interface GuardedTable {
  table: string;
  insert: boolean;
  update: boolean;
  delete: boolean;
}

/**
 * The tables whose rows a trigger refuses to change, read from the catalogue: every append-only table
 * of the migrations refuses through a function named `<something>_forbid_change`, so a table added by
 * a later migration is found without a list to keep up to date. Triggers that only guard some changes
 * (`*_guard`: a plan's content, a referral period's end) are not counted; TRUNCATE is granted on no
 * table anyway.
 */
export async function guardedTables(client: pg.ClientBase): Promise<GuardedTable[]> {
  // tgtype bits (pg_trigger.h): 1 ROW, 4 INSERT, 8 DELETE, 16 UPDATE.
  const r = await client.query<GuardedTable>(
    `SELECT c.relname AS table,
            bool_or(t.tgtype & 4 <> 0) AS insert,
            bool_or(t.tgtype & 16 <> 0) AS update,
            bool_or(t.tgtype & 8 <> 0) AS delete
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgtype & 1 <> 0
        AND p.proname LIKE '%\\_forbid\\_change'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return r.rows;
}

/**
 * Gives `role` what the application needs in the connected database, and takes back what it must not
 * have. Run as the tables' owner after every migration (new tables need their grants, new append-only
 * tables their revokes); every statement is idempotent. The default privileges cover a table the owner
 * creates later until this runs again, which start-up does right after migrating.
 */
export async function grantAppRole(owner: pg.ClientBase, role: string): Promise<GuardedTable[]> {
  const r = owner.escapeIdentifier(role);
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    // Only the owner creates objects in public (PostgreSQL 15 has this by default; older clusters not).
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // The migrations' own record: readable for /readyz, written only by migrations.
    `REVOKE INSERT, UPDATE, DELETE ON TABLE public.__drizzle_migrations FROM ${r}`,
  ];
  // Processes starting at once take turns (concurrent GRANTs on one table fail with "tuple
  // concurrently updated"), and the grants and revokes commit together, so that a server already
  // running never sees its role holding UPDATE on an append-only table, not even for a moment.
  await owner.query('SELECT pg_advisory_lock($1)', [ROLE_LOCK_KEY]);
  try {
    let guarded: GuardedTable[];
    await owner.query('BEGIN');
    try {
      for (const s of statements) await owner.query(s);
      guarded = await guardedTables(owner);
      for (const g of guarded) {
        const refused = [g.insert && 'INSERT', g.update && 'UPDATE', g.delete && 'DELETE'].filter(Boolean);
        if (refused.length > 0)
          await owner.query(
            `REVOKE ${refused.join(', ')} ON TABLE public.${owner.escapeIdentifier(g.table)} FROM ${r}`,
          );
      }
      await owner.query('COMMIT');
    } catch (err) {
      await owner.query('ROLLBACK');
      throw err;
    }
    // Outside the transaction: pg-boss's construction script brings its own.
    await ensureJobsSchema(owner, role);
    return guarded;
  } finally {
    await owner.query('SELECT pg_advisory_unlock($1)', [ROLE_LOCK_KEY]);
  }
}

/**
 * pg-boss adds a table (a partition of its job table) whenever a queue is created, which takes
 * ownership of the job table; so the app role owns pg-boss's schema and everything in it (none of it
 * is append-only). pg-boss would create its schema at its first start, which needs CREATE on the
 * database, a privilege the app role does not get: the owner installs pg-boss's tables here instead
 * (pg-boss's own construction script) and hands them over, as it hands over a schema that an earlier
 * version created under the owner. Later pg-boss upgrades run as the app role, which owns the tables.
 */
async function ensureJobsSchema(owner: pg.ClientBase, role: string): Promise<void> {
  const r = owner.escapeIdentifier(role);
  const s = owner.escapeIdentifier(JOBS_SCHEMA);
  try {
    await owner.query(`CREATE SCHEMA IF NOT EXISTS ${s} AUTHORIZATION ${r}`);
    const installed = await owner.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
      `${JOBS_SCHEMA}.version`,
    ]);
    if (installed.rows[0]?.t == null) await owner.query(PgBoss.getConstructionPlans(JOBS_SCHEMA));
    const foreign = await owner.query<{ stmt: string }>(
      `(SELECT format('ALTER %s %I.%I OWNER TO %I',
                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                     WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                      n.nspname, c.relname, $2::text) AS stmt
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND pg_get_userbyid(c.relowner) <> $2
           -- A sequence that belongs to a table changes owner with its table.
           AND NOT (c.relkind = 'S' AND EXISTS (
                 SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2
       UNION ALL
       SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $2::text)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> $2
       UNION ALL
       SELECT format('ALTER SCHEMA %I OWNER TO %I', nspname, $2::text)
         FROM pg_namespace WHERE nspname = $1 AND pg_get_userbyid(nspowner) <> $2`,
      [JOBS_SCHEMA, role],
    );
    for (const { stmt } of foreign.rows) await owner.query(stmt);
  } catch (err) {
    throw new Error(
      `cannot give the schema "${JOBS_SCHEMA}" to the role "${role}" (${(err as Error).message}); ` +
        `the owner must be a member of the role (GRANT ${role} TO <owner>), see docs/operations.md, "Database roles"`,
    );
  }
}

/** Who a connection string logs in as, and whether that role could switch the triggers off. */
export async function connectionRole(url: string): Promise<{ user: string; superuser: boolean }> {
  const client = new pg.Client({ connectionString: url, application_name: 'tuanflow-role-check' });
  await client.connect();
  try {
    const r = await client.query<{ user: string; superuser: boolean }>(
      `SELECT current_user AS user, rolsuper OR rolbypassrls AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    return r.rows[0] ?? { user: '', superuser: false };
  } finally {
    await client.end();
  }
}

/** Runs `fn` on one connection to `url`. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'tuanflow-roles' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `url` logging in as `user` with `password` instead. */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The role a connection string names (its user name). */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Migrates as the owner, then (when the application has a role of its own) re-applies its grants,
 * so that tables a migration just added are usable and append-only ones stay append-only. A
 * connection that could switch the triggers off starts with a loud warning instead.
 */
export async function migrateForApp(ownerUrl: string, appUrl: string, log: Logger): Promise<void> {
  await runMigrations(ownerUrl);
  const app = roleOf(appUrl);
  if (ownerUrl !== appUrl && roleOf(ownerUrl) !== app)
    await withClient(ownerUrl, (c) => grantAppRole(c, app));
  const who = await connectionRole(appUrl);
  if (who.superuser)
    log.warn(
      { role: who.user, setting: 'DATABASE_URL' },
      `WARNING: the application connects to PostgreSQL as "${who.user}", a superuser, which can switch off ` +
        'the append-only triggers of the audit log and the ledger. Give the application a role of its own ' +
        'and run migrations as the owner with DATABASE_OWNER_URL (docs/operations.md, "Database roles").',
    );
}
