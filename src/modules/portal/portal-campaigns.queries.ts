import { and, asc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { campaignItems, campaigns, isOpenForOrders, maySellIn, stateAt } from '../campaigns/index.js';
import { findSkus, products } from '../catalog/index.js';
import { regionPathOf } from '../leaders/index.js';
import { orders } from '../orders/index.js';
import type { PortalLeader } from './portal-leader.js';
import { sharePath } from './portal-links.js';
import { VOID_STATUS_LIST } from './today-summary.js';

/**
 * "开团": the campaigns this leader may share now or soon. Live ones (taking orders) first, by the
 * nearest cutoff; then upcoming ones, by start. A campaign sold to chosen regions appears only for
 * leaders in one of them or below (the same `maySellIn` the order intake applies), and each carries
 * its share link with the leader's code, its products at group prices for the poster, and what the
 * leader has sold of it so far.
 */
export async function portalCampaigns(db: Executor, clock: Clock, leader: PortalLeader) {
  const now = clock.now();
  const [rows, regionPath] = await Promise.all([
    db
      .select()
      .from(campaigns)
      .where(and(inArray(campaigns.state, ['scheduled', 'live']), gt(campaigns.cutoffAt, now)))
      .orderBy(asc(campaigns.startsAt), asc(campaigns.id)),
    regionPathOf(db, leader.regionId),
  ]);
  const visible = rows.filter((c) => stateAt(c, now) !== 'closed' && maySellIn(c, regionPath));
  if (visible.length === 0) return { serverNow: now.toISOString(), items: [] };
  const ids = visible.map((c) => c.id);
  const [items, sales] = await Promise.all([
    db
      .select()
      .from(campaignItems)
      .where(inArray(campaignItems.campaignId, ids))
      .orderBy(asc(campaignItems.sortOrder), asc(campaignItems.id)),
    db
      .select({
        campaignId: orders.campaignId,
        orders: sql<number>`count(*)::int`,
        totalFen: sql<string>`coalesce(sum(${orders.totalFen}), 0)::bigint`,
      })
      .from(orders)
      .where(
        and(
          eq(orders.leaderId, leader.id),
          inArray(orders.campaignId, ids),
          notInArray(orders.status, [...VOID_STATUS_LIST]),
        ),
      )
      .groupBy(orders.campaignId),
  ]);
  const skus = new Map(
    (await findSkus(db, [...new Set(items.map((i) => i.skuId))])).map((s) => [s.skuId, s]),
  );
  const productIds = [...new Set([...skus.values()].map((s) => s.productId))];
  const imageRows = productIds.length
    ? await db
        .select({ id: products.id, images: products.images })
        .from(products)
        .where(inArray(products.id, productIds))
    : [];
  const imageOf = new Map(imageRows.map((p) => [p.id, p.images[0] ?? null]));
  const salesOf = new Map(sales.map((s) => [s.campaignId, s]));

  const view = visible.map((c) => {
    const open = isOpenForOrders(c, now);
    const mine = salesOf.get(c.id);
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      coverUrl: c.coverUrl,
      description: c.description,
      status: open ? ('live' as const) : ('upcoming' as const),
      openForOrders: open,
      startsAt: c.startsAt.toISOString(),
      cutoffAt: c.cutoffAt.toISOString(),
      deliveryDate: c.deliveryDate,
      sharePath: sharePath(c.id, leader.code),
      myOrders: mine?.orders ?? 0,
      myTotalFen: Number(mine?.totalFen ?? 0),
      items: items
        .filter((i) => i.campaignId === c.id)
        .map((i) => {
          const sku = skus.get(i.skuId);
          return {
            itemId: i.id,
            productName: sku?.productName ?? '',
            spec: sku?.spec ?? '',
            unit: sku?.unit ?? '',
            image: sku ? (imageOf.get(sku.productId) ?? null) : null,
            priceFen: i.priceFen,
            listPriceFen: sku?.listPriceFen ?? i.priceFen,
            perCustomerLimit: i.perCustomerLimit,
            remaining: Math.max(0, i.stockCap - i.sold),
          };
        }),
    };
  });
  view.sort((a, b) => {
    if (a.openForOrders !== b.openForOrders) return a.openForOrders ? -1 : 1;
    return a.openForOrders
      ? a.cutoffAt.localeCompare(b.cutoffAt) || a.id.localeCompare(b.id)
      : a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);
  });
  return { serverNow: now.toISOString(), items: view };
}
