import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type Actor,
  type AuditHead,
  auditParts,
  chainPrepared,
  prepareAuditRecords,
} from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  combineParts,
  cte,
  executeParts,
  NO_PARTS,
  type StatementParts,
} from '../../../platform/db/statement-parts.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import {
  type CampaignSaleRow,
  campaignsForSaleJson,
  DEFAULT_PAYMENT_MINUTES,
  isOpenForOrders,
} from '../../campaigns/index.js';
import { upsertCustomersByPhoneTx } from '../../customers/index.js';
import { type AllocatedLevelRow, guardedAllocation } from '../../inventory/index.js';
import { RISK_POLICY_OFF, type RiskPolicy, type RiskReason, recordHoldsTx } from '../../risk/index.js';
import type { Refusal } from '../domain/allocate-batch.js';
import type { PricedLine } from '../domain/price-order.js';
import { ordersError } from '../orders.errors.js';
import { type OrderStatus, orderEvents, orderLines, orderRequests, orders } from '../orders.tables.js';
import {
  type Decision,
  decideOn,
  type HotState,
  hotResult,
  hotStatement,
  lockedState,
  optimisticStateColumns,
  stateFromColumns,
} from './batch-state.js';

/** A campaign as the intake reads it: what decides whether it is open and its payment window. */
export type CampaignRow = CampaignSaleRow;

export interface SeenRows {
  campaigns: CampaignRow[];
  items: HotState['items'];
  levels: AllocatedLevelRow[];
}

/** A request that passed validation and pricing and waits for its batch. */
export interface PendingOrder {
  key: string;
  requestHash: string;
  campaignId: string;
  leaderId: string;
  pickupPointId: string;
  phone: string;
  phoneHash: string;
  customerName: string | null;
  /** The chosen pickup point's address, for the risk check on blocked addresses. */
  pickupAddress: string;
  /** Each line with the warehouse it is allocated from. */
  lines: (PricedLine & { warehouseId: string })[];
  totalFen: number;
  itemCount: number;
  actor: Actor;
  /**
   * The product of each campaign item ordered (name and spec, by item id), so that a refusal tells the
   * customer which product ran out rather than an id. Absent (orders made by seeds and benchmarks),
   * a refusal names no product.
   */
  itemLabels?: Readonly<Record<string, string>>;
}

export interface Answer {
  statusCode: number;
  body: unknown;
}

export interface FlushResult {
  answers: Map<string, Answer>;
  /**
   * The rows the batch read or moved, as it left them (campaigns as read under their share lock;
   * campaign items and stock levels as its hot statement returned them): what the next batch of this
   * process may predict from (see fast-batch.ts).
   */
  seen: SeenRows;
  /** Items with nothing left after this batch, for the intake's sold-out fast path. */
  soldOutItems: Set<string>;
  /** Campaigns that sold in this batch (for the live view, once the batch has committed). */
  soldIn: Set<string>;
}

/** A JS array as one PostgreSQL array parameter (for `unnest`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

/**
 * The answer to a refused order. Its detail names the product (the customer reads it, and so does an
 * operator looking at the stored answer), never an item or SKU id: an unlabelled order's refusal
 * says only what went wrong.
 */
function refusalAnswer(r: Refusal | { reason: 'campaign_not_open' }, o: PendingOrder): Answer {
  const named = (itemId: string | undefined, more = '') => {
    const label = itemId === undefined ? undefined : o.itemLabels?.[itemId];
    return label ? { detail: `${label}${more}` } : {};
  };
  const field = 'body.items';
  const err =
    r.reason === 'sold_out'
      ? ordersError('orders.sold_out', { field, ...named(r.itemId) })
      : r.reason === 'out_of_stock'
        ? ordersError('orders.out_of_stock', {
            field,
            ...named(o.lines.find((l) => l.skuId === r.skuId)?.itemId),
          })
        : r.reason === 'limit_exceeded'
          ? ordersError('orders.limit_exceeded', {
              field,
              ...named(r.itemId, `（限购 ${r.limit}，已购 ${r.alreadyBought}）`),
            })
          : r.reason === 'unknown_item'
            ? ordersError('orders.item_not_in_campaign', { field, ...named(r.itemId) })
            : ordersError('orders.campaign_not_open', { field: 'body.campaignId' });
  return { statusCode: err.status, body: err.toBody(o.actor.requestId ?? undefined) };
}

/**
 * How a batch takes its turns among the batches of one process, so that they stay first come first
 * served and never wait for each other in a circle: `start` resolves when the batch created before
 * this one has done its row-independent work (so a later batch never holds a customer row an earlier
 * one is about to upsert), `started` says this batch has done its own, and `hot` resolves when the
 * earlier batch has committed (the hot rows are updated in arrival order). Waits always point to an
 * earlier batch; across processes the database's deadlock detection and the retry cover the rest.
 */
export interface BatchTurn {
  start(): Promise<void>;
  started(): void;
  hot(): Promise<void>;
}

const NO_TURN: BatchTurn = { start: async () => {}, started: () => {}, hot: async () => {} };

/**
 * Commits one batch in one transaction and returns an answer per idempotency key.
 *
 * Work that touches no contended row comes first (claiming keys, the campaign check, the customers,
 * writing the orders), so a second batch can do it while the first still holds the hot rows. Then
 * `BatchTurn.hot` keeps batches of this process entering the hot section in arrival order (first
 * come first served); the hot section is two statements and the commit. Every write is set-based for
 * the whole batch, and writes of different modules share statements (`StatementParts`): on a loaded
 * machine each round trip waits for a busy event loop, so a batch makes as few as it can (about
 * eight in all: begin, claim-and-read, customers ×2, savepoint, orders, hot rows, the rest, commit).
 */
export async function flushBatch(
  deps: Deps,
  batch: readonly PendingOrder[],
  turn: BatchTurn = NO_TURN,
  policy: RiskPolicy = RISK_POLICY_OFF,
): Promise<FlushResult> {
  await turn.start();
  return deps.db.transaction(async (tx) => {
    const answers = new Map<string, Answer>();
    const soldOutItems = new Set<string>();
    const soldIn = new Set<string>();
    const seen: SeenRows = { campaigns: [], items: [], levels: [] };
    const now = deps.clock.now();
    const stored: { key: string; answer: Answer }[] = [];

    // 1. One round trip: claim the keys, read the campaigns under a share lock (a close that commits
    // first is seen, one that commits later waits for this batch), and read the hot state without
    // locks. A key another transaction holds makes this wait for it; once it commits, the key is not
    // ours and its stored answer is returned instead (a replay across processes).
    const first = await tx.execute<{
      claimed: string[] | null;
      campaigns: CampaignRow[] | null;
      items: HotState['items'] | null;
      levels: HotState['levels'] | null;
      counters: HotState['counters'] | null;
      placed: HotState['placed'] | null;
    }>(sql`
      WITH claimed AS (
        INSERT INTO ${orderRequests} (idempotency_key, request_hash, status_code, response, created_at)
        SELECT k, h, 0, '{}'::jsonb, ${now.toISOString()}::timestamptz
        FROM unnest(${arr(batch.map((o) => o.key))}::text[], ${arr(batch.map((o) => o.requestHash))}::text[]) AS v(k, h)
        ON CONFLICT DO NOTHING RETURNING idempotency_key
      )
      SELECT
        (SELECT json_agg(idempotency_key) FROM claimed) AS claimed,
        ${campaignsForSaleJson([...new Set(batch.map((o) => o.campaignId))])} AS campaigns,
        ${optimisticStateColumns(batch)}`);
    const row = first.rows[0];
    seen.campaigns = row?.campaigns ?? [];
    const mine = new Set(row?.claimed ?? []);
    const replays = batch.filter((o) => !mine.has(o.key));
    if (replays.length > 0) await answerReplays(tx, replays, answers);
    // The open campaigns, each with its payment window (付款时限).
    const open = new Map(
      (row?.campaigns ?? [])
        .filter((c) =>
          isOpenForOrders(
            {
              state: c.state as Parameters<typeof isOpenForOrders>[0]['state'],
              startsAt: new Date(c.starts_at),
              cutoffAt: new Date(c.cutoff_at),
            },
            now,
          ),
        )
        .map((c) => [c.id, Number(c.payment_minutes)] as const),
    );
    let live = batch.filter((o) => mine.has(o.key));
    for (const o of live.filter((o) => !open.has(o.campaignId))) {
      const a = refusalAnswer({ reason: 'campaign_not_open' }, o);
      answers.set(o.key, a);
      stored.push({ key: o.key, answer: a });
    }
    live = live.filter((o) => open.has(o.campaignId));

    // 2. The customers (found or made by phone), before the hot rows: their rows are per customer.
    const customerIds = live.length
      ? await upsertCustomersByPhoneTx(
          deps,
          tx,
          live.map((o) => ({
            phone: o.phone,
            phoneHash: o.phoneHash,
            name: o.customerName,
            pickupPointId: o.pickupPointId,
          })),
        )
      : [];

    turn.started();

    // 3. Decide and write; the hot rows are held only for their own updates (see `place`).
    const last =
      live.length > 0
        ? await place(
            deps,
            tx,
            live,
            customerIds,
            turn.hot,
            policy,
            stateFromColumns(row),
            open,
            answers,
            stored,
            soldOutItems,
            soldIn,
            seen,
          )
        : NO_PARTS;

    // 4. What place left to write; without live orders, every claimed key's final answer (place
    // writes them with the orders), so a replay returns it.
    await executeParts(tx, live.length > 0 ? last : storedAnswers(stored));
    return { answers, soldOutItems, soldIn, seen };
  });
}

/** Stores each claimed key's final answer (the claim was made with an empty one). */
function storedAnswers(stored: readonly { key: string; answer: Answer }[]): StatementParts {
  if (stored.length === 0) return NO_PARTS;
  return {
    ctes: [
      cte(
        'answers',
        sql`UPDATE ${orderRequests} r SET status_code = v.status, response = v.body
        FROM unnest(${arr(stored.map((s) => s.key))}::text[], ${arr(stored.map((s) => s.answer.statusCode))}::int[],
                    ${arr(stored.map((s) => JSON.stringify(s.answer.body)))}::jsonb[]) AS v(key, status, body)
        WHERE r.idempotency_key = v.key`,
      ),
    ],
    outputs: [],
  };
}

async function answerReplays(
  tx: Tx,
  replays: readonly PendingOrder[],
  answers: Map<string, Answer>,
): Promise<void> {
  const rows = await tx.execute<{
    idempotency_key: string;
    request_hash: string;
    status_code: number;
    response: unknown;
  }>(sql`
    SELECT idempotency_key, request_hash, status_code, response FROM ${orderRequests}
    WHERE idempotency_key = ANY(${arr(replays.map((o) => o.key))}::text[])`);
  const byKey = new Map(rows.rows.map((s) => [s.idempotency_key, s]));
  for (const o of replays) {
    const s = byKey.get(o.key);
    if (s && s.request_hash === o.requestHash) {
      answers.set(o.key, { statusCode: s.status_code, body: s.response });
    } else {
      const err = ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
      answers.set(o.key, { statusCode: err.status, body: err.toBody(o.actor.requestId ?? undefined) });
    }
  }
}

const INTAKE_ACTOR: Actor = { actorId: null, actorName: 'order-intake', requestId: null, ip: null };

/**
 * Places the live orders of a batch. First optimistically: the batch is decided in memory on the
 * state read without locks, its orders, lines, timeline, events and every key's answer are written,
 * and only then, in this process's arrival order, the hot rows (campaign items, stock levels,
 * per-customer counters) are updated by one statement whose guards re-check every decision in the
 * database. So a hot row is locked for two statements and the commit, not for the whole batch. If a
 * guard finds that a row moved since it was read (another batch or process took the units), the
 * savepoint is rolled back and the batch is decided again from rows locked in a fixed order, which
 * cannot fail.
 *
 * Returns the writes left for the batch's last statement: the stock movements and events, and the
 * audit records (prepared before the turn) chained onto the head the hot statement read under the
 * chain's lock.
 */
async function place(
  deps: Deps,
  tx: Tx,
  live: readonly PendingOrder[],
  customerIds: readonly { customerId: string }[],
  waitTurn: () => Promise<void>,
  policy: RiskPolicy,
  optimistic: HotState,
  paymentMinutes: ReadonlyMap<string, number>,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
  soldOutItems: Set<string>,
  soldIn: Set<string>,
  seen: SeenRows,
): Promise<StatementParts> {
  // Answers settled before the batch was placed (a closed campaign) stay; an attempt's own go.
  const settled = stored.length;
  const attempt = async (decided: Decision) => {
    stored.length = settled;
    const written = planOrders(deps, live, customerIds, decided, paymentMinutes);
    answerAll(live, decided, written, answers, stored);
    await writeOrders(deps, tx, written, storedAnswers(stored));
    return { written, audit: prepareAuditRecords(deps.clock.now(), auditEntries(written)) };
  };
  let decided = decideOn(live, optimistic, policy);
  await tx.execute(sql`SAVEPOINT optimistic`);
  let done = await attempt(decided);
  await waitTurn();
  let hot = await applyHot(deps, tx, decided, done.written);
  if (!hot) {
    await tx.execute(sql`ROLLBACK TO SAVEPOINT optimistic`);
    decided = decideOn(live, await lockedState(tx, live), policy);
    done = await attempt(decided);
    hot = await applyHot(deps, tx, decided, done.written);
    if (!hot) throw new Error('hot rows moved under lock');
  }
  for (const id of decided.soldOutItems) soldOutItems.add(id);
  for (const r of done.written.rows) soldIn.add(r.o.campaignId);
  seen.items = hot.itemsAfter;
  seen.levels = hot.levels;
  return combineParts(hot.parts, auditParts(chainPrepared(hot.head, done.audit)));
}

function pickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface Written {
  at: string;
  rows: {
    /** The payment deadline: placed + the campaign's 付款时限. */
    dueAt: string;
    o: PendingOrder;
    customerId: string;
    id: string;
    code: string;
    status: OrderStatus;
    reasons: RiskReason[];
  }[];
  lines: (PendingOrder['lines'][number] & { orderId: string; id: string })[];
}

/** The accepted orders of a decision, with their ids, pickup codes and lines (no I/O). */
export function planOrders(
  deps: Deps,
  live: readonly PendingOrder[],
  customerIds: readonly { customerId: string }[],
  decided: Pick<Decision, 'refusals' | 'holds'>,
  paymentMinutes: ReadonlyMap<string, number>,
): Written {
  const now = deps.clock.now();
  const at = now.toISOString();
  const dueAt = (campaignId: string) =>
    new Date(
      now.getTime() + (paymentMinutes.get(campaignId) ?? DEFAULT_PAYMENT_MINUTES) * 60_000,
    ).toISOString();
  const rows = live.flatMap((o, i) =>
    decided.refusals.has(i)
      ? []
      : [
          {
            o,
            customerId: customerIds[i]?.customerId ?? '',
            id: newId('order'),
            code: pickupCode(),
            status: (decided.holds.has(i) ? 'on_hold' : 'pending_payment') as OrderStatus,
            reasons: decided.holds.get(i) ?? [],
            dueAt: dueAt(o.campaignId),
          },
        ],
  );
  const lines = rows.flatMap((r) => r.o.lines.map((l) => ({ ...l, orderId: r.id, id: newId('orderLine') })));
  return { at, rows, lines };
}

/**
 * The accepted orders, their lines, their timeline, their events and `also` (the stored answers) in
 * one statement, and risk holds, when there are any, in a second: rows no other batch touches.
 */
async function writeOrders(deps: Deps, tx: Tx, w: Written, also: StatementParts): Promise<void> {
  await executeParts(tx, combineParts(orderWriteParts(deps, w), also));
  await recordHoldsTx(
    tx,
    deps.clock,
    w.rows
      .filter((r) => r.reasons.length > 0)
      .map((r) => ({ orderId: r.id, campaignId: r.o.campaignId, reasons: r.reasons })),
  );
}

/**
 * The CTEs that write the accepted orders of `w`, their lines, their timeline and their
 * `order.placed` events. Each order's customer id is `w`'s, or, with `customersFrom` (the name of a
 * CTE of the same statement returning `id` and `phone_hash`), the one that CTE returns for the
 * order's phone.
 */
export function orderWriteParts(deps: Deps, w: Written, customersFrom?: string): StatementParts {
  const { at, rows, lines } = w;
  if (rows.length === 0) return NO_PARTS;
  const customer = customersFrom
    ? sql`(SELECT cf.id FROM ${sql.identifier(customersFrom)} cf WHERE cf.phone_hash = v.ph)`
    : sql`v.cu`;
  const orderRows: StatementParts = {
    ctes: [
      cte(
        'new_orders',
        sql`INSERT INTO ${orders} (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                          pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
    SELECT id, c, l, ${customer}, pp, st, t, n, pc, k, ${at}::timestamptz, due, ${at}::timestamptz
    FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.o.campaignId))}::text[],
                ${arr(rows.map((r) => r.o.leaderId))}::text[], ${arr(rows.map((r) => r.customerId))}::text[],
                ${arr(customersFrom ? rows.map((r) => r.o.phoneHash) : [])}::text[],
                ${arr(rows.map((r) => r.o.pickupPointId))}::text[], ${arr(rows.map((r) => r.o.totalFen))}::bigint[],
                ${arr(rows.map((r) => r.o.itemCount))}::int[], ${arr(rows.map((r) => r.code))}::text[],
                ${arr(rows.map((r) => r.o.key))}::text[], ${arr(rows.map((r) => r.status))}::text[],
                ${arr(rows.map((r) => r.dueAt))}::timestamptz[])
      AS v(id, c, l, cu, ph, pp, t, n, pc, k, st, due)
    RETURNING 1`,
      ),
      cte(
        'new_lines',
        sql`INSERT INTO ${orderLines} (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
    SELECT * FROM unnest(${arr(lines.map((l) => l.id))}::text[], ${arr(lines.map((l) => l.orderId))}::text[],
                         ${arr(lines.map((l) => l.itemId))}::text[], ${arr(lines.map((l) => l.skuId))}::text[],
                         ${arr(lines.map((l) => l.warehouseId))}::text[], ${arr(lines.map((l) => l.quantity))}::int[],
                         ${arr(lines.map((l) => l.unitPriceFen))}::bigint[], ${arr(lines.map((l) => l.amountFen))}::bigint[])
    RETURNING 1`,
      ),
      cte(
        'new_timeline',
        sql`INSERT INTO ${orderEvents} (id, order_id, from_status, to_status, at, actor_name, note)
    SELECT e, o, NULL, st, ${at}::timestamptz, 'customer', note
    FROM unnest(${arr(rows.map(() => newId('orderEvent')))}::text[], ${arr(rows.map((r) => r.id))}::text[],
                ${arr(rows.map((r) => r.status))}::text[],
                ${arr(rows.map((r) => (r.reasons.length ? `placed; on hold: ${r.reasons.map((x) => x.detail).join('; ')}` : 'placed')))}::text[])
      AS v(e, o, st, note)
    RETURNING 1`,
      ),
    ],
    outputs: [],
  };
  const events = deps.bus.publishParts(
    rows.map((r) => ({
      type: 'order.placed',
      aggregateType: 'order',
      aggregateId: r.id,
      payload: {
        campaignId: r.o.campaignId,
        leaderId: r.o.leaderId,
        status: r.status,
        totalFen: r.o.totalFen,
        itemCount: r.o.itemCount,
        ...(r.reasons.length ? { holdReasons: r.reasons } : {}),
      },
      requestId: r.o.actor.requestId,
    })),
    'placed_events',
  );
  return combineParts(orderRows, events.parts);
}

/** The accepted lines' allocation, each movement referring to its order (see `guardedAllocation`). */
export function intakeAllocation(deps: Deps, w: Written) {
  return guardedAllocation(
    deps,
    INTAKE_ACTOR,
    w.lines.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: l.orderId,
    })),
    { reason: 'order intake' },
  );
}

/**
 * The hot statement (see `hotStatement`) for the accepted orders. Null when a guard failed (a row
 * moved since it was read); the caller then rolls back whatever this wrote. Otherwise the stock
 * movements and events to write, and the audit chain's head, now locked.
 */
async function applyHot(
  deps: Deps,
  tx: Tx,
  decided: Decision,
  w: Written,
): Promise<{
  parts: StatementParts;
  head: AuditHead | undefined;
  levels: AllocatedLevelRow[];
  itemsAfter: HotState['items'];
} | null> {
  if (w.rows.length === 0) return { parts: NO_PARTS, head: undefined, levels: [], itemsAfter: [] };
  const allocation = intakeAllocation(deps, w);
  if (!allocation.update) throw new Error('accepted orders without lines');
  const { statement, expected } = hotStatement(
    decided,
    w.rows.map((r) => r.o),
    allocation.update,
    w.at,
  );
  const done = hotResult((await tx.execute(statement)).rows[0]);
  if (done.items !== expected.items || done.bought !== expected.bought || done.placed !== expected.placed)
    return null;
  const recorded = allocation.record(done.levels);
  if (!recorded) return null;
  return { parts: recorded.parts, head: done.head, levels: done.levels, itemsAfter: done.itemsAfter };
}

/** Each live order's answer: its refusal, or the accepted order as placed. */
export function answerAll(
  live: readonly PendingOrder[],
  decided: Pick<Decision, 'refusals'>,
  w: Written,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
): void {
  for (const [i, o] of live.entries()) {
    const refusal = decided.refusals.get(i);
    if (!refusal) continue;
    const a = refusalAnswer(refusal, o);
    answers.set(o.key, a);
    stored.push({ key: o.key, answer: a });
  }
  for (const r of w.rows) {
    const answer: Answer = {
      statusCode: 201,
      body: {
        order: {
          id: r.id,
          status: r.status,
          campaignId: r.o.campaignId,
          pickupPointId: r.o.pickupPointId,
          totalFen: r.o.totalFen,
          itemCount: r.o.itemCount,
          pickupCode: r.code,
          placedAt: w.at,
          paymentDueAt: r.dueAt,
          lines: r.o.lines.map(({ warehouseId: _w, ...l }) => l),
        },
      },
    };
    answers.set(r.o.key, answer);
    stored.push({ key: r.o.key, answer });
  }
}

/** The audit trail of the batch: one record per accepted order, naming every line. */
export function auditEntries(w: Written) {
  return w.rows.map((r) => ({
    actor: r.o.actor,
    entry: {
      action: 'order.place',
      entityType: 'order',
      entityId: r.id,
      after: {
        campaignId: r.o.campaignId,
        leaderId: r.o.leaderId,
        totalFen: r.o.totalFen,
        lines: r.o.lines,
      },
    },
  }));
}
