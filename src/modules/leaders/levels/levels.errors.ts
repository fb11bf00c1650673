import { defineErrors, errorFactory } from '../../../platform/errors.js';

/** Error codes of leader levels (团长等级); each code starts with `leader_levels.`. */
export const leaderLevelsErrors = defineErrors({
  'leader_levels.not_found': { kind: 'not_found', en: 'Level not found', zh: '等级不存在' },
  'leader_levels.level_unknown': {
    kind: 'validation',
    en: 'No active level has this id',
    zh: '等级不存在或已停用',
  },
  'leader_levels.code_taken': {
    kind: 'conflict',
    en: 'Another level already has this code',
    zh: '等级编码已被使用',
  },
  'leader_levels.rank_taken': {
    kind: 'conflict',
    en: 'Another active level already has this rank',
    zh: '该排序值已被其他等级使用',
  },
  'leader_levels.level_in_use': {
    kind: 'conflict',
    en: 'Leaders are on this level; move them before archiving it',
    zh: '仍有团长处于该等级，不能停用',
  },
  'leader_levels.last_level': {
    kind: 'conflict',
    en: 'The ladder needs at least one active level',
    zh: '至少保留一个启用的等级',
  },
  'leader_levels.status_unchanged': {
    kind: 'conflict',
    en: 'The level already has this status',
    zh: '等级已处于该状态',
  },
  'leader_levels.same_level': {
    kind: 'conflict',
    en: 'The leader is already on this level',
    zh: '团长已是该等级',
  },
  'leader_levels.hold_in_past': {
    kind: 'validation',
    en: 'The hold must end in the future',
    zh: '保级截止时间须晚于当前时间',
  },
  'leader_levels.bad_period': {
    kind: 'validation',
    en: 'The period must be two days (YYYY-MM-DD), the first not after the last, at most 366 days',
    zh: '考核期须为两个日期（YYYY-MM-DD），开始不晚于结束，最长 366 天',
  },
  'leader_levels.bad_schedule': {
    kind: 'validation',
    en: 'The run day does not exist in every period (1-28 of a month, 1-7 of a week)',
    zh: '考核日不正确（按月为 1-28 日，按周为 1-7）',
  },
  'leader_levels.period_not_over': {
    kind: 'validation',
    en: 'The period has not ended yet; assess a period whose last day is before today',
    zh: '考核期尚未结束，请选择今天之前结束的考核期',
  },
  'leader_levels.assessment_running': {
    kind: 'conflict',
    en: 'An assessment is already running; wait for it to finish',
    zh: '已有等级考核正在运行，请稍后再试',
  },
  'leader_levels.rule_shape': {
    kind: 'validation',
    en: 'A rule must be { all: [...] }, { any: [...] } or a condition { metric, op, value }',
    zh: '规则格式不正确：应为 all / any 条件组或单个条件',
  },
  'leader_levels.rule_unknown_metric': {
    kind: 'validation',
    en: 'The rule uses an unknown metric',
    zh: '规则中的指标不存在',
  },
  'leader_levels.rule_bad_operator': {
    kind: 'validation',
    en: 'The rule uses an unknown comparison (use >=, >, <, <=)',
    zh: '规则中的比较符不正确（可用 >=、>、<、<=）',
  },
  'leader_levels.rule_bad_value': {
    kind: 'validation',
    en: 'A rule value must be a whole number, not negative',
    zh: '规则中的数值须为非负整数',
  },
  'leader_levels.rule_empty_group': {
    kind: 'validation',
    en: 'An and / or group needs at least one condition',
    zh: '“且 / 或”条件组至少需要一个条件',
  },
  'leader_levels.rule_bad_period': {
    kind: 'validation',
    en: 'A rule period must be { days: N } with N from 1 to 366',
    zh: '规则的统计周期须为 1 到 366 天',
  },
  'leader_levels.rule_bad_generations': {
    kind: 'validation',
    en: 'Generations apply to team GMV only and must be from 1 to 20',
    zh: '代数仅适用于团队GMV，须为 1 到 20',
  },
  'leader_levels.rule_too_large': {
    kind: 'validation',
    en: 'The rule is too large (at most 5 levels deep, 20 per group, 50 conditions)',
    zh: '规则过于复杂（最多 5 层嵌套、每组 20 项、共 50 个条件）',
  },
});

export type LeaderLevelsErrorCode = keyof typeof leaderLevelsErrors;

export const leaderLevelsError = errorFactory(leaderLevelsErrors);
