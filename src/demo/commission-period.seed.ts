import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createCampaignTx } from '../modules/campaigns/index.js';
import { skus } from '../modules/catalog/index.js';
import { assignRegionManagerTx, leaders, regions } from '../modules/leaders/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import { createUserTx, hashPassword } from '../platform/auth/index.js';
import { addDays, localTime } from '../platform/business-time.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * The period computations' demo (月结 · 爆品阶梯 · 推荐奖) comes from the replayed weeks
 * (history.seed.ts): the hot-product campaign below is sold on its day and its ladder paid once its
 * orders are final; 周晓梅, recruited by 陈静, earns 陈静 the recruit bonus once her sales are final;
 * on the 1st the month close computes the tiered commission and the regional dividend of last month,
 * in which 陈静 is a co-manager of 杭州市 (weight 2; the `region` login has no leader account, so
 * its share is held). This file holds the two pieces made on the company's first morning.
 */

const ACTOR: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
const HOT_SKU = 'GN-QC-5J';

/**
 * 往期爆品团: a campaign of 赣南脐橙 5斤 on `day` (09:00 to 22:00, delivered the day after) that plan
 * v1 gives a hot-product ladder (a leader selling 8 units earns ¥0.50 each, from 20 units ¥1.00 each). Made as a draft
 * before the plans (the plan names it); the replay schedules it on its morning.
 */
export async function seedPastHotCampaignDemo(deps: Deps, tx: Tx, day: string): Promise<string | null> {
  const [sku] = await tx.select({ id: skus.id }).from(skus).where(eq(skus.code, HOT_SKU));
  if (!sku) return null;
  const created = await createCampaignTx(deps, tx, ACTOR, {
    code: `T${day.replaceAll('-', '')}-HOTPAST`,
    name: '往期爆品团·赣南脐橙',
    coverUrl: '',
    description: '爆品团：团长售出满 8 件每件奖励 ¥0.50，满 20 件每件 ¥1.00（爆品阶梯奖励）。',
    startsAt: localTime(day, '09:00'),
    cutoffAt: localTime(day, '22:00'),
    endsAt: localTime(day, '22:00'),
    deliveryDate: addDays(day, 1),
    sellTo: 'all',
    regionIds: [],
    items: [{ skuId: sku.id, priceFen: 2390, stockCap: 300, perCustomerLimit: 10, sortOrder: 0 }],
  });
  return created.id;
}

/** 陈静 (the `leader` login) signs as co-manager of 杭州市 with weight 2 (城市合伙人). */
export async function seedCityPartnerDemo(deps: Deps, tx: Tx): Promise<void> {
  const [chen] = await tx
    .select({ id: leaders.id })
    .from(leaders)
    .where(eq(leaders.phoneHash, deps.crypto.hash('19900000101')));
  const [hangzhou] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.code, '330100'));
  if (!chen || !hangzhou) return;
  // The partner's console login is not a demo account: its password is random and never shown.
  const user = await createUserTx(deps, tx, ACTOR, {
    username: 'partner_chenjing',
    displayName: '城市合伙人 陈静',
    roles: ['region_manager'],
    passwordHash: await hashPassword(randomBytes(18).toString('base64url')),
  });
  await assignRegionManagerTx(deps, tx, ACTOR, hangzhou.id, {
    userId: user.id,
    weight: 2,
    leaderId: chen.id,
  });
}
