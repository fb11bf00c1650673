import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import {
  advanceCampaigns,
  createCampaignTx,
  getCampaignForOrdering,
  scheduleCampaignTx,
} from '../modules/campaigns/index.js';
import { findSkus } from '../modules/catalog/index.js';
import { stockLevels, warehouses } from '../modules/inventory/index.js';
import { leaders, pickupPoints } from '../modules/leaders/index.js';
import { confirmPaidOrders, markPaid, priceOrder } from '../modules/orders/index.js';
import { flushBatch, type PendingOrder } from '../modules/orders/intake/flush-batch.js';
import { deliverToPickupPoint, shipCampaign } from '../modules/orders/order-fulfilment.service.js';
import { dateIn } from '../modules/portal/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import { users } from '../platform/auth/index.js';
import type { Clock } from '../platform/clock.js';
import type { Deps } from '../platform/deps.js';

const HOUR = 3_600_000;
const ACTOR = { ...SYSTEM_ACTOR, actorName: 'demo' };
const CUSTOMERS = ['孙阿姨', '周先生', '郑女士'];

/**
 * Yesterday's campaign for the demo leader (the `leader` login), already delivered to their pickup
 * point, so the leader portal's 核销 tab has pickup codes to verify at once. It goes through the
 * real use-cases: the campaign is created, scheduled and sold on a clock set back a day, then
 * closed by the clock, confirmed, shipped and delivered today, each step audited and published.
 * Runs after the main seed has committed (the order intake opens its own transaction).
 *
 * Returns the delivered orders' pickup codes (the start-up log and the browser test use them).
 */
export async function seedLeaderPortalDemo(deps: Deps, count = 3): Promise<string[]> {
  const [demo] = await deps.db
    .select({ leaderId: leaders.id, pointId: pickupPoints.id, address: pickupPoints.address })
    .from(leaders)
    .innerJoin(users, eq(users.id, leaders.userId))
    .innerJoin(pickupPoints, eq(pickupPoints.leaderId, leaders.id))
    .where(and(eq(users.username, 'leader'), eq(pickupPoints.status, 'active')))
    .orderBy(asc(pickupPoints.createdAt), asc(pickupPoints.id))
    .limit(1);
  const stocked = await deps.db
    .select({
      skuId: stockLevels.skuId,
      warehouseId: stockLevels.warehouseId,
      available: stockLevels.available,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(eq(warehouses.status, 'active'))
    .orderBy(asc(warehouses.code), asc(stockLevels.skuId));
  const sellable = (
    await findSkus(deps.db, [...new Set(stocked.filter((s) => s.available >= 10).map((s) => s.skuId))])
  )
    .filter((s) => s.skuStatus === 'active' && s.productStatus !== 'off_sale')
    .slice(0, 3);
  if (!demo || sellable.length === 0) return [];
  const warehouseOf = new Map<string, string>();
  for (const s of stocked) if (!warehouseOf.has(s.skuId)) warehouseOf.set(s.skuId, s.warehouseId);

  const now = deps.clock.now();
  // A day ago: the campaign's sale happens on this clock, so its orders are yesterday's.
  const yesterdayClock: Clock = { now: () => new Date(deps.clock.now().getTime() - 24 * HOUR) };
  const past = { ...deps, clock: yesterdayClock };
  const stamp = dateIn(now, 'Asia/Shanghai').replaceAll('-', '');
  const campaign = await deps.db.transaction(async (tx) => {
    const created = await createCampaignTx(past, tx, ACTOR, {
      code: `T${stamp}-PICKUP`,
      name: '昨日鲜果团（今日自提）',
      coverUrl: '',
      description: '昨晚截单，今天已送到自提点：凭提货码到团长处取货。',
      startsAt: new Date(now.getTime() - 26 * HOUR),
      cutoffAt: new Date(now.getTime() - 2 * HOUR),
      endsAt: new Date(now.getTime() - 2 * HOUR),
      deliveryDate: dateIn(now, 'Asia/Shanghai'),
      sellTo: 'all',
      regionIds: [],
      items: sellable.map((s, i) => ({
        skuId: s.skuId,
        priceFen: Math.floor((s.listPriceFen * 75) / 1000) * 10,
        stockCap: 50,
        perCustomerLimit: 5,
        sortOrder: i,
      })),
    });
    await scheduleCampaignTx(past, tx, ACTOR, created.id);
    return created;
  });
  const forOrdering = await getCampaignForOrdering(deps.db, campaign.id);
  if (!forOrdering) return [];
  const batch: PendingOrder[] = [];
  for (let n = 0; n < count; n += 1) {
    const item = forOrdering.items[n % forOrdering.items.length];
    if (!item) continue;
    const priced = priceOrder(forOrdering.items, [{ itemId: item.id, quantity: 1 + (n % 2) }]);
    if (!priced.ok) continue;
    const phone = `139${String(58_000_000 + n * 173).padStart(8, '0')}`;
    const key = `demo-portal-${stamp}-${n}`;
    batch.push({
      key,
      requestHash: createHash('sha256').update(key).digest('hex'),
      campaignId: campaign.id,
      leaderId: demo.leaderId,
      pickupPointId: demo.pointId,
      pickupAddress: demo.address,
      phone,
      phoneHash: deps.crypto.hash(phone),
      customerName: CUSTOMERS[n % CUSTOMERS.length] ?? null,
      lines: priced.lines.map((l) => ({ ...l, warehouseId: warehouseOf.get(l.skuId) ?? '' })),
      totalFen: priced.totalFen,
      itemCount: priced.itemCount,
      actor: ACTOR,
    });
  }
  const { answers } = await flushBatch(past, batch);
  const codes: string[] = [];
  for (const o of batch) {
    const body = answers.get(o.key)?.body as { order?: { id: string; pickupCode: string } } | undefined;
    if (!body?.order) continue;
    await markPaid(past, ACTOR, body.order.id, { provider: 'offline', reference: `DEMO-PICKUP-${o.key}` });
    codes.push(body.order.pickupCode);
  }
  // Today: the clock closes the campaign (as the campaigns-tick job would), the paid orders are
  // confirmed at the cutoff, the warehouse ships them and the leader signs for them.
  await advanceCampaigns(deps);
  await deps.db.transaction((tx) => confirmPaidOrders(deps, tx, campaign.id));
  await shipCampaign(deps, ACTOR, campaign.id);
  await deliverToPickupPoint(deps, ACTOR, { campaignId: campaign.id, pickupPointId: demo.pointId });
  return codes;
}
