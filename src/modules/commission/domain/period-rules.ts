import { prorate } from '../../../platform/money.js';
import type { HotProductStep, PlanDocument, Tier } from './plan.js';
import { mulDivHalfUp, perUnitTimes } from './rounding.js';

/**
 * The rules computed per period or event rather than per order line: tiered monthly commission,
 * the regional dividend, the hot-product ladder and the recruit bonus. Pure functions of values; the
 * service gathers the figures (a month's GMV, units per leader) with set-based queries.
 */

function checkFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be a whole number of fen, got ${value}`);
}

export interface TierPart {
  tierIndex: number;
  fromFen: number;
  /** Exclusive end of the part, or null for the open top tier. */
  toFen: number | null;
  rateBps: number;
  /** The slice of the GMV the rate applies to (the whole GMV in whole mode). */
  baseFen: number;
}

export interface TieredResult {
  mode: 'whole' | 'marginal';
  gmvFen: number;
  /** The highest tier reached, or -1 when the plan has no tiered rule. */
  tierIndex: number;
  /** In whole mode, the top reached tier's rate; in marginal mode the effective rate is not a bps. */
  rateBps: number | null;
  parts: TierPart[];
  amountFen: number;
}

/**
 * Tiered monthly commission (阶梯佣金) on a leader's completed direct GMV of a month. Whole mode pays
 * the top tier reached on the whole GMV; marginal mode pays each tier's rate on the part inside it.
 * The amount is rounded half up once, from the exact sum (so marginal parts do not each round).
 * A month whose refunds outweigh its sales counts as 0.
 */
export function computeTiered(plan: PlanDocument, leaderMonthGmvFen: number): TieredResult {
  checkFen(leaderMonthGmvFen, 'leaderMonthGmvFen');
  const gmvFen = Math.max(0, leaderMonthGmvFen);
  const rule = plan.tiered;
  if (!rule || rule.tiers.length === 0) {
    return { mode: rule?.mode ?? 'whole', gmvFen, tierIndex: -1, rateBps: null, parts: [], amountFen: 0 };
  }
  const tiers: Tier[] = rule.tiers;
  let top = -1;
  for (const [i, t] of tiers.entries()) if (gmvFen >= t.fromFen) top = i;
  if (top < 0) return { mode: rule.mode, gmvFen, tierIndex: -1, rateBps: null, parts: [], amountFen: 0 };
  const topTier = tiers[top] as Tier;
  if (rule.mode === 'whole') {
    return {
      mode: 'whole',
      gmvFen,
      tierIndex: top,
      rateBps: topTier.rateBps,
      parts: [
        { tierIndex: top, fromFen: topTier.fromFen, toFen: null, rateBps: topTier.rateBps, baseFen: gmvFen },
      ],
      amountFen: mulDivHalfUp(gmvFen, topTier.rateBps, 10_000),
    };
  }
  const parts: TierPart[] = [];
  // Σ part × rate, exact, as bigint: a month of a large leader times a rate can pass 2^53.
  let exact = 0n;
  for (let i = 0; i <= top; i++) {
    const t = tiers[i] as Tier;
    const next = tiers[i + 1];
    const end = i < top && next ? next.fromFen : gmvFen;
    const baseFen = end - t.fromFen;
    parts.push({
      tierIndex: i,
      fromFen: t.fromFen,
      toFen: i < top && next ? next.fromFen : null,
      rateBps: t.rateBps,
      baseFen,
    });
    exact += BigInt(baseFen) * BigInt(t.rateBps);
  }
  const q = exact / 10_000n;
  const amount = (exact % 10_000n) * 2n >= 10_000n ? q + 1n : q;
  return { mode: 'marginal', gmvFen, tierIndex: top, rateBps: null, parts, amountFen: Number(amount) };
}

export interface DividendManager {
  id: string;
  weight: number;
}

export interface DividendResult {
  regionGmvFen: number;
  rateBps: number;
  poolFen: number;
  /** One part per manager, in manager-id order; the parts sum to the pool exactly. */
  parts: Array<{ managerId: string; weight: number; amountFen: number }>;
  /** The pool when the region has no manager to pay (kept by the company, shown on the report). */
  undistributedFen: number;
}

/**
 * Regional dividend (区域分红) of one region and month: the pool is the plan's rate of the region's
 * completed GMV (rounded half up), split among its managers by weight with the largest-remainder
 * method, so the parts sum to the pool exactly. Managers are taken in id order, so the result does
 * not depend on the order they were listed in (ties in the remainder go to the smaller id).
 */
export function computeRegionalDividend(
  plan: PlanDocument,
  regionGmvFen: number,
  managers: readonly DividendManager[],
): DividendResult {
  checkFen(regionGmvFen, 'regionGmvFen');
  const gmv = Math.max(0, regionGmvFen);
  const rateBps = plan.regional?.rateBps ?? 0;
  const poolFen = mulDivHalfUp(gmv, rateBps, 10_000);
  const ids = new Set<string>();
  for (const m of managers) {
    if (!Number.isSafeInteger(m.weight) || m.weight <= 0)
      throw new RangeError(`manager ${m.id} needs a positive whole weight, got ${m.weight}`);
    if (ids.has(m.id)) throw new RangeError(`manager ${m.id} is listed twice`);
    ids.add(m.id);
  }
  const sorted = [...managers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length === 0)
    return { regionGmvFen: gmv, rateBps, poolFen, parts: [], undistributedFen: poolFen };
  const amounts = prorate(
    poolFen,
    sorted.map((m) => m.weight),
  );
  return {
    regionGmvFen: gmv,
    rateBps,
    poolFen,
    parts: sorted.map((m, i) => ({ managerId: m.id, weight: m.weight, amountFen: amounts[i] ?? 0 })),
    undistributedFen: 0,
  };
}

export interface HotProductAward {
  leaderId: string;
  units: number;
  /** Index and threshold of the highest step reached. */
  stepIndex: number;
  minUnits: number;
  perUnitFen: number;
  amountFen: number;
}

/**
 * Hot-product ladder (爆品阶梯奖励) of one SKU in one campaign: a leader whose units cross a step's
 * threshold earns that step's per-unit bonus on all their units (the highest step reached). Leaders
 * below the first step earn nothing and are left out. Awards are in leader-id order.
 */
export function computeHotProduct(
  plan: PlanDocument,
  campaignId: string,
  skuId: string,
  unitsByLeader: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): HotProductAward[] {
  const rule = plan.hotProducts.find((h) => h.campaignId === campaignId && h.skuId === skuId);
  if (!rule) return [];
  const entries: Array<[string, number]> =
    unitsByLeader instanceof Map ? [...unitsByLeader.entries()] : Object.entries(unitsByLeader);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const awards: HotProductAward[] = [];
  for (const [leaderId, units] of entries) {
    if (!Number.isSafeInteger(units) || units < 0)
      throw new RangeError(`units of ${leaderId} must be a non-negative whole number, got ${units}`);
    let reached: { step: HotProductStep; index: number } | null = null;
    for (const [index, step] of rule.steps.entries()) if (units >= step.minUnits) reached = { step, index };
    if (!reached) continue;
    const amountFen = perUnitTimes(reached.step.perUnitFen, units);
    if (amountFen <= 0) continue;
    awards.push({
      leaderId,
      units,
      stepIndex: reached.index,
      minUnits: reached.step.minUnits,
      perUnitFen: reached.step.perUnitFen,
      amountFen,
    });
  }
  return awards;
}

export interface RecruitFacts {
  recruitId: string;
  /** The recruit's referrer as of approval (who recruited them); null: nobody to pay. */
  referrerId: string | null;
  /** When the recruit was approved (ISO 8601). */
  approvedAt: string;
  /** The recruit's completed sales counted inside the window (orders paid in the window). */
  completedSalesInWindowFen: number;
  /** Whether this recruit already earned their referrer the bonus (it is paid once). */
  alreadyAwarded: boolean;
}

export type RecruitBonusResult =
  | {
      award: true;
      referrerId: string;
      recruitId: string;
      amountFen: number;
      thresholdFen: number;
      windowEndsAt: string;
    }
  | {
      award: false;
      reason: 'no_rule' | 'no_referrer' | 'already_awarded' | 'below_threshold' | 'zero_bonus';
      windowEndsAt: string | null;
    };

/** The end (exclusive) of a recruit's window: `withinDays` days after approval. */
export function recruitWindowEnd(plan: PlanDocument, approvedAt: string): string | null {
  if (!plan.recruit) return null;
  const from = Date.parse(approvedAt);
  if (Number.isNaN(from)) throw new RangeError(`approvedAt is not a time: ${approvedAt}`);
  return new Date(from + plan.recruit.withinDays * 86_400_000).toISOString();
}

/**
 * Recruit bonus (推荐奖): once a recruit's completed sales within `withinDays` of their approval reach
 * the threshold, their referrer earns the fixed bonus, once. The caller counts only sales inside the
 * window (see `recruitWindowEnd`), so this function decides from the figures alone.
 */
export function computeRecruitBonus(plan: PlanDocument, facts: RecruitFacts): RecruitBonusResult {
  checkFen(facts.completedSalesInWindowFen, 'completedSalesInWindowFen');
  const rule = plan.recruit;
  const windowEndsAt = recruitWindowEnd(plan, facts.approvedAt);
  if (!rule) return { award: false, reason: 'no_rule', windowEndsAt };
  if (!facts.referrerId) return { award: false, reason: 'no_referrer', windowEndsAt };
  if (facts.alreadyAwarded) return { award: false, reason: 'already_awarded', windowEndsAt };
  if (facts.completedSalesInWindowFen < rule.thresholdFen)
    return { award: false, reason: 'below_threshold', windowEndsAt };
  if (rule.bonusFen <= 0) return { award: false, reason: 'zero_bonus', windowEndsAt };
  return {
    award: true,
    referrerId: facts.referrerId,
    recruitId: facts.recruitId,
    amountFen: rule.bonusFen,
    thresholdFen: rule.thresholdFen,
    windowEndsAt: windowEndsAt ?? '',
  };
}
