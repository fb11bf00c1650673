import { describe, expect, it } from 'vitest';
import { computeLine } from './compute-line.js';
import type { LineEntry } from './entries.js';
import type { PlanDocument } from './plan.js';
import { chainOf, GOLD, level, lineOf, PUTONG, SILVER, workedExamplePlan } from './test-plans.js';

/** [beneficiary, rule, amount] of each entry: what the tables below compare. */
function summary(entries: LineEntry[]): Array<[string, string, number]> {
  return entries.map((e) => [e.beneficiaryId, e.rule, e.amountFen]);
}

describe('the issue’s worked example', () => {
  it('base ¥100: L0 普通 direct 1,000; L1 银牌 400; L2 银牌 peer 40; L3 金牌 300', () => {
    // Direct: 10,000 × 10% = 1,000 to L0 (普通).
    // L1 银牌: team 4% − highest below 0% (L0 普通) = 4% → 10,000 × 4% = 400.
    // L2 银牌: team 4% − highest below 4% = 0; L1 holds 银牌 and L2 is its first 银牌 upline:
    //          peer 10% × L1's team bonus 400 = 40.
    // L3 金牌: team 7% − highest below 4% = 3% → 300.
    const entries = computeLine(workedExamplePlan(), lineOf(), chainOf(PUTONG, SILVER, SILVER, GOLD));
    expect(summary(entries)).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
      ['L3', 'differential', 300],
    ]);
    const [direct, diff, peer, top] = entries;
    expect(direct).toMatchObject({ chainPosition: 0, baseFen: 10_000, rateBps: 1000, perUnitFen: null });
    expect(direct?.explanation).toMatchObject({ rule: 'direct', source: 'level_default', levelId: PUTONG });
    expect(diff).toMatchObject({ chainPosition: 1, baseFen: 10_000, rateBps: 400 });
    expect(diff?.explanation).toMatchObject({
      teamRateBps: 400,
      highestBelowBps: 0,
      highestBelowPosition: 0,
    });
    // The peer bonus is a rate of L1's earning, not of the line.
    expect(peer).toMatchObject({ chainPosition: 2, baseFen: 400, rateBps: 1000 });
    expect(peer?.explanation).toMatchObject({
      rule: 'peer',
      generation: 1,
      sourcePosition: 1,
      sourceLeaderId: 'L1',
      sourceRule: 'differential',
      sourceAmountFen: 400,
    });
    expect(top).toMatchObject({ chainPosition: 3, rateBps: 300 });
    expect(top?.explanation).toMatchObject({
      teamRateBps: 700,
      highestBelowBps: 400,
      highestBelowPosition: 1,
    });
    expect(entries.map((e) => e.key)).toEqual([
      'line:oln_1:direct:0:L0',
      'line:oln_1:differential:1:L1',
      'line:oln_1:peer:2:L2',
      'line:oln_1:differential:3:L3',
    ]);
  });
});

type Row = {
  name: string;
  plan?: PlanDocument;
  chain: (string | null)[];
  line?: Parameters<typeof lineOf>[0];
  expected: Array<[string, string, number]>;
};

const rows: Row[] = [
  {
    // L0 银牌 direct 12% = 1,200. L1 银牌: no differential (L0 holds 4%), first 银牌 upline of L0:
    // peer 10% × L0's direct 1,200 = 120. L2 金牌: 7% − 4% = 300. L3 金牌: peer 10% × 300 = 30.
    name: 'peer on L0’s direct, then a gold pair',
    chain: [SILVER, SILVER, GOLD, GOLD],
    expected: [
      ['L0', 'direct', 1200],
      ['L1', 'peer', 120],
      ['L2', 'differential', 300],
      ['L3', 'peer', 30],
    ],
  },
  {
    // L1 银牌 400. L2 普通 0% < 4%: nothing. L3 银牌: L1 holds 4%, L3 is L1's first 银牌 upline
    // (L2 is 普通): peer 10% × 400 = 40.
    name: 'a lower level in between does not break the peer link',
    chain: [PUTONG, SILVER, PUTONG, SILVER],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L3', 'peer', 40],
    ],
  },
  {
    // L1 金牌 700. L2 银牌 4% < 7%: nothing (a lower level above a higher one earns nothing).
    // L3 金牌: first 金牌 upline of L1: peer 10% × 700 = 70.
    name: 'a lower level above a higher one earns nothing',
    chain: [PUTONG, GOLD, SILVER, GOLD],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'differential', 700],
      ['L3', 'peer', 70],
    ],
  },
  {
    // One peer generation: L2 is L1's first 银牌 upline (40), L3 the second: nothing.
    name: 'one peer generation pays only the first same-level upline',
    chain: [PUTONG, SILVER, SILVER, SILVER],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
    ],
  },
  {
    // Two generations: L2 gen 1 and L3 gen 2, each 10% × L1's 400 = 40.
    name: 'two peer generations',
    plan: workedExamplePlan({ team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 2 } }),
    chain: [PUTONG, SILVER, SILVER, SILVER],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
      ['L3', 'peer', 40],
    ],
  },
  {
    // Everyone 普通 (team rate 0): no differential and no peer bonus (nobody lost a differential).
    name: 'no peer bonus at a zero team rate',
    chain: [PUTONG, PUTONG, PUTONG, PUTONG],
    expected: [['L0', 'direct', 1000]],
  },
  {
    // Depth cap 2: L3 金牌 would earn 300 but is beyond the cap.
    name: 'the depth cap stops the chain',
    plan: workedExamplePlan({ depthCap: 2 }),
    chain: [PUTONG, SILVER, SILVER, GOLD],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
    ],
  },
  {
    // Depth cap 0: direct commission only.
    name: 'depth cap 0 pays L0 only',
    plan: workedExamplePlan({ depthCap: 0 }),
    chain: [PUTONG, SILVER, SILVER, GOLD],
    expected: [['L0', 'direct', 1000]],
  },
  {
    // A self-purchase without direct commission: L0 earns nothing; L1 银牌 still earns 4% = 400;
    // L1 is not a peer of anyone (L0 is 普通).
    name: 'self-purchase earns no direct when the plan says so',
    plan: workedExamplePlan({ selfPurchaseEarnsDirect: false }),
    chain: [PUTONG, SILVER],
    line: { selfPurchase: true },
    expected: [['L1', 'differential', 400]],
  },
  {
    // Self-purchase by a 银牌 L0 without direct: the peer bonus of L1 is 10% × 0 = 0, left out.
    name: 'the peer of a self-purchaser without direct gets nothing',
    plan: workedExamplePlan({ selfPurchaseEarnsDirect: false }),
    chain: [SILVER, SILVER, GOLD],
    line: { selfPurchase: true },
    expected: [['L2', 'differential', 300]],
  },
  {
    name: 'self-purchase earns direct by default',
    chain: [PUTONG],
    line: { selfPurchase: true },
    expected: [['L0', 'direct', 1000]],
  },
  {
    // L0's level is not in the plan: no direct, team rate 0; L1 银牌 earns the full 4%.
    name: 'a level the plan does not list earns nothing',
    chain: ['lvl_new', SILVER],
    expected: [['L1', 'differential', 400]],
  },
  {
    name: 'a leader without a level earns nothing',
    chain: [null, SILVER],
    expected: [['L1', 'differential', 400]],
  },
  {
    // Half up: 12,345 × 10% = 1,234.5 → 1,235; 12,345 × 4% = 493.8 → 494; peer 10% × 494 = 49.4 → 49.
    name: 'each entry is rounded half up',
    chain: [PUTONG, SILVER, SILVER],
    line: { baseFen: 12_345 },
    expected: [
      ['L0', 'direct', 1235],
      ['L1', 'differential', 494],
      ['L2', 'peer', 49],
    ],
  },
  {
    // 5 × 10% = 0.5 → 1 (half up); 5 × 4% = 0.2 → 0, left out.
    name: 'half a fen rounds up, less rounds away',
    chain: [PUTONG, SILVER],
    line: { baseFen: 5 },
    expected: [['L0', 'direct', 1]],
  },
  {
    name: 'a free line earns nothing',
    chain: [PUTONG, SILVER, SILVER, GOLD],
    line: { baseFen: 0 },
    expected: [],
  },
  {
    // Generations mode 5% / 3% / 2%: L1 500, L2 300, L3 200; levels do not matter.
    name: 'generations mode',
    plan: workedExamplePlan({ team: { mode: 'generations', generationRatesBps: [500, 300, 200] } }),
    chain: [PUTONG, GOLD, PUTONG, SILVER],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'generation', 500],
      ['L2', 'generation', 300],
      ['L3', 'generation', 200],
    ],
  },
  {
    // Two generation rates on a depth-3 chain: L3 has no rate.
    name: 'generations beyond the list earn nothing',
    plan: workedExamplePlan({ team: { mode: 'generations', generationRatesBps: [500, 300] } }),
    chain: [PUTONG, GOLD, PUTONG, SILVER],
    expected: [
      ['L0', 'direct', 1000],
      ['L1', 'generation', 500],
      ['L2', 'generation', 300],
    ],
  },
  {
    name: 'no team bonus',
    plan: workedExamplePlan({ team: { mode: 'none' } }),
    chain: [PUTONG, GOLD, PUTONG, SILVER],
    expected: [['L0', 'direct', 1000]],
  },
  {
    name: 'an order without a leader earns nothing',
    chain: [],
    expected: [],
  },
];

describe('line rules, table-driven (base ¥100.00 unless stated)', () => {
  it.each(rows)('$name', ({ plan, chain, line, expected }) => {
    expect(summary(computeLine(plan ?? workedExamplePlan(), lineOf(line), chainOf(...chain)))).toEqual(
      expected,
    );
  });
});

describe('direct commission: the most specific setting wins', () => {
  // 普通: default 10%, category cat_fruit 15%, SKU sku_a 20%, SKU sku_b ¥1.50 per unit.
  const plan = workedExamplePlan({
    levels: [
      level(PUTONG, {
        directRateBps: 1000,
        categoryRates: [{ categoryId: 'cat_fruit', rateBps: 1500 }],
        skuRates: [
          { skuId: 'sku_a', rateBps: 2000 },
          { skuId: 'sku_b', rateBps: 2500 },
        ],
        skuFixed: [{ skuId: 'sku_b', perUnitFen: 150 }],
      }),
    ],
    team: { mode: 'none' },
  });
  it.each([
    // SKU fixed beats the SKU rate: 3 units × 150 = 450 (not 25% × 10,000).
    { skuId: 'sku_b', categoryId: 'cat_fruit', quantity: 3, amount: 450, source: 'sku_fixed' },
    // SKU rate beats the category: 10,000 × 20% = 2,000.
    { skuId: 'sku_a', categoryId: 'cat_fruit', quantity: 1, amount: 2000, source: 'sku_rate' },
    // Category beats the default: 10,000 × 15% = 1,500.
    { skuId: 'sku_c', categoryId: 'cat_fruit', quantity: 1, amount: 1500, source: 'category_rate' },
    // Nothing specific: the default 10% = 1,000.
    { skuId: 'sku_c', categoryId: 'cat_veg', quantity: 1, amount: 1000, source: 'level_default' },
    { skuId: 'sku_c', categoryId: null, quantity: 1, amount: 1000, source: 'level_default' },
  ])('$skuId in $categoryId → $amount ($source)', ({ skuId, categoryId, quantity, amount, source }) => {
    const [entry] = computeLine(plan, lineOf({ skuId, categoryId, quantity }), chainOf(PUTONG));
    expect(entry?.amountFen).toBe(amount);
    expect(entry?.explanation).toMatchObject({ rule: 'direct', source });
    if (source === 'sku_fixed') expect(entry).toMatchObject({ perUnitFen: 150, rateBps: null });
  });
});

describe('peer bonus is the plan’s choice per level (平级奖)', () => {
  // 普通 has team rate 0: two 普通 leaders could never earn a peer bonus while eligibility was
  // derived from losing a differential. With `peerBonus: true` on 普通 they do.
  const putongPeers = (patch: Partial<PlanDocument> = {}) =>
    workedExamplePlan({
      levels: [
        level(PUTONG, { directRateBps: 1000, teamRateBps: 0, peerBonus: true }),
        level(SILVER, { directRateBps: 1200, teamRateBps: 400 }),
        level(GOLD, { directRateBps: 1500, teamRateBps: 700 }),
      ],
      ...patch,
    });

  it('pays a 普通 upline above a 普通 L0 when 普通 earns peer bonus (10% × direct 1,000 = 100)', () => {
    const entries = computeLine(putongPeers(), lineOf(), chainOf(PUTONG, PUTONG, PUTONG, SILVER));
    expect(summary(entries)).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'peer', 100],
      ['L3', 'differential', 400],
    ]);
    expect(entries[1]?.explanation).toMatchObject({
      rule: 'peer',
      generation: 1,
      sourcePosition: 0,
      sourceRule: 'direct',
      sourceAmountFen: 1000,
    });
  });

  it('pays as many 普通 generations as the plan says', () => {
    const plan = putongPeers({ team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 2 } });
    expect(summary(computeLine(plan, lineOf(), chainOf(PUTONG, PUTONG, PUTONG)))).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'peer', 100],
      ['L2', 'peer', 100],
    ]);
  });

  it('a level with a team rate can be set not to earn peer bonus', () => {
    const plan = workedExamplePlan({
      levels: [
        level(PUTONG, { directRateBps: 1000, teamRateBps: 0 }),
        level(SILVER, { directRateBps: 1200, teamRateBps: 400, peerBonus: false }),
        level(GOLD, { directRateBps: 1500, teamRateBps: 700 }),
      ],
    });
    expect(summary(computeLine(plan, lineOf(), chainOf(PUTONG, SILVER, SILVER, GOLD)))).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L3', 'differential', 300],
    ]);
  });

  it('a plan saved without the flag computes as before: peer bonus only where the team rate is above 0', () => {
    const old = workedExamplePlan();
    for (const l of old.levels) expect(l.peerBonus).toBeUndefined();
    expect(summary(computeLine(old, lineOf(), chainOf(PUTONG, PUTONG, SILVER, SILVER)))).toEqual([
      ['L0', 'direct', 1000],
      ['L2', 'differential', 400],
      ['L3', 'peer', 40],
    ]);
    // The same plan with the derived values written out computes the same.
    const explicit = workedExamplePlan({
      levels: old.levels.map((l) => ({ ...l, peerBonus: l.teamRateBps > 0 })),
    });
    const chain = chainOf(PUTONG, PUTONG, SILVER, SILVER);
    expect(computeLine(explicit, lineOf(), chain)).toEqual(computeLine(old, lineOf(), chain));
  });
});

describe('the line’s entries never pass its base', () => {
  it('cuts a fixed per-unit amount above the amount paid, and leaves nothing for the uplines', () => {
    // 3 units × ¥50.00 fixed = 15,000 on a line paid 10,000: cut to 10,000; L1's 400 has nothing left.
    const plan = workedExamplePlan({
      levels: [
        level(PUTONG, { skuFixed: [{ skuId: 'sku_1', perUnitFen: 5000 }] }),
        level(SILVER, { teamRateBps: 400 }),
      ],
    });
    const entries = computeLine(plan, lineOf({ quantity: 3 }), chainOf(PUTONG, SILVER));
    expect(summary(entries)).toEqual([['L0', 'direct', 10_000]]);
    expect(entries[0]?.explanation.cappedFromFen).toBe(15_000);
  });

  it('cuts the last entry when rounding would pass the base', () => {
    // Direct 50% and team 50% of 1 fen: 0.5 → 1 each; the second is cut to 0 and left out.
    const plan = workedExamplePlan({
      levels: [level(PUTONG, { directRateBps: 5000 }), level(SILVER, { teamRateBps: 5000 })],
      team: { mode: 'differential', peerRateBps: 0, peerGenerations: 0 },
    });
    expect(summary(computeLine(plan, lineOf({ baseFen: 1 }), chainOf(PUTONG, SILVER)))).toEqual([
      ['L0', 'direct', 1],
    ]);
  });
});

describe('recruit rate (推荐奖 on the recruit’s first days)', () => {
  // 2% to L1 on L0's lines paid within 30 days of L0's approval on 1 March.
  const plan = workedExamplePlan({
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 200, rateDays: 30 },
  });
  const chain = chainOf(PUTONG, SILVER).map((l) =>
    l.depth === 0 ? { ...l, approvedAt: '2026-03-01T00:00:00.000Z' } : l,
  );
  it.each([
    // 10 March is inside the 30 days: L1 earns 400 differential and 2% × 10,000 = 200.
    { paidAt: '2026-03-10T12:00:00.000Z', recruit: 200 },
    // 30 days after approval exactly is the first moment outside the window.
    { paidAt: '2026-03-31T00:00:00.000Z', recruit: null },
    { paidAt: '2026-03-30T23:59:59.999Z', recruit: 200 },
    { paidAt: '2026-02-28T23:59:59.000Z', recruit: null },
  ])('paid at $paidAt → $recruit', ({ paidAt, recruit }) => {
    const entries = computeLine(plan, lineOf({ paidAt }), chain);
    const r = entries.find((e) => e.rule === 'recruit_rate');
    expect(r?.amountFen ?? null).toBe(recruit);
    if (r) {
      expect(r).toMatchObject({ beneficiaryId: 'L1', chainPosition: 1, rateBps: 200 });
      expect(r.explanation).toMatchObject({ recruitId: 'L0', rateDays: 30 });
    }
  });

  it('needs the approval time and the payment time', () => {
    expect(computeLine(plan, lineOf(), chain).some((e) => e.rule === 'recruit_rate')).toBe(false);
    expect(
      computeLine(plan, lineOf({ paidAt: '2026-03-10T12:00:00.000Z' }), chainOf(PUTONG, SILVER)).some(
        (e) => e.rule === 'recruit_rate',
      ),
    ).toBe(false);
  });
});

describe('inputs', () => {
  it('does not depend on the order of the chain array', () => {
    const chain = chainOf(PUTONG, SILVER, SILVER, GOLD);
    const a = computeLine(workedExamplePlan(), lineOf(), chain);
    const b = computeLine(workedExamplePlan(), lineOf(), [...chain].reverse());
    expect(b).toEqual(a);
  });

  it('ignores chain links beyond the depth cap', () => {
    const chain = chainOf(PUTONG, SILVER, SILVER, GOLD, GOLD, GOLD);
    expect(summary(computeLine(workedExamplePlan(), lineOf(), chain))).toHaveLength(4);
  });

  it('refuses a chain with a gap or a repeated leader, and a bad line', () => {
    const plan = workedExamplePlan();
    expect(() => computeLine(plan, lineOf(), [{ leaderId: 'a', levelId: null, depth: 1 }])).toThrow(
      RangeError,
    );
    expect(() =>
      computeLine(plan, lineOf(), [
        { leaderId: 'a', levelId: null, depth: 0 },
        { leaderId: 'a', levelId: null, depth: 1 },
      ]),
    ).toThrow(RangeError);
    expect(() => computeLine(plan, lineOf({ baseFen: -1 }), chainOf(PUTONG))).toThrow(RangeError);
    expect(() => computeLine(plan, lineOf({ baseFen: 1.5 }), chainOf(PUTONG))).toThrow(RangeError);
    expect(() => computeLine(plan, lineOf({ quantity: 0 }), chainOf(PUTONG))).toThrow(RangeError);
  });
});
