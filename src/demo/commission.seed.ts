import { inArray, like } from 'drizzle-orm';
import { campaigns } from '../modules/campaigns/index.js';
import { categories, skus } from '../modules/catalog/index.js';
import {
  activatePlanTx,
  blankLevel,
  createDraftTx,
  loadLevels,
  type PlanDocument,
  type PlanLevel,
  updateDraftTx,
} from '../modules/commission/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

const DEMO: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };

/**
 * What each rung of the demo ladder earns, from the lowest up: direct rate and team rate (bps). The
 * ladder is the levels module's; its codes are resolved here at seed time (普通团长 REGULAR is in every
 * database; 银牌 / 金牌 / 合伙人 come from the levels demo), and when a rung is missing the plan simply
 * lists fewer levels.
 */
const RUNGS: Array<{ codes: string[]; directRateBps: number; teamRateBps: number }> = [
  { codes: ['REGULAR'], directRateBps: 1000, teamRateBps: 0 },
  { codes: ['SILVER'], directRateBps: 1200, teamRateBps: 400 },
  { codes: ['GOLD'], directRateBps: 1500, teamRateBps: 700 },
  { codes: ['PARTNER'], directRateBps: 1800, teamRateBps: 1000 },
];

/**
 * The demo commission plans: v1 active, using every rule kind (direct with category, SKU rate and
 * SKU fixed overrides; differential team bonus with the peer bonus; recruit bonus and rate; tiered
 * monthly; regional dividend; a hot-product ladder on the fruit campaign), and v2, a draft copy with
 * a richer peer bonus, so the editor and its preview have something to show at once.
 */
export async function seedCommissionDemo(deps: Deps, tx: Tx): Promise<{ activeId: string; draftId: string }> {
  const ladder = (await loadLevels(tx)).filter((l) => l.status === 'active');
  // Each rung takes the level with one of its codes, else the next unused level by rank.
  const used = new Set<string>();
  const levelFor = (codes: string[]) => {
    const byCode = ladder.find((l) => codes.includes(l.code) && !used.has(l.id));
    const level =
      byCode ?? ladder.find((l) => !used.has(l.id) && !RUNGS.some((r) => r.codes.includes(l.code)));
    if (level) used.add(level.id);
    return level;
  };
  const rungs = RUNGS.map((r) => ({ ...r, level: levelFor(r.codes) })).filter((r) => r.level);

  const skuRows = await tx
    .select({ id: skus.id, code: skus.code })
    .from(skus)
    .where(inArray(skus.code, ['GN-QC-5J', 'GN-QC-10J', 'TJD-60']));
  const sku = (code: string) => skuRows.find((s) => s.code === code)?.id;
  const [fresh] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(inArray(categories.code, ['FRESH']));
  const [fruitCampaign] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(like(campaigns.code, '%-FRUIT'));
  // The past campaign of commission-period.seed.ts, when it exists: its ladder is computed in the demo.
  const [pastHotCampaign] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(like(campaigns.code, '%-HOTPAST'));

  const levels: PlanLevel[] = rungs.map((r, i) => {
    const row: PlanLevel = {
      ...blankLevel(r.level?.id ?? ''),
      directRateBps: r.directRateBps,
      teamRateBps: r.teamRateBps,
    };
    if (i === 0) {
      // The lowest rung shows every override: fresh produce 12%, the 10-jin box 15%, eggs ¥3.00 a box.
      if (fresh) row.categoryRates = [{ categoryId: fresh.id, rateBps: 1200 }];
      const big = sku('GN-QC-10J');
      if (big) row.skuRates = [{ skuId: big, rateBps: 1500 }];
      const eggs = sku('TJD-60');
      if (eggs) row.skuFixed = [{ skuId: eggs, perUnitFen: 300 }];
    }
    return row;
  });

  const hot = sku('GN-QC-5J');
  const v1: PlanDocument = {
    name: '2026 标准佣金方案',
    depthCap: 3,
    allowDepthAboveDefault: false,
    selfPurchaseEarnsDirect: true,
    levels,
    team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 1 },
    // ¥300.00 of completed sales in 30 days earns the referrer ¥50.00; plus 1% for the first 30 days.
    recruit: { thresholdFen: 30_000, withinDays: 30, bonusFen: 5_000, rateBps: 100, rateDays: 30 },
    // Monthly tiers sized to the demo's leaders: from ¥0: 0, from ¥500: 1%, from ¥2,000: 2%, each on
    // its own slice.
    tiered: {
      mode: 'marginal',
      tiers: [
        { fromFen: 0, rateBps: 0 },
        { fromFen: 50_000, rateBps: 100 },
        { fromFen: 200_000, rateBps: 200 },
      ],
    },
    regional: { rateBps: 50 },
    hotProducts: [
      ...(fruitCampaign && hot
        ? [
            {
              campaignId: fruitCampaign.id,
              skuId: hot,
              steps: [
                { minUnits: 100, perUnitFen: 50 },
                { minUnits: 500, perUnitFen: 100 },
              ],
            },
          ]
        : []),
      ...(pastHotCampaign && hot
        ? [
            {
              campaignId: pastHotCampaign.id,
              skuId: hot,
              steps: [
                { minUnits: 8, perUnitFen: 50 },
                { minUnits: 20, perUnitFen: 100 },
              ],
            },
          ]
        : []),
    ],
  };
  const active = await createDraftTx(deps, tx, DEMO, { document: v1 });
  await activatePlanTx(deps, tx, DEMO, active.id);

  const draft = await createDraftTx(deps, tx, DEMO, { copyFrom: 'active' });
  await updateDraftTx(deps, tx, DEMO, draft.id, {
    ...draft.document,
    name: '2026 标准佣金方案（平级奖 15% 试行）',
    team: { mode: 'differential', peerRateBps: 1500, peerGenerations: 2 },
  });
  return { activeId: active.id, draftId: draft.id };
}
