import type { Logger } from 'pino';
import { isConnectionError } from '../../../platform/db/db-health.js';
import { pgErrorOf } from '../../../platform/db/pg-error.js';
import { PipelinedConnection } from '../../../platform/db/pipelined-connection.js';
import type { Deps } from '../../../platform/deps.js';
import { RISK_POLICY_OFF, type RiskPolicy } from '../../risk/index.js';
import { ordersError } from '../orders.errors.js';
import { type FastPlan, type KnownRows, learn, NOTHING_KNOWN, planFast } from './fast-batch.js';
import {
  type Answer,
  type BatchTurn,
  type FlushResult,
  flushBatch,
  type PendingOrder,
} from './flush-batch.js';
import type { IntakeWriter } from './intake-writer.js';

interface Waiter {
  hash: string;
  promise: Promise<Answer>;
  resolve: (a: Answer) => void;
  reject: (e: unknown) => void;
}

export interface IntakeOptions {
  /** Orders committed per transaction at most. */
  maxBatch: number;
  /** Requests waiting at most; past it the intake answers 503 instead of queueing without bound. */
  maxQueue: number;
  /** How long an item known to be sold out is refused without asking the database. */
  soldOutTtlMs: number;
  /**
   * Another way to write batches, supplied by bench/ only (see `IntakeWriter`); the product has none
   * and group-commits: batches share a transaction.
   */
  writer?: IntakeWriter;
  /**
   * Batches in flight at once. While one holds the hot rows, the next does its row-independent work
   * (keys, campaign check, customers); they still enter the hot section in arrival order.
   */
  flushers: number;
  /** The risk policy to judge each order by (held in memory by the caller); off when absent. */
  riskPolicy?: () => RiskPolicy;
  /** Told, after a batch committed, which campaigns sold in it (the live view). Must not throw. */
  onSold?: (campaignIds: ReadonlySet<string>) => void;
  /**
   * Whether batches may go as one statement predicted from what the last batch saw (fast-batch.ts);
   * off, every batch takes `flushBatch`'s careful way.
   */
  fastPath: boolean;
}

/** How the batches of one intake went: for the tests and the benchmark's notes. */
export interface IntakeStats {
  /** Batches committed as one predicted statement. */
  fast: number;
  /** Batches placed by `flushBatch`. */
  careful: number;
  /** Predicted statements that found the rows moved and were rolled back (their batch then went carefully). */
  missed: number;
}

/** The `application_name` of the intake's pipelined connection (see `pg_stat_activity`). */
export const INTAKE_CONNECTION_NAME = 'tuanflow-intake';

const DEFAULTS: IntakeOptions = {
  maxBatch: 256,
  maxQueue: 20_000,
  soldOutTtlMs: 1000,
  flushers: 2,
  fastPath: true,
};

/**
 * Group commit (see "The order hot path" in ARCHITECTURE.md): requests are validated and priced
 * before they get here, wait in a queue, and one flusher commits them in batches, one transaction
 * each, then answers every waiting request. While a batch commits, the next one fills, so the batch
 * size follows the load with no fixed delay. Each answer is given only after its batch committed.
 */
export class OrderIntake {
  private readonly opts: IntakeOptions;
  private queue: PendingOrder[] = [];
  private readonly waiting = new Map<string, Waiter>();
  private readonly soldOutUntil = new Map<string, number>();
  private active = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  /** The turns of the batch created last (see `BatchTurn`): the next batch waits on these. */
  private startTurn: Promise<void> = Promise.resolve();
  private hotTurn: Promise<void> = Promise.resolve();
  private closed = false;
  /** What the batches of this process last saw (see fast-batch.ts); null while unknown. */
  private known: KnownRows | null = null;
  /** Batches started so far, and careful ones still in flight. */
  private started = 0;
  private carefulInFlight = 0;
  /** After a miss, this many batches go carefully before predicting again (doubling per miss, to 64). */
  private skipFast = 0;
  private misses = 0;
  /**
   * The predicted statements go down one pipelined connection: PostgreSQL runs them in the order they
   * were predicted in, each straight after the one before, so each finds the rows as the one before
   * left them (a statement predicted from another that failed fails its own checks).
   */
  private pipe: PipelinedConnection | null = null;
  readonly stats: IntakeStats = { fast: 0, careful: 0, missed: 0 };

  constructor(
    private readonly deps: Deps,
    private readonly log: Logger,
    opts: Partial<IntakeOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** True while an item is known to be sold out: the request is refused at once. */
  isSoldOut(itemId: string): boolean {
    const until = this.soldOutUntil.get(itemId);
    if (until === undefined) return false;
    if (until > this.deps.clock.now().getTime()) return true;
    this.soldOutUntil.delete(itemId);
    return false;
  }

  /**
   * Forgets every item known to be sold out: a cap was changed, so what was sold out may not be. The
   * memory is a one-second shortcut; the batch's guarded update decides either way.
   */
  forgetSoldOut(): void {
    this.soldOutUntil.clear();
  }

  /**
   * The answer a request with this key still waiting in this process will get, when the request is
   * the same: a retry that the route would refuse early (say, sold out by now) shares it instead.
   */
  waitingAnswer(key: string, requestHash: string): Promise<Answer> | null {
    const same = this.waiting.get(key);
    return same && same.hash === requestHash ? same.promise : null;
  }

  submit(order: PendingOrder): Promise<Answer> {
    const same = this.waiting.get(order.key);
    if (same) {
      // The same key again while the first is still waiting: share its answer, or refuse a
      // different request under that key.
      if (same.hash === order.requestHash) return same.promise;
      const err = ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
      return Promise.resolve({
        statusCode: err.status,
        body: err.toBody(order.actor.requestId ?? undefined),
      });
    }
    if (this.closed || this.queue.length >= this.opts.maxQueue) {
      const err = ordersError('orders.busy');
      return Promise.resolve({
        statusCode: err.status,
        body: err.toBody(order.actor.requestId ?? undefined),
      });
    }
    let resolve!: (a: Answer) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Answer>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.waiting.set(order.key, { hash: order.requestHash, promise, resolve, reject });
    if (this.opts.writer?.oneByOne) {
      void this.commit([order]);
      return promise;
    }
    this.queue.push(order);
    if (!this.scheduled) {
      // Let every request that arrives in this turn of the event loop join the same batch.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
    return promise;
  }

  /** Starts batches while there is work and a free flusher; each finished batch pumps again. */
  private pump(): void {
    while (this.active < this.opts.flushers && this.queue.length > 0 && !this.awaitingView()) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      const [start, hot] = [this.startTurn, this.hotTurn];
      let started!: () => void;
      let release!: () => void;
      this.startTurn = new Promise((r) => {
        started = r;
      });
      this.hotTurn = new Promise((r) => {
        release = r;
      });
      this.active += 1;
      const turn: BatchTurn = { start: () => start, started, hot: () => hot };
      this.started += 1;
      void this.commit(batch, turn, this.started).finally(() => {
        started();
        release();
        this.active -= 1;
        if (this.queue.length > 0) this.pump();
        else if (this.active === 0) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  /** Hands each waiting request of `batch` its answer. */
  private answer(batch: readonly PendingOrder[], answers: ReadonlyMap<string, Answer>): void {
    for (const o of batch) {
      const w = this.waiting.get(o.key);
      this.waiting.delete(o.key);
      const a = answers.get(o.key);
      if (a) w?.resolve(a);
      else w?.reject(new Error(`no answer for ${o.key}`));
    }
  }

  /**
   * True while the intake is ready to predict again but its view of the rows is unknown and a
   * careful batch is in flight: the next batch waits for that one, which then leaves a view the
   * following batches can predict from (were it to start now, it would go carefully too, and under
   * steady load some careful batch would always be in flight).
   */
  private awaitingView(): boolean {
    return (
      this.opts.writer === undefined &&
      this.opts.fastPath &&
      this.known === null &&
      this.skipFast === 0 &&
      this.carefulInFlight > 0
    );
  }

  /**
   * The batch as one predicted statement when what this process knows allows it; null when it must
   * go carefully (nothing known, a careful batch still in flight whose outcome is not known yet, a
   * recent miss, or a batch the prediction would not accept whole).
   */
  private planFast(batch: readonly PendingOrder[]): FastPlan | null {
    if (this.opts.writer !== undefined || !this.opts.fastPath) return null;
    if (this.skipFast > 0) {
      this.skipFast -= 1;
      return null;
    }
    if (!this.known || this.carefulInFlight > 0) return null;
    const plan = planFast(this.deps, batch, this.known, this.opts.riskPolicy?.() ?? RISK_POLICY_OFF);
    // The next batch predicts from this one's outcome, before this one has committed.
    if (plan) this.known = plan.after;
    return plan;
  }

  /** Runs a planned statement; null when a prediction missed and nothing was written. */
  private async runFast(plan: FastPlan, size: number): Promise<FlushResult | null> {
    try {
      this.pipe ??= new PipelinedConnection(
        { ...this.deps.pool.options, application_name: INTAKE_CONNECTION_NAME },
        (err) => this.log.warn({ err, cause: err.message }, 'order intake connection lost; reconnecting'),
      );
      await this.pipe.execute(plan.statement, { prepared: true });
      this.stats.fast += 1;
      this.misses = 0;
      return plan.result;
    } catch (err) {
      const code = pgErrorOf(err)?.code;
      // TF001 is the statement's own check (a row moved); a conflict or deadlock with another
      // writer means the same. Anything else is logged: the careful way will meet it too, or not.
      this.log.debug({ code, reason: pgErrorOf(err)?.message }, 'order batch prediction missed');
      if (code !== 'TF001' && code !== '23505' && code !== '40P01' && code !== '40001')
        this.log.warn({ err, size }, 'order batch statement failed; placing it carefully');
      this.stats.missed += 1;
      this.known = null;
      this.misses = Math.min(this.misses + 1, 6);
      this.skipFast = 2 ** this.misses;
      return null;
    }
  }

  /** What a committed batch tells the intake: sold-out items, the live view, then each answer. */
  private settle(batch: readonly PendingOrder[], r: FlushResult): void {
    const until = this.deps.clock.now().getTime() + this.opts.soldOutTtlMs;
    for (const id of r.soldOutItems) this.soldOutUntil.set(id, until);
    if (r.soldIn.size > 0) this.opts.onSold?.(r.soldIn);
    this.answer(batch, r.answers);
  }

  private async commit(batch: PendingOrder[], turn?: BatchTurn, seq = 0): Promise<void> {
    const write = this.opts.writer?.write;
    if (write) {
      try {
        this.answer(batch, await write(this.deps, batch));
      } catch (err) {
        this.fail(batch, err);
      }
      return;
    }
    const plan = this.planFast(batch);
    if (plan) {
      const done = await this.runFast(plan, batch.length);
      if (done) {
        this.settle(batch, done);
        return;
      }
    }
    this.carefulInFlight += 1;
    let lastError: unknown;
    try {
      // A deadlock or serialization failure aborts the whole batch with nothing written, so it is
      // safe to try again; anything else fails the batch's requests (their keys stay unclaimed).
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const r = await flushBatch(this.deps, batch, turn, this.opts.riskPolicy?.() ?? RISK_POLICY_OFF);
          this.stats.careful += 1;
          // Only the batch started last may say what the rows hold now: an earlier one's view is
          // older than what a later one in flight will leave.
          if (seq === this.started && this.carefulInFlight === 1)
            this.known = learn(this.known ?? NOTHING_KNOWN, r.seen);
          else this.known = null;
          this.settle(batch, r);
          return;
        } catch (err) {
          lastError = err;
          const code = pgErrorOf(err)?.code;
          if (code !== '40P01' && code !== '40001') break;
          this.log.warn({ attempt, code, size: batch.length }, 'order batch retried');
        }
      }
    } finally {
      this.carefulInFlight -= 1;
    }
    // Whether a batch cut off by a lost connection committed is unknown here, so nothing is predicted
    // from the old view; its requests get 503 db.unavailable and a retry with the key finds out.
    this.known = null;
    if (isConnectionError(lastError))
      this.log.warn(
        { cause: (lastError as Error).message, size: batch.length },
        'order batch failed: database unavailable',
      );
    else this.log.error({ err: lastError, size: batch.length }, 'order batch failed');
    this.fail(batch, lastError);
  }

  /** Fails each waiting request of `batch` with `err`. */
  private fail(batch: readonly PendingOrder[], err: unknown): void {
    for (const o of batch) {
      const w = this.waiting.get(o.key);
      this.waiting.delete(o.key);
      w?.reject(err);
    }
  }

  /** Stops taking requests and waits for the queue to drain: part of a graceful shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.active > 0 || this.queue.length > 0)
      await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.pipe?.close();
  }
}
