import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

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

export function openDatabase(url: string, opts: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: opts.applicationName ?? 'tuanflow',
    // A runaway query must not hold a connection for ever; long reports get their own limit later.
    statement_timeout: 30_000,
  });
  // An idle client's connection can drop (server restart); log it rather than crash the process.
  pool.on('error', () => {});
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
