import type pg from 'pg';
import { pgErrorOf } from './pg-error.js';

/**
 * How long to wait before reconnect attempt `attempt` (1, 2, 3 ...): nothing before the first, so a
 * single dropped connection (a `pg_terminate_backend`, an idle timeout in a proxy) is replaced at
 * once, then doubling from `baseMs` up to `capMs`. `random` (0..1) spreads the waits of many
 * processes by up to a quarter, so that they do not all knock at the same moment when the database
 * comes back.
 */
export function reconnectDelayMs(
  attempt: number,
  opts: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  if (attempt <= 1) return 0;
  const base = opts.baseMs ?? 200;
  const cap = opts.capMs ?? 3000;
  const plain = Math.min(cap, base * 2 ** Math.min(attempt - 2, 30));
  const jitter = 1 - 0.25 * (opts.random ?? Math.random)();
  return Math.round(plain * jitter);
}

/** SQLSTATEs that mean the connection or the server went away, not that the statement was wrong. */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast/immediate shutdown
  '57P02', // crash_shutdown: another backend crashed and the server restarts
  '57P03', // cannot_connect_now: the server is starting up or in recovery
  '53300', // too_many_connections
]);

/** Socket errors of Node that mean the server cannot be reached. */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool say these in plain messages, with no code. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /timeout exceeded when trying to connect/,
  /^Client was closed/,
];

/**
 * True when `err` (or an error in its `cause` chain) says the database could not be reached or the
 * connection broke: the request may well succeed once the database is back, so the caller answers
 * 503 `db.unavailable` rather than 500.
 */
export function isConnectionError(err: unknown): boolean {
  const sqlstate = pgErrorOf(err)?.code;
  if (sqlstate && (sqlstate.startsWith('08') || CONNECTION_SQLSTATES.has(sqlstate))) return true;
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 10; depth++) {
    const { code, syscall, message, errors } = e as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return true;
    // A missing Unix socket (the server is stopped); any other missing file is not ours to excuse.
    if (code === 'ENOENT' && syscall === 'connect') return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message))) return true;
    // Node's happy-eyeballs connect reports an AggregateError of one error per address tried.
    if (Array.isArray(errors) && errors.some((x) => isConnectionError(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface DownSource {
  source: string;
  since: Date;
  cause: string;
}

/**
 * What this process knows about its database without asking it: each long-lived connection that
 * reconnects by itself (the outbox's LISTEN connection, ...) reports here when a reconnect attempt
 * fails and again when one succeeds. `/readyz` answers not-ready while any of them is down, without
 * waiting for a query that would hang or fail, and asks the database itself only when none is.
 * Sources that are not connected at all (a process that never started the bus) report nothing, so
 * readiness then rests on the live probe alone.
 */
export class DbHealth {
  private readonly down = new Map<string, DownSource>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Marks `source` unreachable; true when it was not already (the caller logs the change once). */
  reportDown(source: string, err: unknown): boolean {
    if (this.down.has(source)) return false;
    const cause = err instanceof Error ? err.message : String(err);
    this.down.set(source, { source, since: this.now(), cause: cause.slice(0, 300) });
    return true;
  }

  /** Marks `source` connected again; the outage it had, if it had one, for the caller's log. */
  reportUp(source: string): DownSource | undefined {
    const was = this.down.get(source);
    this.down.delete(source);
    return was;
  }

  /** True while no source is known to be down. */
  get ready(): boolean {
    return this.down.size === 0;
  }

  /** The sources down now, oldest outage first. */
  downSources(): DownSource[] {
    return [...this.down.values()].sort((a, b) => a.since.getTime() - b.since.getTime());
  }
}

/**
 * One `DbHealth` per pool: every part of the process that holds the pool (and so `deps.pool`) finds
 * the same one, with no new field threaded through every constructor of `Deps`.
 */
const healthByPool = new WeakMap<pg.Pool, DbHealth>();

export function dbHealthOf(pool: pg.Pool): DbHealth {
  let health = healthByPool.get(pool);
  if (!health) {
    health = new DbHealth();
    healthByPool.set(pool, health);
  }
  return health;
}

/**
 * Lets one message through per `everyMs` and counts the ones held back in between, for errors that
 * repeat every poll while the database is away (pg-boss's workers): the log shows the outage and how
 * often it was met without one line per poll.
 */
export class LogThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private held = 0;

  constructor(
    private readonly everyMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** null to stay quiet; otherwise how many messages were held back since the last one let through. */
  pass(): { suppressed: number } | null {
    const t = this.now();
    if (t - this.last < this.everyMs) {
      this.held += 1;
      return null;
    }
    this.last = t;
    const suppressed = this.held;
    this.held = 0;
    return { suppressed };
  }
}

/**
 * A sleep that `cancel()` ends at once (with false), so that stopping a component does not wait out
 * the backoff of a reconnect loop.
 */
export function cancellableDelay(ms: number): { done: Promise<boolean>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    timer.unref();
    cancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  return { done, cancel };
}

/**
 * The live half of readiness: one cheap query with a short deadline, so a load balancer asking
 * `/readyz` gets an answer in `timeoutMs` even when connecting would hang (a firewall that drops
 * packets). Resolves to the query's rows, or rejects with the error or the timeout.
 */
export async function probe<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  timeoutMs: number,
): Promise<R[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const query = pool.query<R>(text);
  // The query may settle after the deadline: its rejection is expected and must not go unhandled.
  query.catch(() => {});
  try {
    return (await Promise.race([query, timeout])).rows;
  } finally {
    clearTimeout(timer);
  }
}
