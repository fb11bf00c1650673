/**
 * Level rules (升降级规则) as plain values. A rule is a tree: `{ all: [...] }` holds when every child
 * holds, `{ any: [...] }` when at least one does, and a condition compares one metric of the leader
 * with a number. This file defines the shapes and validates untrusted input into them; nothing here
 * reads the database.
 */

/** What a condition can measure. Money is fen, counts are whole numbers. */
export const LEVEL_METRICS = ['ownGmvFen', 'ownOrders', 'customers', 'teamGmvFen', 'directRecruits'] as const;
export type LevelMetric = (typeof LEVEL_METRICS)[number];

export const RULE_OPS = ['>=', '>', '<', '<='] as const;
export type RuleOp = (typeof RULE_OPS)[number];

/**
 * The window a condition measures: absent means the assessment period (by default the last
 * calendar month); `{ days: N }` the N days that end with the assessment period's last day.
 */
export interface RulePeriod {
  days: number;
}

export interface RuleCondition {
  metric: LevelMetric;
  op: RuleOp;
  value: number;
  period?: RulePeriod;
  /** teamGmvFen only: count descendants up to this many generations down (absent: all). */
  generations?: number;
  /** directRecruits only: count only recruits with at least one completed order in the period. */
  activeOnly?: boolean;
}

export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | RuleCondition;

export const MAX_RULE_DEPTH = 5;
export const MAX_GROUP_SIZE = 20;
export const MAX_CONDITIONS = 50;
export const MAX_PERIOD_DAYS = 366;
export const MAX_GENERATIONS = 20;
/** ¥10 billion in fen, far above any leader's figures, and well inside the safe integer range. */
export const MAX_RULE_VALUE = 1_000_000_000_000;

export type RuleProblemCode =
  | 'leader_levels.rule_shape'
  | 'leader_levels.rule_unknown_metric'
  | 'leader_levels.rule_bad_operator'
  | 'leader_levels.rule_bad_value'
  | 'leader_levels.rule_empty_group'
  | 'leader_levels.rule_bad_period'
  | 'leader_levels.rule_bad_generations'
  | 'leader_levels.rule_too_large';

/** Why a rule was refused, and the request field at fault (`body.upgrade.all[1].metric`). */
export interface RuleProblem {
  code: RuleProblemCode;
  field: string;
  detail: string;
}

export type RuleParse = { ok: true; rule: RuleNode } | { ok: false; problem: RuleProblem };

export function isGroupAll(node: RuleNode): node is { all: RuleNode[] } {
  return 'all' in node;
}

export function isGroupAny(node: RuleNode): node is { any: RuleNode[] } {
  return 'any' in node;
}

export function isCondition(node: RuleNode): node is RuleCondition {
  return 'metric' in node;
}

class Refused extends Error {
  constructor(readonly problem: RuleProblem) {
    super(problem.detail);
  }
}

function refuse(code: RuleProblemCode, field: string, detail: string): never {
  throw new Refused({ code, field, detail });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const CONDITION_KEYS = new Set(['metric', 'op', 'value', 'period', 'generations', 'activeOnly']);

/**
 * Validates an untrusted rule (a JSON value from a request) at `path` and returns it in canonical
 * form (no unknown keys, optional keys only when they say something), or the first problem found.
 * Pure: the caller turns a problem into a 400 before anything is written.
 */
export function parseRule(raw: unknown, path: string): RuleParse {
  const counter = { conditions: 0 };
  try {
    return { ok: true, rule: parseNode(raw, path, 1, counter) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problem: err.problem };
    throw err;
  }
}

function parseNode(raw: unknown, path: string, depth: number, counter: { conditions: number }): RuleNode {
  if (!isPlainObject(raw))
    refuse('leader_levels.rule_shape', path, `${path} must be an object: { all }, { any } or a condition`);
  if (depth > MAX_RULE_DEPTH)
    refuse('leader_levels.rule_too_large', path, `rules nest at most ${MAX_RULE_DEPTH} levels deep`);
  const keys = Object.keys(raw);
  if ('all' in raw || 'any' in raw) {
    const kind = 'all' in raw ? 'all' : 'any';
    const extra = keys.find((k) => k !== kind);
    if (extra !== undefined)
      refuse(
        'leader_levels.rule_shape',
        `${path}.${extra}`,
        `a { ${kind} } group has no other property (found "${extra}")`,
      );
    const list = raw[kind];
    const at = `${path}.${kind}`;
    if (!Array.isArray(list)) refuse('leader_levels.rule_shape', at, `${at} must be a list of conditions`);
    if (list.length === 0)
      refuse('leader_levels.rule_empty_group', at, `${at} is empty: give at least one condition`);
    if (list.length > MAX_GROUP_SIZE)
      refuse('leader_levels.rule_too_large', at, `${at} has more than ${MAX_GROUP_SIZE} entries`);
    const children = list.map((child, i) => parseNode(child, `${at}[${i}]`, depth + 1, counter));
    return kind === 'all' ? { all: children } : { any: children };
  }
  if (!('metric' in raw))
    refuse(
      'leader_levels.rule_shape',
      path,
      `${path} must be { all: [...] }, { any: [...] } or a condition with metric, op and value`,
    );
  counter.conditions += 1;
  if (counter.conditions > MAX_CONDITIONS)
    refuse('leader_levels.rule_too_large', path, `a rule has at most ${MAX_CONDITIONS} conditions`);
  return parseCondition(raw, path, keys);
}

function parseCondition(raw: Record<string, unknown>, path: string, keys: string[]): RuleCondition {
  const extra = keys.find((k) => !CONDITION_KEYS.has(k));
  if (extra !== undefined)
    refuse('leader_levels.rule_shape', `${path}.${extra}`, `a condition has no property "${extra}"`);
  const metric = raw.metric;
  if (typeof metric !== 'string' || !(LEVEL_METRICS as readonly string[]).includes(metric))
    refuse(
      'leader_levels.rule_unknown_metric',
      `${path}.metric`,
      `unknown metric ${JSON.stringify(metric)}; use one of ${LEVEL_METRICS.join(', ')}`,
    );
  const op = raw.op;
  if (typeof op !== 'string' || !(RULE_OPS as readonly string[]).includes(op))
    refuse(
      'leader_levels.rule_bad_operator',
      `${path}.op`,
      `operator ${JSON.stringify(op)} is not one of ${RULE_OPS.join(' ')}`,
    );
  const value = raw.value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_RULE_VALUE)
    refuse(
      'leader_levels.rule_bad_value',
      `${path}.value`,
      `value must be a whole number from 0 to ${MAX_RULE_VALUE} (fen for money), got ${JSON.stringify(value)}`,
    );
  const condition: RuleCondition = { metric: metric as LevelMetric, op: op as RuleOp, value };

  if (raw.period !== undefined) {
    const period = raw.period;
    const at = `${path}.period`;
    if (!isPlainObject(period) || Object.keys(period).some((k) => k !== 'days'))
      refuse(
        'leader_levels.rule_bad_period',
        at,
        `${at} must be { days: N } (or left out for the assessment period)`,
      );
    const days = period.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_PERIOD_DAYS)
      refuse(
        'leader_levels.rule_bad_period',
        `${at}.days`,
        `days must be a whole number from 1 to ${MAX_PERIOD_DAYS}, got ${JSON.stringify(days)}`,
      );
    if (metric === 'directRecruits' && raw.activeOnly !== true)
      refuse(
        'leader_levels.rule_bad_period',
        at,
        'directRecruits counts current recruits; a period applies only with activeOnly: true',
      );
    condition.period = { days };
  }

  if (raw.generations !== undefined) {
    const g = raw.generations;
    const at = `${path}.generations`;
    if (metric !== 'teamGmvFen')
      refuse('leader_levels.rule_bad_generations', at, 'generations applies only to teamGmvFen');
    if (typeof g !== 'number' || !Number.isInteger(g) || g < 1 || g > MAX_GENERATIONS)
      refuse(
        'leader_levels.rule_bad_generations',
        at,
        `generations must be a whole number from 1 to ${MAX_GENERATIONS}, got ${JSON.stringify(g)}`,
      );
    condition.generations = g;
  }

  if (raw.activeOnly !== undefined) {
    const at = `${path}.activeOnly`;
    if (metric !== 'directRecruits')
      refuse('leader_levels.rule_shape', at, 'activeOnly applies only to directRecruits');
    if (typeof raw.activeOnly !== 'boolean')
      refuse('leader_levels.rule_shape', at, 'activeOnly must be true or false');
    if (raw.activeOnly) condition.activeOnly = true;
  }
  return condition;
}

/** Every condition of a rule, depth first, in the order they appear. */
export function conditionsOf(rule: RuleNode | null): RuleCondition[] {
  if (!rule) return [];
  if (isCondition(rule)) return [rule];
  return (isGroupAll(rule) ? rule.all : rule.any).flatMap(conditionsOf);
}

/**
 * One figure the metrics step must compute: a metric over a window, with its options. Conditions
 * that need the same figure share a key, so the figure is computed once for every leader.
 */
export interface MetricSpec {
  key: string;
  metric: LevelMetric;
  /** null: the assessment period. */
  days: number | null;
  generations: number | null;
  activeOnly: boolean;
}

// Rules are evaluated for every leader of a run: the key of a condition object is built once.
const specCache = new WeakMap<RuleCondition, MetricSpec>();

export function metricSpecOf(c: RuleCondition): MetricSpec {
  const cached = specCache.get(c);
  if (cached) return cached;
  const spec = buildSpec(c);
  specCache.set(c, spec);
  return spec;
}

function buildSpec(c: RuleCondition): MetricSpec {
  const days = c.metric === 'directRecruits' && !c.activeOnly ? null : (c.period?.days ?? null);
  const generations = c.metric === 'teamGmvFen' ? (c.generations ?? null) : null;
  const activeOnly = c.metric === 'directRecruits' && c.activeOnly === true;
  const key = [
    c.metric,
    days === null ? 'P' : `d${days}`,
    ...(generations === null ? [] : [`g${generations}`]),
    ...(activeOnly ? ['active'] : []),
  ].join(':');
  return { key, metric: c.metric, days, generations, activeOnly };
}

/** The distinct figures a set of rules needs, in a stable order. */
export function metricSpecsOf(rules: ReadonlyArray<RuleNode | null>): MetricSpec[] {
  const byKey = new Map<string, MetricSpec>();
  for (const rule of rules) {
    for (const c of conditionsOf(rule)) {
      const spec = metricSpecOf(c);
      if (!byKey.has(spec.key)) byKey.set(spec.key, spec);
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
