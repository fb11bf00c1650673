import { and, eq, sql } from 'drizzle-orm';
import { localDate } from '../../../platform/business-time.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import type { DomainEvent } from '../../../platform/outbox/index.js';
import { leaderSalesOrders } from './network.tables.js';

/**
 * The daily sales roll-up (团长日业绩汇总). Completed orders are counted once each (the per-order
 * record `leader_sales_orders` makes a replay or a backfill harmless); a refund subtracts from an
 * order that was counted, never more than was counted, on the day of the refund.
 *
 * The leaders module cannot import the orders module (orders imports leaders), so the composition
 * root hands in a reader of completed orders: `completedOrderFacts` from the orders module.
 */

/** What the roll-up needs to know of a completed order. */
export interface CompletedOrderFact {
  orderId: string;
  leaderId: string;
  customerId: string;
  /** What the customer paid, in fen. */
  totalFen: number;
  /** When the order completed; the subscriber uses the event's time when this is null. */
  completedAt: Date | null;
}

export type CompletedOrderReader = (
  db: Executor,
  q: { orderIds?: readonly string[]; afterId?: string; limit?: number },
) => Promise<CompletedOrderFact[]>;

/** Adds completed orders to the roll-up in one statement; orders counted before are skipped. Returns how many were added. */
export async function addCompletedOrdersTx(
  tx: Executor,
  facts: ReadonlyArray<CompletedOrderFact & { completedAt: Date }>,
): Promise<number> {
  if (facts.length === 0) return 0;
  const col = <T>(f: (x: CompletedOrderFact & { completedAt: Date }) => T) => sql.param(facts.map(f));
  const r = await tx.execute<{ added: number }>(sql`
    with ins as (
      insert into leader_sales_orders (order_id, leader_id, customer_id, day, gmv_fen, refunded_fen, completed_at)
      select o, l, c, d::date, g, 0, t
      from unnest(${col((f) => f.orderId)}::text[], ${col((f) => f.leaderId)}::text[],
                  ${col((f) => f.customerId)}::text[], ${col((f) => localDate(f.completedAt))}::text[],
                  ${col((f) => f.totalFen)}::bigint[], ${col((f) => f.completedAt.toISOString())}::timestamptz[])
        as v(o, l, c, d, g, t)
      on conflict (order_id) do nothing
      returning leader_id, customer_id, day, gmv_fen
    ), days as (
      insert into leader_daily_sales (leader_id, day, completed_gmv_fen, completed_orders)
      select leader_id, day, sum(gmv_fen), count(*) from ins group by leader_id, day
      on conflict (leader_id, day) do update set
        completed_gmv_fen = leader_daily_sales.completed_gmv_fen + excluded.completed_gmv_fen,
        completed_orders = leader_daily_sales.completed_orders + excluded.completed_orders
    ), custs as (
      insert into leader_daily_customers (leader_id, day, customer_id, orders)
      select leader_id, day, customer_id, count(*) from ins group by leader_id, day, customer_id
      on conflict (leader_id, day, customer_id) do update set
        orders = leader_daily_customers.orders + excluded.orders
    )
    select count(*)::int as added from ins`);
  return Number(r.rows[0]?.added ?? 0);
}

export interface RefundFact {
  orderId: string;
  amountFen: number;
  fully: boolean;
  at: Date;
}

/**
 * Subtracts a refund from the roll-up, on the refund's day. An order refunded before it completed
 * was never counted and changes nothing; an order is counted as refunded in full once.
 */
export async function addRefundTx(tx: Tx, refund: RefundFact): Promise<{ subtractedFen: number }> {
  const [counted] = await tx
    .select()
    .from(leaderSalesOrders)
    .where(eq(leaderSalesOrders.orderId, refund.orderId))
    .for('update');
  if (!counted) return { subtractedFen: 0 };
  const room = counted.gmvFen - counted.refundedFen;
  const subtracted = Math.max(0, Math.min(refund.amountFen, room));
  const wasFull = counted.refundedFen >= counted.gmvFen && counted.gmvFen > 0;
  const nowFull = counted.refundedFen + subtracted >= counted.gmvFen;
  const becameFull = !wasFull && (nowFull || refund.fully) && (subtracted > 0 || counted.gmvFen === 0);
  if (subtracted === 0 && !becameFull) return { subtractedFen: 0 };
  await tx
    .update(leaderSalesOrders)
    .set({ refundedFen: counted.refundedFen + subtracted })
    .where(and(eq(leaderSalesOrders.orderId, refund.orderId)));
  await tx.execute(sql`
    insert into leader_daily_sales (leader_id, day, refunded_fen, refunded_orders)
    values (${counted.leaderId}, ${localDate(refund.at)}::date, ${subtracted}, ${becameFull ? 1 : 0})
    on conflict (leader_id, day) do update set
      refunded_fen = leader_daily_sales.refunded_fen + excluded.refunded_fen,
      refunded_orders = leader_daily_sales.refunded_orders + excluded.refunded_orders`);
  return { subtractedFen: subtracted };
}

function refundOf(event: DomainEvent): RefundFact | null {
  const p = event.payload as Partial<Record<'orderId' | 'amountFen' | 'fully' | 'at', unknown>> | null;
  if (!p || typeof p !== 'object') return null;
  const orderId = typeof p.orderId === 'string' ? p.orderId : event.aggregateId;
  const amountFen = typeof p.amountFen === 'number' && Number.isSafeInteger(p.amountFen) ? p.amountFen : null;
  if (amountFen === null || amountFen < 0) return null;
  const at = typeof p.at === 'string' && !Number.isNaN(Date.parse(p.at)) ? new Date(p.at) : event.createdAt;
  return { orderId, amountFen, fully: p.fully === true, at };
}

/** Subscriber names are delivery keys: never rename them. */
export const ROLLUP_COMPLETED = 'leaders.sales-rollup';
export const ROLLUP_REFUNDED = 'leaders.sales-rollup-refund';

/**
 * Keeps the roll-up current: `order.completed` adds the order on its completion day,
 * `order.refunded` subtracts on the refund's day. Each runs in the delivery's transaction.
 */
export function registerLeaderNetworkSubscribers(
  deps: Pick<Deps, 'bus'>,
  readCompleted: CompletedOrderReader,
): void {
  deps.bus.subscribe('order.completed', ROLLUP_COMPLETED, async (event, tx) => {
    const facts = await readCompleted(tx, { orderIds: [event.aggregateId] });
    await addCompletedOrdersTx(
      tx,
      facts.map((f) => ({ ...f, completedAt: f.completedAt ?? event.createdAt })),
    );
  });
  deps.bus.subscribe('order.refunded', ROLLUP_REFUNDED, async (event, tx) => {
    const refund = refundOf(event);
    if (!refund) throw new Error(`order.refunded ${event.id} has no usable amountFen`);
    await addRefundTx(tx, refund);
  });
}

/**
 * Counts every completed order not yet in the roll-up, in pages of `pageSize`: for the demo, the
 * benchmark, and a database that had orders before the roll-up existed. Refunds made before the
 * roll-up existed are not replayed (their events were delivered to no one); see docs/leader-network.md.
 */
export async function backfillLeaderDailySales(
  db: Pick<Deps, 'db'>['db'],
  readCompleted: CompletedOrderReader,
  pageSize = 5_000,
): Promise<{ added: number }> {
  let added = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await readCompleted(db, { ...(afterId ? { afterId } : {}), limit: pageSize });
    if (page.length === 0) break;
    const ready = page.filter((f): f is CompletedOrderFact & { completedAt: Date } => f.completedAt !== null);
    added += await db.transaction((tx) => addCompletedOrdersTx(tx, ready));
    afterId = page.at(-1)?.orderId;
    if (page.length < pageSize) break;
  }
  return { added };
}
