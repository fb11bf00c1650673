import { randomInt } from 'node:crypto';
import { asc, inArray, sql } from 'drizzle-orm';
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

/** Minutes an order may stay unpaid; the lifecycle's auto-cancel reads it from the order row. */
export const PAYMENT_MINUTES = 30;

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
 * Commits one batch in one transaction and returns an answer per idempotency key. Rows are locked in
 * one fixed order (campaigns, campaign items, stock levels, per-customer counters), all before the
 * audit chain's lock, so concurrent batches (in this process or another) queue instead of
 * deadlocking; the decision itself is the pure `allocateBatch`.
 */
export interface FlushResult {
  answers: Map<string, Answer>;
  /** Items with nothing left after this batch, for the intake's sold-out fast path. */
  soldOutItems: Set<string>;
}

export async function flushBatch(deps: Deps, batch: readonly PendingOrder[]): Promise<FlushResult> {
  return deps.db.transaction(async (tx) => {
    const answers = new Map<string, Answer>();
    const soldOutItems = new Set<string>();
    const now = deps.clock.now();

    // 1. Claim the keys. A key another transaction holds makes this wait for it; once it commits,
    // the key is not ours and its stored answer is returned instead (a replay across processes).
    const claimed = await tx
      .insert(orderRequests)
      .values(
        batch.map((o) => ({
          idempotencyKey: o.key,
          requestHash: o.requestHash,
          statusCode: 0,
          response: {},
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ key: orderRequests.idempotencyKey });
    const mine = new Set(claimed.map((c) => c.key));
    const replays = batch.filter((o) => !mine.has(o.key));
    if (replays.length > 0) {
      const stored = await tx
        .select()
        .from(orderRequests)
        .where(
          inArray(
            orderRequests.idempotencyKey,
            replays.map((o) => o.key),
          ),
        );
      const byKey = new Map(stored.map((s) => [s.idempotencyKey, s]));
      for (const o of replays) {
        const s = byKey.get(o.key);
        if (s && s.requestHash === o.requestHash)
          answers.set(o.key, { statusCode: s.statusCode, body: s.response });
        else {
          const err = ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
          answers.set(o.key, { statusCode: err.status, body: err.toBody(o.actor.requestId ?? undefined) });
        }
      }
    }
    let live = batch.filter((o) => mine.has(o.key));
    if (live.length === 0) return { answers, soldOutItems };

    // 2. The campaign must be open by the server's clock, read under a share lock so a close that
    // commits first is seen, and one that commits later waits for this batch.
    const campaignIds = [...new Set(live.map((o) => o.campaignId))];
    const campaignRows = await tx
      .select({
        id: campaigns.id,
        state: campaigns.state,
        startsAt: campaigns.startsAt,
        cutoffAt: campaigns.cutoffAt,
      })
      .from(campaigns)
      .where(inArray(campaigns.id, campaignIds))
      .orderBy(asc(campaigns.id))
      .for('share');
    const open = new Set(campaignRows.filter((c) => isOpenForOrders(c, now)).map((c) => c.id));
    const stored: { key: string; answer: Answer }[] = [];
    for (const o of live.filter((o) => !open.has(o.campaignId))) {
      const a = refusalAnswer({ reason: 'campaign_not_open' }, o.actor.requestId);
      answers.set(o.key, a);
      stored.push({ key: o.key, answer: a });
    }
    live = live.filter((o) => open.has(o.campaignId));

    // 3-5. Lock what the decision reads, each set in a fixed order.
    const itemIds = [...new Set(live.flatMap((o) => o.lines.map((l) => l.itemId)))].sort();
    const items = itemIds.length
      ? await tx
          .select({
            id: campaignItems.id,
            cap: campaignItems.stockCap,
            sold: campaignItems.sold,
            limit: campaignItems.perCustomerLimit,
          })
          .from(campaignItems)
          .where(inArray(campaignItems.id, itemIds))
          .orderBy(asc(campaignItems.id))
          .for('update')
      : [];
    const stockPairs = [
      ...new Map(
        live.flatMap((o) =>
          o.lines.map((l) => [stockKey(l.skuId, l.warehouseId), [l.skuId, l.warehouseId] as const]),
        ),
      ).values(),
    ];
    const levels = stockPairs.length
      ? await tx.execute<{ sku_id: string; warehouse_id: string; available: number }>(sql`
          SELECT sku_id, warehouse_id, available FROM ${stockLevels}
          WHERE (sku_id, warehouse_id) IN (${sql.join(
            stockPairs.map(([s, w]) => sql`(${s}, ${w})`),
            sql`, `,
          )})
          ORDER BY sku_id, warehouse_id FOR UPDATE`)
      : { rows: [] };
    const counterPairs = [
      ...new Map(
        live.flatMap((o) =>
          o.lines.map((l) => [
            boughtKey(o.phoneHash, l.itemId),
            { phoneHash: o.phoneHash, campaignItemId: l.itemId },
          ]),
        ),
      ).values(),
    ];
    await tx.insert(customerItemCounts).values(counterPairs).onConflictDoNothing();
    const counters = await tx.execute<{ phone_hash: string; campaign_item_id: string; bought: number }>(sql`
      SELECT phone_hash, campaign_item_id, bought FROM ${customerItemCounts}
      WHERE (phone_hash, campaign_item_id) IN (${sql.join(
        counterPairs.map((c) => sql`(${c.phoneHash}, ${c.campaignItemId})`),
        sql`, `,
      )})
      ORDER BY phone_hash, campaign_item_id FOR UPDATE`);

    // 6. Decide, first come first served, each order whole or not at all.
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
      itemRemaining: new Map(items.map((i) => [i.id, i.cap - i.sold])),
      itemLimit: new Map(items.map((i) => [i.id, i.limit])),
      customerBought: new Map(
        counters.rows.map((c) => [boughtKey(c.phone_hash, c.campaign_item_id), Number(c.bought)]),
      ),
      available: new Map(levels.rows.map((l) => [stockKey(l.sku_id, l.warehouse_id), Number(l.available)])),
    });
    for (const id of result.soldOutItems) soldOutItems.add(id);
    const accepted = live.filter((_, i) => result.decisions[i]?.accepted);
    for (const [i, d] of result.decisions.entries()) {
      const o = live[i];
      if (!o || d.accepted) continue;
      const a = refusalAnswer(d.refusal, o.actor.requestId);
      answers.set(o.key, a);
      stored.push({ key: o.key, answer: a });
    }

    if (accepted.length > 0) await writeAccepted(deps, tx, accepted, result.soldByItem, answers, stored);

    // 8. Every claimed key gets its final answer stored, so a replay returns it.
    if (stored.length > 0) {
      await tx.execute(sql`
        UPDATE ${orderRequests} r SET status_code = v.status, response = v.body::jsonb
        FROM (VALUES ${sql.join(
          stored.map((s) => sql`(${s.key}, ${s.answer.statusCode}::int, ${JSON.stringify(s.answer.body)})`),
          sql`, `,
        )}) AS v(key, status, body)
        WHERE r.idempotency_key = v.key`);
    }
    return { answers, soldOutItems };
  });
}

function pickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Step 7: the accepted orders, their lines, the counters, the stock, the audit trail and events. */
async function writeAccepted(
  deps: Deps,
  tx: Tx,
  accepted: readonly PendingOrder[],
  soldByItem: ReadonlyMap<string, number>,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
): Promise<void> {
  const now = deps.clock.now();
  const customers = await upsertCustomersByPhoneTx(
    deps,
    tx,
    accepted.map((o) => ({ phone: o.phone, name: o.customerName, pickupPointId: o.pickupPointId })),
  );
  const orderRows = accepted.map((o, i) => ({
    id: newId('order'),
    campaignId: o.campaignId,
    leaderId: o.leaderId,
    customerId: customers[i]?.customerId ?? '',
    pickupPointId: o.pickupPointId,
    status: 'pending_payment' as const,
    totalFen: o.totalFen,
    itemCount: o.itemCount,
    pickupCode: pickupCode(),
    idempotencyKey: o.key,
    placedAt: now,
    paymentDueAt: new Date(now.getTime() + PAYMENT_MINUTES * 60_000),
    updatedAt: now,
  }));
  const lineRows = accepted.flatMap((o, i) =>
    o.lines.map((l) => ({
      id: newId('orderLine'),
      orderId: orderRows[i]?.id ?? '',
      campaignItemId: l.itemId,
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
    })),
  );
  await tx.insert(orders).values(orderRows);
  await tx.insert(orderLines).values(lineRows);
  await tx.insert(orderEvents).values(
    orderRows.map((o) => ({
      id: newId('orderEvent'),
      orderId: o.id,
      fromStatus: null,
      toStatus: 'pending_payment',
      at: now,
      actorName: 'customer',
      note: 'placed',
    })),
  );

  const sold = [...soldByItem.entries()];
  const updated = await tx.execute(sql`
    UPDATE ${campaignItems} c SET sold = c.sold + v.q, updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${sql.join(
      sold.map(([id, q]) => sql`(${id}, ${q}::int)`),
      sql`, `,
    )}) AS v(id, q)
    WHERE c.id = v.id AND c.sold + v.q <= c.stock_cap`);
  if (updated.rowCount !== sold.length) throw new Error('campaign sold counters moved under lock');

  const batchActor: Actor = { actorId: null, actorName: 'order-intake', requestId: null, ip: null };
  const stock = await allocate(
    deps,
    tx,
    batchActor,
    lineRows.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: l.orderId,
    })),
    { reason: 'order intake' },
  );
  if (!stock.ok) throw new Error(`stock moved under lock: ${JSON.stringify(stock.shortage)}`);

  const bought = new Map<string, { phoneHash: string; itemId: string; q: number }>();
  for (const o of accepted) {
    for (const l of o.lines) {
      const k = boughtKey(o.phoneHash, l.itemId);
      const b = bought.get(k) ?? { phoneHash: o.phoneHash, itemId: l.itemId, q: 0 };
      b.q += l.quantity;
      bought.set(k, b);
    }
  }
  await tx.execute(sql`
    UPDATE ${customerItemCounts} c SET bought = c.bought + v.q
    FROM (VALUES ${sql.join(
      [...bought.values()].map((b) => sql`(${b.phoneHash}, ${b.itemId}, ${b.q}::int)`),
      sql`, `,
    )}) AS v(phone_hash, item_id, q)
    WHERE c.phone_hash = v.phone_hash AND c.campaign_item_id = v.item_id`);

  await recordAuditMany(
    tx,
    deps.clock,
    accepted.map((o, i) => ({
      actor: o.actor,
      entry: {
        action: 'order.place',
        entityType: 'order',
        entityId: orderRows[i]?.id ?? null,
        after: { campaignId: o.campaignId, leaderId: o.leaderId, totalFen: o.totalFen, lines: o.lines },
      },
    })),
  );
  await deps.bus.publishMany(
    tx,
    accepted.map((o, i) => ({
      type: 'order.placed',
      aggregateType: 'order',
      aggregateId: orderRows[i]?.id ?? '',
      payload: {
        campaignId: o.campaignId,
        leaderId: o.leaderId,
        totalFen: o.totalFen,
        itemCount: o.itemCount,
      },
      requestId: o.actor.requestId,
    })),
  );

  for (const [i, o] of accepted.entries()) {
    const row = orderRows[i];
    if (!row) continue;
    const answer: Answer = {
      statusCode: 201,
      body: {
        order: {
          id: row.id,
          status: row.status,
          campaignId: row.campaignId,
          pickupPointId: row.pickupPointId,
          totalFen: row.totalFen,
          itemCount: row.itemCount,
          pickupCode: row.pickupCode,
          placedAt: row.placedAt.toISOString(),
          paymentDueAt: row.paymentDueAt.toISOString(),
          lines: o.lines,
        },
      },
    };
    answers.set(o.key, answer);
    stored.push({ key: o.key, answer });
  }
}
