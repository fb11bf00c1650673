import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { leaders } from '../leaders.tables.js';
import type { RuleNode } from './level-rules.js';

export const LEVEL_STATUSES = ['active', 'archived'] as const;
export type LevelStatus = (typeof LEVEL_STATUSES)[number];

/**
 * The level ladder (团长等级): 普通团长 < 银牌 < 金牌 < 合伙人, ordered by `rank` (higher is better).
 * Each level carries its upgrade rule (what a leader must reach to be promoted to it) and its
 * downgrade rule (when a leader at this level drops one rank). Rules are validated trees (see
 * level-rules.ts); null means "none": reached only by an override / never left by assessment.
 * An archived level leaves the ladder but stays readable for history.
 */
export const leaderLevels = pgTable(
  'leader_levels',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    rank: integer('rank').notNull(),
    status: text('status', { enum: LEVEL_STATUSES }).notNull().default('active'),
    upgradeRule: jsonb('upgrade_rule').$type<RuleNode>(),
    downgradeRule: jsonb('downgrade_rule').$type<RuleNode>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('leader_levels_code_idx').on(t.code),
    // Two active levels on one rank would make "one rank down" ambiguous.
    uniqueIndex('leader_levels_rank_idx').on(t.rank).where(sql`${t.status} = 'active'`),
    check('leader_levels_status_check', sql`${t.status} in ('active', 'archived')`),
    check('leader_levels_rank_check', sql`${t.rank} between 0 and 1000`),
  ],
);

export const LEVEL_CHANGE_CAUSES = ['initial', 'assessment', 'override'] as const;
export type LevelChangeCause = (typeof LEVEL_CHANGE_CAUSES)[number];

/**
 * Every level a leader has had (等级变更记录), append-only: a trigger refuses UPDATE and DELETE. The
 * level a leader had at a moment is the `to_level_id` of their last row at or before it
 * (`levelsAt`); commission reads it for the moment an order was paid. `metrics` holds the figures
 * and the evaluated rule that caused an assessment change.
 */
export const leaderLevelHistory = pgTable(
  'leader_level_history',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id')
      .notNull()
      .references(() => leaders.id),
    fromLevelId: text('from_level_id').references(() => leaderLevels.id),
    toLevelId: text('to_level_id')
      .notNull()
      .references(() => leaderLevels.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    cause: text('cause', { enum: LEVEL_CHANGE_CAUSES }).notNull(),
    metrics: jsonb('metrics'),
    reason: text('reason'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    /** The assessed period, for cause `assessment`. */
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    runId: text('run_id'),
    /** For cause `override`: no automatic re-assessment before this moment. */
    heldUntil: timestamp('held_until', { withTimezone: true }),
  },
  (t) => [
    index('leader_level_history_leader_idx').on(t.leaderId, t.at),
    index('leader_level_history_period_idx').on(t.periodEnd, t.periodStart),
    check('leader_level_history_cause_check', sql`${t.cause} in ('initial', 'assessment', 'override')`),
  ],
);

export const RUN_TRIGGERS = ['schedule', 'manual'] as const;
export const RUN_STATUSES = ['running', 'completed', 'failed'] as const;

/**
 * One re-assessment of every leader (等级考核): what period it measured, who started it, and what it
 * changed. At most one runs at a time (the partial unique index); a run left `running` by a dead
 * process is marked failed by the next one after an hour.
 */
export const levelAssessmentRuns = pgTable(
  'level_assessment_runs',
  {
    id: text('id').primaryKey(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    assessed: integer('assessed').notNull().default(0),
    upgraded: integer('upgraded').notNull().default(0),
    downgraded: integer('downgraded').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    held: integer('held').notNull().default(0),
    durationMs: integer('duration_ms'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('level_assessment_runs_one_running_idx').on(t.status).where(sql`${t.status} = 'running'`),
    index('level_assessment_runs_started_idx').on(t.startedAt),
    check('level_assessment_runs_trigger_check', sql`${t.trigger} in ('schedule', 'manual')`),
    check('level_assessment_runs_status_check', sql`${t.status} in ('running', 'completed', 'failed')`),
    check('level_assessment_runs_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/**
 * When the assessment runs (考核设置), one row (id 1): the period it measures (the last calendar
 * month, or the last Monday-to-Sunday week), and the day of the period and hour (Asia/Shanghai) it
 * runs on. The default is the 1st of each month at 02:00. An hourly job checks whether the run is
 * due, so a server that was down at that moment catches up when it starts again.
 */
export const leaderLevelSettings = pgTable(
  'leader_level_settings',
  {
    id: smallint('id').primaryKey(),
    enabled: boolean('enabled').notNull().default(true),
    periodKind: text('period_kind', { enum: ['month', 'week'] })
      .notNull()
      .default('month'),
    /** Day of the period: 1-28 of the month, or 1-7 (Monday = 1) of the week. */
    runDay: smallint('run_day').notNull().default(1),
    runHour: smallint('run_hour').notNull().default(2),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('leader_level_settings_one_row', sql`${t.id} = 1`),
    check('leader_level_settings_period_check', sql`${t.periodKind} in ('month', 'week')`),
    check(
      'leader_level_settings_day_check',
      sql`${t.runDay} >= 1 and ${t.runDay} <= case when ${t.periodKind} = 'week' then 7 else 28 end`,
    ),
    check('leader_level_settings_hour_check', sql`${t.runHour} between 0 and 23`),
  ],
);
