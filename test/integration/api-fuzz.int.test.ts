import type { HTTPMethods, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RouteEntry } from '../../src/app.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/demo/seed.js';
import { ROLE_PERMISSIONS, type Role } from '../../src/platform/auth/index.js';
import { registerSubscribers } from '../../src/subscribers.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app.js';
import {
  type OpenApiDoc,
  type Operation,
  unknownId,
  urlOf,
  type Variant,
  variantsOf,
} from './api-fuzz-support.js';

/**
 * Walks every operation of the OpenAPI document as a role allowed to call it and sends malformed
 * variants of a valid-looking request (see api-fuzz-support.ts). It fails on any 5xx, and on any
 * table a rejected (4xx) request changed. The walker reads the document and the route table, so a
 * route added later is walked without touching this file.
 *
 * Change detection: comparing every table after every request is too slow (~6,000 requests, ~100
 * tables), and the cheap server-wide signals are unsound here: statistics (`pg_stat_user_tables`)
 * lag, a WAL position moves on hint bits, and transaction ids are shared with every other test file
 * running at once on the same server. So the walker adds, in its own throwaway database only, a row
 * trigger on every table that draws from one sequence on each inserted, updated or deleted row (and a
 * statement trigger for TRUNCATE). A sequence ignores rollbacks, so a write that was undone still
 * counts: it can only make the walker look more often. If the sequence did not move across a
 * request, that request changed no row; if it moved and the request was refused, the tables are
 * compared in full (each one's row count and an md5 of its rows) against the state before it.
 * Nothing else writes meanwhile: the test app runs no jobs and no event delivery, and its clock
 * stands still, so sessions are not touched on each request.
 */

let t: TestApp;
let doc: OpenApiDoc;
const sessions = new Map<Role, Session>();

/**
 * Operations the walker does not send. Keep each with its reason; everything else is walked.
 */
const SKIPPED: Record<string, string> = {
  // Ends the walker's own session; it reads no input but the cookie, which auth.int.test.ts covers.
  'POST /api/auth/logout': 'ends the session the walker uses',
};

/** Walked only with unknown ids: with a real campaign it is a server-sent event stream that never ends. */
const STREAMS = new Set(['GET /api/campaigns/{id}/live']);

/**
 * Tables a rejected request may change, per operation, because refusing it is itself recorded:
 * a wrong password or pickup code counts towards its throttle (attempt_throttles, the growing
 * delay against guessing), and a failed login is audited (auth.login_failed, which a security
 * review reads). No other refusal may write anything.
 */
const MAY_WRITE_WHEN_REFUSED: Record<string, readonly string[]> = {
  'POST /api/auth/login': ['attempt_throttles', 'audit_log'],
  'POST /api/auth/change-password': ['attempt_throttles'],
  'POST /api/storefront/my-orders': ['attempt_throttles'],
  'POST /api/orders/{id}/sandbox-pay': ['attempt_throttles'],
};

beforeAll(async () => {
  t = await createTestApp();
  registerSubscribers(t.tdb.deps);
  await seedDemo(t.tdb.deps);
  for (const account of DEMO_ACCOUNTS) {
    sessions.set(account.role, await loginAs(t.app, account.username, account.password));
  }
  doc = t.app.swagger() as unknown as OpenApiDoc;
  await installChangeCounter();
}, 120_000);
afterAll(() => t?.close());

/** The session to call a route with: anonymous for public routes, else a role granted its permission. */
function sessionFor(route: RouteEntry | undefined): Session | null {
  if (!route || 'public' in route.access) return null;
  if ('authenticated' in route.access) return sessions.get('admin') ?? null;
  const permission = route.access.permission;
  // The demo leader is a real leader, so the portal's routes reach their data instead of a 404.
  const order: Role[] = ['leader', 'admin', 'operator', 'finance', 'warehouse', 'region_manager', 'customer'];
  const role = order.find((r) => ROLE_PERMISSIONS[r].includes(permission));
  return role ? (sessions.get(role) ?? null) : null;
}

interface TableState {
  rows: number;
  hash: string;
}

/**
 * Installs the change counter (see the top of this file) as the database's owner: the app may run
 * as a role that can create no trigger, and the function is SECURITY DEFINER so that any role's
 * write can draw from the sequence.
 */
async function installChangeCounter(): Promise<void> {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${t.tdb.name}`;
  const owner = new pg.Client({ connectionString: url.toString() });
  await owner.connect();
  try {
    await owner.query(`
      CREATE SEQUENCE public.fuzz_row_changes;
      CREATE FUNCTION public.fuzz_count_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$ BEGIN PERFORM nextval('public.fuzz_row_changes'); RETURN NULL; END $$;
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LOOP
          EXECUTE format('CREATE TRIGGER fuzz_count_rows AFTER INSERT OR UPDATE OR DELETE ON public.%I
                          FOR EACH ROW EXECUTE FUNCTION public.fuzz_count_change()', r.relname);
          EXECUTE format('CREATE TRIGGER fuzz_count_truncate AFTER TRUNCATE ON public.%I
                          FOR EACH STATEMENT EXECUTE FUNCTION public.fuzz_count_change()', r.relname);
        END LOOP;
      END $$;
      GRANT SELECT ON SEQUENCE public.fuzz_row_changes TO PUBLIC;
    `);
  } finally {
    await owner.end();
  }
}

async function rowChanges(): Promise<string> {
  const r = await t.tdb.deps.pool.query<{ n: string }>(
    'SELECT last_value::text || is_called::text AS n FROM public.fuzz_row_changes',
  );
  return r.rows[0]?.n ?? '';
}

let tableSql: string | undefined;
async function tableStates(): Promise<Map<string, TableState>> {
  if (!tableSql) {
    const { rows } = await t.tdb.deps.pool.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    tableSql = rows
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::int AS rows, ` +
          `coalesce(md5(string_agg(r::text, ',' ORDER BY r::text)), '') AS hash FROM public."${name}" r`,
      )
      .join(' UNION ALL ');
  }
  const { rows } = await t.tdb.deps.pool.query<{ name: string } & TableState>(tableSql);
  return new Map(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
}

function changedTables(before: Map<string, TableState>, after: Map<string, TableState>): string[] {
  const out: string[] = [];
  for (const [name, a] of after) {
    const b = before.get(name);
    if (!b || b.rows !== a.rows || b.hash !== a.hash) out.push(`${name} (rows ${b?.rows} → ${a.rows})`);
  }
  return out;
}

function requestOf(method: string, pathTemplate: string, v: Variant, session: Session | null): InjectOptions {
  const headers: Record<string, string> = { ...(session?.headers ?? {}), ...v.headers };
  const opts: InjectOptions = {
    method: method.toUpperCase() as HTTPMethods,
    url: urlOf(pathTemplate, v),
    headers,
  };
  if (v.rawBody !== undefined) {
    headers['content-type'] = 'application/json';
    opts.body = v.rawBody;
  } else if (v.body !== undefined) {
    opts.payload = v.body as InjectOptions['payload'];
  }
  return opts;
}

function brief(body: string): string {
  return body.length > 600 ? `${body.slice(0, 600)}…` : body;
}

/** An id as ids.ts makes them: a short type prefix and a ULID. */
const ID_RE = /^([a-z]{2,4})_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Ids seen in the answers, by prefix, so the second pass can aim its variants at rows that exist
 * (a handler that stops at "not found" never reaches the code that would break). The walker's own
 * users are left out, so that no variant resets its password or takes its roles away.
 */
const seen = new Map<string, string[]>();
function harvest(value: unknown): void {
  if (typeof value === 'string') {
    const m = ID_RE.exec(value);
    const own = [...sessions.values()].some((s) => s.user.id === value);
    if (m?.[1] && !own) {
      const list = seen.get(m[1]) ?? [];
      if (!list.includes(value)) list.push(value);
      seen.set(m[1], list);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) harvest(v);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) harvest(v);
  }
}

const realIdOr = (prefix: string): string => seen.get(prefix)?.[0] ?? unknownId(prefix);

describe('every operation, sent malformed input', () => {
  it('never answers 5xx, and a refused request writes nothing', async () => {
    const routes = new Map(
      t.app.routeTable.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r]),
    );
    const failures: string[] = [];
    let sent = 0;
    let operations = 0;
    // The tables as they are now; refreshed whenever a request (accepted or not) wrote something.
    let before = await tableStates();
    // Reads first, so writes that succeed (a baseline that happens to be valid) do not change what
    // the reads are walked against; within each, the document's order.
    const ops: Array<[string, string, Operation]> = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (method === 'head' || !path.startsWith('/api/')) continue;
        ops.push([method.toUpperCase(), path, op]);
      }
    }
    ops.sort((a, b) => Number(a[0] !== 'GET') - Number(b[0] !== 'GET'));
    // A skip whose route is gone (renamed, removed) would hide nothing but mislead: it must go too.
    const walked = new Set(ops.map(([m, p]) => `${m} ${p}`));
    for (const key of [...Object.keys(SKIPPED), ...STREAMS]) expect(walked, key).toContain(key);

    const send = async (key: string, method: string, path: string, v: Variant) => {
      const opts = requestOf(method, path, v, sessionFor(routes.get(key)));
      const x0 = await rowChanges();
      sent += 1;
      const res = await t.app.inject(opts).catch((err: unknown) => err as Error);
      if (res instanceof Error) {
        // A download that began with 200 and broke off (the client sees a truncated file).
        failures.push(`broken response: ${method} ${brief(String(opts.url))} [${v.label}] → ${res.message}`);
        before = await tableStates();
        return;
      }
      const x1 = await rowChanges();
      const what = `${method} ${brief(String(opts.url))} [${v.label}] → ${res.statusCode} ${brief(res.body)}`;
      if (res.statusCode >= 500) failures.push(`5xx: ${what}`);
      if (res.statusCode < 300 && String(res.headers['content-type']).startsWith('application/json')) {
        harvest(res.json());
      }
      if (x1 === x0) return;
      const after = await tableStates();
      if (res.statusCode >= 400) {
        const mayWrite = MAY_WRITE_WHEN_REFUSED[key];
        const changed = changedTables(before, after).filter(
          (name) => !mayWrite?.includes(name.split(' ')[0] ?? ''),
        );
        if (changed.length > 0) failures.push(`refused but wrote ${changed.join(', ')}: ${what}`);
      }
      before = after;
    };

    // First every operation with ids that match no row, then again with ids of rows that exist
    // (those the first pass's answers named), where the operation takes any id at all.
    for (const [method, path, op] of ops) {
      const key = `${method} ${path}`;
      if (SKIPPED[key]) continue;
      operations += 1;
      for (const v of variantsOf(op, path, unknownId, 'unknown')) await send(key, method, path, v);
    }
    for (const [method, path, op] of ops) {
      const key = `${method} ${path}`;
      if (SKIPPED[key] || STREAMS.has(key)) continue;
      const real = variantsOf(op, path, realIdOr, 'real');
      const unknown = variantsOf(op, path, unknownId, 'unknown');
      if (
        JSON.stringify(real[0]?.path) === JSON.stringify(unknown[0]?.path) &&
        JSON.stringify(real[0]?.body) === JSON.stringify(unknown[0]?.body) &&
        JSON.stringify(real[0]?.query) === JSON.stringify(unknown[0]?.query)
      )
        continue;
      for (const v of real) await send(key, method, path, v);
    }
    expect(operations).toBeGreaterThan(100);
    expect(sent).toBeGreaterThan(operations * 5);
    expect(failures, `${failures.length} failures:\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);
});
