import { describe, expect, it } from 'vitest';
import {
  computeHotProduct,
  computeRecruitBonus,
  computeRegionalDividend,
  computeTiered,
  recruitWindowEnd,
} from './period-rules.js';
import type { TierMode } from './plan.js';
import { workedExamplePlan } from './test-plans.js';

/** The tiers: from ¥0: 0, from ¥10,000: 1%, from ¥50,000: 2%. */
const tieredPlan = (mode: TierMode) =>
  workedExamplePlan({
    tiered: {
      mode,
      tiers: [
        { fromFen: 0, rateBps: 0 },
        { fromFen: 1_000_000, rateBps: 100 },
        { fromFen: 5_000_000, rateBps: 200 },
      ],
    },
  });

describe('tiered monthly commission (阶梯佣金)', () => {
  it.each([
    // Whole: the top tier reached on the whole month.
    { mode: 'whole', gmv: 0, amount: 0, tier: 0 },
    { mode: 'whole', gmv: 999_999, amount: 0, tier: 0 },
    // ¥10,000.00 reaches 1%: 1,000,000 × 1% = 10,000.
    { mode: 'whole', gmv: 1_000_000, amount: 10_000, tier: 1 },
    // ¥30,000: 3,000,000 × 1% = 30,000.
    { mode: 'whole', gmv: 3_000_000, amount: 30_000, tier: 1 },
    // ¥60,000: 6,000,000 × 2% = 120,000.
    { mode: 'whole', gmv: 6_000_000, amount: 120_000, tier: 2 },
    // 1,000,050 × 1% = 10,000.5 → 10,001 (half up).
    { mode: 'whole', gmv: 1_000_050, amount: 10_001, tier: 1 },
    // Marginal: each tier on its own slice.
    { mode: 'marginal', gmv: 999_999, amount: 0, tier: 0 },
    // ¥30,000: 1,000,000 × 0 + 2,000,000 × 1% = 20,000.
    { mode: 'marginal', gmv: 3_000_000, amount: 20_000, tier: 1 },
    // ¥60,000: 0 + 4,000,000 × 1% (40,000) + 1,000,000 × 2% (20,000) = 60,000.
    { mode: 'marginal', gmv: 6_000_000, amount: 60_000, tier: 2 },
    // 50 × 1% = 0.5 → 1: rounded once from the exact sum.
    { mode: 'marginal', gmv: 1_000_050, amount: 1, tier: 1 },
    // 5,000,025: 40,000 + 25 × 2% (0.5) = 40,000.5 → 40,001.
    { mode: 'marginal', gmv: 5_000_025, amount: 40_001, tier: 2 },
    // A month whose refunds outweigh its sales counts as 0.
    { mode: 'marginal', gmv: -500, amount: 0, tier: 0 },
  ] as const)('$mode on $gmv fen → $amount', ({ mode, gmv, amount, tier }) => {
    const r = computeTiered(tieredPlan(mode), gmv);
    expect(r.amountFen).toBe(amount);
    expect(r.tierIndex).toBe(tier);
  });

  it('lists the parts of a marginal month', () => {
    expect(computeTiered(tieredPlan('marginal'), 6_000_000).parts).toEqual([
      { tierIndex: 0, fromFen: 0, toFen: 1_000_000, rateBps: 0, baseFen: 1_000_000 },
      { tierIndex: 1, fromFen: 1_000_000, toFen: 5_000_000, rateBps: 100, baseFen: 4_000_000 },
      { tierIndex: 2, fromFen: 5_000_000, toFen: null, rateBps: 200, baseFen: 1_000_000 },
    ]);
    expect(computeTiered(tieredPlan('whole'), 6_000_000)).toMatchObject({
      rateBps: 200,
      parts: [{ baseFen: 6_000_000 }],
    });
  });

  it('pays nothing without a tiered rule', () => {
    expect(computeTiered(workedExamplePlan(), 9_000_000).amountFen).toBe(0);
  });

  it('stays exact past 2^53', () => {
    // 9,000,000,000,000,000 fen × 2% is 180,000,000,000,000 exactly in bigint (the product passes 2^53).
    const r = computeTiered(tieredPlan('whole'), 9_000_000_000_000_000);
    expect(r.amountFen).toBe(180_000_000_000_000);
  });
});

describe('regional dividend (区域分红)', () => {
  const plan = workedExamplePlan({ regional: { rateBps: 100 } });

  it.each([
    // Pool 1% of 1,000,001 = 10,000.01 → 10,000; thirds 3,333.33: the leftover fen goes to the
    // earliest id on a tie (a).
    {
      gmv: 1_000_001,
      managers: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
      pool: 10_000,
      parts: [3334, 3333, 3333],
    },
    // Pool 1% of 1,005,000 = 10,050; weights 3:2:1 → 5,025, 3,350, 1,675.
    {
      gmv: 1_005_000,
      managers: [
        { id: 'a', weight: 3 },
        { id: 'b', weight: 2 },
        { id: 'c', weight: 1 },
      ],
      pool: 10_050,
      parts: [5025, 3350, 1675],
    },
    // Pool 1% of 1,000 = 10; weights 1:1:1 → 3.33 each, remainder 1 to a: 4, 3, 3.
    {
      gmv: 1_000,
      managers: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
      pool: 10,
      parts: [4, 3, 3],
    },
    // Pool 1% of 50 = 0.5 → 1; weights 1:3 → 0.25 / 0.75: the larger remainder (b) takes it.
    {
      gmv: 50,
      managers: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 3 },
      ],
      pool: 1,
      parts: [0, 1],
    },
  ])('pool $pool split into $parts', ({ gmv, managers, pool, parts }) => {
    const r = computeRegionalDividend(plan, gmv, managers);
    expect(r.poolFen).toBe(pool);
    expect(r.parts.map((p) => p.amountFen)).toEqual(parts);
    expect(r.parts.reduce((s, p) => s + p.amountFen, 0)).toBe(pool);
  });

  it('does not depend on the order the managers are listed in', () => {
    const ms = [
      { id: 'c', weight: 1 },
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
    ];
    const r = computeRegionalDividend(plan, 1_000_001, ms);
    expect(r.parts.map((p) => [p.managerId, p.amountFen])).toEqual([
      ['a', 3334],
      ['b', 3333],
      ['c', 3333],
    ]);
  });

  it('keeps the pool undistributed when the region has no manager', () => {
    expect(computeRegionalDividend(plan, 1_000_000, [])).toMatchObject({
      poolFen: 10_000,
      parts: [],
      undistributedFen: 10_000,
    });
  });

  it('refuses a zero weight or a manager listed twice', () => {
    expect(() => computeRegionalDividend(plan, 100, [{ id: 'a', weight: 0 }])).toThrow(RangeError);
    expect(() =>
      computeRegionalDividend(plan, 100, [
        { id: 'a', weight: 1 },
        { id: 'a', weight: 2 },
      ]),
    ).toThrow(RangeError);
  });

  it('pays nothing without a regional rule', () => {
    expect(computeRegionalDividend(workedExamplePlan(), 1_000_000, [{ id: 'a', weight: 1 }]).poolFen).toBe(0);
  });
});

describe('hot-product ladder (爆品阶梯奖励)', () => {
  // From 100 units ¥0.50 per unit, from 500 units ¥1.00 per unit, on all units.
  const plan = workedExamplePlan({
    hotProducts: [
      {
        campaignId: 'cmp_1',
        skuId: 'sku_1',
        steps: [
          { minUnits: 100, perUnitFen: 50 },
          { minUnits: 500, perUnitFen: 100 },
        ],
      },
    ],
  });

  it('pays the highest step reached on all units', () => {
    const awards = computeHotProduct(plan, 'cmp_1', 'sku_1', { z: 600, x: 99, y: 100, w: 500 });
    // x: 99 < 100, nothing. y: 100 × 50 = 5,000. w: 500 × 100 = 50,000. z: 600 × 100 = 60,000.
    expect(awards.map((a) => [a.leaderId, a.stepIndex, a.amountFen])).toEqual([
      ['w', 1, 50_000],
      ['y', 0, 5_000],
      ['z', 1, 60_000],
    ]);
  });

  it('accepts a map and pays nothing for another campaign or SKU', () => {
    expect(computeHotProduct(plan, 'cmp_1', 'sku_1', new Map([['a', 100]]))[0]?.amountFen).toBe(5_000);
    expect(computeHotProduct(plan, 'cmp_2', 'sku_1', { a: 1000 })).toEqual([]);
    expect(computeHotProduct(plan, 'cmp_1', 'sku_2', { a: 1000 })).toEqual([]);
  });
});

describe('recruit bonus (推荐奖)', () => {
  // ¥1,000.00 of completed sales within 30 days → ¥50.00 to the referrer, once.
  const plan = workedExamplePlan({
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 0 },
  });
  const facts = {
    recruitId: 'ldr_new',
    referrerId: 'ldr_ref',
    approvedAt: '2026-03-01T00:00:00.000Z',
    completedSalesInWindowFen: 100_000,
    alreadyAwarded: false,
  };

  it('pays the referrer once the threshold is reached', () => {
    expect(computeRecruitBonus(plan, facts)).toEqual({
      award: true,
      referrerId: 'ldr_ref',
      recruitId: 'ldr_new',
      amountFen: 5_000,
      thresholdFen: 100_000,
      windowEndsAt: '2026-03-31T00:00:00.000Z',
    });
  });

  it.each([
    { patch: { completedSalesInWindowFen: 99_999 }, reason: 'below_threshold' },
    { patch: { alreadyAwarded: true }, reason: 'already_awarded' },
    { patch: { referrerId: null }, reason: 'no_referrer' },
  ])('not when $reason', ({ patch, reason }) => {
    expect(computeRecruitBonus(plan, { ...facts, ...patch })).toMatchObject({ award: false, reason });
  });

  it('not without a recruit rule', () => {
    expect(computeRecruitBonus(workedExamplePlan(), facts)).toEqual({
      award: false,
      reason: 'no_rule',
      windowEndsAt: null,
    });
    expect(recruitWindowEnd(workedExamplePlan(), facts.approvedAt)).toBeNull();
  });
});
