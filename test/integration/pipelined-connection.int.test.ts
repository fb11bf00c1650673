import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgErrorOf } from '../../src/platform/db/pg-error.js';
import { PipelinedConnection } from '../../src/platform/db/pipelined-connection.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/** The connection the intake sends its one-statement batches down (see fast-batch.ts). */
let tdb: TestDb;
let pipe: PipelinedConnection;
beforeAll(async () => {
  tdb = await createTestDb();
  // Made by the owner (the app's role cannot create tables); default privileges let the app write it.
  const owner = new pg.Client({ connectionString: tdb.adminUrl });
  await owner.connect();
  await owner.query('CREATE TABLE pipe_log (n int NOT NULL, pid int NOT NULL)');
  await owner.end();
  pipe = new PipelinedConnection(tdb.deps.pool.options);
});
afterAll(async () => {
  await pipe.close();
  await tdb.close();
});

const insert = (n: number) => sql`INSERT INTO pipe_log (n, pid) VALUES (${n}, pg_backend_pid()) RETURNING n`;

describe('PipelinedConnection', () => {
  it('runs statements given at once in the order given, on one backend, each committed alone', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pipe.execute(insert(i))));
    expect(results.map((r) => r.rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const rows = await tdb.deps.pool.query('SELECT n, pid FROM pipe_log ORDER BY xmin::text::bigint, n');
    expect(rows.rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(rows.rows.map((r) => r.pid)).size).toBe(1);
  });

  it('fails one statement alone: those after it still run', async () => {
    await tdb.deps.pool.query('DELETE FROM pipe_log');
    const a = pipe.execute(insert(1));
    const bad = pipe.execute(sql`SELECT intake_expect(false, 'on purpose')`);
    const c = pipe.execute(insert(3));
    await expect(a).resolves.toBeDefined();
    const err = await bad.catch((e: unknown) => e);
    expect(pgErrorOf(err)).toMatchObject({ code: 'TF001', message: 'intake prediction missed: on purpose' });
    await expect(c).resolves.toBeDefined();
    const rows = await tdb.deps.pool.query('SELECT n FROM pipe_log ORDER BY n');
    expect(rows.rows.map((r) => r.n)).toEqual([1, 3]);
  });

  it('prepares a statement once and runs it again by name', async () => {
    const q = () => sql`SELECT ${41}::int + 1 AS x`;
    expect((await pipe.execute<{ x: number }>(q(), { prepared: true })).rows[0]?.x).toBe(42);
    expect((await pipe.execute<{ x: number }>(q(), { prepared: true })).rows[0]?.x).toBe(42);
    const prepared = await pipe.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'p\\_%'`,
    );
    expect(prepared.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('opens a new connection after its backend was terminated', async () => {
    const pid = (await pipe.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid;
    await tdb.deps.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    // The statement sent on the dead connection fails; the next one runs on a new backend.
    let after: number | undefined;
    for (let i = 0; i < 5 && after === undefined; i++) {
      after = await pipe
        .execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)
        .then((r) => r.rows[0]?.pid)
        .catch(() => undefined);
    }
    expect(after).toBeDefined();
    expect(after).not.toBe(pid);
  });
});
