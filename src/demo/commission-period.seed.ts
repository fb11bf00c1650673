import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import {
  advanceCampaigns,
  campaignItems,
  campaigns,
  createCampaignTx,
  getCampaignForOrdering,
  scheduleCampaignTx,
} from '../modules/campaigns/index.js';
import { skus } from '../modules/catalog/index.js';
import {
  accrueOrdersTx,
  activePlanAt,
  businessDay,
  closeMonth,
  freezeDue,
  monthOf,
  monthRange,
  previousMonth,
  recordOrderProgressTx,
  runHotProducts,
  runRecruitCheck,
} from '../modules/commission/index.js';
import { receiveStockTx, shippingWarehouses } from '../modules/inventory/index.js';
import {
  backfillLeaderDailySales,
  createLeaderTx,
  leaders,
  pickupPoints,
  regionManagers,
  regions,
} from '../modules/leaders/index.js';
import { assignRegionManagerTx } from '../modules/leaders/regions/region-managers.service.js';
import { completedOrderFacts, confirmPaidOrders, markPaid, priceOrder } from '../modules/orders/index.js';
import { flushBatch, type PendingOrder } from '../modules/orders/intake/flush-batch.js';
import {
  completeOrder,
  deliverToPickupPoint,
  shipCampaign,
  verifyPickup,
} from '../modules/orders/order-fulfilment.service.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import { createUserTx, hashPassword } from '../platform/auth/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * The period computations' demo (月结 · 爆品阶梯 · 推荐奖), so the period-runs page and the leader's
 * 收益 tab have something to show at once:
 * - 上月爆品团 (seed.ts, before the plans): a past campaign of 赣南脐橙 5斤 that plan v1 gives a
 *   hot-product ladder (from 30 units ¥0.50 each, from 100 units ¥1.00 each);
 * - after the accrual seed: a recruit of 陈静 (the `leader` login) approved 25 days ago; the past
 *   campaign sold, paid, delivered, picked up and completed 20 days ago through the real use-cases
 *   on clocks set back; its commission accrued and frozen (the after-sales window has passed); its
 *   ladder computed; the recruit check (the recruit completed ¥1,195.00 inside 30 days: ¥50.00 to 陈静);
 * - last month closed under plan v1: the demo leaders' roll-up gets a month of history, 陈静 becomes
 *   a co-manager of 杭州市 (weight 2; the `region` login has no leader account, so its share is held),
 *   and the tiered commission and the regional dividend are computed.
 * Period entries are final at once; tonight's settlement moves them to available.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACTOR: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
const TAG = 'HOTPAST';
const HOT_SKU = 'GN-QC-5J';
/** 陈静 (the `leader` login), 赵敏, 孙丽: leaders.seed.ts and leader-network.seed.ts. */
const CHEN = '19900000101';
const ZHAO = '19900000201';
const SUN = '19900000204';
const RECRUIT_PHONE = '19900000311';

const at = (deps: Deps, ms: number): Deps => ({ ...deps, clock: { now: () => new Date(ms) } });

/** Start, cutoff and pickup of the past campaign, relative to now. */
function pastTimes(now: number) {
  const start = now - 22 * DAY;
  return { start, cutoff: start + 20 * HOUR, pickedUp: now - 20 * DAY };
}

/**
 * In seed.ts's transaction, before the commission plans: the past campaign (上月爆品团) that plan v1
 * gives a hot-product ladder. It stays a draft here (so no clock moves it before its time); it is
 * scheduled and sold, on clocks set back, after the accrual seed.
 */
export async function seedPastHotCampaignDemo(deps: Deps, tx: Tx): Promise<string | null> {
  const [sku] = await tx.select({ id: skus.id }).from(skus).where(eq(skus.code, HOT_SKU));
  if (!sku) return null;
  const now = deps.clock.now().getTime();
  const { start, cutoff, pickedUp } = pastTimes(now);
  const created = await createCampaignTx(at(deps, start - HOUR), tx, ACTOR, {
    code: `T${businessDay(new Date(start)).replaceAll('-', '')}-${TAG}`,
    name: '往期爆品团·赣南脐橙',
    coverUrl: '',
    description: '往期爆品团：售出满 30 件每件奖励 ¥0.50，满 100 件每件 ¥1.00（爆品阶梯奖励）。',
    startsAt: new Date(start),
    cutoffAt: new Date(cutoff),
    endsAt: new Date(cutoff),
    deliveryDate: businessDay(new Date(pickedUp)),
    sellTo: 'all',
    regionIds: [],
    items: [{ skuId: sku.id, priceFen: 2390, stockCap: 500, perCustomerLimit: 50, sortOrder: 0 }],
  });
  return created.id;
}

/** The demo leaders by phone, each with their first pickup point. */
async function sellersByPhone(deps: Deps, phones: string[]) {
  const rows = await deps.db
    .select({
      id: leaders.id,
      hash: leaders.phoneHash,
      regionId: leaders.regionId,
      pointId: pickupPoints.id,
      address: pickupPoints.address,
    })
    .from(leaders)
    .innerJoin(pickupPoints, eq(pickupPoints.leaderId, leaders.id))
    .where(
      inArray(
        leaders.phoneHash,
        phones.map((p) => deps.crypto.hash(p)),
      ),
    )
    .orderBy(asc(pickupPoints.createdAt), asc(pickupPoints.id));
  const out = new Map<string, (typeof rows)[number]>();
  for (const p of phones) {
    const row = rows.find((r) => r.hash === deps.crypto.hash(p));
    if (row) out.set(p, row);
  }
  return out;
}

/** The past campaign's sale, end to end on clocks set back; returns the completed orders. */
async function sellPastCampaign(
  deps: Deps,
  campaignId: string,
  sellers: Array<{ id: string; pointId: string; address: string; units: number[] }>,
): Promise<string[]> {
  const now = deps.clock.now().getTime();
  const { start, cutoff, pickedUp } = pastTimes(now);
  const [draft] = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.state, 'draft')));
  if (!draft) return [];
  const [item] = await deps.db
    .select({ id: campaignItems.id, skuId: campaignItems.skuId })
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId));
  if (!item) return [];
  const warehouseId = (await shippingWarehouses(deps.db, [item.skuId], null)).get(item.skuId);
  if (!warehouseId) return [];
  const total = sellers.reduce((a, s) => a + s.units.reduce((x, y) => x + y, 0), 0);
  await deps.db.transaction((tx) => scheduleCampaignTx(at(deps, start - HOUR), tx, ACTOR, campaignId));
  // The goods for this sale arrived for it, so today's demo campaigns keep their stock.
  await deps.db.transaction((tx) =>
    receiveStockTx(at(deps, start - 2 * HOUR), tx, ACTOR, {
      skuId: item.skuId,
      warehouseId,
      quantity: total,
      reason: '往期爆品团 到货入库',
    }),
  );
  const forOrdering = await getCampaignForOrdering(deps.db, campaignId);
  if (!forOrdering) return [];
  const batch: PendingOrder[] = [];
  let n = 0;
  for (const s of sellers) {
    for (const units of s.units) {
      n += 1;
      const priced = priceOrder(forOrdering.items, [{ itemId: item.id, quantity: units }]);
      if (!priced.ok) continue;
      const phone = `139${String(58_000_000 + n).padStart(8, '0')}`;
      const key = `demo-period-${TAG}-${n}`;
      batch.push({
        key,
        requestHash: createHash('sha256').update(key).digest('hex'),
        campaignId,
        leaderId: s.id,
        pickupPointId: s.pointId,
        pickupAddress: s.address,
        phone,
        phoneHash: deps.crypto.hash(phone),
        customerName: ['邓阿姨', '许先生', '韩女士', '冯奶奶', '曹同学', '彭师傅', '袁女士'][n % 7] ?? null,
        lines: priced.lines.map((l) => ({ ...l, warehouseId })),
        totalFen: priced.totalFen,
        itemCount: priced.itemCount,
        actor: ACTOR,
      });
    }
  }
  const { answers } = await flushBatch(at(deps, start + HOUR), batch);
  const placed: Array<{ id: string; code: string; pointId: string }> = [];
  for (const o of batch) {
    const body = answers.get(o.key)?.body as { order?: { id: string; pickupCode: string } } | undefined;
    if (!body?.order) continue;
    await markPaid(at(deps, start + 2 * HOUR), ACTOR, body.order.id, {
      provider: 'offline',
      reference: `DEMO-${o.key}`,
    });
    placed.push({ id: body.order.id, code: body.order.pickupCode, pointId: o.pickupPointId });
  }
  await advanceCampaigns(at(deps, cutoff + 60_000));
  await deps.db.transaction((tx) => confirmPaidOrders(at(deps, cutoff + 60_000), tx, campaignId));
  await shipCampaign(at(deps, pickedUp - 10 * HOUR), ACTOR, campaignId);
  for (const pointId of new Set(placed.map((p) => p.pointId)))
    await deliverToPickupPoint(at(deps, pickedUp - 4 * HOUR), ACTOR, { campaignId, pickupPointId: pointId });
  for (const p of placed) {
    await verifyPickup(at(deps, pickedUp), ACTOR, {
      pickupPointId: p.pointId,
      pickupCode: p.code,
      leaderUserId: null,
    });
    await completeOrder(at(deps, pickedUp + 10 * 60_000), ACTOR, p.id);
  }
  await deps.db.transaction((tx) =>
    recordOrderProgressTx(
      tx,
      new Date(now),
      placed.map((p) => ({
        orderId: p.id,
        pickedUpAt: new Date(pickedUp),
        completedAt: new Date(pickedUp + 10 * 60_000),
      })),
    ),
  );
  return placed.map((p) => p.id);
}

/** A month of sales history for the closed month (like leader-network.seed.ts: history, not orders). */
async function seedLastMonthHistory(deps: Deps, month: string, gmvByLeader: Array<[string, number]>) {
  const { from, to } = monthRange(month);
  const days: string[] = [];
  for (let t = from.getTime() + 12 * HOUR; t < to.getTime(); t += 3 * DAY)
    days.push(businessDay(new Date(t)));
  const rows: Array<{ leaderId: string; day: string; gmv: number }> = [];
  for (const [leaderId, gmv] of gmvByLeader) {
    const per = Math.floor(gmv / days.length);
    for (const [i, day] of days.entries()) {
      rows.push({ leaderId, day, gmv: i === 0 ? gmv - per * (days.length - 1) : per });
    }
  }
  await deps.db.execute(sql`
    insert into leader_daily_sales (leader_id, day, completed_gmv_fen, completed_orders)
    select l, d::date, g, greatest(1, g / 4000) from unnest(${sql.param(rows.map((r) => r.leaderId))}::text[],
      ${sql.param(rows.map((r) => r.day))}::text[], ${sql.param(rows.map((r) => r.gmv))}::bigint[]) as v(l, d, g)
    on conflict (leader_id, day) do update set
      completed_gmv_fen = leader_daily_sales.completed_gmv_fen + excluded.completed_gmv_fen,
      completed_orders = leader_daily_sales.completed_orders + excluded.completed_orders`);
}

export interface PeriodDemoResult {
  hotProductEntries: number;
  recruitBonuses: number;
  monthClosed: string | null;
  monthEntries: number;
}

/** After the accrual seed and the roll-up backfill (main.ts), in transactions of its own. */
export async function seedCommissionPeriodDemo(deps: Deps): Promise<PeriodDemoResult> {
  const result: PeriodDemoResult = {
    hotProductEntries: 0,
    recruitBonuses: 0,
    monthClosed: null,
    monthEntries: 0,
  };
  const now = deps.clock.now().getTime();
  const people = await sellersByPhone(deps, [CHEN, ZHAO, SUN]);
  const chen = people.get(CHEN);
  if (!chen) return result;

  // 周晓梅, recruited by 陈静 and approved 25 days ago (plan v1 was active then: its recruit rule applies).
  const recruit = await deps.db.transaction((tx) =>
    createLeaderTx(at(deps, now - 25 * DAY), tx, ACTOR, {
      name: '周晓梅',
      phone: RECRUIT_PHONE,
      regionId: chen.regionId,
      referrerId: chen.id,
      pickupPoint: { name: '周晓梅的自提点（翠苑三区）', address: '杭州市西湖区翠苑三区 12 幢 1 单元门口' },
    }),
  );
  const [recruitPoint] = await deps.db
    .select({ id: pickupPoints.id, address: pickupPoints.address })
    .from(pickupPoints)
    .where(eq(pickupPoints.leaderId, recruit.id));

  const [past] = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(like(campaigns.code, `%-${TAG}`));
  if (past) {
    const sellers = [
      { ...chen, units: [40, 40, 40] },
      ...(people.get(ZHAO) ? [{ ...(people.get(ZHAO) as typeof chen), units: [25, 25] }] : []),
      ...(people.get(SUN) ? [{ ...(people.get(SUN) as typeof chen), units: [10] }] : []),
      ...(recruitPoint
        ? [{ id: recruit.id, pointId: recruitPoint.id, address: recruitPoint.address, units: [25, 25] }]
        : []),
    ];
    const orderIds = await sellPastCampaign(deps, past.id, sellers);
    // Their commission under plan v1 (direct, team, the recruit rate), frozen: the window has passed.
    if (orderIds.length > 0) await deps.db.transaction((tx) => accrueOrdersTx(deps, tx, orderIds));
    await freezeDue(deps, ACTOR);
    // The completions reach the roll-up now (the subscriber later finds them counted).
    await backfillLeaderDailySales(deps.db, completedOrderFacts);
    const hot = await runHotProducts(deps, ACTOR, past.id, 'demo').catch(() => null);
    result.hotProductEntries = hot?.entriesNew ?? 0;
  }
  const recruits = await runRecruitCheck(deps, ACTOR, 'demo');
  result.recruitBonuses = recruits.entriesNew;

  // Last month: history for the demo sellers, 陈静 co-manager of 杭州市, then the month close.
  const month = previousMonth(monthOf(new Date(now)));
  const plan = await activePlanAt(deps.db, new Date(monthRange(month).to.getTime() - 1));
  if (plan) {
    const history: Array<[string, number]> = [[chen.id, 6_288_000]];
    const zhao = people.get(ZHAO);
    const sun = people.get(SUN);
    if (zhao) history.push([zhao.id, 2_356_000]);
    if (sun) history.push([sun.id, 868_000]);
    await seedLastMonthHistory(deps, month, history);
    const [hangzhou] = await deps.db
      .select({ id: regions.id })
      .from(regions)
      .where(eq(regions.code, '330100'));
    if (hangzhou) {
      const [already] = await deps.db
        .select({ userId: regionManagers.userId })
        .from(regionManagers)
        .where(and(eq(regionManagers.regionId, hangzhou.id), eq(regionManagers.leaderId, chen.id)));
      if (!already) {
        const hash = await hashPassword(randomBytes(18).toString('base64url'));
        await deps.db.transaction(async (tx) => {
          const user = await createUserTx(deps, tx, ACTOR, {
            username: 'partner_chenjing',
            displayName: '城市合伙人 陈静',
            roles: ['region_manager'],
            passwordHash: hash,
          });
          await assignRegionManagerTx(deps, tx, ACTOR, hangzhou.id, {
            userId: user.id,
            weight: 2,
            leaderId: chen.id,
          });
        });
      }
    }
    const closed = await closeMonth(deps, ACTOR, month, 'demo');
    result.monthClosed = month;
    result.monthEntries = closed.entriesNew;
  }
  return result;
}
