import { COMMISSION_RULES, type CommissionRule, LINE_RULES } from '../domain/entries.js';
import { type PlanCost, percentOfGmv, type SimulationTotals } from './simulate.js';

/**
 * The simulation's answer from its sums: each plan's total, its share of GMV, per rule and per
 * level, the top earners under the draft, and the draft's difference from the baseline (the active
 * plan) on every figure. Pure; names are looked up by the caller.
 */

export interface RuleRow {
  rule: CommissionRule;
  /** Period rules are estimates from the range's lines (see simulate.ts). */
  estimated: boolean;
  draftFen: number;
  baselineFen: number;
  diffFen: number;
  draftEntries: number;
}

export interface LevelRow {
  levelId: string | null;
  draftFen: number;
  baselineFen: number;
  diffFen: number;
}

export interface EarnerRow {
  /** A leader id, or `user:<id>` for a region manager's share that has no leader account. */
  leaderId: string;
  draftFen: number;
  baselineFen: number;
  diffFen: number;
  draftEntries: number;
}

export interface SimulationReport {
  totals: SimulationTotals;
  hasBaseline: boolean;
  draft: { totalFen: number; lineFen: number; periodFen: number; percentOfGmv: number };
  baseline: { totalFen: number; lineFen: number; periodFen: number; percentOfGmv: number };
  diff: { totalFen: number; lineFen: number; periodFen: number; percentOfGmv: number };
  byRule: RuleRow[];
  byLevel: LevelRow[];
  topEarners: EarnerRow[];
}

const LINE = new Set<string>(LINE_RULES);

const zeroCost = (): PlanCost => ({
  totalFen: 0,
  lineFen: 0,
  periodFen: 0,
  byRule: Object.fromEntries(
    COMMISSION_RULES.map((r) => [r, { amountFen: 0, entries: 0 }]),
  ) as PlanCost['byRule'],
  byLevel: new Map(),
  byLeader: new Map(),
});

/**
 * Builds the report. `levelRank` orders the per-level rows as the ladder does (unknown levels and
 * "no level" last); `top` is how many earners to list.
 */
export function simulationReport(
  totals: SimulationTotals,
  draft: PlanCost,
  baselineIn: PlanCost | null,
  levelRank: (levelId: string | null) => number,
  top = 20,
): SimulationReport {
  const baseline = baselineIn ?? zeroCost();
  const summary = (c: PlanCost) => ({
    totalFen: c.totalFen,
    lineFen: c.lineFen,
    periodFen: c.periodFen,
    percentOfGmv: percentOfGmv(c.totalFen, totals.gmvFen),
  });
  const d = summary(draft);
  const b = summary(baseline);
  const byRule: RuleRow[] = COMMISSION_RULES.map((rule) => ({
    rule,
    estimated: !LINE.has(rule),
    draftFen: draft.byRule[rule].amountFen,
    baselineFen: baseline.byRule[rule].amountFen,
    diffFen: draft.byRule[rule].amountFen - baseline.byRule[rule].amountFen,
    draftEntries: draft.byRule[rule].entries,
  }));
  const levelIds = new Set<string | null>([...draft.byLevel.keys(), ...baseline.byLevel.keys()]);
  const byLevel: LevelRow[] = [...levelIds]
    .map((levelId) => {
      const df = draft.byLevel.get(levelId)?.amountFen ?? 0;
      const bf = baseline.byLevel.get(levelId)?.amountFen ?? 0;
      return { levelId, draftFen: df, baselineFen: bf, diffFen: df - bf };
    })
    .sort(
      (x, y) =>
        levelRank(x.levelId) - levelRank(y.levelId) || String(x.levelId).localeCompare(String(y.levelId)),
    );
  const topEarners: EarnerRow[] = [...draft.byLeader.entries()]
    .sort(([ia, a], [ib, b2]) => b2.amountFen - a.amountFen || (ia < ib ? -1 : 1))
    .slice(0, top)
    .map(([leaderId, bucket]) => {
      const bf = baseline.byLeader.get(leaderId)?.amountFen ?? 0;
      return {
        leaderId,
        draftFen: bucket.amountFen,
        baselineFen: bf,
        diffFen: bucket.amountFen - bf,
        draftEntries: bucket.entries,
      };
    });
  return {
    totals,
    hasBaseline: baselineIn !== null,
    draft: d,
    baseline: b,
    diff: {
      totalFen: d.totalFen - b.totalFen,
      lineFen: d.lineFen - b.lineFen,
      periodFen: d.periodFen - b.periodFen,
      percentOfGmv: Math.round((d.percentOfGmv - b.percentOfGmv) * 100) / 100,
    },
    byRule,
    byLevel,
    topEarners,
  };
}
