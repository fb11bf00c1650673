import { and, asc, desc, eq, gte, inArray, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/audit/index.js';
import { BUSINESS_TZ, dayBounds, isCalendarDate, localDate } from '../../platform/business-time.js';
import type { Clock } from '../../platform/clock.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Executor } from '../../platform/db/database.js';
import { campaigns } from '../campaigns/index.js';
import { findSkus } from '../catalog/index.js';
import { customers, maskPhone, normalizePhone } from '../customers/index.js';
import { pickupPoints } from '../leaders/index.js';
import { orderLines, orders } from '../orders/index.js';
import { portalError } from './portal.errors.js';
import type { PortalLeader } from './portal-leader.js';
import { type DayLine, type DayOrder, summariseDay, VOID_STATUS_LIST } from './today-summary.js';

function masked(crypto: FieldCrypto, phoneEnc: string): string {
  try {
    return maskPhone(crypto.decrypt(phoneEnc));
  } catch {
    return '***********';
  }
}

/**
 * "订单": the leader's orders of one day (today by default, in the business time zone), grouped by
 * campaign (with the quantity of each product, what the leader will hand out) and by customer.
 * Customers' phones are masked: the leader sees who, not the number.
 */
export async function portalDayOrders(
  db: Executor,
  crypto: FieldCrypto,
  clock: Clock,
  leader: PortalLeader,
  date?: string,
) {
  const day = date ?? localDate(clock.now(), BUSINESS_TZ);
  if (!isCalendarDate(day)) throw portalError('portal.date_invalid', { field: 'query.date', detail: day });
  const { from, to } = dayBounds(day, BUSINESS_TZ);
  const mine = and(eq(orders.leaderId, leader.id), gte(orders.placedAt, from), lt(orders.placedAt, to));
  const [rows, lineRows] = await Promise.all([
    db
      .select({
        order: orders,
        campaignName: campaigns.name,
        customerName: customers.name,
        phoneEnc: customers.phoneEnc,
        pickupPointName: pickupPoints.name,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
      .leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
      .where(mine)
      .orderBy(desc(orders.placedAt), desc(orders.id)),
    db
      .select({
        orderId: orderLines.orderId,
        campaignId: orders.campaignId,
        skuId: orderLines.skuId,
        quantity: orderLines.quantity,
        amountFen: orderLines.amountFen,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(mine),
  ]);
  const skus = new Map(
    (await findSkus(db, [...new Set(lineRows.map((l) => l.skuId))])).map((s) => [s.skuId, s]),
  );
  const dayOrders: DayOrder[] = rows.map((r) => ({
    id: r.order.id,
    campaignId: r.order.campaignId,
    campaignName: r.campaignName ?? '',
    customerId: r.order.customerId,
    customerName: r.customerName,
    phoneMasked: masked(crypto, r.phoneEnc),
    pickupPointName: r.pickupPointName ?? '',
    status: r.order.status,
    totalFen: r.order.totalFen,
    itemCount: r.order.itemCount,
    placedAt: r.order.placedAt,
  }));
  const dayLines: DayLine[] = lineRows.map((l) => ({
    ...l,
    productName: skus.get(l.skuId)?.productName ?? '',
    spec: skus.get(l.skuId)?.spec ?? '',
  }));
  return { date: day, timeZone: BUSINESS_TZ, ...summariseDay(dayOrders, dayLines) };
}

export interface PortalCustomerQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * "客户": everyone who ordered through this leader, most recent first: name, masked phone, how many
 * orders (cancelled and refunded ones left out), what they spent, and when they last ordered. A
 * search matches a name, or a whole phone number through its keyed hash (phones are not stored in
 * clear, so a part of a number cannot be searched).
 */
export async function portalCustomers(
  db: Executor,
  crypto: FieldCrypto,
  leader: PortalLeader,
  q: PortalCustomerQuery,
) {
  const where: SQL[] = [eq(orders.leaderId, leader.id)];
  const text = q.q?.trim();
  if (text) {
    const phone = normalizePhone(text);
    const match = or(
      sql`${customers.name} ilike ${`%${escapeLike(text)}%`}`,
      ...(phone ? [eq(customers.phoneHash, crypto.hash(phone))] : []),
    );
    if (match) where.push(match);
  }
  const cond = and(...where);
  const live = sql`${orders.status} not in ('cancelled', 'refunded')`;
  const lastOrderAt = sql<Date>`max(${orders.placedAt})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        customerId: orders.customerId,
        name: customers.name,
        phoneEnc: customers.phoneEnc,
        orderCount: sql<number>`(count(*) filter (where ${live}))::int`,
        totalFen: sql<string>`coalesce(sum(${orders.totalFen}) filter (where ${live}), 0)::bigint`,
        firstOrderAt: sql<Date>`min(${orders.placedAt})`,
        lastOrderAt,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(cond)
      .groupBy(orders.customerId, customers.name, customers.phoneEnc)
      .orderBy(desc(lastOrderAt), asc(orders.customerId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(distinct ${orders.customerId})::int` })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(cond),
  ]);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    items: rows.map((r) => ({
      customerId: r.customerId,
      name: r.name,
      phoneMasked: masked(crypto, r.phoneEnc),
      orderCount: r.orderCount,
      totalFen: Number(r.totalFen),
      firstOrderAt: iso(r.firstOrderAt),
      lastOrderAt: iso(r.lastOrderAt),
    })),
    total: total?.n ?? 0,
  };
}

/**
 * "核销" preview: the orders with this pickup code at this leader's own pickup points, so the leader
 * sees what to hand over (and to whom) before confirming. Only orders that can be picked up now
 * (`delivered`) can be verified; the others are shown with their status so the leader can tell the
 * customer why not (not arrived yet, already picked up).
 */
export async function portalPickupLookup(
  db: Executor,
  crypto: FieldCrypto,
  leader: PortalLeader,
  pickupCode: string,
) {
  const rows = await db
    .select({
      order: orders,
      campaignName: campaigns.name,
      customerName: customers.name,
      phoneEnc: customers.phoneEnc,
      pickupPointName: pickupPoints.name,
    })
    .from(orders)
    .innerJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(
      and(
        eq(pickupPoints.leaderId, leader.id),
        eq(orders.pickupCode, pickupCode),
        notInArray(orders.status, [...VOID_STATUS_LIST]),
        ne(orders.status, 'on_hold'),
      ),
    )
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(20);
  const ids = rows.map((r) => r.order.id);
  const lines = ids.length
    ? await db.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.id))
    : [];
  const skus = new Map(
    (await findSkus(db, [...new Set(lines.map((l) => l.skuId))])).map((s) => [s.skuId, s]),
  );
  const items = rows.map((r) => ({
    id: r.order.id,
    status: r.order.status,
    campaignName: r.campaignName ?? '',
    customerName: r.customerName,
    phoneMasked: masked(crypto, r.phoneEnc),
    pickupPointId: r.order.pickupPointId,
    pickupPointName: r.pickupPointName,
    totalFen: r.order.totalFen,
    itemCount: r.order.itemCount,
    placedAt: r.order.placedAt.toISOString(),
    canVerify: r.order.status === 'delivered',
    lines: lines
      .filter((l) => l.orderId === r.order.id)
      .map((l) => ({
        productName: skus.get(l.skuId)?.productName ?? '',
        spec: skus.get(l.skuId)?.spec ?? '',
        quantity: l.quantity,
      })),
  }));
  return { pickupCode, waiting: items.filter((i) => i.canVerify).length, items };
}

/** The pickup points of this leader where orders with this code wait to be picked up. */
export async function waitingPointsFor(db: Executor, leader: PortalLeader, pickupCode: string) {
  const rows = await db
    .selectDistinct({ id: orders.pickupPointId })
    .from(orders)
    .innerJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
    .where(
      and(
        eq(pickupPoints.leaderId, leader.id),
        eq(orders.pickupCode, pickupCode),
        eq(orders.status, 'delivered'),
      ),
    );
  return rows.map((r) => r.id);
}

export async function isOwnPickupPoint(db: Executor, leader: PortalLeader, pickupPointId: string) {
  const [row] = await db
    .select({ id: pickupPoints.id })
    .from(pickupPoints)
    .where(and(eq(pickupPoints.id, pickupPointId), eq(pickupPoints.leaderId, leader.id)));
  return row !== undefined;
}
