/**
 * The commission plan (佣金方案) as a typed document. A plan is versioned (draft → active → archived)
 * and stored whole as jsonb; an order is always computed under the version that was active when it
 * was paid. Every amount is integer fen, every rate basis points (1% = 100 bps, 100% = 10,000 bps).
 *
 * This file holds the shapes, the limits and a blank plan; `plan-validation.ts` checks a document
 * against the limits, and the rule functions in this folder compute with it. Nothing here does I/O.
 */

/** 100% in basis points: no single rate may exceed it, nor the worst case of a chain. */
export const MAX_RATE_BPS = 10_000;

/**
 * Uplines (L1 … Ln) a plan pays by default and at most without an explicit acknowledgement. Deeper
 * distribution schemes are illegal pyramid selling (传销) in China; see docs/commission.md.
 */
export const DEFAULT_DEPTH_CAP = 3;

/**
 * The hard ceiling on paid uplines, even with `allowDepthAboveDefault`. No statute names a safe
 * depth: the 2013 opinion of the Supreme People's Court, the Supreme People's Procuratorate and the
 * Ministry of Public Security on 组织、领导传销活动 treats a hierarchy of three or more levels (with
 * 30 or more participants and entry fees) as criminal, and article 7 of 禁止传销条例 treats paying
 * uplines on their downline's sales (团队计酬) as 传销 in itself. So any depth above 3 must be a
 * deliberate, legally reviewed choice, and the software refuses more than 5 whatever the plan says:
 * no lawful group-buying commission needs more.
 */
export const HARD_DEPTH_CEILING = 5;

/** Limits that keep a document small and its arithmetic inside safe integers. */
export const PLAN_LIMITS = {
  maxLevels: 30,
  maxOverridesPerLevel: 500,
  maxTiers: 20,
  maxHotProducts: 200,
  maxSteps: 20,
  /** ¥100,000.00 per unit: a fixed per-unit commission or hot-product bonus above it is a typo. */
  maxPerUnitFen: 10_000_000,
  /** ¥100,000,000.00: thresholds and bonuses above it are typos. */
  maxAmountFen: 10_000_000_000,
  maxDays: 3_650,
  maxUnits: 100_000_000,
  maxNameLength: 100,
  maxIdLength: 64,
} as const;

export interface CategoryRate {
  categoryId: string;
  rateBps: number;
}

export interface SkuRate {
  skuId: string;
  rateBps: number;
}

export interface SkuFixed {
  skuId: string;
  /** Fen per unit sold, whatever the unit's price (capped at the line's paid amount). */
  perUnitFen: number;
}

/**
 * What a leader of one level (团长等级) earns. Direct commission (商品/订单提成) goes to the order's
 * own leader L0 and takes the most specific setting: a fixed fen per unit on the SKU, then a rate on
 * the SKU, then a rate on the category, then the level's default rate. `teamRateBps` is the level's
 * team rate in differential (级差) mode.
 */
export interface PlanLevel {
  levelId: string;
  directRateBps: number;
  categoryRates: CategoryRate[];
  skuRates: SkuRate[];
  skuFixed: SkuFixed[];
  teamRateBps: number;
  /**
   * Whether a leader of this level earns the peer bonus (平级奖) above a same-level leader, in
   * differential mode. Absent in plans saved before the setting existed: those keep what they always
   * computed, a peer bonus only for levels with a team rate above 0 (see `earnsPeerBonus`).
   */
  peerBonus?: boolean;
}

/**
 * Whether a level earns the peer bonus: the plan's explicit choice, or, for a plan saved before the
 * choice existed, the old derived rule (only a level with a team rate can lose a differential to a
 * same-level leader below), so that activated plans compute exactly as they did.
 */
export function earnsPeerBonus(level: PlanLevel | undefined): boolean {
  if (!level) return false;
  return level.peerBonus ?? level.teamRateBps > 0;
}

export const TEAM_MODES = ['none', 'differential', 'generations'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];

/**
 * Team bonus (团队奖), one mode per plan:
 * - `differential` (级差): each upline earns its level's team rate minus the highest team rate below
 *   it on the chain; a same-level upline that earns no differential earns the peer bonus (平级奖):
 *   `peerRateBps` × the earning of the same-level leader below, for `peerGenerations` uplines, when
 *   its level earns peer bonus (`PlanLevel.peerBonus`, which may be set on a level whose team rate
 *   is 0, such as two 普通 leaders).
 * - `generations`: upline Li earns `generationRatesBps[i - 1]` × base.
 */
export type TeamRule =
  | { mode: 'none' }
  | { mode: 'differential'; peerRateBps: number; peerGenerations: number }
  | { mode: 'generations'; generationRatesBps: number[] };

/**
 * Recruit bonus (推荐奖 / 拉新奖) to the referrer of a new leader: `bonusFen` once, when the recruit's
 * completed sales reach `thresholdFen` within `withinDays` days of their approval; and, when
 * `rateBps` > 0, that rate of the recruit's base on every line paid in their first `rateDays` days.
 */
export interface RecruitRule {
  thresholdFen: number;
  withinDays: number;
  bonusFen: number;
  rateBps: number;
  rateDays: number;
}

export const TIER_MODES = ['whole', 'marginal'] as const;
export type TierMode = (typeof TIER_MODES)[number];

export interface Tier {
  /** The tier starts at this much completed direct GMV in the month (the first tier starts at 0). */
  fromFen: number;
  rateBps: number;
}

/**
 * Tiered monthly commission (阶梯佣金) on a leader's completed direct GMV of a calendar month:
 * `whole` pays the top tier reached on the whole GMV, `marginal` each tier's rate on the part within it.
 */
export interface TieredRule {
  mode: TierMode;
  tiers: Tier[];
}

/** Regional dividend (区域分红): `rateBps` of a region's completed GMV of a month, split by weight. */
export interface RegionalRule {
  rateBps: number;
}

export interface HotProductStep {
  /** Units the leader sold in the campaign from which this step applies. */
  minUnits: number;
  /** Bonus per unit, on all the leader's units, at the highest step reached. */
  perUnitFen: number;
}

/** Hot-product ladder (爆品阶梯奖励) for one SKU in one campaign. */
export interface HotProductRule {
  campaignId: string;
  skuId: string;
  steps: HotProductStep[];
}

export interface PlanDocument {
  name: string;
  /** Paid uplines after the order's own leader L0 (team and peer bonuses reach L1 … L`depthCap`). */
  depthCap: number;
  /** Must be true for `depthCap` above DEFAULT_DEPTH_CAP: the operator's explicit, reviewed choice. */
  allowDepthAboveDefault: boolean;
  /** Whether L0 earns direct commission on an order they placed through their own link (自购). */
  selfPurchaseEarnsDirect: boolean;
  levels: PlanLevel[];
  team: TeamRule;
  recruit: RecruitRule | null;
  tiered: TieredRule | null;
  regional: RegionalRule | null;
  hotProducts: HotProductRule[];
}

/** A level row with nothing set: the starting point for each level of a blank plan. */
export function blankLevel(levelId: string): PlanLevel {
  return { levelId, directRateBps: 0, categoryRates: [], skuRates: [], skuFixed: [], teamRateBps: 0 };
}

/** A plan that pays nothing, listing the given levels: what "new plan from scratch" starts from. */
export function blankPlan(levelIds: readonly string[], name = '新佣金方案'): PlanDocument {
  return {
    name,
    depthCap: DEFAULT_DEPTH_CAP,
    allowDepthAboveDefault: false,
    selfPurchaseEarnsDirect: true,
    levels: levelIds.map(blankLevel),
    team: { mode: 'none' },
    recruit: null,
    tiered: null,
    regional: null,
    hotProducts: [],
  };
}

/** The plan's row for a level, if it has one; a level the plan does not list earns nothing. */
export function planLevelOf(plan: PlanDocument, levelId: string | null): PlanLevel | undefined {
  if (levelId === null) return undefined;
  return plan.levels.find((l) => l.levelId === levelId);
}
