import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { INTAKE_CONNECTION_NAME } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import {
  type EmbeddedPostgres,
  ensureDatabase,
  startEmbeddedPostgres,
} from '../../src/platform/db/embedded-postgres.js';
import { postmasterRunning, watchEmbeddedPostgres } from '../../src/platform/db/embedded-watchdog.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { Jobs } from '../../src/platform/jobs/jobs.js';
import { EventBus, OUTBOX_LISTENER_NAME } from '../../src/platform/outbox/event-bus.js';
import { freePort } from '../helpers/global-setup.js';
import type { TestDb } from '../helpers/test-db.js';
import { testFieldCrypto } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { expectError } from './support.js';

/**
 * The database goes away under a running server and comes back (issue 15, part 3). This file runs
 * its own embedded PostgreSQL, because it kills it: the HTTP app, the outbox bus (with its LISTEN
 * connection), the order intake and pg-boss all run against it. Waiting is unavoidable here (a
 * restart takes real time); every wait polls with a deadline.
 */

/**
 * Durable as the product runs it (unlike the shared test cluster): the test kills every process of
 * PostgreSQL, and a commit acknowledged before that must still be there after the restart.
 */
const SETTINGS = {};
const PROBE = 'outage-probe';

let dir: string;
let port: number;
let server: EmbeddedPostgres;
let url: string;
let database: Database;
let deps: Deps & { clock: ManualClock };
let app: App;
let jobs: Jobs;
let sale: Sale;
let watch: pg.Pool;
const logs: { level: number; msg: string; cause?: string }[] = [];
let jobRuns = 0;
/** While set, the probe subscriber waits for it before it finishes a delivery. */
let gate: Promise<void> | null = null;
let entered: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-outage-'));
  port = await freePort();
  server = await startEmbeddedPostgres({ dir, port, settings: SETTINGS });
  await ensureDatabase(server.adminUrl, 'tuanflow');
  url = server.urlFor('tuanflow');
  await runMigrations(url);
  // The test's own eyes on the database, apart from the server's pool.
  watch = new pg.Pool({ connectionString: url, max: 2 });
  watch.on('error', () => {});

  const log = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  database = openDatabase(url, { max: 10, log });
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  const config: Config = loadConfig({ SEED_DEMO: 'false', TRUST_PROXY_HOPS: '1' });
  const bus = new EventBus(database.db, database.pool, clock, log);
  deps = { config, db: database.db, pool: database.pool, clock, bus, log, crypto: testFieldCrypto };
  bus.subscribe('order.placed', PROBE, async (_event, tx) => {
    if (gate) {
      entered();
      await gate;
    }
    await tx.execute(sql`SELECT 1`);
  });
  app = await buildApp(deps, { serveWeb: false, loginPerMinute: 10_000 });
  // A poll once a minute: within a test, deliveries come by NOTIFY or by the re-read after a
  // reconnect, never by the poll.
  await bus.start(60_000);
  jobs = new Jobs(deps, url, log, [
    {
      name: PROBE,
      run: async () => {
        jobRuns += 1;
      },
    },
  ]);
  await jobs.start({ schedule: false });
  const tdb: TestDb = { url, name: 'tuanflow', deps, close: async () => {} };
  sale = await arrangeSale(tdb, { cap: 1000, stock: 1000 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await deps?.bus.stop();
  await database?.close();
  await watch?.end();
  await server?.stop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

let keySeq = 0;
function place() {
  keySeq += 1;
  return app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `outage-${Date.now()}-${keySeq}` },
    payload: orderBody(sale, newPhone(), 1),
  });
}

async function placed(): Promise<string> {
  const res = await place();
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ order: { id: string } }>().order.id;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; the server's last log lines:\n${logs
          .slice(-15)
          .map((l) => `${l.msg} ${l.cause ?? ''}`)
          .join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The probe subscriber's delivery of the order's order.placed event: its status in the database. */
async function deliveryOf(orderId: string): Promise<string | undefined> {
  const r = await watch.query<{ status: string }>(
    `SELECT d.status FROM event_deliveries d
     JOIN outbox_events e ON e.id = d.event_id
     WHERE e.aggregate_id = $1 AND e.type = 'order.placed' AND d.subscriber = $2`,
    [orderId, PROBE],
  );
  return r.rows[0]?.status;
}

const delivered = (orderId: string) =>
  until(`delivery of ${orderId}`, async () =>
    (await deliveryOf(orderId)) === 'delivered' ? true : undefined,
  );

/** Connections of the tuanflow database by application_name. */
async function backends(name: string): Promise<number[]> {
  const r = await watch.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
    [name],
  );
  return r.rows.map((x) => x.pid);
}

/**
 * SIGKILL to the postmaster and every process it started, at once: PostgreSQL gets no chance to shut
 * down or to tell its clients, as when it crashes or is killed by the OOM killer.
 */
function killPostgres(): void {
  const pid = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    // No children: only the postmaster.
  }
  for (const p of [pid, ...children]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

const readyz = () => app.inject({ method: 'GET', url: '/readyz' });

describe('the database goes away under a running server', () => {
  it('answers 503 while it is down, is ready again when it is back, and loses no order or event', async () => {
    expect((await readyz()).statusCode).toBe(200);
    const before = await placed();
    await delivered(before);

    // An order whose event is being delivered when PostgreSQL dies: the delivery's transaction is
    // lost with it, and its NOTIFY was already heard, so only a re-read after the reconnect finds it.
    const arrived = new Promise<void>((r) => {
      entered = r;
    });
    let open!: () => void;
    gate = new Promise<void>((r) => {
      open = r;
    });
    const cut = await placed();
    await arrived;
    const lostLines = logs.length;
    // Idle connections in the pool too, as a server has between requests.
    await Promise.all([1, 2, 3, 4].map(() => deps.pool.query('SELECT 1')));
    expect(database.pool.idleCount).toBeGreaterThan(0);
    killPostgres();
    // The pool hears of its idle connections' end before anything asks it for one: a request made
    // first could be handed an idle connection whose end was not read yet, and the error would then go
    // to that request instead of the pool's log line (which made this test fail now and then).
    await until('the pool to log its lost idle connections', async () =>
      logs
        .slice(lostLines)
        .some((l) => l.msg === 'idle database connection lost; the pool replaces it on demand')
        ? true
        : undefined,
    );
    gate = null;
    open();

    const down = await until('/readyz to say not ready', async () => {
      const res = await readyz();
      return res.statusCode === 503 ? res : undefined;
    });
    expectError(down, 503, 'db.unavailable');
    // An order while it is down: a clean 503 with its code, not a 500 and not a hang.
    const started = Date.now();
    expectError(await place(), 503, 'db.unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await deliveryOf(cut).catch(() => 'unreachable')).toBe('unreachable');

    server = await startEmbeddedPostgres({ dir, port, settings: SETTINGS });
    await until('/readyz to say ready', async () => ((await readyz()).statusCode === 200 ? true : undefined));
    await delivered(cut);
    const after = await placed();
    await delivered(after);
    const ok = (
      await watch.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::text[])', [
        [before, cut, after],
      ])
    ).rows[0]?.n;
    expect(ok).toBe(3);

    // pg-boss came back by itself: a job sent now runs.
    const runs = jobRuns;
    await jobs.send(PROBE);
    await until('the job to run', async () => (jobRuns > runs ? true : undefined));

    // The log tells the operator what happened, with the cause.
    const said = logs.slice(lostLines).map((l) => l.msg);
    expect(said).toContain('outbox listener connection lost; reconnecting');
    expect(said).toContain('database unreachable; /readyz answers 503 until it is back');
    expect(said).toContain('outbox listener reconnected; re-reading due deliveries');
    expect(said).toContain('idle database connection lost; the pool replaces it on demand');
  }, 180_000);

  it('survives pg_terminate_backend of each long-lived connection and keeps delivering', async () => {
    // The intake's pipelined connection opens with its first predicted batch: a few orders in a row.
    for (let i = 0; i < 3; i++) await placed();
    const names = [OUTBOX_LISTENER_NAME, INTAKE_CONNECTION_NAME, 'tuanflow-risk-listener', 'tuanflow-jobs'];
    const victims = new Map<string, number[]>();
    for (const name of names) victims.set(name, await backends(name));
    expect(victims.get(OUTBOX_LISTENER_NAME)).toHaveLength(1);
    for (const pids of victims.values())
      for (const pid of pids) await watch.query('SELECT pg_terminate_backend($1)', [pid]);

    // A new LISTEN connection replaces the old one.
    const old = victims.get(OUTBOX_LISTENER_NAME)?.[0];
    await until('a new outbox listener', async () => {
      const now = await backends(OUTBOX_LISTENER_NAME);
      return now.length === 1 && now[0] !== old ? true : undefined;
    });
    expect((await readyz()).statusCode).toBe(200);
    // Orders go on being taken, and their events delivered by NOTIFY on the new connection.
    for (let i = 0; i < 3; i++) await delivered(await placed());
    const runs = jobRuns;
    await jobs.send(PROBE);
    await until('the job to run', async () => (jobRuns > runs ? true : undefined));
  }, 120_000);

  it('starts its embedded PostgreSQL again when it dies (the watchdog main.ts runs)', async () => {
    const dog = watchEmbeddedPostgres({
      isRunning: () => postmasterRunning(server.dataDir),
      restart: async () => {
        server = await startEmbeddedPostgres({ dir, port, settings: SETTINGS });
      },
      log: deps.log,
      intervalMs: 200,
    });
    try {
      expect(postmasterRunning(server.dataDir)).toBe(true);
      const lostLines = logs.length;
      killPostgres();
      await until('/readyz to say not ready', async () =>
        (await readyz()).statusCode === 503 ? true : undefined,
      );
      // Nobody but the watchdog starts it.
      await until('/readyz to say ready', async () =>
        (await readyz()).statusCode === 200 ? true : undefined,
      );
      expect(postmasterRunning(server.dataDir)).toBe(true);
      await delivered(await placed());
      const said = logs.slice(lostLines).map((l) => l.msg);
      expect(said).toContain('embedded PostgreSQL is not running; starting it again');
      expect(said).toContain('embedded PostgreSQL started again');
    } finally {
      await dog.stop();
    }
  }, 120_000);
});
