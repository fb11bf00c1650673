/**
 * The commission engine: the plan document, its validation and description, and the rules as pure
 * functions of values. Nothing in this folder reads the database or the clock, so the order glue,
 * the month close, the simulation and the console preview all compute with the same code.
 */
export {
  type ChainLink,
  type CommissionLine,
  computeLine,
  withinDaysOf,
} from './compute-line.js';
export {
  describePlan,
  explainEntry,
  formatBps,
  type Lang,
  type LevelName,
  type RefNames,
  type RuleDescription,
  type RuleKind,
} from './describe.js';
export {
  COMMISSION_RULES,
  type CommissionRule,
  type DirectSource,
  LINE_RULES,
  type LineEntry,
  type LineExplanation,
  type LineRule,
  lineEntryKey,
  PERIOD_RULES,
  type PeriodRule,
} from './entries.js';
export {
  computeHotProduct,
  computeRecruitBonus,
  computeRegionalDividend,
  computeTiered,
  type DividendManager,
  type DividendResult,
  type HotProductAward,
  type RecruitBonusResult,
  type RecruitFacts,
  recruitWindowEnd,
  type TieredResult,
  type TierPart,
} from './period-rules.js';
export * from './plan.js';
export {
  type PlanFacts,
  type PlanProblem,
  type PlanProblemCode,
  referencedIds,
  validatePlan,
} from './plan-validation.js';
export { bpsOf, mulDivHalfUp } from './rounding.js';
export {
  initialVoidState,
  type LineRefund,
  type VoidResult,
  type VoidState,
  voidFraction,
} from './void-fraction.js';
export { type WorstCase, type WorstCasePart, worstCaseFits, worstCaseOf } from './worst-case.js';
