import { type CampaignItemInput, createCampaignTx, scheduleCampaignTx } from '../modules/campaigns/index.js';
import { findSkus } from '../modules/catalog/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import { addDays, localDate, localTime } from '../platform/business-time.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

const HOUR = 3_600_000;

/**
 * Two demo campaigns over the given SKUs: 周末水果节, live since an hour ago with its cutoff tonight at
 * 22:00 Shanghai time and delivery tomorrow, and 明日鲜蔬早市, scheduled to open tomorrow morning. Both
 * go through the real use-cases (create, then schedule), so they carry audit records and events.
 */
export async function seedCampaignsDemo(
  deps: Deps,
  tx: Tx,
  input: { skuIds: string[]; warehouseId?: string },
): Promise<void> {
  const skus = (await findSkus(tx, input.skuIds)).filter(
    (s) => s.skuStatus === 'active' && s.productStatus !== 'off_sale',
  );
  if (skus.length === 0) return;
  const items = (list: typeof skus, discountPct: number): CampaignItemInput[] =>
    list.map((s, i) => ({
      skuId: s.skuId,
      // Group prices are a discount on the list price, rounded down to a whole 10 fen (一角).
      priceFen: Math.floor((s.listPriceFen * discountPct) / 1000) * 10,
      stockCap: [300, 200, 500, 120][i % 4] ?? 200,
      perCustomerLimit: [5, 3, 10, 2][i % 4] ?? 5,
      sortOrder: i,
    }));
  const half = Math.max(1, Math.ceil(skus.length / 2));
  const forToday = skus.slice(0, half);
  const forTomorrow = skus.length > 1 ? skus.slice(half) : skus;

  const now = deps.clock.now();
  // Tonight at 22:00; after 21:00 that is too close (or gone), so the demo uses tomorrow night's.
  let cutoffDay = localDate(now);
  if (localTime(cutoffDay, '22:00').getTime() - now.getTime() < HOUR) cutoffDay = addDays(cutoffDay, 1);
  const live = await createCampaignTx(deps, tx, SYSTEM_ACTOR, {
    code: `T${cutoffDay.replaceAll('-', '')}-FRUIT`,
    name: '周末水果节',
    coverUrl: '',
    description: '当季水果产地直发，今晚 22:00 截单，明日到自提点。',
    startsAt: new Date(now.getTime() - HOUR),
    cutoffAt: localTime(cutoffDay, '22:00'),
    endsAt: localTime(cutoffDay, '23:59'),
    deliveryDate: addDays(cutoffDay, 1),
    sellTo: 'all',
    regionIds: [],
    // The live campaign names its warehouse (发货仓); the next one takes each SKU's first.
    warehouseId: input.warehouseId ?? null,
    items: items(forToday, 80),
  });
  await scheduleCampaignTx(deps, tx, SYSTEM_ACTOR, live.id);

  const tomorrow = addDays(localDate(now), 1);
  const next = await createCampaignTx(deps, tx, SYSTEM_ACTOR, {
    code: `T${tomorrow.replaceAll('-', '')}-VEG`,
    name: '明日鲜蔬早市',
    coverUrl: '',
    description: '基地直采时令蔬菜，明早 8 点开团，晚上 22:00 截单，后天送达。下单后请在 15 分钟内付款。',
    startsAt: localTime(tomorrow, '08:00'),
    cutoffAt: localTime(tomorrow, '22:00'),
    endsAt: localTime(tomorrow, '23:59'),
    deliveryDate: addDays(tomorrow, 1),
    sellTo: 'all',
    regionIds: [],
    // A short payment window (付款时限), as an early-morning sale of fresh produce uses.
    paymentMinutes: 15,
    items: items(forTomorrow, 85),
  });
  await scheduleCampaignTx(deps, tx, SYSTEM_ACTOR, next.id);
}
