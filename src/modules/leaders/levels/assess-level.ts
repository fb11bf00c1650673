import {
  isCondition,
  isGroupAll,
  type LevelMetric,
  metricSpecOf,
  type RuleNode,
  type RuleOp,
} from './level-rules.js';

/**
 * Evaluating rules and deciding a leader's new level (升降级判定), as plain functions of values: the
 * assessment job computes every leader's figures with a few set-based queries, then calls these in
 * memory. Nothing here reads the database or the clock.
 */

/** A leader's figures, by metric key (see `metricSpecOf`); a figure not present counts as 0. */
export type MetricValues = (key: string) => number;

/** The evaluated tree: each node says whether it held, each condition also the figure it saw. */
export type EvalNode =
  | { all: EvalNode[]; held: boolean }
  | { any: EvalNode[]; held: boolean }
  | {
      metric: LevelMetric;
      op: RuleOp;
      value: number;
      days: number | null;
      generations: number | null;
      activeOnly: boolean;
      actual: number;
      held: boolean;
    };

export function compare(actual: number, op: RuleOp, value: number): boolean {
  switch (op) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    default: {
      const unreachable: never = op;
      throw new Error(`unknown operator ${String(unreachable)}`);
    }
  }
}

/** Evaluates every node (no short-circuit), so the explanation shows every figure. */
export function evaluateRule(rule: RuleNode, values: MetricValues): EvalNode {
  if (isCondition(rule)) {
    const spec = metricSpecOf(rule);
    const actual = values(spec.key);
    return {
      metric: rule.metric,
      op: rule.op,
      value: rule.value,
      days: spec.days,
      generations: spec.generations,
      activeOnly: spec.activeOnly,
      actual,
      held: compare(actual, rule.op, rule.value),
    };
  }
  if (isGroupAll(rule)) {
    const all = rule.all.map((r) => evaluateRule(r, values));
    return { all, held: all.every((n) => n.held) };
  }
  const branches = rule.any.map((r) => evaluateRule(r, values));
  return { any: branches, held: branches.some((n) => n.held) };
}

/** Whether a rule holds, without building the explanation: the job's hot loop. */
export function ruleHolds(rule: RuleNode, values: MetricValues): boolean {
  if (isCondition(rule)) return compare(values(metricSpecOf(rule).key), rule.op, rule.value);
  if (isGroupAll(rule)) return rule.all.every((r) => ruleHolds(r, values));
  return rule.any.some((r) => ruleHolds(r, values));
}

/** One rung of the ladder as the decision sees it (active levels only). */
export interface LadderRung {
  id: string;
  rank: number;
  upgrade: RuleNode | null;
  downgrade: RuleNode | null;
}

export interface LevelDecision {
  fromLevelId: string | null;
  toLevelId: string | null;
  direction: 'up' | 'down' | 'same';
  /** The rule that decided a change: the target's upgrade rule, or the current level's downgrade rule. */
  because: { rule: 'upgrade' | 'downgrade' | 'initial'; levelId: string; evaluation: EvalNode | null } | null;
}

/** The ladder from the lowest rank up; the decision relies on this order. */
export function sortLadder<T extends { rank: number }>(ladder: readonly T[]): T[] {
  return [...ladder].sort((a, b) => a.rank - b.rank);
}

/**
 * Decides a leader's level after an assessment.
 * - Upgrade: the highest level above the current one whose upgrade rule holds; ranks in between are
 *   skipped, whether or not their own rules hold (a leader who meets 金牌 goes straight there).
 * - Otherwise downgrade: when the current level's downgrade rule holds, one rank down, never more.
 * - A level without an upgrade rule is reached only by an override; without a downgrade rule it is
 *   never left by assessment.
 * - A leader with no level (or one no longer on the ladder) starts from the lowest rank.
 * `ladder` must hold the active levels sorted by rank (`sortLadder`).
 */
export function decideLevel(
  ladder: readonly LadderRung[],
  currentLevelId: string | null,
  values: MetricValues,
  opts: { explain?: boolean } = {},
): LevelDecision {
  const explain = opts.explain !== false;
  const lowest = ladder[0];
  if (!lowest)
    return { fromLevelId: currentLevelId, toLevelId: currentLevelId, direction: 'same', because: null };
  let index = currentLevelId === null ? -1 : ladder.findIndex((r) => r.id === currentLevelId);
  const placed = index >= 0;
  if (!placed) index = 0;
  for (let i = ladder.length - 1; i > index; i -= 1) {
    const rung = ladder[i];
    if (rung?.upgrade && ruleHolds(rung.upgrade, values)) {
      return {
        fromLevelId: currentLevelId,
        toLevelId: rung.id,
        direction: 'up',
        because: {
          rule: 'upgrade',
          levelId: rung.id,
          evaluation: explain ? evaluateRule(rung.upgrade, values) : null,
        },
      };
    }
  }
  if (!placed) {
    return {
      fromLevelId: currentLevelId,
      toLevelId: lowest.id,
      direction: 'up',
      because: { rule: 'initial', levelId: lowest.id, evaluation: null },
    };
  }
  const current = ladder[index];
  const below = ladder[index - 1];
  if (current?.downgrade && below && ruleHolds(current.downgrade, values)) {
    return {
      fromLevelId: current.id,
      toLevelId: below.id,
      direction: 'down',
      because: {
        rule: 'downgrade',
        levelId: current.id,
        evaluation: explain ? evaluateRule(current.downgrade, values) : null,
      },
    };
  }
  return { fromLevelId: currentLevelId, toLevelId: currentLevelId, direction: 'same', because: null };
}
