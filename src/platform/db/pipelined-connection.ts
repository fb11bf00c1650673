import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';

const dialect = new PgDialect();

/**
 * One connection, separate from the pool, that sends each statement as soon as it is given
 * (node-postgres's pipeline mode) instead of after the answer to the one before: PostgreSQL runs
 * them one after the other, in the order given, with no wait for this process in between. Each
 * statement is its own transaction (it must not be BEGIN or COMMIT) and fails or succeeds alone.
 * For a writer that issues a stream of self-contained statements whose order matters (the order
 * intake's one-statement batches). A broken connection is dropped (and reported to `onLost`, with
 * its cause) and the next statement opens a new one; the statements already sent on it fail. While
 * the database is away each statement fails at its connect: the caller decides how often to try.
 */
export class PipelinedConnection {
  private client: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    /** Told when an open connection breaks (not when opening one fails: that caller sees the rejection). */
    private readonly onLost: (err: Error) => void = () => {},
  ) {}

  private connect(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('pipelined connection closed'));
    if (!this.client) {
      const client = new pg.Client({ ...this.config, pipeline: true });
      let open = false;
      const drop = (err?: Error) => {
        if (this.client !== connected) return;
        this.client = null;
        if (open && !this.closed) this.onLost(err ?? new Error('Connection terminated unexpectedly'));
      };
      // Without an 'error' listener a connection dropped by the server would end the process.
      client.on('error', drop);
      client.on('end', () => drop());
      const connected: Promise<pg.Client> = client.connect().then(
        () => {
          open = true;
          return client;
        },
        (err: unknown) => {
          drop();
          throw err;
        },
      );
      this.client = connected;
    }
    return this.client;
  }

  /**
   * Sends `statement`. With `prepared`, it is prepared once per connection under a name derived from
   * its text and then only bound and run: for a statement whose text is the same every time and whose
   * planning would otherwise be paid on every call.
   */
  async execute<R extends pg.QueryResultRow>(
    statement: SQL,
    opts: { prepared?: boolean } = {},
  ): Promise<pg.QueryResult<R>> {
    const { sql, params } = dialect.sqlToQuery(statement);
    const client = await this.connect();
    if (!opts.prepared) return client.query<R>(sql, params);
    const name = `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    return client.query<R>({ name, text: sql, values: params });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) await (await client.catch(() => null))?.end();
  }
}
