import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';

// Return bigint columns (COUNT(*), fen sums) as JS numbers: every amount we store is within
// Number.MAX_SAFE_INTEGER fen (¥90 trillion), and numbers keep the JSON API plain.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} exceeds the safe integer range`);
  return n;
});

export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle; use-cases take it explicitly so nothing runs outside a transaction by accident. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool-backed database or an open transaction: for reads that may run in both. */
export type Executor = Db | Tx;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  max?: number;
  applicationName?: string;
  /**
   * Where the pool reports a lost idle connection. Without one it goes to stderr: a dropped
   * connection is never silent.
   */
  log?: Pick<Logger, 'warn' | 'debug'>;
}

export function openDatabase(url: string, opts: OpenDatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: opts.applicationName ?? 'tuanflow',
    // A runaway query must not hold a connection for ever; long reports get their own limit later.
    statement_timeout: 30_000,
  });
  // An idle client's connection can drop (a server restart, pg_terminate_backend). The pool has
  // already thrown that client away and opens a new one on demand, so this is news for the log, not
  // a reason to exit: without a listener Node would treat the 'error' event as fatal.
  pool.on('error', (err) => {
    const fields = { err, cause: err.message, code: (err as { code?: unknown }).code };
    if (opts.log) opts.log.warn(fields, 'idle database connection lost; the pool replaces it on demand');
    else console.warn(`idle database connection lost: ${err.message}`);
  });
  // A client checked out of the pool (a transaction between two statements, waiting on the
  // application) has no listener of the pool's, and node-postgres emits 'error' on it when its
  // connection drops: without this one that would end the process. The error reaches the holder
  // anyway, at its next statement, which fails (hence only a debug line here); the pool then drops
  // the broken client on release, and an idle one is reported by the 'error' listener above.
  pool.on('connect', (client) => {
    client.on('error', (err) => opts.log?.debug({ cause: err.message }, 'database connection lost'));
  });
  const db = drizzle({ client: pool }) as Db;
  return {
    pool,
    db,
    async close() {
      await pool.end();
    },
  };
}

/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
