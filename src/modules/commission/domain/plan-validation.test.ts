import { describe, expect, it } from 'vitest';
import { blankPlan, type PlanDocument } from './plan.js';
import { type PlanFacts, referencedIds, validatePlan } from './plan-validation.js';
import { GOLD, LEVEL_IDS, level, PUTONG, SILVER, workedExamplePlan } from './test-plans.js';
import { worstCaseOf } from './worst-case.js';

const facts: PlanFacts = { levelIds: new Set(LEVEL_IDS) };

function problemsOf(plan: PlanDocument, f: PlanFacts = facts) {
  return validatePlan(plan, f).map((p) => [p.code, p.field]);
}

/** A plan using every rule kind, valid. */
function fullPlan(): PlanDocument {
  return workedExamplePlan({
    levels: [
      level(PUTONG, {
        directRateBps: 1000,
        categoryRates: [{ categoryId: 'cat_fruit', rateBps: 1200 }],
        skuRates: [{ skuId: 'sku_a', rateBps: 1500 }],
        skuFixed: [{ skuId: 'sku_b', perUnitFen: 100 }],
      }),
      level(SILVER, { directRateBps: 1200, teamRateBps: 400 }),
      level(GOLD, { directRateBps: 1500, teamRateBps: 700 }),
    ],
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 200, rateDays: 30 },
    tiered: {
      mode: 'marginal',
      tiers: [
        { fromFen: 0, rateBps: 0 },
        { fromFen: 1_000_000, rateBps: 100 },
        { fromFen: 5_000_000, rateBps: 200 },
      ],
    },
    regional: { rateBps: 50 },
    hotProducts: [
      {
        campaignId: 'cmp_1',
        skuId: 'sku_a',
        steps: [
          { minUnits: 100, perUnitFen: 50 },
          { minUnits: 500, perUnitFen: 100 },
        ],
      },
    ],
  });
}

describe('valid plans', () => {
  it('accepts the worked example, a plan with every rule and a blank plan', () => {
    expect(validatePlan(workedExamplePlan(), facts)).toEqual([]);
    expect(validatePlan(fullPlan(), facts)).toEqual([]);
    expect(validatePlan(blankPlan(LEVEL_IDS), facts)).toEqual([]);
  });

  it('accepts a chain total of exactly 100%', () => {
    // Direct 60% + team 40% (普通 0 → 银牌 40%), no peer: worst case 100.00%.
    const plan = workedExamplePlan({
      levels: [level(PUTONG, { directRateBps: 6000 }), level(SILVER, { teamRateBps: 4000 })],
      team: { mode: 'differential', peerRateBps: 0, peerGenerations: 0 },
    });
    expect(worstCaseOf(plan).bps).toBe(10_000);
    expect(validatePlan(plan, facts)).toEqual([]);
  });

  it('lists every id the plan refers to', () => {
    const ids = referencedIds(fullPlan());
    expect([...ids.levelIds]).toEqual(LEVEL_IDS);
    expect([...ids.skuIds].sort()).toEqual(['sku_a', 'sku_b']);
    expect([...ids.categoryIds]).toEqual(['cat_fruit']);
    expect([...ids.campaignIds]).toEqual(['cmp_1']);
  });
});

type Bad = { name: string; plan: () => PlanDocument; code: string; field: string; facts?: PlanFacts };

const bad: Bad[] = [
  {
    name: 'a rate above 100%',
    plan: () => workedExamplePlan({ levels: [level(PUTONG, { directRateBps: 10_001 })] }),
    code: 'commission.plan_invalid_rate',
    field: 'body.levels[0].directRateBps',
  },
  {
    name: 'a negative rate',
    plan: () => workedExamplePlan({ levels: [level(PUTONG), level(SILVER, { teamRateBps: -1 })] }),
    code: 'commission.plan_invalid_rate',
    field: 'body.levels[1].teamRateBps',
  },
  {
    name: 'a fractional rate',
    plan: () => workedExamplePlan({ team: { mode: 'differential', peerRateBps: 10.5, peerGenerations: 1 } }),
    code: 'commission.plan_invalid_rate',
    field: 'body.team.peerRateBps',
  },
  {
    name: 'a category rate out of range',
    plan: () =>
      workedExamplePlan({
        levels: [level(PUTONG, { categoryRates: [{ categoryId: 'c', rateBps: 20_000 }] })],
      }),
    code: 'commission.plan_invalid_rate',
    field: 'body.levels[0].categoryRates[0].rateBps',
  },
  {
    name: 'a negative fixed amount',
    plan: () =>
      workedExamplePlan({ levels: [level(PUTONG, { skuFixed: [{ skuId: 's', perUnitFen: -5 }] })] }),
    code: 'commission.plan_invalid_amount',
    field: 'body.levels[0].skuFixed[0].perUnitFen',
  },
  {
    // 普通 direct 90%, 金牌 team 20%: L0 普通 90% + 金牌 differential 20% + 金牌 peer 10% × 20%
    // = 112%.
    name: 'rates whose chain total passes 100%',
    plan: () =>
      workedExamplePlan({
        levels: [level(PUTONG, { directRateBps: 9000 }), level(GOLD, { teamRateBps: 2000 })],
      }),
    code: 'commission.plan_rates_overflow',
    // The biggest part of the worst chain is 普通's direct rate.
    field: 'body.levels[0].directRateBps',
  },
  {
    // 金牌 direct 92% + 金牌 peer: L0 金牌 92%, L1..L3 金牌 peers 10% × 92% each (3 generations)
    // = 92 + 27.6 = 119.6% (team 7% held by L0, so no differential above).
    name: 'peer generations that push the chain past 100%',
    plan: () =>
      workedExamplePlan({
        levels: [
          level(PUTONG),
          level(SILVER, { teamRateBps: 400 }),
          level(GOLD, { directRateBps: 9200, teamRateBps: 700 }),
        ],
        team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 3 },
      }),
    code: 'commission.plan_rates_overflow',
    field: 'body.levels[2].directRateBps',
  },
  {
    // Generations 40% + 40% + 30% = 110% even without direct commission.
    name: 'generation rates whose sum passes 100%',
    plan: () =>
      workedExamplePlan({
        levels: [level(PUTONG)],
        team: { mode: 'generations', generationRatesBps: [4000, 4000, 3000] },
      }),
    code: 'commission.plan_rates_overflow',
    field: 'body.team.generationRatesBps[0]',
  },
  {
    // Direct 10% + team 7% + recruit 90% (L1 earns it on top) = 107%.
    name: 'a recruit rate that pushes the chain past 100%',
    plan: () =>
      workedExamplePlan({
        recruit: { thresholdFen: 0, withinDays: 30, bonusFen: 0, rateBps: 9000, rateDays: 30 },
      }),
    code: 'commission.plan_rates_overflow',
    field: 'body.recruit.rateBps',
  },
  {
    name: 'tiers out of order',
    plan: () =>
      workedExamplePlan({
        tiered: {
          mode: 'whole',
          tiers: [
            { fromFen: 0, rateBps: 0 },
            { fromFen: 5_000_000, rateBps: 200 },
            { fromFen: 1_000_000, rateBps: 100 },
          ],
        },
      }),
    code: 'commission.plan_tiers_out_of_order',
    field: 'body.tiered.tiers[2].fromFen',
  },
  {
    name: 'two tiers from the same amount',
    plan: () =>
      workedExamplePlan({
        tiered: {
          mode: 'whole',
          tiers: [
            { fromFen: 0, rateBps: 0 },
            { fromFen: 0, rateBps: 100 },
          ],
        },
      }),
    code: 'commission.plan_tiers_out_of_order',
    field: 'body.tiered.tiers[1].fromFen',
  },
  {
    name: 'a first tier not from 0',
    plan: () => workedExamplePlan({ tiered: { mode: 'marginal', tiers: [{ fromFen: 100, rateBps: 100 }] } }),
    code: 'commission.plan_tiers_out_of_order',
    field: 'body.tiered.tiers[0].fromFen',
  },
  {
    name: 'no tiers',
    plan: () => workedExamplePlan({ tiered: { mode: 'marginal', tiers: [] } }),
    code: 'commission.plan_invalid_value',
    field: 'body.tiered.tiers',
  },
  {
    name: 'a tier rate out of range',
    plan: () => workedExamplePlan({ tiered: { mode: 'whole', tiers: [{ fromFen: 0, rateBps: 10_500 }] } }),
    code: 'commission.plan_invalid_rate',
    field: 'body.tiered.tiers[0].rateBps',
  },
  {
    name: 'a peer bonus setting that is not true or false',
    plan: () =>
      workedExamplePlan({
        levels: [{ ...level(PUTONG), peerBonus: 'yes' as unknown as boolean }],
      }),
    code: 'commission.plan_invalid_value',
    field: 'body.levels[0].peerBonus',
  },
  {
    name: 'more peer generations than paid uplines',
    plan: () =>
      workedExamplePlan({
        depthCap: 2,
        team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 3 },
      }),
    code: 'commission.plan_generations_exceed_depth',
    field: 'body.team.peerGenerations',
  },
  {
    name: 'more generation rates than paid uplines',
    plan: () =>
      workedExamplePlan({ depthCap: 2, team: { mode: 'generations', generationRatesBps: [100, 100, 100] } }),
    code: 'commission.plan_generations_exceed_depth',
    field: 'body.team.generationRatesBps',
  },
  {
    name: 'a depth above 3 without the acknowledgement',
    plan: () => workedExamplePlan({ depthCap: 4 }),
    code: 'commission.plan_depth_cap',
    field: 'body.depthCap',
  },
  {
    name: 'a depth above the hard ceiling even with it',
    plan: () => workedExamplePlan({ depthCap: 6, allowDepthAboveDefault: true }),
    code: 'commission.plan_invalid_value',
    field: 'body.depthCap',
  },
  {
    name: 'an unknown level',
    plan: () => workedExamplePlan({ levels: [level(PUTONG), level('lvl_nope')] }),
    code: 'commission.plan_unknown_level',
    field: 'body.levels[1].levelId',
  },
  {
    name: 'a level listed twice',
    plan: () => workedExamplePlan({ levels: [level(PUTONG), level(PUTONG)] }),
    code: 'commission.plan_duplicate',
    field: 'body.levels[1].levelId',
  },
  {
    name: 'an SKU rate listed twice',
    plan: () =>
      workedExamplePlan({
        levels: [
          level(PUTONG, {
            skuRates: [
              { skuId: 's', rateBps: 1 },
              { skuId: 's', rateBps: 2 },
            ],
          }),
        ],
      }),
    code: 'commission.plan_duplicate',
    field: 'body.levels[0].skuRates[1].skuId',
  },
  {
    name: 'an unknown SKU (when the catalog is given)',
    plan: () =>
      workedExamplePlan({ levels: [level(PUTONG, { skuRates: [{ skuId: 'sku_x', rateBps: 1 }] })] }),
    facts: { ...facts, skuIds: new Set(['sku_a']) },
    code: 'commission.plan_unknown_sku',
    field: 'body.levels[0].skuRates[0].skuId',
  },
  {
    name: 'an unknown category',
    plan: () =>
      workedExamplePlan({ levels: [level(PUTONG, { categoryRates: [{ categoryId: 'c_x', rateBps: 1 }] })] }),
    facts: { ...facts, categoryIds: new Set() },
    code: 'commission.plan_unknown_category',
    field: 'body.levels[0].categoryRates[0].categoryId',
  },
  {
    name: 'an unknown campaign',
    plan: () => fullPlan(),
    facts: { ...facts, campaignIds: new Set(['cmp_other']) },
    code: 'commission.plan_unknown_campaign',
    field: 'body.hotProducts[0].campaignId',
  },
  {
    name: 'hot-product steps out of order',
    plan: () => {
      const p = fullPlan();
      p.hotProducts[0]?.steps.reverse();
      return p;
    },
    code: 'commission.plan_steps_out_of_order',
    field: 'body.hotProducts[0].steps[1].minUnits',
  },
  {
    name: 'a hot product listed twice',
    plan: () => {
      const p = fullPlan();
      const first = p.hotProducts[0];
      if (first) p.hotProducts.push({ ...first });
      return p;
    },
    code: 'commission.plan_duplicate',
    field: 'body.hotProducts[1].skuId',
  },
  {
    name: 'a recruit window of 0 days',
    plan: () =>
      workedExamplePlan({
        recruit: { thresholdFen: 1, withinDays: 0, bonusFen: 1, rateBps: 0, rateDays: 0 },
      }),
    code: 'commission.plan_invalid_value',
    field: 'body.recruit.withinDays',
  },
  {
    name: 'a negative recruit bonus',
    plan: () =>
      workedExamplePlan({
        recruit: { thresholdFen: 1, withinDays: 10, bonusFen: -1, rateBps: 0, rateDays: 0 },
      }),
    code: 'commission.plan_invalid_amount',
    field: 'body.recruit.bonusFen',
  },
  {
    name: 'a regional rate out of range',
    plan: () => workedExamplePlan({ regional: { rateBps: 10_001 } }),
    code: 'commission.plan_invalid_rate',
    field: 'body.regional.rateBps',
  },
  {
    name: 'an empty name',
    plan: () => workedExamplePlan({ name: '  ' }),
    code: 'commission.plan_invalid_value',
    field: 'body.name',
  },
];

describe('refusals name the field', () => {
  it.each(bad)('$name → $code at $field', ({ plan, code, field, facts: f }) => {
    const problems = problemsOf(plan(), f);
    expect(problems[0]).toEqual([code, field]);
  });

  it('reports every problem, not only the first', () => {
    const plan = workedExamplePlan({
      levels: [level(PUTONG, { directRateBps: -1 }), level('lvl_nope', { teamRateBps: 20_000 })],
    });
    expect(problemsOf(plan)).toEqual([
      ['commission.plan_invalid_rate', 'body.levels[0].directRateBps'],
      ['commission.plan_unknown_level', 'body.levels[1].levelId'],
      ['commission.plan_invalid_rate', 'body.levels[1].teamRateBps'],
    ]);
  });

  it('explains the overflow with the worst chain', () => {
    const plan = workedExamplePlan({
      levels: [level(PUTONG, { directRateBps: 9000 }), level(GOLD, { teamRateBps: 2000 })],
    });
    const [p] = validatePlan(plan, facts);
    // 90% direct + 20% differential + the next 金牌's peer bonus 10% × 20% = 112%.
    expect(p?.detail).toContain('112.00%');
    expect(p?.detail).toContain('L0 direct 90.00%');
    expect(p?.detail).toMatch(/L\d differential 20\.00% \+ L\d peer 2\.00%/);
  });

  it('allows a depth of 4 or 5 with the acknowledgement', () => {
    expect(validatePlan(workedExamplePlan({ depthCap: 5, allowDepthAboveDefault: true }), facts)).toEqual([]);
  });
});

describe('the worst case of a chain', () => {
  it('is the worked example’s plan at 10% + 7% + one peer of the larger earning', () => {
    // Candidates: L0 金牌 direct 15%, team held 7% → L1 金牌 peer 10% × 15% = 1.5% → 16.5%.
    //             L0 普通 10%, L1 金牌 7%, L2 金牌 peer 0.7% → 17.7%.
    //             L0 银牌 12%, L1 银牌 peer 1.2%, L2 金牌 3%, L3 金牌 peer 0.3% → 16.5%.
    //             L0 普通 10%, L1 银牌 4%, L2 银牌 peer 0.4%, L3 金牌 3% → 17.4%.
    // The worst: 17.7% (1,770 bps).
    const worst = worstCaseOf(workedExamplePlan());
    expect(worst.units).toBe(17_700_000);
    expect(worst.bps).toBe(1770);
    expect(worst.levelIds[0]).toBe(PUTONG);
    expect(worst.parts.map((p) => [p.label, p.units])).toEqual([
      ['direct', 10_000_000],
      ['differential', 7_000_000],
      ['peer', 700_000],
    ]);
  });

  it('counts the peer bonus of a level with a team rate of 0 when the plan turns it on', () => {
    // Only 普通 (direct 10%, team 0%) with peer 10% for three generations: 10% + 3 × 1% = 13%.
    // Without the setting a 普通 chain earns only the 10% direct.
    const plan = (peerBonus?: boolean) =>
      workedExamplePlan({
        levels: [level(PUTONG, { directRateBps: 1000, teamRateBps: 0, peerBonus })],
        team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 3 },
      });
    expect(worstCaseOf(plan(true)).bps).toBe(1300);
    expect(worstCaseOf(plan(true)).parts.map((p) => p.label)).toEqual(['direct', 'peer', 'peer', 'peer']);
    expect(worstCaseOf(plan(undefined)).bps).toBe(1000);
    expect(worstCaseOf(plan(false)).bps).toBe(1000);
  });

  it('adds every generation rate and the recruit rate', () => {
    // 15% (金牌 direct) + 5% + 3% + 2% + recruit 1% = 26%.
    const worst = worstCaseOf(
      workedExamplePlan({
        team: { mode: 'generations', generationRatesBps: [500, 300, 200] },
        recruit: { thresholdFen: 0, withinDays: 1, bonusFen: 0, rateBps: 100, rateDays: 10 },
      }),
    );
    expect(worst.bps).toBe(2600);
  });

  it('counts a category or SKU rate above the default as the level’s direct rate', () => {
    const worst = worstCaseOf(
      workedExamplePlan({
        levels: [level(PUTONG, { directRateBps: 1000, skuRates: [{ skuId: 's', rateBps: 3000 }] })],
        team: { mode: 'none' },
      }),
    );
    expect(worst.bps).toBe(3000);
    expect(worst.parts[0]?.field).toBe('body.levels[0].skuRates[0].rateBps');
  });
});
