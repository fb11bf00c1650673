import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import { cancellableDelay, dbHealthOf, isConnectionError, reconnectDelayMs } from '../db/db-health.js';
import { cte, executeParts, NO_PARTS, type StatementParts } from '../db/statement-parts.js';
import { newId } from '../ids.js';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { eventDeliveries, outboxEvents } from './outbox.tables.js';

export interface DomainEvent<P = unknown> {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  requestId: string | null;
  createdAt: Date;
}

export interface NewEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
}

/**
 * A subscriber runs inside the transaction that marks its delivery done, so its own database
 * effects happen exactly once; effects outside the database happen at least once and must be
 * idempotent (key them on `event.id`).
 */
export type Handler = (event: DomainEvent, tx: Tx) => Promise<void>;

/**
 * A subscriber that takes many events of its type at once (in delivery order), for events that come
 * by the thousand (order.placed during a flash sale). If it throws, the dispatcher retries the events
 * one at a time so that one bad event cannot hold back the others.
 */
export type BatchHandler = (events: readonly DomainEvent[], tx: Tx) => Promise<void>;

interface Subscriber {
  name: string;
  handle: BatchHandler;
}

/** Deliveries fetched and attempted per dispatcher transaction. */
const DRAIN_BATCH = 500;

const CHANNEL = 'tuanflow_outbox';

/**
 * The LISTEN connection's `application_name`, so that an operator (or a test) finds it in
 * `pg_stat_activity`, and the name it reports under in `DbHealth`.
 */
export const OUTBOX_LISTENER_NAME = 'tuanflow-outbox-listener';

export class EventBus {
  private readonly subscribers = new Map<string, Subscriber[]>();
  private listener: pg.Client | undefined;
  /** The running reconnect loop, and how to cut its current wait short (for stop()). */
  private reconnecting: Promise<void> | undefined;
  private cancelWait: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Registers `handler` under a stable `name`; the name is the delivery's key, so never rename one casually. */
  subscribe(type: string, name: string, handler: Handler): void {
    this.add(type, name, async (events, tx) => {
      for (const e of events) await handler(e, tx);
    });
  }

  /** Like `subscribe`, with a handler that takes a batch of events (see `BatchHandler`). */
  subscribeBatch(type: string, name: string, handler: BatchHandler): void {
    this.add(type, name, handler);
  }

  private add(type: string, name: string, handle: BatchHandler): void {
    const list = this.subscribers.get(type) ?? [];
    if (list.some((s) => s.name === name))
      throw new Error(`subscriber ${name} already registered for ${type}`);
    list.push({ name, handle });
    this.subscribers.set(type, list);
  }

  /**
   * Writes the event and one pending delivery per subscriber in the caller's transaction. The
   * NOTIFY is transactional too: listeners hear it only if the transaction commits.
   */
  async publish(tx: Tx, event: NewEvent, requestId: string | null = null): Promise<string> {
    const [id] = await this.publishMany(tx, [{ ...event, requestId }]);
    return id ?? '';
  }

  /** Many events in one insert each for events and deliveries, and one NOTIFY: for batches. */
  async publishMany(
    tx: Tx,
    events: ReadonlyArray<NewEvent & { requestId?: string | null }>,
  ): Promise<string[]> {
    const { parts, ids } = this.publishParts(events);
    await executeParts(tx, parts);
    return ids;
  }

  /**
   * The events as parts of a bigger statement (see `StatementParts`): the events, a delivery per
   * subscriber, and the NOTIFY (delivered on commit), named after `name` so that several sets can
   * share one statement. The deliveries' foreign key is checked at the end of the statement, when
   * the events exist.
   */
  publishParts(
    events: ReadonlyArray<NewEvent & { requestId?: string | null }>,
    name = 'events',
  ): { parts: StatementParts; ids: string[] } {
    if (events.length === 0) return { parts: NO_PARTS, ids: [] };
    const now = this.clock.now();
    const rows = events.map((e) => ({
      id: newId('event'),
      type: e.type,
      aggregateType: e.aggregateType,
      aggregateId: e.aggregateId,
      payload: e.payload,
      requestId: e.requestId ?? null,
    }));
    const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
    const deliveries = rows.flatMap((r) =>
      (this.subscribers.get(r.type) ?? []).map((s) => [r.id, s.name] as const),
    );
    const at = sql`${now.toISOString()}::timestamptz`;
    const ctes = [
      cte(
        name,
        sql`INSERT INTO ${outboxEvents} (id, type, aggregate_type, aggregate_id, payload, request_id, created_at)
      SELECT i, t, at, ai, p, r, ${at}
      FROM unnest(${col('id')}::text[], ${col('type')}::text[], ${col('aggregateType')}::text[], ${col('aggregateId')}::text[],
                  ${sql.param(rows.map((r) => JSON.stringify(r.payload)))}::jsonb[], ${col('requestId')}::text[])
        AS v(i, t, at, ai, p, r)`,
      ),
    ];
    const ids = rows.map((r) => r.id);
    if (deliveries.length === 0) return { parts: { ctes, outputs: [] }, ids };
    ctes.push(
      cte(
        `${name}_deliveries`,
        sql`INSERT INTO ${eventDeliveries} (event_id, subscriber, next_attempt_at)
      SELECT e, s, ${at}
      FROM unnest(${sql.param(deliveries.map((d) => d[0]))}::text[], ${sql.param(deliveries.map((d) => d[1]))}::text[]) AS v(e, s)`,
      ),
    );
    const outputs = [sql`pg_notify(${CHANNEL}, ${ids[0] ?? ''}) AS ${sql.identifier(`${name}_notify`)}`];
    return { parts: { ctes, outputs }, ids };
  }

  /**
   * Events of `type` whose rows a query of the same statement yields, for a writer that learns only
   * inside the statement which rows need one (the customers an upsert made). `source` is a query
   * with the columns `id` (the event's, made by the caller) and `aggregate_id`; each event gets an
   * empty payload, a delivery per subscriber and, when there are subscribers, the NOTIFY.
   */
  publishFromParts(type: string, aggregateType: string, source: SQL, name = 'events'): StatementParts {
    const at = sql`${this.clock.now().toISOString()}::timestamptz`;
    const ctes = [
      cte(
        name,
        sql`INSERT INTO ${outboxEvents} (id, type, aggregate_type, aggregate_id, payload, request_id, created_at)
      SELECT s.id, ${type}, ${aggregateType}, s.aggregate_id, '{}'::jsonb, NULL, ${at} FROM (${source}) s
      RETURNING id`,
      ),
    ];
    const names = (this.subscribers.get(type) ?? []).map((s) => s.name);
    if (names.length === 0) return { ctes, outputs: [] };
    ctes.push(
      cte(
        `${name}_deliveries`,
        sql`INSERT INTO ${eventDeliveries} (event_id, subscriber, next_attempt_at)
      SELECT e.id, s, ${at} FROM ${sql.identifier(name)} e, unnest(${sql.param(names)}::text[]) AS s`,
      ),
    );
    const outputs = [
      sql`(SELECT count(*) FROM (SELECT pg_notify(${CHANNEL}, min(e.id)) FROM ${sql.identifier(name)} e
           HAVING count(*) > 0) n) AS ${sql.identifier(`${name}_notify`)}`,
    ];
    return { ctes, outputs };
  }

  /** Delivers everything due now; returns how many deliveries were attempted. Tests call this directly. */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          for (;;) {
            const n = await this.drainBatch(DRAIN_BATCH);
            total += n;
            if (n === 0) break;
          }
        } while (this.again);
      } finally {
        this.draining = undefined;
      }
      return total;
    })();
    return this.draining;
  }

  /**
   * One dispatcher transaction: takes up to `limit` due deliveries (skipping rows another process
   * holds), hands each subscriber its events as one batch inside a savepoint, and marks what was
   * delivered with one statement. A batch that fails is retried event by event, each in its own
   * savepoint, so the failure is pinned on the event that caused it and the rest are delivered.
   */
  private async drainBatch(limit: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const due = await tx
        .select({ d: eventDeliveries, e: outboxEvents })
        .from(eventDeliveries)
        .innerJoin(outboxEvents, eq(outboxEvents.id, eventDeliveries.eventId))
        .where(and(eq(eventDeliveries.status, 'pending'), lte(eventDeliveries.nextAttemptAt, now)))
        .orderBy(asc(eventDeliveries.nextAttemptAt), asc(eventDeliveries.eventId))
        .limit(limit)
        .for('update', { of: eventDeliveries, skipLocked: true });
      const groups = new Map<string, { sub: Subscriber | undefined; rows: typeof due }>();
      for (const row of due) {
        const groupKey = `${row.e.type}\u0000${row.d.subscriber}`;
        const group = groups.get(groupKey) ?? {
          sub: this.subscribers.get(row.e.type)?.find((s) => s.name === row.d.subscriber),
          rows: [],
        };
        group.rows.push(row);
        groups.set(groupKey, group);
      }
      const delivered: (typeof due)[number]['d'][] = [];
      for (const { sub, rows } of groups.values()) {
        if (!sub) {
          const err = new Error(`no subscriber named ${rows[0]?.d.subscriber} is registered in this process`);
          for (const r of rows) await this.failed(tx, now, r.d, r.e, err);
          continue;
        }
        try {
          await tx.transaction((sp) =>
            sub.handle(
              rows.map((r) => r.e as DomainEvent),
              sp,
            ),
          );
          delivered.push(...rows.map((r) => r.d));
          continue;
        } catch (err) {
          if (rows.length === 1 && rows[0]) {
            await this.failed(tx, now, rows[0].d, rows[0].e, err);
            continue;
          }
        }
        for (const r of rows) {
          try {
            await tx.transaction((sp) => sub.handle([r.e as DomainEvent], sp));
            delivered.push(r.d);
          } catch (err) {
            await this.failed(tx, now, r.d, r.e, err);
          }
        }
      }
      if (delivered.length > 0) {
        await tx.execute(sql`
          UPDATE ${eventDeliveries} d
          SET status = 'delivered', attempts = d.attempts + 1, delivered_at = ${now.toISOString()}::timestamptz,
              last_error = NULL
          FROM unnest(${sql.param(delivered.map((d) => d.eventId))}::text[],
                      ${sql.param(delivered.map((d) => d.subscriber))}::text[]) AS v(e, s)
          WHERE d.event_id = v.e AND d.subscriber = v.s`);
      }
      return due.length;
    });
  }

  private async failed(
    tx: Tx,
    now: Date,
    d: typeof eventDeliveries.$inferSelect,
    e: typeof outboxEvents.$inferSelect,
    err: unknown,
  ): Promise<void> {
    const attempts = d.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    this.log.warn({ err, eventId: e.id, subscriber: d.subscriber, attempts, dead }, 'event delivery failed');
    await tx
      .update(eventDeliveries)
      .set({
        attempts,
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        lastError: err instanceof Error ? err.message.slice(0, 2000) : String(err).slice(0, 2000),
      })
      .where(and(eq(eventDeliveries.eventId, d.eventId), eq(eventDeliveries.subscriber, d.subscriber)));
  }

  /**
   * Listens for commits and polls once a second for retries that have come due. The first connection
   * must succeed (start-up fails otherwise); after that a lost one is replaced by `reconnect()`.
   */
  async start(pollMs = 1000): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Opens the LISTEN connection: its own client, outside the pool, so that it holds no pool slot and
   * carries its own `application_name`. A client with no 'error' listener turns a dropped connection
   * into an uncaught exception that ends the process; this one hands it to `lost()`.
   */
  private async listen(): Promise<void> {
    const client = new pg.Client({ ...this.pool.options, application_name: OUTBOX_LISTENER_NAME });
    client.on('notification', () => this.kick());
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('Connection terminated unexpectedly')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
  }

  /** The LISTEN connection broke: log it with its cause and start reconnecting (once per connection). */
  private lost(client: pg.Client, err: Error): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    client.end().catch(() => {});
    if (this.stopped) return;
    this.log.warn({ err, cause: err.message }, 'outbox listener connection lost; reconnecting');
    this.reconnecting ??= this.reconnect().finally(() => {
      this.reconnecting = undefined;
    });
  }

  /**
   * Reconnects with backoff (at once, then 200 ms doubling to 3 s) until it succeeds or the bus
   * stops. While attempts fail the database counts as down for `/readyz`. Once back, the dispatcher
   * drains at once: NOTIFYs sent while nobody listened are gone, and the deliveries they announced
   * are found by reading the table, not by hearing about them.
   */
  private async reconnect(): Promise<void> {
    const health = dbHealthOf(this.pool);
    for (let attempt = 1; !this.stopped; attempt++) {
      const wait = cancellableDelay(reconnectDelayMs(attempt));
      this.cancelWait = wait.cancel;
      if (!(await wait.done)) return;
      try {
        await this.listen();
      } catch (err) {
        if (health.reportDown(OUTBOX_LISTENER_NAME, err))
          this.log.error(
            { err, cause: err instanceof Error ? err.message : String(err) },
            'database unreachable; /readyz answers 503 until it is back',
          );
        continue;
      }
      const outage = health.reportUp(OUTBOX_LISTENER_NAME);
      this.log.warn(
        { attempt, downMs: outage ? Date.now() - outage.since.getTime() : 0 },
        'outbox listener reconnected; re-reading due deliveries',
      );
      this.kick();
      return;
    }
  }

  private kick(): void {
    if (this.stopped) return;
    // While the database is away a drain can only fail; the reconnect drains once it is back.
    if (!dbHealthOf(this.pool).ready) return;
    this.drain().catch((err: unknown) => {
      if (isConnectionError(err))
        this.log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'outbox drain cut off');
      else this.log.error({ err }, 'outbox drain failed');
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.cancelWait?.();
    await this.reconnecting;
    // A bus that stops while reconnecting no longer speaks for the database's health.
    dbHealthOf(this.pool).reportUp(OUTBOX_LISTENER_NAME);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      await listener.end().catch(() => {});
    }
    await this.draining?.catch(() => {});
  }
}
