import type { ChainLink, CommissionLine } from './compute-line.js';
import { blankLevel, type PlanDocument, type PlanLevel } from './plan.js';

/**
 * Plans, chains and lines for the engine's tests (unit and property): the worked example
 * ladder 普通 / 银牌 / 金牌. Test support only; nothing in the application imports it.
 */
export const PUTONG = 'lvl_putong';
export const SILVER = 'lvl_silver';
export const GOLD = 'lvl_gold';
export const LEVEL_IDS = [PUTONG, SILVER, GOLD] as const;
export const LEVEL_NAMES = [
  { id: PUTONG, name: '普通团长', rank: 0 },
  { id: SILVER, name: '银牌', rank: 1 },
  { id: GOLD, name: '金牌', rank: 2 },
];

export function level(levelId: string, patch: Partial<PlanLevel> = {}): PlanLevel {
  return { ...blankLevel(levelId), ...patch };
}

/** Team rates 普通 0%, 银牌 4%, 金牌 7%; direct 普通 10%, 银牌 12%, 金牌 15%; peer 10%, one generation. */
export function workedExamplePlan(patch: Partial<PlanDocument> = {}): PlanDocument {
  return {
    name: '示例方案',
    depthCap: 3,
    allowDepthAboveDefault: false,
    selfPurchaseEarnsDirect: true,
    levels: [
      level(PUTONG, { directRateBps: 1000, teamRateBps: 0 }),
      level(SILVER, { directRateBps: 1200, teamRateBps: 400 }),
      level(GOLD, { directRateBps: 1500, teamRateBps: 700 }),
    ],
    team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 1 },
    recruit: null,
    tiered: null,
    regional: null,
    hotProducts: [],
    ...patch,
  };
}

/** A chain L0, L1, … of the given levels, with leader ids L0, L1, … */
export function chainOf(...levelIds: (string | null)[]): ChainLink[] {
  return levelIds.map((levelId, depth) => ({ leaderId: `L${depth}`, levelId, depth }));
}

export function lineOf(patch: Partial<CommissionLine> = {}): CommissionLine {
  return {
    orderLineId: 'oln_1',
    orderId: 'ord_1',
    skuId: 'sku_1',
    categoryId: 'cat_1',
    quantity: 1,
    baseFen: 10_000,
    selfPurchase: false,
    ...patch,
  };
}
