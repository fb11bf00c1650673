/**
 * Leader levels (团长等级): the ladder, upgrade / downgrade rules, the assessment job, overrides and
 * the level history. The leaders module's index.ts re-exports what other modules may use.
 */

export { overrideLeaderLevel } from './level-override.service.js';
export type { LevelMetric, RuleCondition, RuleNode } from './level-rules.js';
export { leaderLevelsErrors } from './levels.errors.js';
export { type LevelProgress, leaderLevelDetail, levelProgress, levelsAt } from './levels.queries.js';
export { leaderLevelsRoutes } from './levels.routes.js';
export { createLevel, type LevelInput, listLevels, updateLevel } from './levels.service.js';
export { lowestLevelId, recordInitialLevelTx } from './levels.shared.js';
export {
  leaderLevelHistory,
  leaderLevelSettings,
  leaderLevels,
  levelAssessmentRuns,
} from './levels.tables.js';
export {
  type AssessmentOptions,
  type AssessmentResult,
  reassessAllLeaders,
  runDueAssessment,
} from './reassess.service.js';
export { rulePreview } from './rule-preview.js';
