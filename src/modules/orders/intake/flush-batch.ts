import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Actor, recordAuditMany } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import { campaignItems, campaigns, isOpenForOrders } from '../../campaigns/index.js';
import { upsertCustomersByPhoneTx } from '../../customers/index.js';
import { allocate, stockLevels } from '../../inventory/index.js';
import {
  allocateBatch,
  type BatchOrder,
  boughtKey,
  type Refusal,
  stockKey,
} from '../domain/allocate-batch.js';
import type { PricedLine } from '../domain/price-order.js';
import { ordersError } from '../orders.errors.js';
import { customerItemCounts, orderEvents, orderLines, orderRequests, orders } from '../orders.tables.js';

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
export async function flushBatch(
  deps: Deps,
  batch: readonly PendingOrder[],
  waitTurn: () => Promise<void> = async () => {},
): Promise<FlushResult> {
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
    if (live.length === 0) return { answers, soldOutItems };

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

    // 4. The hot section, in arrival order within this process.
    await waitTurn();
    if (live.length > 0) {
      const decided = await decide(tx, live);
      for (const id of decided.soldOutItems) soldOutItems.add(id);
      for (const [i, o] of live.entries()) {
        const refusal = decided.refusals.get(i);
        if (!refusal) continue;
        const a = refusalAnswer(refusal, o.actor.requestId);
        answers.set(o.key, a);
        stored.push({ key: o.key, answer: a });
      }
      const accepted = live.flatMap((o, i) =>
        decided.refusals.has(i) ? [] : [{ o, customerId: customerIds[i]?.customerId ?? '' }],
      );
      if (accepted.length > 0) await writeAccepted(deps, tx, accepted, decided.soldByItem, answers, stored);
    }

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

/** Locks what the decision reads, each set in a fixed order, and decides with `allocateBatch`. */
async function decide(tx: Tx, live: readonly PendingOrder[]) {
  const itemIds = [...new Set(live.flatMap((o) => o.lines.map((l) => l.itemId)))].sort();
  const items = await tx.execute<{
    id: string;
    stock_cap: number;
    sold: number;
    per_customer_limit: number;
  }>(sql`
    SELECT id, stock_cap, sold, per_customer_limit FROM ${campaignItems}
    WHERE id = ANY(${arr(itemIds)}::text[]) ORDER BY id FOR UPDATE`);
  const pairs = [
    ...new Map(
      live.flatMap((o) => o.lines.map((l) => [stockKey(l.skuId, l.warehouseId), l] as const)),
    ).values(),
  ];
  const levels = await tx.execute<{ sku_id: string; warehouse_id: string; available: number }>(sql`
    SELECT s.sku_id, s.warehouse_id, s.available FROM ${stockLevels} s
    JOIN unnest(${arr(pairs.map((p) => p.skuId))}::text[], ${arr(pairs.map((p) => p.warehouseId))}::text[]) AS v(sku_id, warehouse_id)
      ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
    ORDER BY s.sku_id, s.warehouse_id FOR UPDATE OF s`);
  const counterKeys = [
    ...new Map(
      live.flatMap((o) =>
        o.lines.map((l) => [boughtKey(o.phoneHash, l.itemId), [o.phoneHash, l.itemId] as const]),
      ),
    ).values(),
  ];
  const hashes = arr(counterKeys.map((c) => c[0]));
  const itemsOf = arr(counterKeys.map((c) => c[1]));
  await tx.execute(sql`
    INSERT INTO ${customerItemCounts} (phone_hash, campaign_item_id)
    SELECT * FROM unnest(${hashes}::text[], ${itemsOf}::text[]) ON CONFLICT DO NOTHING`);
  const counters = await tx.execute<{ phone_hash: string; campaign_item_id: string; bought: number }>(sql`
    SELECT c.phone_hash, c.campaign_item_id, c.bought FROM ${customerItemCounts} c
    JOIN unnest(${hashes}::text[], ${itemsOf}::text[]) AS v(h, i) ON c.phone_hash = v.h AND c.campaign_item_id = v.i
    ORDER BY c.phone_hash, c.campaign_item_id FOR UPDATE OF c`);

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
    itemRemaining: new Map(items.rows.map((i) => [i.id, Number(i.stock_cap) - Number(i.sold)])),
    itemLimit: new Map(items.rows.map((i) => [i.id, Number(i.per_customer_limit)])),
    customerBought: new Map(
      counters.rows.map((c) => [boughtKey(c.phone_hash, c.campaign_item_id), Number(c.bought)]),
    ),
    available: new Map(levels.rows.map((l) => [stockKey(l.sku_id, l.warehouse_id), Number(l.available)])),
  });
  const refusals = new Map<number, Refusal>();
  for (const [i, d] of result.decisions.entries()) if (!d.accepted) refusals.set(i, d.refusal);
  return { refusals, soldByItem: result.soldByItem, soldOutItems: result.soldOutItems };
}

function pickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The accepted orders, their lines and timeline, the counters, the stock, the audit trail and events. */
async function writeAccepted(
  deps: Deps,
  tx: Tx,
  accepted: readonly { o: PendingOrder; customerId: string }[],
  soldByItem: ReadonlyMap<string, number>,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const dueAt = new Date(now.getTime() + PAYMENT_MINUTES * 60_000).toISOString();
  const rows = accepted.map(({ o, customerId }) => ({
    o,
    customerId,
    id: newId('order'),
    code: pickupCode(),
  }));
  await tx.execute(sql`
    INSERT INTO ${orders} (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                          pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
    SELECT id, c, l, cu, pp, 'pending_payment', t, n, pc, k, ${at}::timestamptz, ${dueAt}::timestamptz, ${at}::timestamptz
    FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.o.campaignId))}::text[],
                ${arr(rows.map((r) => r.o.leaderId))}::text[], ${arr(rows.map((r) => r.customerId))}::text[],
                ${arr(rows.map((r) => r.o.pickupPointId))}::text[], ${arr(rows.map((r) => r.o.totalFen))}::bigint[],
                ${arr(rows.map((r) => r.o.itemCount))}::int[], ${arr(rows.map((r) => r.code))}::text[],
                ${arr(rows.map((r) => r.o.key))}::text[]) AS v(id, c, l, cu, pp, t, n, pc, k)`);
  const lines = rows.flatMap((r) => r.o.lines.map((l) => ({ ...l, orderId: r.id, id: newId('orderLine') })));
  await tx.execute(sql`
    INSERT INTO ${orderLines} (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
    SELECT * FROM unnest(${arr(lines.map((l) => l.id))}::text[], ${arr(lines.map((l) => l.orderId))}::text[],
                         ${arr(lines.map((l) => l.itemId))}::text[], ${arr(lines.map((l) => l.skuId))}::text[],
                         ${arr(lines.map((l) => l.warehouseId))}::text[], ${arr(lines.map((l) => l.quantity))}::int[],
                         ${arr(lines.map((l) => l.unitPriceFen))}::bigint[], ${arr(lines.map((l) => l.amountFen))}::bigint[])`);
  await tx.execute(sql`
    INSERT INTO ${orderEvents} (id, order_id, from_status, to_status, at, actor_name, note)
    SELECT e, o, NULL, 'pending_payment', ${at}::timestamptz, 'customer', 'placed'
    FROM unnest(${arr(rows.map(() => newId('orderEvent')))}::text[], ${arr(rows.map((r) => r.id))}::text[]) AS v(e, o)`);

  const sold = [...soldByItem.entries()];
  const updated = await tx.execute(sql`
    UPDATE ${campaignItems} c SET sold = c.sold + v.q, updated_at = ${at}::timestamptz
    FROM unnest(${arr(sold.map((s) => s[0]))}::text[], ${arr(sold.map((s) => s[1]))}::int[]) AS v(id, q)
    WHERE c.id = v.id AND c.sold + v.q <= c.stock_cap`);
  if (updated.rowCount !== sold.length) throw new Error('campaign sold counters moved under lock');

  const stock = await allocate(
    deps,
    tx,
    { actorId: null, actorName: 'order-intake', requestId: null, ip: null },
    lines.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: l.orderId,
    })),
    { reason: 'order intake' },
  );
  if (!stock.ok) throw new Error(`stock moved under lock: ${JSON.stringify(stock.shortage)}`);

  const bought = new Map<string, { h: string; i: string; q: number }>();
  for (const { o } of accepted) {
    for (const l of o.lines) {
      const k = boughtKey(o.phoneHash, l.itemId);
      const b = bought.get(k) ?? { h: o.phoneHash, i: l.itemId, q: 0 };
      b.q += l.quantity;
      bought.set(k, b);
    }
  }
  const b = [...bought.values()];
  await tx.execute(sql`
    UPDATE ${customerItemCounts} c SET bought = c.bought + v.q
    FROM unnest(${arr(b.map((x) => x.h))}::text[], ${arr(b.map((x) => x.i))}::text[], ${arr(b.map((x) => x.q))}::int[]) AS v(h, i, q)
    WHERE c.phone_hash = v.h AND c.campaign_item_id = v.i`);

  await recordAuditMany(
    tx,
    deps.clock,
    rows.map((r) => ({
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
  await deps.bus.publishMany(
    tx,
    rows.map((r) => ({
      type: 'order.placed',
      aggregateType: 'order',
      aggregateId: r.id,
      payload: {
        campaignId: r.o.campaignId,
        leaderId: r.o.leaderId,
        totalFen: r.o.totalFen,
        itemCount: r.o.itemCount,
      },
      requestId: r.o.actor.requestId,
    })),
  );

  for (const r of rows) {
    const answer: Answer = {
      statusCode: 201,
      body: {
        order: {
          id: r.id,
          status: 'pending_payment',
          campaignId: r.o.campaignId,
          pickupPointId: r.o.pickupPointId,
          totalFen: r.o.totalFen,
          itemCount: r.o.itemCount,
          pickupCode: r.code,
          placedAt: at,
          paymentDueAt: dueAt,
          lines: r.o.lines.map(({ warehouseId: _w, ...l }) => l),
        },
      },
    };
    answers.set(r.o.key, answer);
    stored.push({ key: r.o.key, answer });
  }
}
