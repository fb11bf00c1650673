import type { EvalNode } from './assess-level.js';
import type { LevelMetric, RuleCondition, RuleNode, RuleOp } from './level-rules.js';
import { isCondition, isGroupAll } from './level-rules.js';

/**
 * Rules in plain words (规则说明), Chinese and English: "上月个人完成GMV ≥ ¥10,000 且 直推团长 ≥ 3".
 * The console shows this beside the rule editor and the leader portal under "next level".
 */
export type PreviewLang = 'zh' | 'en';

/** How the assessment period is named in a sentence: 上月 / last month, or 本月 / this month. */
export interface PeriodLabel {
  zh: string;
  en: string;
}

const OP_TEXT: Record<RuleOp, string> = { '>=': '≥', '>': '>', '<': '<', '<=': '≤' };

/** ¥10,000 for whole yuan, ¥10,000.50 otherwise. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  const rest = fen % 100;
  return rest === 0 ? `¥${yuan}` : `¥${yuan}.${String(rest).padStart(2, '0')}`;
}

export function isMoneyMetric(metric: LevelMetric): boolean {
  return metric === 'ownGmvFen' || metric === 'teamGmvFen';
}

export function figureText(metric: LevelMetric, n: number): string {
  return isMoneyMetric(metric) ? yuanText(n) : n.toLocaleString('en-US');
}

/** What a condition measures, without the comparison: "上月个人完成GMV", "team GMV (3 generations) last month". */
export function metricLabel(
  c: Pick<RuleCondition, 'metric' | 'period' | 'generations' | 'activeOnly'>,
  lang: PreviewLang,
  period: PeriodLabel,
): string {
  const days = c.period?.days;
  const when =
    lang === 'zh'
      ? days === undefined
        ? period.zh
        : `近${days}天`
      : days === undefined
        ? period.en
        : `in the last ${days} days`;
  const gen = c.generations;
  switch (c.metric) {
    case 'ownGmvFen':
      return lang === 'zh' ? `${when}个人完成GMV` : `own completed GMV ${when}`;
    case 'ownOrders':
      return lang === 'zh' ? `${when}个人完成订单数` : `own completed orders ${when}`;
    case 'customers':
      return lang === 'zh' ? `${when}下单顾客数` : `distinct customers ${when}`;
    case 'teamGmvFen':
      if (lang === 'zh') return gen ? `${when}团队GMV（${gen}代内）` : `${when}团队GMV`;
      return gen ? `team GMV (${gen} generation${gen === 1 ? '' : 's'}) ${when}` : `team GMV ${when}`;
    case 'directRecruits':
      if (c.activeOnly) return lang === 'zh' ? `${when}活跃直推团长` : `active direct recruits ${when}`;
      return lang === 'zh' ? '直推团长' : 'direct recruits';
    default: {
      const unreachable: never = c.metric;
      throw new Error(`unknown metric ${String(unreachable)}`);
    }
  }
}

export function conditionText(c: RuleCondition, lang: PreviewLang, period: PeriodLabel): string {
  return `${metricLabel(c, lang, period)} ${OP_TEXT[c.op]} ${figureText(c.metric, c.value)}`;
}

/** The whole rule as one sentence; nested groups are put in parentheses. */
export function ruleText(rule: RuleNode | null, lang: PreviewLang, period: PeriodLabel): string {
  if (!rule) return lang === 'zh' ? '无（仅可手动调整）' : 'none (set by an operator only)';
  return nodeText(rule, lang, period, true);
}

function nodeText(node: RuleNode, lang: PreviewLang, period: PeriodLabel, top: boolean): string {
  if (isCondition(node)) return conditionText(node, lang, period);
  const all = isGroupAll(node);
  const children = all ? node.all : node.any;
  const joiner = lang === 'zh' ? (all ? ' 且 ' : ' 或 ') : all ? ' and ' : ' or ';
  const text = children.map((c) => nodeText(c, lang, period, false)).join(joiner);
  return top || children.length === 1 ? text : `(${text})`;
}

export function rulePreview(rule: RuleNode | null, period: PeriodLabel): { zh: string; en: string } {
  return { zh: ruleText(rule, 'zh', period), en: ruleText(rule, 'en', period) };
}

/** One line of an evaluated rule, for the level history and the leader's progress. */
export interface ExplainLine {
  depth: number;
  kind: 'all' | 'any' | 'condition';
  held: boolean;
  text: { zh: string; en: string };
  /** Conditions only: the figure seen and the target, as numbers and as text (¥ for money). */
  metric?: LevelMetric;
  actual?: number;
  target?: number;
  actualText?: string;
}

/** A condition of an evaluated tree back as a rule condition (for its words). */
export function conditionOfEval(n: Extract<EvalNode, { metric: LevelMetric }>): RuleCondition {
  return {
    metric: n.metric,
    op: n.op,
    value: n.value,
    ...(n.days === null ? {} : { period: { days: n.days } }),
    ...(n.generations === null ? {} : { generations: n.generations }),
    ...(n.activeOnly ? { activeOnly: true } : {}),
  };
}

/**
 * Flattens an evaluated rule into lines a person reads top to bottom: groups say "all of" / "any
 * of", each condition says what was measured, the target and the figure seen, and whether it held.
 */
export function explainLines(ev: EvalNode, period: PeriodLabel, depth = 0): ExplainLine[] {
  if ('metric' in ev) {
    const c = conditionOfEval(ev);
    return [
      {
        depth,
        kind: 'condition',
        held: ev.held,
        text: { zh: conditionText(c, 'zh', period), en: conditionText(c, 'en', period) },
        metric: ev.metric,
        actual: ev.actual,
        target: ev.value,
        actualText: figureText(ev.metric, ev.actual),
      },
    ];
  }
  const all = 'all' in ev;
  const children = all ? ev.all : ev.any;
  const head: ExplainLine = {
    depth,
    kind: all ? 'all' : 'any',
    held: ev.held,
    text: all ? { zh: '同时满足以下条件', en: 'all of' } : { zh: '满足以下任一条件', en: 'any of' },
  };
  return [head, ...children.flatMap((c) => explainLines(c, period, depth + 1))];
}
