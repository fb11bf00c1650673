import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainLink, type CommissionLine, computeLine } from './compute-line.js';
import { computeRegionalDividend, computeTiered } from './period-rules.js';
import type { PlanDocument, PlanLevel, TeamRule } from './plan.js';
import { validatePlan } from './plan-validation.js';
import { initialVoidState, type LineRefund, voidFraction } from './void-fraction.js';
import { worstCaseFits, worstCaseOf } from './worst-case.js';

/**
 * Property-based tests of the engine over random plans (valid by construction), chains and lines.
 * A plan is valid by construction because its rates stay inside a budget whose crude bound is below
 * 100%: direct ≤ 40%, team ≤ 30%, peer ≤ 20% of at most 40% on each of at most 5 uplines (8%),
 * generations ≤ 10% each (≤ 50%), recruit ≤ 5%: 40 + 30 + 8 + 5 = 83% and 40 + 50 + 5 = 95%.
 */

const POOL = ['lv_a', 'lv_b', 'lv_c', 'lv_d', 'lv_e'];
const SKUS = ['sku_1', 'sku_2', 'sku_3'];
const CATEGORIES = ['cat_1', 'cat_2'];

const rate = (max: number) => fc.integer({ min: 0, max });

const levelArb = (levelId: string, withOverrides: boolean): fc.Arbitrary<PlanLevel> =>
  fc.record({
    levelId: fc.constant(levelId),
    directRateBps: rate(4000),
    // A team rate of 0 often, so the peer bonus of levels without a team rate is exercised.
    teamRateBps: fc.oneof(fc.constant(0), rate(3000)),
    // Absent (a plan saved before the setting: derived from the team rate), on or off.
    peerBonus: fc.option(fc.boolean(), { nil: undefined }),
    categoryRates: withOverrides
      ? fc
          .subarray(CATEGORIES)
          .chain((ids) =>
            fc.tuple(
              ...ids.map((categoryId) =>
                fc.record({ categoryId: fc.constant(categoryId), rateBps: rate(4000) }),
              ),
            ),
          )
      : fc.constant([]),
    skuRates: withOverrides
      ? fc
          .subarray(SKUS)
          .chain((ids) =>
            fc.tuple(...ids.map((skuId) => fc.record({ skuId: fc.constant(skuId), rateBps: rate(4000) }))),
          )
      : fc.constant([]),
    skuFixed: withOverrides
      ? fc
          .subarray(SKUS)
          .chain((ids) =>
            fc.tuple(
              ...ids.map((skuId) =>
                fc.record({ skuId: fc.constant(skuId), perUnitFen: fc.integer({ min: 0, max: 5000 }) }),
              ),
            ),
          )
      : fc.constant([]),
  });

function planArb(
  opts: { overrides?: boolean; maxLevels?: number; maxDepth?: number } = {},
): fc.Arbitrary<PlanDocument> {
  const maxDepth = opts.maxDepth ?? 5;
  return fc
    .record({
      levelIds: fc.shuffledSubarray(POOL, { minLength: 1, maxLength: opts.maxLevels ?? POOL.length }),
      depthCap: fc.integer({ min: 0, max: maxDepth }),
      selfPurchaseEarnsDirect: fc.boolean(),
      teamKind: fc.constantFrom('none', 'differential', 'generations'),
      peerRateBps: rate(2000),
      peerGenerationsSeed: fc.nat(),
      generationRates: fc.array(rate(1000), { maxLength: 5 }),
      recruit: fc.option(
        fc.record({
          thresholdFen: fc.integer({ min: 0, max: 1_000_000 }),
          withinDays: fc.integer({ min: 1, max: 90 }),
          bonusFen: fc.integer({ min: 0, max: 100_000 }),
          rateBps: rate(500),
          rateDays: fc.integer({ min: 0, max: 90 }),
        }),
      ),
      tiered: fc.option(
        fc.record({
          mode: fc.constantFrom('whole' as const, 'marginal' as const),
          steps: fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 5 }),
          rates: fc.array(rate(3000), { minLength: 6, maxLength: 6 }),
        }),
      ),
      regional: fc.option(fc.record({ rateBps: rate(1000) })),
    })
    .chain((r) =>
      fc
        .tuple(...r.levelIds.map((id) => levelArb(id, opts.overrides ?? false)))
        .map((levels): PlanDocument => {
          const team: TeamRule =
            r.teamKind === 'differential'
              ? {
                  mode: 'differential',
                  peerRateBps: r.peerRateBps,
                  peerGenerations: r.peerGenerationsSeed % (r.depthCap + 1),
                }
              : r.teamKind === 'generations'
                ? { mode: 'generations', generationRatesBps: r.generationRates.slice(0, r.depthCap) }
                : { mode: 'none' };
          const froms = [0, ...[...(r.tiered?.steps ?? [])].sort((a, b) => a - b)];
          return {
            name: 'random',
            depthCap: r.depthCap,
            allowDepthAboveDefault: r.depthCap > 3,
            selfPurchaseEarnsDirect: r.selfPurchaseEarnsDirect,
            levels,
            team,
            recruit: r.recruit,
            tiered: r.tiered
              ? {
                  mode: r.tiered.mode,
                  tiers: froms.map((fromFen, i) => ({ fromFen, rateBps: r.tiered?.rates[i] ?? 0 })),
                }
              : null,
            regional: r.regional,
            hotProducts: [],
          };
        }),
    );
}

const APPROVED = Date.parse('2026-03-01T00:00:00.000Z');

function chainArb(maxLength = 7): fc.Arbitrary<ChainLink[]> {
  return fc
    .array(fc.option(fc.constantFrom(...POOL, 'lv_unlisted'), { nil: null }), { minLength: 0, maxLength })
    .chain((levels) =>
      fc.integer({ min: 0, max: 60 }).map((daysAgo) =>
        levels.map((levelId, depth) => ({
          leaderId: `ldr_${depth}`,
          levelId,
          depth,
          approvedAt: depth === 0 ? new Date(APPROVED + daysAgo * 86_400_000).toISOString() : null,
        })),
      ),
    );
}

const lineArb: fc.Arbitrary<CommissionLine> = fc.record({
  orderLineId: fc.constant('oln_p'),
  orderId: fc.constant('ord_p'),
  skuId: fc.constantFrom(...SKUS, 'sku_other'),
  categoryId: fc.option(fc.constantFrom(...CATEGORIES, 'cat_other'), { nil: null }),
  quantity: fc.integer({ min: 1, max: 50 }),
  baseFen: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100_000_000 })),
  selfPurchase: fc.boolean(),
  paidAt: fc.integer({ min: 0, max: 90 }).map((d) => new Date(APPROVED + d * 86_400_000).toISOString()),
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('line engine properties', () => {
  it('no entry is negative or zero, and the entries never pass the base', () => {
    fc.assert(
      fc.property(planArb({ overrides: true }), lineArb, chainArb(), (plan, line, chain) => {
        const entries = computeLine(plan, line, chain);
        for (const e of entries) {
          expect(Number.isSafeInteger(e.amountFen)).toBe(true);
          expect(e.amountFen).toBeGreaterThan(0);
        }
        expect(sum(entries.map((e) => e.amountFen))).toBeLessThanOrEqual(line.baseFen);
      }),
      { numRuns: 500 },
    );
  });

  it('never passes the base even for plans validation would refuse (rates up to 100% each)', () => {
    const wild = planArb({ overrides: true }).map((p) => ({
      ...p,
      levels: p.levels.map((l) => ({
        ...l,
        directRateBps: Math.min(10_000, l.directRateBps * 3),
        teamRateBps: Math.min(10_000, l.teamRateBps * 3),
      })),
      team: p.team.mode === 'differential' ? { ...p.team, peerRateBps: 10_000 } : p.team,
    }));
    fc.assert(
      fc.property(wild, lineArb, chainArb(), (plan, line, chain) => {
        const entries = computeLine(plan, line, chain);
        expect(sum(entries.map((e) => e.amountFen))).toBeLessThanOrEqual(line.baseFen);
        for (const e of entries) expect(e.amountFen).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same entries, whatever the chain’s order', () => {
    fc.assert(
      fc.property(planArb({ overrides: true }), lineArb, chainArb(), fc.nat(), (plan, line, chain, seed) => {
        const a = computeLine(plan, line, chain);
        const shuffled = [...chain].sort(
          (x, y) => ((x.depth * 7919 + seed) % 13) - ((y.depth * 7919 + seed) % 13),
        );
        const b = computeLine(structuredClone(plan), { ...line }, shuffled);
        expect(b).toEqual(a);
        const keys = a.map((e) => e.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of a)
          expect(e.key).toBe(`line:${line.orderLineId}:${e.rule}:${e.chainPosition}:${e.beneficiaryId}`);
      }),
      { numRuns: 300 },
    );
  });

  it('the worst case really is the worst: it equals the most any chain earns (brute force)', () => {
    // With a base of 10^8 fen every rate and every rate of a rate is a whole number of fen, so the
    // entries are exact and their sum, in fen, equals the worst case's units (bps × 10,000).
    const base = 100_000_000;
    fc.assert(
      fc.property(planArb({ maxLevels: 3, maxDepth: 3 }), (plan) => {
        const choices = [...plan.levels.map((l) => l.levelId), null];
        let max = 0;
        const walk = (levels: (string | null)[]) => {
          if (levels.length === plan.depthCap + 1) {
            const chain = levels.map((levelId, depth) => ({
              leaderId: `ldr_${depth}`,
              levelId,
              depth,
              approvedAt: '2026-03-01T00:00:00.000Z',
            }));
            const line = {
              orderLineId: 'x',
              orderId: 'y',
              skuId: 'sku_none',
              categoryId: null,
              quantity: 1,
              baseFen: base,
              selfPurchase: false,
              paidAt: '2026-03-01T00:00:00.000Z',
            };
            max = Math.max(max, sum(computeLine(plan, line, chain).map((e) => e.amountFen)));
            return;
          }
          for (const c of choices) walk([...levels, c]);
        };
        walk([]);
        // A depth-0 plan still pays the recruit rate to L1, which the walk above leaves out.
        const recruitOnly =
          plan.depthCap === 0 && plan.recruit && plan.recruit.rateDays > 0
            ? plan.recruit.rateBps * 10_000
            : 0;
        expect(max + recruitOnly).toBe(worstCaseOf(plan).units);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the per-level peer bonus setting (平级奖)', () => {
  it('a plan without the setting computes exactly as with the derived setting written out', () => {
    fc.assert(
      fc.property(planArb({ overrides: true }), lineArb, chainArb(), (plan, line, chain) => {
        const old: PlanDocument = {
          ...plan,
          levels: plan.levels.map(({ peerBonus: _dropped, ...l }) => l),
        };
        const explicit: PlanDocument = {
          ...plan,
          levels: old.levels.map((l) => ({ ...l, peerBonus: l.teamRateBps > 0 })),
        };
        expect(computeLine(explicit, line, chain)).toEqual(computeLine(old, line, chain));
        expect(worstCaseOf(explicit).units).toBe(worstCaseOf(old).units);
      }),
      { numRuns: 300 },
    );
  });

  it('a peer bonus goes only to a level that earns it', () => {
    fc.assert(
      fc.property(planArb({ overrides: true }), lineArb, chainArb(), (plan, line, chain) => {
        const byId = new Map(plan.levels.map((l) => [l.levelId, l]));
        for (const e of computeLine(plan, line, chain)) {
          if (e.explanation.rule !== 'peer') continue;
          const levelId = e.explanation.levelId;
          const row = levelId === null ? undefined : byId.get(levelId);
          expect(row?.peerBonus ?? (row?.teamRateBps ?? 0) > 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('plan validation properties', () => {
  const facts = { levelIds: new Set(POOL) };

  it('accepts every generated valid plan', () => {
    fc.assert(
      fc.property(planArb({ overrides: true }), (plan) => {
        // The generator keeps every rate in range but cannot make every combination fit under 100%
        // of the base (deep chains of large team and peer rates); whether the overflow check is
        // exact is the brute-force property above. Here: nothing else is ever refused.
        fc.pre(worstCaseFits(worstCaseOf(plan)));
        expect(validatePlan(plan, facts)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  type Mutation = { field: string; apply: (p: PlanDocument) => void };
  const mutations = (p: PlanDocument): fc.Arbitrary<Mutation> => {
    const options: fc.Arbitrary<Mutation>[] = [
      fc
        .record({
          i: fc.nat(p.levels.length - 1),
          v: fc.oneof(fc.integer({ min: 10_001, max: 1e6 }), fc.integer({ min: -1e6, max: -1 })),
        })
        .map(({ i, v }) => ({
          field: `body.levels[${i}].directRateBps`,
          apply: (q) => {
            (q.levels[i] as PlanLevel).directRateBps = v;
          },
        })),
      fc.nat(p.levels.length - 1).map((i) => ({
        field: `body.levels[${i}].levelId`,
        apply: (q) => {
          (q.levels[i] as PlanLevel).levelId = 'lv_unknown';
        },
      })),
      fc.constant({
        field: 'body.depthCap',
        apply: (q) => {
          q.depthCap = 4;
          q.allowDepthAboveDefault = false;
        },
      }),
      // Every level's direct rate at 100% and a recruit rate on top: the chain passes 100%.
      fc.integer({ min: 1, max: 10_000 }).map((recruitBps) => ({
        field: 'overflow',
        apply: (q) => {
          for (const l of q.levels) l.directRateBps = 10_000;
          q.recruit = { thresholdFen: 0, withinDays: 1, bonusFen: 0, rateBps: recruitBps, rateDays: 1 };
        },
      })),
    ];
    if (p.tiered && p.tiered.tiers.length >= 2) {
      const n = p.tiered.tiers.length;
      options.push(
        fc.integer({ min: 1, max: n - 1 }).map((i) => ({
          field: `body.tiered.tiers[${i}].fromFen`,
          apply: (q) => {
            const tiers = q.tiered?.tiers ?? [];
            (tiers[i] as { fromFen: number }).fromFen = tiers[i - 1]?.fromFen ?? 0;
          },
        })),
      );
    }
    if (p.tiered) {
      options.push(
        fc.constant({
          field: 'body.tiered.tiers[0].fromFen',
          apply: (q) => {
            const first = q.tiered?.tiers[0];
            if (first) first.fromFen = 1;
          },
        }),
      );
    }
    return fc.oneof(...options);
  };

  it('refuses mutated plans, naming the mutated field', () => {
    fc.assert(
      fc.property(
        planArb({ overrides: true }).chain((p) => fc.tuple(fc.constant(p), mutations(p))),
        ([plan, mutation]) => {
          const bad = structuredClone(plan);
          mutation.apply(bad);
          const problems = validatePlan(bad, facts);
          expect(problems.length).toBeGreaterThan(0);
          if (mutation.field === 'overflow')
            expect(problems.map((x) => x.code)).toContain('commission.plan_rates_overflow');
          else expect(problems.map((x) => x.field)).toContain(mutation.field);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('period rule properties', () => {
  it('dividend parts sum to the pool, none negative, whatever the managers’ order', () => {
    fc.assert(
      fc.property(
        rate(10_000),
        fc.integer({ min: 0, max: 1e13 }),
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }),
            weight: fc.integer({ min: 1, max: 1e6 }),
          }),
          {
            selector: (m) => m.id,
            maxLength: 12,
          },
        ),
        (rateBps, gmv, managers) => {
          const plan = { regional: { rateBps } } as PlanDocument;
          const r = computeRegionalDividend(plan, gmv, managers);
          expect(sum(r.parts.map((p) => p.amountFen)) + r.undistributedFen).toBe(r.poolFen);
          for (const p of r.parts) expect(p.amountFen).toBeGreaterThanOrEqual(0);
          expect(computeRegionalDividend(plan, gmv, [...managers].reverse())).toEqual(r);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('marginal tiered commission never falls as the month grows', () => {
    fc.assert(
      fc.property(
        planArb(),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e8 }),
        (plan, gmv, more) => {
          if (!plan.tiered) return;
          const marginal = { ...plan, tiered: { ...plan.tiered, mode: 'marginal' as const } };
          expect(computeTiered(marginal, gmv + more).amountFen).toBeGreaterThanOrEqual(
            computeTiered(marginal, gmv).amountFen,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('void properties', () => {
  /** Splits `total` into 1 … 6 positive parts that sum to it. */
  const splits = (total: number) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, total - 1) }), {
        maxLength: Math.min(5, Math.max(0, total - 1)),
      })
      .map((cuts) => {
        const points = [0, ...cuts.filter((c) => c < total).sort((a, b) => a - b), total];
        return points.slice(1).map((p, i) => p - (points[i] ?? 0));
      });

  it('partial refunds that sum to the whole line void exactly the entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.boolean(),
        fc.nat(),
        (amountFen, qty, lineFen, byQty, seed) => {
          const total = byQty ? qty : lineFen;
          const parts = fc.sample(splits(total), { numRuns: 1, seed })[0] ?? [total];
          let state = initialVoidState(amountFen, qty, lineFen);
          let voided = 0;
          for (const part of parts) {
            const refund: LineRefund = byQty ? { quantity: part } : { amountFen: part };
            const { voidFen, next } = voidFraction(state, refund);
            expect(voidFen).toBeGreaterThanOrEqual(0);
            expect(next.remainingFen).toBeGreaterThanOrEqual(0);
            voided += voidFen;
            state = next;
          }
          expect(voided).toBe(amountFen);
          expect(state.remainingFen).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mixed unit and money refunds never void more than the entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 8 }),
        (amountFen, qty, lineFen, steps) => {
          let state = initialVoidState(amountFen, qty, lineFen);
          let voided = 0;
          for (const [byQty, share] of steps) {
            const refund: LineRefund = byQty
              ? { quantity: Math.floor(share * state.remainingQty) }
              : { amountFen: Math.floor(share * state.remainingLineFen) };
            const r = voidFraction(state, refund);
            voided += r.voidFen;
            state = r.next;
          }
          expect(voided + state.remainingFen).toBe(amountFen);
          expect(state.remainingFen).toBeGreaterThanOrEqual(0);
          // Refunding whatever is left voids what is left.
          if (state.remainingLineFen > 0) {
            const last = voidFraction(state, { amountFen: state.remainingLineFen });
            expect(voided + last.voidFen).toBe(amountFen);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
