import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../domain/plan.js';
import { GOLD, level, PUTONG, SILVER, workedExamplePlan } from '../domain/test-plans.js';
import { percentOfGmv, type SimContext, type SimLine, startSimulation } from './simulate.js';
import { simulationReport } from './simulation-report.js';

/** The worked example chain: L0 普通, L1 银牌, L2 银牌, L3 金牌. */
const chain = [
  { leaderId: 'L0', levelId: PUTONG, depth: 0 },
  { leaderId: 'L1', levelId: SILVER, depth: 1 },
  { leaderId: 'L2', levelId: SILVER, depth: 2 },
  { leaderId: 'L3', levelId: GOLD, depth: 3 },
];

function line(i: number, patch: Partial<SimLine> = {}): SimLine {
  return {
    orderLineId: `oln_${i}`,
    orderId: `ord_${i}`,
    skuId: 'sku_1',
    categoryId: null,
    quantity: 1,
    baseFen: 10_000,
    selfPurchase: false,
    paidAt: '2026-10-10T04:00:00.000Z',
    campaignId: 'cmp_1',
    chain,
    ...patch,
  };
}

const noContext: SimContext = {
  regionPathOf: () => [],
  managersOf: () => [],
  referrerAtApprovalOf: () => null,
};

const rank = (id: string | null) => (id === PUTONG ? 0 : id === SILVER ? 1 : id === GOLD ? 2 : 99);

describe('startSimulation', () => {
  it('sums the worked example line by rule and level: 1,000 + 400 + 40 + 300', () => {
    const sim = startSimulation(workedExamplePlan(), null);
    sim.add(line(1));
    const { totals, draft, baseline } = sim.finish(noContext);
    expect(totals).toEqual({ lines: 1, orders: 1, leaders: 4, gmvFen: 10_000 });
    expect(baseline).toBeNull();
    expect(draft.totalFen).toBe(1_740);
    expect(draft.lineFen).toBe(1_740);
    expect(draft.byRule.direct).toEqual({ amountFen: 1_000, entries: 1 });
    expect(draft.byRule.differential).toEqual({ amountFen: 700, entries: 2 });
    expect(draft.byRule.peer).toEqual({ amountFen: 40, entries: 1 });
    expect(draft.byLevel.get(PUTONG)?.amountFen).toBe(1_000);
    expect(draft.byLevel.get(SILVER)?.amountFen).toBe(440);
    expect(draft.byLevel.get(GOLD)?.amountFen).toBe(300);
  });

  it('a draft with doubled rates costs exactly twice on direct entries, and the report shows the difference', () => {
    const active = workedExamplePlan();
    const doubled: PlanDocument = {
      ...active,
      levels: [
        level(PUTONG, { directRateBps: 2000, teamRateBps: 0 }),
        level(SILVER, { directRateBps: 2400, teamRateBps: 400 }),
        level(GOLD, { directRateBps: 3000, teamRateBps: 700 }),
      ],
    };
    const sim = startSimulation(doubled, active);
    for (let i = 0; i < 10; i++) sim.add(line(i, { baseFen: 10_000 * (i + 1) }));
    const { totals, draft, baseline } = sim.finish(noContext);
    expect(baseline).not.toBeNull();
    expect(draft.byRule.direct.amountFen).toBe(2 * (baseline?.byRule.direct.amountFen ?? 0));
    const report = simulationReport(totals, draft, baseline, rank);
    const direct = report.byRule.find((r) => r.rule === 'direct');
    // Σ (i + 1) × ¥100 × 10% = 55 × 1,000 fen.
    expect(direct).toMatchObject({
      draftFen: 110_000,
      baselineFen: 55_000,
      diffFen: 55_000,
      estimated: false,
    });
    expect(report.diff.totalFen).toBe(report.draft.totalFen - report.baseline.totalFen);
    expect(report.byLevel.map((l) => l.levelId)).toEqual([PUTONG, SILVER, GOLD]);
    expect(report.topEarners[0]).toMatchObject({ leaderId: 'L0', draftFen: 110_000, baselineFen: 55_000 });
    expect(report.draft.percentOfGmv).toBe(percentOfGmv(report.draft.totalFen, 550_000));
  });

  it('estimates the period rules from the range’s lines', () => {
    const plan = workedExamplePlan({
      levels: [level(PUTONG), level(SILVER), level(GOLD)],
      team: { mode: 'none' },
      tiered: {
        mode: 'whole',
        tiers: [
          { fromFen: 0, rateBps: 0 },
          { fromFen: 20_000, rateBps: 100 },
        ],
      },
      regional: { rateBps: 100 },
      hotProducts: [{ campaignId: 'cmp_1', skuId: 'sku_1', steps: [{ minUnits: 3, perUnitFen: 50 }] }],
      recruit: { thresholdFen: 30_000, withinDays: 30, bonusFen: 1_000, rateBps: 0, rateDays: 0 },
    });
    const recruitChain = [
      { leaderId: 'N', levelId: PUTONG, depth: 0, approvedAt: '2026-10-01T00:00:00.000Z' },
      { leaderId: 'R', levelId: SILVER, depth: 1 },
    ];
    const sim = startSimulation(plan, null);
    // N sells 3 units of ¥100 in October: tiered 1% of ¥300 = 300; hot 3 × 50 = 150; recruit 1,000.
    for (let i = 0; i < 3; i++) sim.add(line(i, { chain: recruitChain }));
    const { draft } = sim.finish({
      regionPathOf: () => ['reg_d', 'reg_c'],
      managersOf: (r) => (r === 'reg_c' ? [{ userId: 'u1', leaderId: 'M', weight: 1 }] : []),
      referrerAtApprovalOf: (id) => (id === 'N' ? 'R' : null),
    });
    expect(draft.byRule.tiered.amountFen).toBe(300);
    expect(draft.byRule.hot_product.amountFen).toBe(150);
    expect(draft.byRule.recruit_bonus.amountFen).toBe(1_000);
    // The city's pool: 1% of ¥300.
    expect(draft.byRule.regional_dividend.amountFen).toBe(300);
    expect(draft.byLeader.get('M')?.amountFen).toBe(300);
    expect(draft.periodFen).toBe(1_750);
    expect(draft.lineFen).toBe(0);
  });

  it.each([
    { cost: 1_740, gmv: 10_000, pct: 17.4 },
    { cost: 1, gmv: 3, pct: 33.33 },
    { cost: 5, gmv: 0, pct: 0 },
  ])('percentOfGmv($cost, $gmv) = $pct', ({ cost, gmv, pct }) => expect(percentOfGmv(cost, gmv)).toBe(pct));
});
