import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Actor, recordAuditMany } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import { campaignItems, campaigns, isOpenForOrders } from '../../campaigns/index.js';
import { upsertCustomersByPhoneTx } from '../../customers/index.js';
import { allocateGuarded, stockLevels } from '../../inventory/index.js';
import {
  evaluateRisk,
  RISK_POLICY_OFF,
  type RiskPolicy,
  type RiskReason,
  recordHoldsTx,
} from '../../risk/index.js';
import {
  allocateBatch,
  type BatchOrder,
  boughtKey,
  type Refusal,
  stockKey,
} from '../domain/allocate-batch.js';
import type { PricedLine } from '../domain/price-order.js';
import { ordersError } from '../orders.errors.js';
import {
  customerCampaignCounts,
  customerItemCounts,
  type OrderStatus,
  orderEvents,
  orderLines,
  orderRequests,
  orders,
} from '../orders.tables.js';

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
}

export interface Answer {
  statusCode: number;
  body: unknown;
}

export interface FlushResult {
  answers: Map<string, Answer>;
  /** Items with nothing left after this batch, for the intake's sold-out fast path. */
  soldOutItems: Set<string>;
}

/** Minutes an order may stay unpaid; the lifecycle's auto-cancel reads it from the order row. */
export const PAYMENT_MINUTES = 30;

/** A JS array as one PostgreSQL array parameter (for `unnest`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

function refusalAnswer(r: Refusal | { reason: 'campaign_not_open' }, requestId: string | null): Answer {
  const err =
    r.reason === 'sold_out'
      ? ordersError('orders.sold_out', { field: 'body.items', detail: r.itemId })
      : r.reason === 'out_of_stock'
        ? ordersError('orders.out_of_stock', { field: 'body.items', detail: r.skuId })
        : r.reason === 'limit_exceeded'
          ? ordersError('orders.limit_exceeded', {
              field: 'body.items',
              detail: `${r.itemId}: limit ${r.limit}, already bought ${r.alreadyBought}`,
            })
          : r.reason === 'unknown_item'
            ? ordersError('orders.item_not_in_campaign', { field: 'body.items', detail: r.itemId })
            : ordersError('orders.campaign_not_open', { field: 'body.campaignId' });
  return { statusCode: err.status, body: err.toBody(requestId ?? undefined) };
}

/**
 * Commits one batch in one transaction and returns an answer per idempotency key.
 *
 * Work that touches no contended row comes first (claiming keys, the campaign check, the customers),
 * so a second batch can do it while the first still holds the hot rows. Then `waitTurn` keeps
 * batches of this process entering the hot section in arrival order (first come first served), and
 * the hot rows are locked in one fixed order (campaign items, stock levels, per-customer counters),
 * all before the audit chain's lock, so batches from any process queue instead of deadlocking. Every
 * write is one set-based statement for the whole batch.
 */
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
    const now = deps.clock.now();
    const stored: { key: string; answer: Answer }[] = [];

    // 1. Claim the keys. A key another transaction holds makes this wait for it; once it commits,
    // the key is not ours and its stored answer is returned instead (a replay across processes).
    const claimed = await tx.execute<{ idempotency_key: string }>(sql`
      INSERT INTO ${orderRequests} (idempotency_key, request_hash, status_code, response, created_at)
      SELECT k, h, 0, '{}'::jsonb, ${now.toISOString()}::timestamptz
      FROM unnest(${arr(batch.map((o) => o.key))}::text[], ${arr(batch.map((o) => o.requestHash))}::text[]) AS v(k, h)
      ON CONFLICT DO NOTHING RETURNING idempotency_key`);
    const mine = new Set(claimed.rows.map((c) => c.idempotency_key));
    const replays = batch.filter((o) => !mine.has(o.key));
    if (replays.length > 0) await answerReplays(tx, replays, answers);
    let live = batch.filter((o) => mine.has(o.key));
    if (live.length === 0) {
      turn.started();
      return { answers, soldOutItems };
    }

    // 2. The campaign must be open by the server's clock, read under a share lock so a close that
    // commits first is seen, and one that commits later waits for this batch.
    const campaignRows = await tx.execute<{
      id: string;
      state: string;
      starts_at: string;
      cutoff_at: string;
    }>(sql`
      SELECT id, state, starts_at, cutoff_at FROM ${campaigns}
      WHERE id = ANY(${arr([...new Set(live.map((o) => o.campaignId))])}::text[])
      ORDER BY id FOR SHARE`);
    const open = new Set(
      campaignRows.rows
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
        .map((c) => c.id),
    );
    for (const o of live.filter((o) => !open.has(o.campaignId))) {
      const a = refusalAnswer({ reason: 'campaign_not_open' }, o.actor.requestId);
      answers.set(o.key, a);
      stored.push({ key: o.key, answer: a });
    }
    live = live.filter((o) => open.has(o.campaignId));

    // 3. The customers (found or made by phone), before the hot rows: their rows are per customer.
    const customerIds = live.length
      ? await upsertCustomersByPhoneTx(
          deps,
          tx,
          live.map((o) => ({ phone: o.phone, name: o.customerName, pickupPointId: o.pickupPointId })),
        )
      : [];

    turn.started();

    // 4. Decide and write; the hot rows are held only for their own updates (see `place`).
    if (live.length > 0)
      await place(deps, tx, live, customerIds, turn.hot, policy, answers, stored, soldOutItems);

    // 5. Every claimed key gets its final answer stored, so a replay returns it.
    if (stored.length > 0) {
      await tx.execute(sql`
        UPDATE ${orderRequests} r SET status_code = v.status, response = v.body
        FROM unnest(${arr(stored.map((s) => s.key))}::text[], ${arr(stored.map((s) => s.answer.statusCode))}::int[],
                    ${arr(stored.map((s) => JSON.stringify(s.answer.body)))}::jsonb[]) AS v(key, status, body)
        WHERE r.idempotency_key = v.key`);
    }
    return { answers, soldOutItems };
  });
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

/** Raised inside the optimistic attempt when a hot row moved since it was read: roll back, lock, redo. */
class StaleDecision extends Error {}

type Decision = ReturnType<typeof decideOn>;

/**
 * Places the live orders of a batch. First optimistically: the counters are read without locks, the
 * batch is decided in memory, its orders, lines, timeline and events are written, and only then,
 * in this process's arrival order, the hot rows (campaign items, stock levels, per-customer
 * counters) are updated with guards that re-check every decision in the database. So a hot row is
 * locked for three short statements and the commit, not for the whole batch. If a guard finds that a
 * row moved since it was read (another batch or process took the units), the attempt's savepoint is
 * rolled back and the batch is decided again from rows locked in a fixed order, which cannot fail.
 */
async function place(
  deps: Deps,
  tx: Tx,
  live: readonly PendingOrder[],
  customerIds: readonly { customerId: string }[],
  waitTurn: () => Promise<void>,
  policy: RiskPolicy,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
  soldOutItems: Set<string>,
): Promise<void> {
  let decided = decideOn(live, await readState(tx, live, false), policy);
  let written: Written;
  try {
    written = await tx.transaction(async (sp) => {
      const w = await writeOrders(deps, sp, live, customerIds, decided);
      await waitTurn();
      if (!(await applyHot(deps, sp, decided, w))) throw new StaleDecision();
      return w;
    });
  } catch (err) {
    if (!(err instanceof StaleDecision)) throw err;
    decided = decideOn(live, await readState(tx, live, true), policy);
    written = await writeOrders(deps, tx, live, customerIds, decided);
    if (!(await applyHot(deps, tx, decided, written))) throw new Error('hot rows moved under lock');
  }
  for (const id of decided.soldOutItems) soldOutItems.add(id);
  for (const [i, o] of live.entries()) {
    const refusal = decided.refusals.get(i);
    if (!refusal) continue;
    const a = refusalAnswer(refusal, o.actor.requestId);
    answers.set(o.key, a);
    stored.push({ key: o.key, answer: a });
  }
  await finishAccepted(deps, tx, written, answers, stored);
}

interface HotState {
  items: { id: string; stock_cap: number; sold: number; per_customer_limit: number }[];
  levels: { sku_id: string; warehouse_id: string; available: number }[];
  counters: { phone_hash: string; campaign_item_id: string; bought: number }[];
  /** Orders placed so far per phone and campaign (rows exist only once a phone has ordered). */
  placed: { phone_hash: string; campaign_id: string; orders: number }[];
}

/**
 * What the decision reads: the items, the stock levels and the per-customer counters of the batch.
 * `lock`: each set locked in a fixed order (counter rows made first, so they can be locked);
 * otherwise a plain read, whose every use is re-checked by the guarded updates.
 */
async function readState(tx: Tx, live: readonly PendingOrder[], lock: boolean): Promise<HotState> {
  const itemIds = [...new Set(live.flatMap((o) => o.lines.map((l) => l.itemId)))].sort();
  const pairs = [
    ...new Map(
      live.flatMap((o) => o.lines.map((l) => [stockKey(l.skuId, l.warehouseId), l] as const)),
    ).values(),
  ];
  const counterKeys = [
    ...new Map(
      live.flatMap((o) =>
        o.lines.map((l) => [boughtKey(o.phoneHash, l.itemId), [o.phoneHash, l.itemId] as const]),
      ),
    ).values(),
  ];
  const hashes = arr(counterKeys.map((c) => c[0]));
  const itemsOf = arr(counterKeys.map((c) => c[1]));
  const skus = arr(pairs.map((p) => p.skuId));
  const whs = arr(pairs.map((p) => p.warehouseId));
  const phoneCampaigns = [
    ...new Map(
      live.map((o) => [`${o.phoneHash}|${o.campaignId}`, [o.phoneHash, o.campaignId] as const]),
    ).values(),
  ];
  // A customer's batches queue on their customer row (upserted earlier in the transaction), so
  // these counts are never stale for the phones of this batch; no lock is needed.
  const placedOf = sql`
    SELECT p.phone_hash, p.campaign_id, p.orders FROM ${customerCampaignCounts} p
    JOIN unnest(${arr(phoneCampaigns.map((p) => p[0]))}::text[], ${arr(phoneCampaigns.map((p) => p[1]))}::text[])
      AS v(h, c) ON p.phone_hash = v.h AND p.campaign_id = v.c`;
  if (!lock) {
    // One round trip for all three sets.
    const r = await tx.execute<{ [K in keyof HotState]: HotState[K] | null }>(sql`
      SELECT
        (SELECT json_agg(json_build_object('id', id, 'stock_cap', stock_cap, 'sold', sold,
                                           'per_customer_limit', per_customer_limit))
         FROM ${campaignItems} WHERE id = ANY(${arr(itemIds)}::text[])) AS items,
        (SELECT json_agg(json_build_object('sku_id', s.sku_id, 'warehouse_id', s.warehouse_id, 'available', s.available))
         FROM ${stockLevels} s JOIN unnest(${skus}::text[], ${whs}::text[]) AS v(sku_id, warehouse_id)
           ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id) AS levels,
        (SELECT json_agg(json_build_object('phone_hash', c.phone_hash, 'campaign_item_id', c.campaign_item_id,
                                           'bought', c.bought))
         FROM ${customerItemCounts} c JOIN unnest(${hashes}::text[], ${itemsOf}::text[]) AS v(h, i)
           ON c.phone_hash = v.h AND c.campaign_item_id = v.i) AS counters,
        (SELECT json_agg(p) FROM (${placedOf}) p) AS placed`);
    const row = r.rows[0];
    return {
      items: row?.items ?? [],
      levels: row?.levels ?? [],
      counters: row?.counters ?? [],
      placed: row?.placed ?? [],
    };
  }
  const items = await tx.execute<HotState['items'][number]>(sql`
    SELECT id, stock_cap, sold, per_customer_limit FROM ${campaignItems}
    WHERE id = ANY(${arr(itemIds)}::text[]) ORDER BY id FOR UPDATE`);
  const levels = await tx.execute<HotState['levels'][number]>(sql`
    SELECT s.sku_id, s.warehouse_id, s.available FROM ${stockLevels} s
    JOIN unnest(${skus}::text[], ${whs}::text[]) AS v(sku_id, warehouse_id)
      ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
    ORDER BY s.sku_id, s.warehouse_id FOR UPDATE OF s`);
  await tx.execute(sql`
    INSERT INTO ${customerItemCounts} (phone_hash, campaign_item_id)
    SELECT * FROM unnest(${hashes}::text[], ${itemsOf}::text[]) ON CONFLICT DO NOTHING`);
  const counters = await tx.execute<HotState['counters'][number]>(sql`
    SELECT c.phone_hash, c.campaign_item_id, c.bought FROM ${customerItemCounts} c
    JOIN unnest(${hashes}::text[], ${itemsOf}::text[]) AS v(h, i) ON c.phone_hash = v.h AND c.campaign_item_id = v.i
    ORDER BY c.phone_hash, c.campaign_item_id FOR UPDATE OF c`);
  const placed = await tx.execute<HotState['placed'][number]>(placedOf);
  return { items: items.rows, levels: levels.rows, counters: counters.rows, placed: placed.rows };
}

/**
 * The batch decided by `allocateBatch` on `state`, and which accepted orders the risk policy puts on
 * hold (风控待审): they keep their stock and wait for a reviewer instead of going to payment.
 */
function decideOn(live: readonly PendingOrder[], state: HotState, policy: RiskPolicy) {
  const batchOrders: BatchOrder[] = live.map((o) => ({
    key: o.key,
    customerId: o.phoneHash,
    lines: o.lines.map((l) => ({
      itemId: l.itemId,
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
    })),
  }));
  const result = allocateBatch(batchOrders, {
    itemRemaining: new Map(state.items.map((i) => [i.id, Number(i.stock_cap) - Number(i.sold)])),
    itemLimit: new Map(state.items.map((i) => [i.id, Number(i.per_customer_limit)])),
    customerBought: new Map(
      state.counters.map((c) => [boughtKey(c.phone_hash, c.campaign_item_id), Number(c.bought)]),
    ),
    available: new Map(state.levels.map((l) => [stockKey(l.sku_id, l.warehouse_id), Number(l.available)])),
  });
  const refusals = new Map<number, Refusal>();
  for (const [i, d] of result.decisions.entries()) if (!d.accepted) refusals.set(i, d.refusal);
  const limits = new Map(state.items.map((i) => [i.id, Number(i.per_customer_limit)]));
  const placed = new Map(state.placed.map((p) => [`${p.phone_hash}|${p.campaign_id}`, Number(p.orders)]));
  const holds = new Map<number, RiskReason[]>();
  for (const [i, o] of live.entries()) {
    if (refusals.has(i)) continue;
    const k = `${o.phoneHash}|${o.campaignId}`;
    const nth = (placed.get(k) ?? 0) + 1;
    placed.set(k, nth);
    const reasons = evaluateRisk(policy, {
      totalQuantity: o.itemCount,
      phoneHash: o.phoneHash,
      pickupAddress: o.pickupAddress,
      ordersOfPhoneInCampaign: nth,
    });
    if (reasons.length > 0) holds.set(i, reasons);
  }
  return { refusals, holds, soldByItem: result.soldByItem, soldOutItems: result.soldOutItems, limits };
}

function pickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

interface Written {
  at: string;
  dueAt: string;
  rows: {
    o: PendingOrder;
    customerId: string;
    id: string;
    code: string;
    status: OrderStatus;
    reasons: RiskReason[];
  }[];
  lines: (PendingOrder['lines'][number] & { orderId: string; id: string })[];
}

/** The accepted orders, their lines, their timeline and their events: rows no other batch touches. */
async function writeOrders(
  deps: Deps,
  tx: Tx,
  live: readonly PendingOrder[],
  customerIds: readonly { customerId: string }[],
  decided: Decision,
): Promise<Written> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const dueAt = new Date(now.getTime() + PAYMENT_MINUTES * 60_000).toISOString();
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
          },
        ],
  );
  const lines = rows.flatMap((r) => r.o.lines.map((l) => ({ ...l, orderId: r.id, id: newId('orderLine') })));
  if (rows.length === 0) return { at, dueAt, rows, lines };
  await tx.execute(sql`
    INSERT INTO ${orders} (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                          pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
    SELECT id, c, l, cu, pp, st, t, n, pc, k, ${at}::timestamptz, ${dueAt}::timestamptz, ${at}::timestamptz
    FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.o.campaignId))}::text[],
                ${arr(rows.map((r) => r.o.leaderId))}::text[], ${arr(rows.map((r) => r.customerId))}::text[],
                ${arr(rows.map((r) => r.o.pickupPointId))}::text[], ${arr(rows.map((r) => r.o.totalFen))}::bigint[],
                ${arr(rows.map((r) => r.o.itemCount))}::int[], ${arr(rows.map((r) => r.code))}::text[],
                ${arr(rows.map((r) => r.o.key))}::text[], ${arr(rows.map((r) => r.status))}::text[])
      AS v(id, c, l, cu, pp, t, n, pc, k, st)`);
  await tx.execute(sql`
    INSERT INTO ${orderLines} (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
    SELECT * FROM unnest(${arr(lines.map((l) => l.id))}::text[], ${arr(lines.map((l) => l.orderId))}::text[],
                         ${arr(lines.map((l) => l.itemId))}::text[], ${arr(lines.map((l) => l.skuId))}::text[],
                         ${arr(lines.map((l) => l.warehouseId))}::text[], ${arr(lines.map((l) => l.quantity))}::int[],
                         ${arr(lines.map((l) => l.unitPriceFen))}::bigint[], ${arr(lines.map((l) => l.amountFen))}::bigint[])`);
  await tx.execute(sql`
    INSERT INTO ${orderEvents} (id, order_id, from_status, to_status, at, actor_name, note)
    SELECT e, o, NULL, st, ${at}::timestamptz, 'customer', note
    FROM unnest(${arr(rows.map(() => newId('orderEvent')))}::text[], ${arr(rows.map((r) => r.id))}::text[],
                ${arr(rows.map((r) => r.status))}::text[],
                ${arr(rows.map((r) => (r.reasons.length ? `placed; on hold: ${r.reasons.map((x) => x.detail).join('; ')}` : 'placed')))}::text[])
      AS v(e, o, st, note)`);
  await recordHoldsTx(
    tx,
    deps.clock,
    rows
      .filter((r) => r.reasons.length > 0)
      .map((r) => ({ orderId: r.id, campaignId: r.o.campaignId, reasons: r.reasons })),
  );
  await deps.bus.publishMany(
    tx,
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
  );
  return { at, dueAt, rows, lines };
}

/**
 * The hot rows, each update guarded so that it re-checks in the database what the decision assumed:
 * the campaign's cap, the warehouse's available stock, each customer's limit. False when a guard
 * failed (a row moved since it was read); the caller then rolls back whatever this wrote.
 */
async function applyHot(deps: Deps, tx: Tx, decided: Decision, w: Written): Promise<boolean> {
  if (w.rows.length === 0) return true;
  const sold = [...decided.soldByItem.entries()];
  const updated = await tx.execute(sql`
    UPDATE ${campaignItems} c SET sold = c.sold + v.q, updated_at = ${w.at}::timestamptz
    FROM unnest(${arr(sold.map((s) => s[0]))}::text[], ${arr(sold.map((s) => s[1]))}::int[]) AS v(id, q)
    WHERE c.id = v.id AND c.sold + v.q <= c.stock_cap`);
  if (updated.rowCount !== sold.length) return false;

  const levels = await allocateGuarded(
    deps,
    tx,
    { actorId: null, actorName: 'order-intake', requestId: null, ip: null },
    w.lines.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: l.orderId,
    })),
    { reason: 'order intake' },
  );
  if (!levels) return false;

  const bought = new Map<string, { h: string; i: string; q: number }>();
  for (const { o } of w.rows) {
    for (const l of o.lines) {
      const k = boughtKey(o.phoneHash, l.itemId);
      const b = bought.get(k) ?? { h: o.phoneHash, i: l.itemId, q: 0 };
      b.q += l.quantity;
      bought.set(k, b);
    }
  }
  const b = [...bought.values()];
  const counted = await tx.execute(sql`
    INSERT INTO ${customerItemCounts} AS c (phone_hash, campaign_item_id, bought)
    SELECT h, i, q FROM unnest(${arr(b.map((x) => x.h))}::text[], ${arr(b.map((x) => x.i))}::text[],
                               ${arr(b.map((x) => x.q))}::int[], ${arr(b.map((x) => decided.limits.get(x.i) ?? 0))}::int[])
      AS v(h, i, q, lim)
    WHERE q <= lim
    ON CONFLICT (phone_hash, campaign_item_id) DO UPDATE SET bought = c.bought + excluded.bought
      WHERE c.bought + excluded.bought <= (SELECT per_customer_limit FROM ${campaignItems} WHERE id = c.campaign_item_id)`);
  if (counted.rowCount !== b.length) return false;

  const placed = new Map<string, { h: string; c: string; n: number }>();
  for (const { o } of w.rows) {
    const k = `${o.phoneHash}|${o.campaignId}`;
    const p = placed.get(k) ?? { h: o.phoneHash, c: o.campaignId, n: 0 };
    p.n += 1;
    placed.set(k, p);
  }
  const p = [...placed.values()];
  await tx.execute(sql`
    INSERT INTO ${customerCampaignCounts} AS p (phone_hash, campaign_id, orders)
    SELECT * FROM unnest(${arr(p.map((x) => x.h))}::text[], ${arr(p.map((x) => x.c))}::text[], ${arr(p.map((x) => x.n))}::int[])
    ON CONFLICT (phone_hash, campaign_id) DO UPDATE SET orders = p.orders + excluded.orders`);
  return true;
}

/** The audit trail of the batch and each accepted order's answer. */
async function finishAccepted(
  deps: Deps,
  tx: Tx,
  w: Written,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
): Promise<void> {
  if (w.rows.length === 0) return;
  await recordAuditMany(
    tx,
    deps.clock,
    w.rows.map((r) => ({
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
    })),
  );
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
          paymentDueAt: w.dueAt,
          lines: r.o.lines.map(({ warehouseId: _w, ...l }) => l),
        },
      },
    };
    answers.set(r.o.key, answer);
    stored.push({ key: r.o.key, answer });
  }
}
