import { and, eq, inArray } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db/database.js';
import { campaigns } from '../campaigns/index.js';
import { findSkus } from '../catalog/index.js';
import { customers, maskPhone } from '../customers/index.js';
import { leaderInScope, type RegionScope } from '../leaders/index.js';
import { BAG_STATUSES, mergeIntoBags } from './domain/merge-bags.js';
import { orderLines, orders } from './orders.tables.js';

/**
 * The bags (合单) of one pickup point for one delivery day: every paid order there not yet handed
 * over, merged per customer, with the customer's name and masked phone and the units per SKU, for
 * packing and handing over.
 */
export async function listBags(
  db: Db,
  crypto: FieldCrypto,
  q: { pickupPointId: string; deliveryDate: string },
  scope: RegionScope = null,
) {
  const rows = await db
    .select({
      order: orders,
      deliveryDate: campaigns.deliveryDate,
      phoneEnc: customers.phoneEnc,
      customerName: customers.name,
    })
    .from(orders)
    .innerJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        eq(orders.pickupPointId, q.pickupPointId),
        eq(campaigns.deliveryDate, q.deliveryDate),
        // Paid orders not yet handed over (see BAG_STATUSES); refunded units are left out below.
        inArray(orders.status, [...BAG_STATUSES]),
        // A region manager packs only what their leaders sold, as the order list shows them.
        leaderInScope(orders.leaderId, scope),
      ),
    );
  if (rows.length === 0) return { items: [] };
  const lines = await db
    .select()
    .from(orderLines)
    .where(
      inArray(
        orderLines.orderId,
        rows.map((r) => r.order.id),
      ),
    );
  const skus = new Map(
    (await findSkus(db, [...new Set(lines.map((l) => l.skuId))])).map((s) => [s.skuId, s]),
  );
  const label = (skuId: string) => {
    const s = skus.get(skuId);
    return s ? `${s.productName} ${s.spec}` : skuId;
  };
  const bags = mergeIntoBags(
    rows.map((r) => ({
      orderId: r.order.id,
      customerId: r.order.customerId,
      pickupPointId: r.order.pickupPointId,
      deliveryDate: r.deliveryDate,
      pickupCode: r.order.pickupCode,
      status: r.order.status,
      lines: lines
        .filter((l) => l.orderId === r.order.id && l.quantity > l.refundedQuantity)
        .map((l) => ({ skuId: l.skuId, label: label(l.skuId), quantity: l.quantity - l.refundedQuantity })),
    })),
  );
  const who = new Map(
    rows.map((r) => [
      r.order.customerId,
      { name: r.customerName, phoneMasked: maskPhone(crypto.decrypt(r.phoneEnc)) },
    ]),
  );
  return {
    items: bags.map((b) => ({
      ...b,
      customerName: who.get(b.customerId)?.name ?? null,
      phoneMasked: who.get(b.customerId)?.phoneMasked ?? '',
    })),
  };
}
