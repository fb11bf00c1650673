import type { PeriodRule } from '../domain/entries.js';
import {
  computeHotProduct,
  computeRecruitBonus,
  computeRegionalDividend,
  computeTiered,
  type RecruitFacts,
  type TierPart,
} from '../domain/period-rules.js';
import type { PlanDocument } from '../domain/plan.js';
import { periodKey } from './period-keys.js';

/**
 * The period computations as pure functions: from the figures the service reads set-based (a
 * month's completed GMV per leader and per region, units per leader of a hot product, a recruit's
 * completed sales in their window) to the entries to record, with everything the leader's page
 * needs to explain each fen stored in the explanation (names included, as they were at computation).
 */

export type PeriodExplanation =
  | {
      rule: 'tiered';
      month: string;
      mode: 'whole' | 'marginal';
      gmvFen: number;
      tierIndex: number;
      parts: TierPart[];
    }
  | {
      rule: 'regional_dividend';
      month: string;
      regionId: string;
      regionName: string;
      regionGmvFen: number;
      rateBps: number;
      poolFen: number;
      weight: number;
      totalWeight: number;
      managers: number;
    }
  | {
      rule: 'hot_product';
      campaignId: string;
      campaignName: string;
      skuId: string;
      skuName: string;
      units: number;
      stepIndex: number;
      minUnits: number;
      perUnitFen: number;
    }
  | {
      rule: 'recruit_bonus';
      recruitId: string;
      recruitName: string;
      approvedAt: string;
      withinDays: number;
      windowEndsAt: string;
      thresholdFen: number;
      salesFen: number;
    };

/** One amount a period computation gives one leader (before it becomes a commission entry row). */
export interface PeriodEntryDraft {
  key: string;
  rule: PeriodRule;
  beneficiaryId: string;
  /** The month (`YYYY-MM`) of a month-close entry, else null. */
  month: string | null;
  campaignId: string | null;
  skuId: string | null;
  /** The figure behind the amount: the month's GMV, the region's GMV, the hot product's sales, the recruit's sales. */
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  /** Units, for the hot-product ladder. */
  quantity: number | null;
  amountFen: number;
  explanation: PeriodExplanation;
}

export interface LeaderMonthGmv {
  leaderId: string;
  /** Completed direct GMV of the month net of the month's refunds (may be negative: counts as 0). */
  gmvFen: number;
}

/** Tiered monthly commission (阶梯佣金) of every leader with sales in the month; zero amounts are left out. */
export function tieredEntries(
  plan: PlanDocument,
  month: string,
  leaders: readonly LeaderMonthGmv[],
): PeriodEntryDraft[] {
  if (!plan.tiered || plan.tiered.tiers.length === 0) return [];
  const out: PeriodEntryDraft[] = [];
  for (const l of [...leaders].sort((a, b) => cmp(a.leaderId, b.leaderId))) {
    const r = computeTiered(plan, l.gmvFen);
    if (r.amountFen <= 0) continue;
    out.push({
      key: periodKey.tiered(month, l.leaderId),
      rule: 'tiered',
      beneficiaryId: l.leaderId,
      month,
      campaignId: null,
      skuId: null,
      baseFen: r.gmvFen,
      rateBps: r.rateBps,
      perUnitFen: null,
      quantity: null,
      amountFen: r.amountFen,
      explanation: {
        rule: 'tiered',
        month,
        mode: r.mode,
        gmvFen: r.gmvFen,
        tierIndex: r.tierIndex,
        parts: r.parts,
      },
    });
  }
  return out;
}

export interface RegionManagerShare {
  userId: string;
  /** The manager's leader account, which receives the money; null: the manager has none. */
  leaderId: string | null;
  name: string;
  weight: number;
}

export interface RegionMonthGmv {
  regionId: string;
  regionName: string;
  /** Completed GMV of the month net of its refunds, of the leaders in the region and the regions below. */
  gmvFen: number;
  managers: readonly RegionManagerShare[];
}

/** A manager's share that could not be paid: they have no leader account to credit. */
export interface HeldShare {
  regionId: string;
  regionName: string;
  userId: string;
  name: string;
  weight: number;
  amountFen: number;
}

export interface DividendOutcome {
  entries: PeriodEntryDraft[];
  /** Shares of managers without a leader account: computed, shown, not posted (see docs/commission-periods.md). */
  held: HeldShare[];
  /** Pools of regions with no manager at all: the company keeps them. */
  undistributed: Array<{ regionId: string; regionName: string; poolFen: number }>;
  /** Each region's pool, for the run's report. */
  pools: Array<{ regionId: string; regionName: string; gmvFen: number; poolFen: number }>;
}

/**
 * Regional dividend (区域分红): per region, the pool is the plan's rate of the region's GMV, split
 * among ALL its managers by weight (largest remainder, so the parts sum to the pool exactly). A
 * manager without a leader account keeps their share: it is held, not given to the others, so one
 * manager's share never depends on whether a colleague's account is set up. Re-running the month
 * once the manager is linked to a leader posts the held share (its key was never taken).
 */
export function dividendEntries(
  plan: PlanDocument,
  month: string,
  regions: readonly RegionMonthGmv[],
): DividendOutcome {
  const out: DividendOutcome = { entries: [], held: [], undistributed: [], pools: [] };
  if (!plan.regional || plan.regional.rateBps <= 0) return out;
  for (const region of [...regions].sort((a, b) => cmp(a.regionId, b.regionId))) {
    const managers = region.managers.filter((m) => m.weight > 0);
    const r = computeRegionalDividend(
      plan,
      region.gmvFen,
      managers.map((m) => ({ id: m.userId, weight: m.weight })),
    );
    out.pools.push({
      regionId: region.regionId,
      regionName: region.regionName,
      gmvFen: r.regionGmvFen,
      poolFen: r.poolFen,
    });
    if (r.poolFen <= 0) continue;
    if (r.undistributedFen > 0) {
      out.undistributed.push({
        regionId: region.regionId,
        regionName: region.regionName,
        poolFen: r.undistributedFen,
      });
      continue;
    }
    const totalWeight = managers.reduce((a, m) => a + m.weight, 0);
    const byUser = new Map(managers.map((m) => [m.userId, m]));
    for (const part of r.parts) {
      const m = byUser.get(part.managerId);
      if (!m || part.amountFen <= 0) continue;
      if (m.leaderId === null) {
        out.held.push({
          regionId: region.regionId,
          regionName: region.regionName,
          userId: m.userId,
          name: m.name,
          weight: m.weight,
          amountFen: part.amountFen,
        });
        continue;
      }
      out.entries.push({
        key: periodKey.regionalDividend(month, region.regionId, m.userId),
        rule: 'regional_dividend',
        beneficiaryId: m.leaderId,
        month,
        campaignId: null,
        skuId: null,
        baseFen: r.regionGmvFen,
        rateBps: r.rateBps,
        perUnitFen: null,
        quantity: null,
        amountFen: part.amountFen,
        explanation: {
          rule: 'regional_dividend',
          month,
          regionId: region.regionId,
          regionName: region.regionName,
          regionGmvFen: r.regionGmvFen,
          rateBps: r.rateBps,
          poolFen: r.poolFen,
          weight: m.weight,
          totalWeight,
          managers: managers.length,
        },
      });
    }
  }
  return out;
}

/**
 * Hot-product ladder (爆品阶梯奖励) of one campaign and SKU: one entry per leader who reached a step.
 * The entry's base is what the leader's units sold for (`salesFenByLeader`), the sales it was earned on.
 */
export function hotProductEntries(
  plan: PlanDocument,
  campaign: { id: string; name: string },
  sku: { id: string; name: string },
  unitsByLeader: ReadonlyMap<string, number>,
  salesFenByLeader: ReadonlyMap<string, number> = new Map(),
): PeriodEntryDraft[] {
  return computeHotProduct(plan, campaign.id, sku.id, unitsByLeader).map((a) => ({
    key: periodKey.hotProduct(campaign.id, sku.id, a.leaderId),
    rule: 'hot_product',
    beneficiaryId: a.leaderId,
    month: null,
    campaignId: campaign.id,
    skuId: sku.id,
    baseFen: salesFenByLeader.get(a.leaderId) ?? 0,
    rateBps: null,
    perUnitFen: a.perUnitFen,
    quantity: a.units,
    amountFen: a.amountFen,
    explanation: {
      rule: 'hot_product',
      campaignId: campaign.id,
      campaignName: campaign.name,
      skuId: sku.id,
      skuName: sku.name,
      units: a.units,
      stepIndex: a.stepIndex,
      minUnits: a.minUnits,
      perUnitFen: a.perUnitFen,
    },
  }));
}

export type RecruitOutcome =
  | { award: true; entry: PeriodEntryDraft }
  | { award: false; reason: string; windowEndsAt: string | null };

/** Recruit bonus (推荐奖) of one recruit: the referrer's entry once the threshold is reached in the window. */
export function recruitBonusEntry(
  plan: PlanDocument,
  facts: RecruitFacts & { recruitName: string },
): RecruitOutcome {
  const r = computeRecruitBonus(plan, facts);
  if (!r.award) return { award: false, reason: r.reason, windowEndsAt: r.windowEndsAt };
  return {
    award: true,
    entry: {
      key: periodKey.recruitBonus(facts.recruitId),
      rule: 'recruit_bonus',
      beneficiaryId: r.referrerId,
      month: null,
      campaignId: null,
      skuId: null,
      baseFen: facts.completedSalesInWindowFen,
      rateBps: null,
      perUnitFen: null,
      quantity: null,
      amountFen: r.amountFen,
      explanation: {
        rule: 'recruit_bonus',
        recruitId: facts.recruitId,
        recruitName: facts.recruitName,
        approvedAt: facts.approvedAt,
        withinDays: plan.recruit?.withinDays ?? 0,
        windowEndsAt: r.windowEndsAt,
        thresholdFen: r.thresholdFen,
        salesFen: facts.completedSalesInWindowFen,
      },
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
