import type { EvalNode } from './assess-level.js';
import type { LevelMetric } from './level-rules.js';
import { conditionOfEval, figureText, metricLabel, type PeriodLabel } from './rule-preview.js';

/**
 * Whether a leader keeps their level (保级), read off their current level's downgrade rule. The
 * downgrade rule says when a leader drops ("本月个人完成GMV < ¥5,000"), so a leader is on track to
 * keep the level exactly when that rule does NOT hold; what they still need is, for the conditions
 * that do hold, how far each figure must move so the rule stops holding.
 */

export interface KeepShortfall {
  metric: LevelMetric;
  /** What is measured, in words: "本月个人完成GMV". */
  label: { zh: string; en: string };
  /** `atLeast`: the figure must reach `need`; `atMost`: it must stay at or below `need`. */
  direction: 'atLeast' | 'atMost';
  have: number;
  need: number;
  /** How far the figure is from `need` (always > 0 for a listed shortfall). */
  short: number;
  haveText: string;
  needText: string;
  shortText: string;
}

export interface KeepProgress {
  /** True when the figures so far keep the level (the downgrade rule does not hold). */
  onTrack: boolean;
  /** The least the leader must still do to keep it; empty when on track. */
  missing: KeepShortfall[];
}

type ConditionEval = Extract<EvalNode, { metric: LevelMetric }>;

/** The opposite of a held downgrade condition, as a target: `< 5000` held means "reach 5000". */
function shortfallOf(n: ConditionEval, period: PeriodLabel): KeepShortfall {
  // Figures are whole numbers (fen, counts), so "more than v" is "at least v + 1".
  const [direction, need] = (() => {
    switch (n.op) {
      case '<':
        return ['atLeast', n.value] as const;
      case '<=':
        return ['atLeast', n.value + 1] as const;
      case '>=':
        return ['atMost', n.value - 1] as const;
      case '>':
        return ['atMost', n.value] as const;
      default: {
        const unreachable: never = n.op;
        throw new Error(`unknown operator ${String(unreachable)}`);
      }
    }
  })();
  const short = direction === 'atLeast' ? need - n.actual : n.actual - need;
  const c = conditionOfEval(n);
  return {
    metric: n.metric,
    label: { zh: metricLabel(c, 'zh', period), en: metricLabel(c, 'en', period) },
    direction,
    have: n.actual,
    need,
    short,
    haveText: figureText(n.metric, n.actual),
    needText: figureText(n.metric, need),
    shortText: figureText(n.metric, short),
  };
}

/**
 * What must change so an evaluated downgrade node stops holding: nothing when it does not hold; for
 * a condition, its shortfall; for "all of", breaking one child is enough (the one needing fewest
 * changes); for "any of", every child that holds must be broken.
 */
function toBreak(ev: EvalNode, period: PeriodLabel): KeepShortfall[] {
  if (!ev.held) return [];
  if ('metric' in ev) return [shortfallOf(ev, period)];
  if ('all' in ev) {
    let best: KeepShortfall[] | null = null;
    for (const child of ev.all) {
      const need = toBreak(child, period);
      if (best === null || need.length < best.length) best = need;
    }
    return best ?? [];
  }
  return ev.any.flatMap((child) => toBreak(child, period));
}

/** The keep-level reading of an evaluated downgrade rule (see the file comment). */
export function keepProgress(downgrade: EvalNode, period: PeriodLabel): KeepProgress {
  return { onTrack: !downgrade.held, missing: toBreak(downgrade, period) };
}
