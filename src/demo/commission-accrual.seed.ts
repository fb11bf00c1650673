import { createHash } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  advanceCampaigns,
  createCampaignTx,
  getCampaignForOrdering,
  scheduleCampaignTx,
} from '../modules/campaigns/index.js';
import { findSkus } from '../modules/catalog/index.js';
import {
  accrueOrdersTx,
  addDays,
  businessDay,
  freezeAndSettle,
  recordOrderProgressTx,
} from '../modules/commission/index.js';
import { shippingWarehouses, stockLevels, warehouses } from '../modules/inventory/index.js';
import { leaders, pickupPoints } from '../modules/leaders/index.js';
import { confirmPaidOrders, markPaid, orderPayments, priceOrder } from '../modules/orders/index.js';
import { flushBatch, type PendingOrder } from '../modules/orders/intake/flush-batch.js';
import {
  completeOrder,
  deliverToPickupPoint,
  shipCampaign,
  verifyPickup,
} from '../modules/orders/order-fulfilment.service.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Deps } from '../platform/deps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACTOR: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
const CUSTOMERS = ['何阿姨', '罗先生', '高女士', '林奶奶', '梁同学', '宋师傅'];

/** The demo leaders who sold in the past weeks: 陈静 (the `leader` login), 赵敏, 孙丽 and 刘建国. */
const SELLERS = ['19900000101', '19900000201', '19900000204', '19900000102'];

/**
 * The money path's demo (佣金明细 → 结算): three past sales by four demo leaders, each through the
 * real use-cases on a clock set back (campaign, orders, payment, cutoff, shipping, delivery, pickup
 * code, completion), then every paid order of the demo accrued under the plan active when it was
 * paid (seed.ts activates v1 a month ago), the due entries frozen and the ended days settled:
 * - picked up 10 days ago: final 3 days ago and settled (可提现, available);
 * - picked up 7 days and 2 hours ago: final two hours ago, waiting for tonight's settlement (待结算);
 * - picked up 2 days ago, and today's orders: estimated (预估), still inside the after-sales window.
 * The past orders were placed before the demo's referral tree existed (it is created today), so they
 * earn direct commission only; today's orders also pay the uplines (级差, 平级奖, 推荐奖).
 * Runs after the orders, portal and commission seeds (main.ts), in transactions of its own.
 */
export async function seedCommissionAccrualDemo(
  deps: Deps,
): Promise<{ orders: number; entries: number; settlements: number }> {
  const now = deps.clock.now().getTime();
  const sellers = await deps.db
    .select({
      id: leaders.id,
      hash: leaders.phoneHash,
      pointId: pickupPoints.id,
      address: pickupPoints.address,
    })
    .from(leaders)
    .innerJoin(pickupPoints, eq(pickupPoints.leaderId, leaders.id))
    .where(
      inArray(
        leaders.phoneHash,
        SELLERS.map((p) => deps.crypto.hash(p)),
      ),
    )
    .orderBy(asc(pickupPoints.createdAt), asc(pickupPoints.id));
  const byHash = new Map<string, (typeof sellers)[number]>();
  for (const s of sellers) if (!byHash.has(s.hash)) byHash.set(s.hash, s);
  const team = SELLERS.flatMap((p) => {
    const s = byHash.get(deps.crypto.hash(p));
    return s ? [s] : [];
  });
  const stocked = await deps.db
    .select({ skuId: stockLevels.skuId, available: stockLevels.available })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(eq(warehouses.status, 'active'))
    .orderBy(asc(warehouses.code), asc(stockLevels.skuId));
  const sellable = (
    await findSkus(deps.db, [...new Set(stocked.filter((s) => s.available >= 40).map((s) => s.skuId))])
  )
    .filter((s) => s.skuStatus === 'active' && s.productStatus !== 'off_sale')
    .slice(0, 3);
  if (team.length === 0 || sellable.length === 0) return { orders: 0, entries: 0, settlements: 0 };
  const warehouseOf = await shippingWarehouses(
    deps.db,
    sellable.map((s) => s.skuId),
    null,
  );

  /** One past sale, picked up at `pickedUpAt`: everything before it happens on clocks set back. */
  const pastSale = async (tag: string, name: string, pickedUpAt: number, seq: number): Promise<number> => {
    const at = (ms: number) => ({ ...deps, clock: { now: () => new Date(ms) } });
    const start = pickedUpAt - 24 * HOUR;
    const cutoff = pickedUpAt - 16 * HOUR;
    const campaign = await deps.db.transaction(async (tx) => {
      const created = await createCampaignTx(at(start - HOUR), tx, ACTOR, {
        code: `T${businessDay(new Date(pickedUpAt)).replaceAll('-', '')}-${tag}`,
        name,
        coverUrl: '',
        description: '往期团购：已提货完成，佣金按售后期确认后 T+1 结算。',
        startsAt: new Date(start),
        cutoffAt: new Date(cutoff),
        endsAt: new Date(cutoff),
        deliveryDate: businessDay(new Date(pickedUpAt)),
        sellTo: 'all',
        regionIds: [],
        items: sellable.map((s, i) => ({
          skuId: s.skuId,
          priceFen: Math.max(100, Math.floor((s.listPriceFen * 80) / 1000) * 10),
          stockCap: 60,
          perCustomerLimit: 5,
          sortOrder: i,
        })),
      });
      await scheduleCampaignTx(at(start - HOUR), tx, ACTOR, created.id);
      return created;
    });
    const forOrdering = await getCampaignForOrdering(deps.db, campaign.id);
    if (!forOrdering) return 0;
    const paidAt = pickedUpAt - 20 * HOUR;
    const batch: PendingOrder[] = [];
    let n = 0;
    for (const seller of team) {
      for (let k = 0; k < 2; k += 1) {
        const item = forOrdering.items[(n + seq) % forOrdering.items.length];
        n += 1;
        if (!item) continue;
        const priced = priceOrder(forOrdering.items, [{ itemId: item.id, quantity: 1 + ((n + seq) % 2) }]);
        if (!priced.ok) continue;
        const phone = `139${String(59_000_000 + seq * 100 + n).padStart(8, '0')}`;
        const key = `demo-accrual-${tag}-${n}`;
        batch.push({
          key,
          requestHash: createHash('sha256').update(key).digest('hex'),
          campaignId: campaign.id,
          leaderId: seller.id,
          pickupPointId: seller.pointId,
          pickupAddress: seller.address,
          phone,
          phoneHash: deps.crypto.hash(phone),
          customerName: CUSTOMERS[n % CUSTOMERS.length] ?? null,
          lines: priced.lines.map((l) => ({ ...l, warehouseId: warehouseOf.get(l.skuId) ?? '' })),
          totalFen: priced.totalFen,
          itemCount: priced.itemCount,
          actor: ACTOR,
        });
      }
    }
    const { answers } = await flushBatch(at(paidAt - HOUR), batch);
    const placed: { id: string; code: string; pointId: string }[] = [];
    for (const o of batch) {
      const body = answers.get(o.key)?.body as { order?: { id: string; pickupCode: string } } | undefined;
      if (!body?.order) continue;
      await markPaid(at(paidAt), ACTOR, body.order.id, { provider: 'offline', reference: `DEMO-${o.key}` });
      placed.push({ id: body.order.id, code: body.order.pickupCode, pointId: o.pickupPointId });
    }
    // The cutoff closes the campaign, its paid orders are confirmed, shipped, delivered and handed over.
    await advanceCampaigns(at(cutoff + 60_000));
    await deps.db.transaction((tx) => confirmPaidOrders(at(cutoff + 60_000), tx, campaign.id));
    await shipCampaign(at(pickedUpAt - 10 * HOUR), ACTOR, campaign.id);
    for (const pointId of new Set(placed.map((p) => p.pointId)))
      await deliverToPickupPoint(at(pickedUpAt - 4 * HOUR), ACTOR, {
        campaignId: campaign.id,
        pickupPointId: pointId,
      });
    for (const p of placed) {
      await verifyPickup(at(pickedUpAt), ACTOR, {
        pickupPointId: p.pointId,
        pickupCode: p.code,
        leaderUserId: null,
      });
      await completeOrder(at(pickedUpAt + 10 * 60_000), ACTOR, p.id);
    }
    // The order events reach the money path once the dispatcher starts, stamped with today's clock;
    // the moments they stand for are recorded here (the first moment recorded wins).
    await deps.db.transaction((tx) =>
      recordOrderProgressTx(
        tx,
        new Date(now),
        placed.map((p) => ({
          orderId: p.id,
          pickedUpAt: new Date(pickedUpAt),
          completedAt: new Date(pickedUpAt + 10 * 60_000),
        })),
      ),
    );
    return placed.length;
  };

  let orders = 0;
  orders += await pastSale('S10', '上上周鲜果团（已结算）', now - 10 * DAY, 1);
  orders += await pastSale('S7', '上周粮油团（待结算）', now - 7 * DAY - 2 * HOUR, 2);
  orders += await pastSale('S2', '前天蔬菜团（售后期内）', now - 2 * DAY, 3);

  // Every paid order of the demo accrues under the plan of its payment moment, in batches.
  const paid = await deps.db
    .selectDistinct({ id: orderPayments.orderId })
    .from(orderPayments)
    .orderBy(asc(orderPayments.orderId));
  for (let i = 0; i < paid.length; i += 500) {
    const ids = paid.slice(i, i + 500).map((p) => p.id);
    await deps.db.transaction((tx) => accrueOrdersTx(deps, tx, ids));
  }
  // The ended days since the first sale's window closed are frozen and settled, T+1.
  const yesterday = addDays(businessDay(new Date(now)), -1);
  let settlements = 0;
  for (let day = businessDay(new Date(now - 3 * DAY)); day <= yesterday; day = addDays(day, 1)) {
    const r = await freezeAndSettle(deps, ACTOR, day, 'manual');
    if (r.created) settlements += 1;
  }
  const [count] = (
    await deps.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM commission_entries`)
  ).rows;
  return { orders, entries: Number(count?.n ?? 0), settlements };
}
