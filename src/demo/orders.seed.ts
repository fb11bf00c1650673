import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { campaigns, getCampaignForOrdering, isOpenForOrders } from '../modules/campaigns/index.js';
import { stockLevels, warehouses } from '../modules/inventory/index.js';
import { leaders, pickupPoints } from '../modules/leaders/index.js';
import {
  flushBatch,
  markPaid,
  orderLines,
  type PendingOrder,
  priceOrder,
  refundOrder,
} from '../modules/orders/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Deps } from '../platform/deps.js';
import { CUSTOMER_NAMES } from './history.seed.js';

const NAMES = CUSTOMER_NAMES.slice(0, 10);

/** The demo's partial refunds, one per paid order of two units: a short delivery and a change of mind. */
const REFUNDS = [
  { reason: '少货一份（团长签收时发现）', reference: null },
  { reason: '顾客只要一份', reference: '微信转账退款 4200001234' },
] as const;

async function orderLineIds(deps: Deps, orderId: string) {
  return deps.db
    .select({ id: orderLines.id, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
}

/**
 * Orders on the demo's live campaign, placed through the same batch commit as real ones (stock is
 * allocated, audited, published), a third of them paid and two of those partly refunded, so the order
 * center has something to show. Runs after the seed's transaction has committed, because the intake opens its own.
 */
export async function seedOrdersDemo(deps: Deps, count = 24): Promise<number> {
  const now = deps.clock.now();
  const open = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(inArray(campaigns.state, ['scheduled', 'live']))
    .orderBy(asc(campaigns.startsAt));
  let campaign = null;
  for (const c of open) {
    const candidate = await getCampaignForOrdering(deps.db, c.id);
    if (candidate && isOpenForOrders(candidate, now)) {
      campaign = candidate;
      break;
    }
  }
  if (!campaign) return 0;
  const points = await deps.db
    .select({ pointId: pickupPoints.id, leaderId: leaders.id, address: pickupPoints.address })
    .from(pickupPoints)
    .innerJoin(leaders, eq(leaders.id, pickupPoints.leaderId))
    .where(and(eq(pickupPoints.status, 'active'), eq(leaders.status, 'active')))
    .orderBy(asc(pickupPoints.id));
  const stocked = await deps.db
    .select({ skuId: stockLevels.skuId, warehouseId: stockLevels.warehouseId })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(eq(warehouses.status, 'active'))
    .orderBy(asc(warehouses.code));
  const warehouseOf = new Map<string, string>();
  for (const s of stocked) if (!warehouseOf.has(s.skuId)) warehouseOf.set(s.skuId, s.warehouseId);
  const items = campaign.items.filter((i) => warehouseOf.has(i.skuId));
  if (points.length === 0 || items.length === 0) return 0;

  const batch: PendingOrder[] = [];
  for (let n = 0; n < count; n++) {
    const point = points[n % points.length];
    const item = items[(n * 7) % items.length];
    if (!point || !item) continue;
    const priced = priceOrder(campaign.items, [{ itemId: item.id, quantity: 1 + (n % 2) }]);
    if (!priced.ok) continue;
    const phone = `139${String(57_000_000 + n * 131).padStart(8, '0')}`;
    batch.push({
      key: `demo-order-${n}`,
      requestHash: createHash('sha256').update(`demo-order-${n}`).digest('hex'),
      campaignId: campaign.id,
      leaderId: point.leaderId,
      pickupPointId: point.pointId,
      phone,
      phoneHash: deps.crypto.hash(phone),
      customerName: NAMES[n % NAMES.length] ?? null,
      pickupAddress: point.address,
      lines: priced.lines.map((l) => ({ ...l, warehouseId: warehouseOf.get(l.skuId) ?? '' })),
      totalFen: priced.totalFen,
      itemCount: priced.itemCount,
      actor: { ...SYSTEM_ACTOR, actorName: 'demo' },
    });
  }
  const { answers } = await flushBatch(deps, batch);
  let placed = 0;
  const refunds = [...REFUNDS];
  for (const [i, o] of batch.entries()) {
    const body = answers.get(o.key)?.body as
      | { order?: { id: string; lines: { quantity: number }[] } }
      | undefined;
    if (!body?.order) continue;
    placed += 1;
    if (i % 3 !== 0) continue;
    const demo = { ...SYSTEM_ACTOR, actorName: 'demo' };
    await markPaid(deps, demo, body.order.id, { provider: 'offline', reference: `DEMO-${i}` });
    // A partial refund (退款) on the first paid orders of two units: one unit back, one kept.
    const line = (await orderLineIds(deps, body.order.id))[0];
    const refund = refunds[0];
    if (refund && line && line.quantity >= 2) {
      refunds.shift();
      await refundOrder(deps, demo, body.order.id, {
        idempotencyKey: `demo-refund-${i}`,
        reason: refund.reason,
        whole: false,
        lines: [{ orderLineId: line.id, quantity: 1 }],
        reference: refund.reference,
      });
    }
  }
  return placed;
}
