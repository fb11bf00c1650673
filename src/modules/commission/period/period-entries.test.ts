import { describe, expect, it } from 'vitest';
import { workedExamplePlan } from '../domain/test-plans.js';
import {
  dividendEntries,
  hotProductEntries,
  type RegionManagerShare,
  recruitBonusEntry,
  tieredEntries,
} from './period-entries.js';

const tiers = [
  { fromFen: 0, rateBps: 0 },
  { fromFen: 1_000_000, rateBps: 100 },
  { fromFen: 5_000_000, rateBps: 200 },
];

describe('tieredEntries (阶梯佣金 at month close)', () => {
  it.each([
    // Whole: ¥60,000 at 2% on all of it.
    { mode: 'whole' as const, gmv: 6_000_000, amount: 120_000, rate: 200 },
    // Marginal: 4,000,000 × 1% + 1,000,000 × 2% = 40,000 + 20,000.
    { mode: 'marginal' as const, gmv: 6_000_000, amount: 60_000, rate: null },
    // Whole at ¥30,000: 1%.
    { mode: 'whole' as const, gmv: 3_000_000, amount: 30_000, rate: 100 },
    // Marginal at ¥30,000: 2,000,000 × 1%.
    { mode: 'marginal' as const, gmv: 3_000_000, amount: 20_000, rate: null },
  ])('$mode on $gmv fen → $amount', ({ mode, gmv, amount, rate }) => {
    const plan = workedExamplePlan({ tiered: { mode, tiers } });
    const [e, ...rest] = tieredEntries(plan, '2026-10', [{ leaderId: 'ldr_a', gmvFen: gmv }]);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      key: 'tiered:2026-10:ldr_a',
      rule: 'tiered',
      beneficiaryId: 'ldr_a',
      month: '2026-10',
      baseFen: gmv,
      rateBps: rate,
      amountFen: amount,
    });
    expect(e?.explanation).toMatchObject({ rule: 'tiered', mode, gmvFen: gmv });
  });

  it('leaves out leaders below the first paying tier, negative months and plans without tiers', () => {
    const plan = workedExamplePlan({ tiered: { mode: 'whole', tiers } });
    expect(
      tieredEntries(plan, '2026-10', [
        { leaderId: 'a', gmvFen: 999_999 },
        { leaderId: 'b', gmvFen: -5_000 },
        { leaderId: 'c', gmvFen: 0 },
      ]),
    ).toEqual([]);
    expect(tieredEntries(workedExamplePlan(), '2026-10', [{ leaderId: 'a', gmvFen: 9_000_000 }])).toEqual([]);
  });

  it('is in leader-id order whatever the input order', () => {
    const plan = workedExamplePlan({ tiered: { mode: 'whole', tiers } });
    const out = tieredEntries(plan, '2026-10', [
      { leaderId: 'ldr_b', gmvFen: 2_000_000 },
      { leaderId: 'ldr_a', gmvFen: 2_000_000 },
    ]);
    expect(out.map((e) => e.beneficiaryId)).toEqual(['ldr_a', 'ldr_b']);
  });
});

const manager = (
  userId: string,
  weight: number,
  leaderId: string | null = `ldr_${userId}`,
): RegionManagerShare => ({
  userId,
  leaderId,
  name: userId,
  weight,
});

describe('dividendEntries (区域分红)', () => {
  const plan = workedExamplePlan({ regional: { rateBps: 100 } });

  it('splits an odd pool by weight so the parts sum to the pool exactly', () => {
    // ¥10,000.01 × 1% = 10,000.01 → 10,000 fen; weights 1:1:1 → 3,334 + 3,333 + 3,333.
    const out = dividendEntries(plan, '2026-10', [
      {
        regionId: 'reg_1',
        regionName: '西湖区',
        gmvFen: 1_000_001,
        managers: [manager('u1', 1), manager('u2', 1), manager('u3', 1)],
      },
    ]);
    expect(out.entries.map((e) => e.amountFen)).toEqual([3_334, 3_333, 3_333]);
    expect(out.entries.reduce((a, e) => a + e.amountFen, 0)).toBe(10_000);
    expect(out.pools).toEqual([
      { regionId: 'reg_1', regionName: '西湖区', gmvFen: 1_000_001, poolFen: 10_000 },
    ]);
    expect(out.entries[0]).toMatchObject({
      key: 'regional_dividend:2026-10:reg_1:u1',
      beneficiaryId: 'ldr_u1',
      baseFen: 1_000_001,
      rateBps: 100,
      explanation: { poolFen: 10_000, weight: 1, totalWeight: 3, managers: 3 },
    });
  });

  it.each([
    // 12,345 × 1% = 123.45 → 123; weights 2:1 → 82 + 41.
    { gmv: 12_345, weights: [2, 1], parts: [82, 41] },
    // 100,700 × 1% = 1,007; weights 3:3:1 → 431.57, 431.57, 143.86 → 431 + 432? largest remainder.
    { gmv: 100_700, weights: [3, 3, 1], parts: [432, 431, 144] },
    { gmv: 99, weights: [5, 5], parts: [1, 0] },
  ])('pool of $gmv fen by $weights', ({ gmv, weights, parts }) => {
    const out = dividendEntries(plan, '2026-10', [
      {
        regionId: 'r',
        regionName: 'R',
        gmvFen: gmv,
        managers: weights.map((w, i) => manager(`u${i}`, w)),
      },
    ]);
    const pool = out.pools[0]?.poolFen ?? -1;
    const amounts = weights.map((_, i) => out.entries.find((e) => e.key.endsWith(`:u${i}`))?.amountFen ?? 0);
    expect(amounts).toEqual(parts);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(pool);
  });

  it('holds the share of a manager without a leader account instead of giving it to the others', () => {
    const out = dividendEntries(plan, '2026-10', [
      {
        regionId: 'r',
        regionName: 'R',
        gmvFen: 1_000_000,
        managers: [manager('u1', 1), manager('u2', 1, null)],
      },
    ]);
    expect(out.entries.map((e) => [e.beneficiaryId, e.amountFen])).toEqual([['ldr_u1', 5_000]]);
    expect(out.held).toEqual([
      { regionId: 'r', regionName: 'R', userId: 'u2', name: 'u2', weight: 1, amountFen: 5_000 },
    ]);
  });

  it('reports the pool of a region without managers as undistributed', () => {
    const out = dividendEntries(plan, '2026-10', [
      { regionId: 'r', regionName: 'R', gmvFen: 1_000_000, managers: [] },
    ]);
    expect(out.entries).toEqual([]);
    expect(out.undistributed).toEqual([{ regionId: 'r', regionName: 'R', poolFen: 10_000 }]);
  });

  it('pays nothing without a regional rule', () => {
    const out = dividendEntries(workedExamplePlan(), '2026-10', [
      { regionId: 'r', regionName: 'R', gmvFen: 1_000_000, managers: [manager('u1', 1)] },
    ]);
    expect(out).toEqual({ entries: [], held: [], undistributed: [], pools: [] });
  });
});

describe('hotProductEntries (爆品阶梯奖励)', () => {
  const plan = workedExamplePlan({
    hotProducts: [
      {
        campaignId: 'cmp_1',
        skuId: 'sku_1',
        steps: [
          { minUnits: 50, perUnitFen: 100 },
          { minUnits: 100, perUnitFen: 200 },
        ],
      },
    ],
  });

  it.each([
    { units: 49, amount: null },
    { units: 50, amount: 5_000 },
    { units: 99, amount: 9_900 },
    // The highest step reached pays on all units: 100 × ¥2.00.
    { units: 100, amount: 20_000 },
    { units: 130, amount: 26_000 },
  ])('$units units → $amount', ({ units, amount }) => {
    const out = hotProductEntries(
      plan,
      { id: 'cmp_1', name: '周末水果节' },
      { id: 'sku_1', name: '赣南脐橙 5斤' },
      new Map([['ldr_a', units]]),
    );
    if (amount === null) expect(out).toEqual([]);
    else
      expect(out).toEqual([
        expect.objectContaining({
          key: 'hot_product:cmp_1:sku_1:ldr_a',
          campaignId: 'cmp_1',
          skuId: 'sku_1',
          quantity: units,
          amountFen: amount,
        }),
      ]);
  });

  it('pays nothing for another campaign or SKU', () => {
    const units = new Map([['ldr_a', 500]]);
    expect(hotProductEntries(plan, { id: 'cmp_2', name: '' }, { id: 'sku_1', name: '' }, units)).toEqual([]);
    expect(hotProductEntries(plan, { id: 'cmp_1', name: '' }, { id: 'sku_2', name: '' }, units)).toEqual([]);
  });
});

describe('recruitBonusEntry (推荐奖)', () => {
  const plan = workedExamplePlan({
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 0 },
  });
  const facts = {
    recruitId: 'ldr_new',
    recruitName: '新团长',
    referrerId: 'ldr_ref',
    approvedAt: '2026-10-01T02:00:00.000Z',
    completedSalesInWindowFen: 100_000,
    alreadyAwarded: false,
  };

  it('awards the referrer once the threshold is reached', () => {
    const out = recruitBonusEntry(plan, facts);
    expect(out).toMatchObject({
      award: true,
      entry: {
        key: 'recruit_bonus:ldr_new',
        beneficiaryId: 'ldr_ref',
        amountFen: 5_000,
        baseFen: 100_000,
        explanation: { windowEndsAt: '2026-10-31T02:00:00.000Z', withinDays: 30, recruitName: '新团长' },
      },
    });
  });

  it.each([
    [{ completedSalesInWindowFen: 99_999 }, 'below_threshold'],
    [{ referrerId: null }, 'no_referrer'],
    [{ alreadyAwarded: true }, 'already_awarded'],
  ])('no award when %o', (patch, reason) => {
    expect(recruitBonusEntry(plan, { ...facts, ...patch })).toMatchObject({ award: false, reason });
  });
});
