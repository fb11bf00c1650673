import { and, asc, count, desc, eq, gt, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { forEachKeysetPage } from '../../platform/db/keyset.js';
import { campaigns } from '../campaigns/index.js';
import { findSkus } from '../catalog/index.js';
import { customers, maskPhone, normalizePhone } from '../customers/index.js';
import { leaderInScope, leaders, pickupPoints, type RegionScope } from '../leaders/index.js';
import { ordersError } from './orders.errors.js';
import { type OrderStatus, orderEvents, orderLines, orders, payments } from './orders.tables.js';
import { listOrderRefunds } from './refunds.queries.js';

/** The order center's filters (the list and the export). */
export interface OrderFilter {
  campaignId?: string | undefined;
  leaderId?: string | undefined;
  status?: OrderStatus | undefined;
  phone?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** A region manager's regions (null or absent: every order). */
  regionScope?: RegionScope | undefined;
}

export interface OrderQuery extends OrderFilter {
  page: number;
  pageSize: number;
}

/** Orders joined with what the order center shows beside them. */
function selectOrders(db: Executor) {
  return db
    .select({
      order: orders,
      // The exact timestamp (microseconds), for the export's keyset: a JS Date keeps milliseconds.
      placedAtExact: sql<string>`${orders.placedAt}::text`,
      campaignName: campaigns.name,
      leaderName: leaders.name,
      leaderCode: leaders.code,
      pickupPointName: pickupPoints.name,
      phoneEnc: customers.phoneEnc,
      customerName: customers.name,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .leftJoin(leaders, eq(leaders.id, orders.leaderId))
    .leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId));
}

type SelectedOrder = Awaited<ReturnType<ReturnType<typeof selectOrders>['execute']>>[number];

/** The phone is decrypted only to be masked: the list never carries a full number. */
function toListItem(crypto: FieldCrypto, r: SelectedOrder) {
  return {
    id: r.order.id,
    status: r.order.status,
    campaignId: r.order.campaignId,
    campaignName: r.campaignName ?? '',
    leaderId: r.order.leaderId,
    leaderName: r.leaderName ?? '',
    leaderCode: r.leaderCode ?? '',
    pickupPointId: r.order.pickupPointId,
    pickupPointName: r.pickupPointName ?? '',
    customerName: r.customerName,
    phoneMasked: maskPhone(crypto.decrypt(r.phoneEnc)),
    totalFen: r.order.totalFen,
    itemCount: r.order.itemCount,
    placedAt: r.order.placedAt.toISOString(),
    paymentDueAt: r.order.paymentDueAt.toISOString(),
  };
}

/** The filter as one condition (undefined: every order). */
function orderCondition(crypto: FieldCrypto, q: OrderFilter): SQL | undefined {
  const where: SQL[] = [];
  if (q.campaignId) where.push(eq(orders.campaignId, q.campaignId));
  if (q.leaderId) where.push(eq(orders.leaderId, q.leaderId));
  if (q.status) where.push(eq(orders.status, q.status));
  if (q.from) where.push(gte(orders.placedAt, q.from));
  if (q.to) where.push(lte(orders.placedAt, q.to));
  if (q.regionScope) where.push(leaderInScope(orders.leaderId, q.regionScope));
  if (q.phone !== undefined) {
    const phone = normalizePhone(q.phone);
    if (!phone) throw ordersError('orders.phone_invalid', { field: 'query.phone' });
    where.push(eq(customers.phoneHash, crypto.hash(phone)));
  }
  return where.length ? and(...where) : undefined;
}

/** The order center's list: newest first, with campaign, leader and pickup point names and a masked phone. */
export async function listOrders(db: Db, crypto: FieldCrypto, q: OrderQuery) {
  const cond = orderCondition(crypto, q);
  const [rows, [total]] = await Promise.all([
    selectOrders(db)
      .where(cond)
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(cond),
  ]);
  return { items: rows.map((r) => toListItem(crypto, r)), total: total?.n ?? 0 };
}

export type OrderListItem = ReturnType<typeof toListItem>;

/**
 * Every order the filter matches, in the list's order (newest first), `pageSize` at a time: each
 * page starts after the last row of the one before (placed_at, id), so an export of a whole season
 * reads each row once and holds one page in memory. The filter is checked now (a malformed phone
 * throws before anything is sent); the returned function reads, best in a repeatable-read
 * transaction for one consistent snapshot.
 */
export function orderPages(
  crypto: FieldCrypto,
  q: OrderFilter,
  pageSize: number,
): (db: Executor, onPage: (items: OrderListItem[]) => Promise<void>) => Promise<void> {
  const cond = orderCondition(crypto, q);
  return (db, onPage) =>
    forEachKeysetPage(
      pageSize,
      (after) =>
        selectOrders(db)
          .where(
            and(
              cond,
              after
                ? sql`(${orders.placedAt}, ${orders.id}) < (${after.at}::timestamptz, ${after.id})`
                : undefined,
            ),
          )
          .orderBy(desc(orders.placedAt), desc(orders.id))
          .limit(pageSize),
      (r) => ({ at: r.placedAtExact, id: r.order.id }),
      (rows) => onPage(rows.map((r) => toListItem(crypto, r))),
    );
}

/** An exported order: the list's row with its pickup code and what of it was refunded. */
export interface OrderExportRow extends OrderListItem {
  pickupCode: string;
  refundedFen: number;
}

/** One SKU line of an exported order (the export's second sheet). */
export interface OrderLineExportRow {
  orderId: string;
  status: OrderStatus;
  placedAt: string;
  pickupCode: string;
  leaderName: string;
  leaderCode: string;
  pickupPointName: string;
  customerName: string | null;
  productName: string;
  spec: string;
  skuCode: string;
  quantity: number;
  refundedQuantity: number;
  unitPriceFen: number;
  amountFen: number;
  refundedFen: number;
}

/**
 * The export's orders: the list's pages, each page completed with its orders' pickup codes and
 * refunded money in one more query (not one per order).
 */
export function orderExportPages(
  crypto: FieldCrypto,
  q: OrderFilter,
  pageSize: number,
): (db: Executor, onPage: (items: OrderExportRow[]) => Promise<void>) => Promise<void> {
  const pages = orderPages(crypto, q, pageSize);
  return (db, onPage) =>
    pages(db, async (items) => {
      const extra = new Map(
        (
          await orderExtras(
            db,
            items.map((i) => i.id),
          )
        ).map((r) => [r.id, r] as const),
      );
      await onPage(
        items.map((i) => ({
          ...i,
          pickupCode: extra.get(i.id)?.pickupCode ?? '',
          refundedFen: Number(extra.get(i.id)?.refundedFen ?? 0),
        })),
      );
    });
}

/**
 * The SKU lines of the export's orders, in the same order as its first sheet: the same filter read
 * again in the same snapshot, a page of orders at a time.
 */
export function orderLineExportPages(
  crypto: FieldCrypto,
  q: OrderFilter,
  pageSize: number,
): (db: Executor, onPage: (items: OrderLineExportRow[]) => Promise<void>) => Promise<void> {
  const pages = orderExportPages(crypto, q, pageSize);
  return (db, onPage) =>
    pages(db, async (items) => {
      if (items.length === 0) return onPage([]);
      const lines = await db
        .select({
          line: orderLines,
          refundedFen: sql<string>`coalesce((select sum(rl.amount_fen) from order_refund_lines rl
            where rl.order_line_id = order_lines.id), 0)`,
        })
        .from(orderLines)
        .where(
          inArray(
            orderLines.orderId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(orderLines.id));
      const skus = new Map(
        (await findSkus(db, [...new Set(lines.map((l) => l.line.skuId))])).map((s) => [s.skuId, s]),
      );
      const byOrder = new Map<string, typeof lines>();
      for (const l of lines) byOrder.set(l.line.orderId, [...(byOrder.get(l.line.orderId) ?? []), l]);
      await onPage(
        items.flatMap((o) =>
          (byOrder.get(o.id) ?? []).map(({ line, refundedFen }) => ({
            orderId: o.id,
            status: o.status,
            placedAt: o.placedAt,
            pickupCode: o.pickupCode,
            leaderName: o.leaderName,
            leaderCode: o.leaderCode,
            pickupPointName: o.pickupPointName,
            customerName: o.customerName,
            productName: skus.get(line.skuId)?.productName ?? '',
            spec: skus.get(line.skuId)?.spec ?? '',
            skuCode: skus.get(line.skuId)?.skuCode ?? '',
            quantity: line.quantity,
            refundedQuantity: line.refundedQuantity,
            unitPriceFen: line.unitPriceFen,
            amountFen: line.amountFen,
            refundedFen: Number(refundedFen),
          })),
        ),
      );
    });
}

/**
 * The pickup codes and refunded money of a page of orders. The correlated sub-queries name the outer
 * table in full: Drizzle leaves a column unqualified in a one-table query, and a bare `id` inside the
 * sub-query would mean the refund's own id.
 */
async function orderExtras(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: orders.id,
      pickupCode: orders.pickupCode,
      refundedFen: sql<string>`coalesce((select sum(r.amount_fen) from order_refunds r
        where r.order_id = orders.id), 0)`,
    })
    .from(orders)
    .where(inArray(orders.id, [...ids]));
}

/** One order with its lines (and what of each is refunded), payments, refunds and timeline (订单详情). */
export async function getOrderDetail(db: Db, crypto: FieldCrypto, id: string, scope: RegionScope = null) {
  // Outside a region manager's regions an order does not exist for them: the same 404 as a wrong id.
  const [row] = await selectOrders(db).where(and(eq(orders.id, id), leaderInScope(orders.leaderId, scope)));
  if (!row) throw ordersError('orders.not_found', { field: 'params.id', detail: id });
  const [lines, pays, timeline, refunds] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.id)),
    db.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.paidAt)),
    db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, id))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id)),
    listOrderRefunds(db, id),
  ]);
  const skuInfo = new Map(
    (await findSkus(db, [...new Set(lines.map((l) => l.skuId))])).map((s) => [s.skuId, s]),
  );
  return {
    ...toListItem(crypto, row),
    pickupCode: row.order.pickupCode,
    lines: lines.map((l) => ({
      id: l.id,
      productName: skuInfo.get(l.skuId)?.productName ?? '',
      spec: skuInfo.get(l.skuId)?.spec ?? '',
      skuCode: skuInfo.get(l.skuId)?.skuCode ?? '',
      campaignItemId: l.campaignItemId,
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      refundedQuantity: l.refundedQuantity,
    })),
    refunds,
    payments: pays.map((p) => ({
      id: p.id,
      provider: p.provider,
      amountFen: p.amountFen,
      reference: p.reference,
      paidAt: p.paidAt.toISOString(),
    })),
    timeline: timeline.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      at: e.at.toISOString(),
      actorName: e.actorName,
      note: e.note,
    })),
  };
}

/**
 * Completed orders for the leaders' sales roll-up (团长业绩汇总): who sold, to whom, what was paid net
 * of refunds made before completion, and when the order completed. By ids (the roll-up subscriber)
 * or in pages by id (the backfill). The composition root hands this reader to the leaders module,
 * which cannot import this one.
 */
export async function completedOrderFacts(
  db: Executor,
  q: { orderIds?: readonly string[]; afterId?: string; limit?: number },
) {
  // The move into completed (from picked up); a later refund of a completed order adds a timeline
  // line that stays at completed, which must not move the completion time.
  const where: SQL[] = [eq(orderEvents.toStatus, 'completed'), eq(orderEvents.fromStatus, 'picked_up')];
  if (q.orderIds) where.push(inArray(orders.id, [...q.orderIds]));
  if (q.afterId) where.push(gt(orders.id, q.afterId));
  const completedAt = sql<string>`max(${orderEvents.at})`;
  const rows = await db
    .select({
      orderId: orders.id,
      leaderId: orders.leaderId,
      customerId: orders.customerId,
      totalFen: orders.totalFen,
      completedAt,
      refundedBeforeFen: sql<string>`coalesce((select sum(r.amount_fen) from order_refunds r
        where r.order_id = ${orders.id} and r.created_at <= ${completedAt}), 0)`,
    })
    .from(orders)
    .innerJoin(orderEvents, eq(orderEvents.orderId, orders.id))
    .where(and(...where))
    .groupBy(orders.id)
    .orderBy(asc(orders.id))
    .limit(q.limit ?? 10_000);
  return rows.map((r) => ({
    orderId: r.orderId,
    leaderId: r.leaderId,
    customerId: r.customerId,
    totalFen: Math.max(0, r.totalFen - Number(r.refundedBeforeFen)),
    completedAt: new Date(r.completedAt),
  }));
}
