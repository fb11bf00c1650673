import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect } from 'vitest';
import type { ErrorBody } from '../../src/platform/errors.js';
import type { Session, TestApp } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

export type Res = LightMyRequestResponse;

/** Tables a refused request must leave alone. */
export const WRITE_TABLES = ['users', 'audit_log', 'outbox_events', 'event_deliveries'] as const;
export type WriteTable = (typeof WRITE_TABLES)[number] | 'sessions';

export async function countRows(tdb: TestDb, table: WriteTable): Promise<number> {
  const r = await tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]?.n ?? -1;
}

export async function writeCounts(tdb: TestDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITE_TABLES) counts[table] = await countRows(tdb, table);
  return counts;
}

/** Runs `fn` (a refused request) and checks that it left every written table as it was. */
export async function expectNothingWritten(tdb: TestDb, fn: () => Promise<Res>): Promise<Res> {
  const before = await writeCounts(tdb);
  const res = await fn();
  expect(await writeCounts(tdb)).toEqual(before);
  return res;
}

/** Checks the status and the one JSON error shape every failure answers with. */
export function expectError(res: Res, status: number, code: string, field?: string): ErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const { error } = res.json<ErrorBody>();
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.messageZh.length).toBeGreaterThan(0);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

/** One request as `session` (cookie and CSRF header), or anonymous when `session` is null. */
export function call(
  t: TestApp,
  session: Session | null,
  method: HTTPMethods,
  url: string,
  payload?: object,
): Promise<Res> {
  return t.app.inject({
    method,
    url,
    headers: session?.headers ?? {},
    ...(payload === undefined ? {} : { payload }),
  });
}

export function requestIdOf(res: Res): string {
  const id = res.headers['x-request-id'];
  if (typeof id !== 'string' || id.length === 0) throw new Error('response carries no x-request-id');
  return id;
}

/** A user id in the right format that no row has. */
export const MISSING_USER_ID = 'usr_00000000000000000000000000';

/**
 * Runs one statement as the database's owner (the server's superuser), for checking what the
 * append-only triggers refuse: the app's own role is refused such statements by privilege before any
 * trigger sees them (db-roles.int.test.ts checks that).
 */
export async function ownerQuery(tdb: TestDb, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: tdb.adminUrl ?? tdb.url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}
