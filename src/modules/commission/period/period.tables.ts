import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const PERIOD_RUN_KINDS = ['month_close', 'hot_product', 'recruit_check'] as const;
export type PeriodRunKind = (typeof PERIOD_RUN_KINDS)[number];

export const PERIOD_RUN_TRIGGERS = ['schedule', 'manual', 'demo'] as const;
export type PeriodRunTrigger = (typeof PERIOD_RUN_TRIGGERS)[number];

/**
 * One row per run of a period computation (期间计算记录): a month close (`period` = `2026-10`), a
 * campaign's hot-product ladder (`period` = the campaign id) or a daily recruit check (`period` = the
 * business day). The entries themselves are in `commission_entries` under their period keys; a run
 * records who ran it, under which plan, what it found and what was new, so running a month again
 * leaves a second row that says it posted nothing. Rows are only ever inserted.
 */
export const commissionPeriodRuns = pgTable(
  'commission_period_runs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: PERIOD_RUN_KINDS }).notNull(),
    period: text('period').notNull(),
    trigger: text('trigger', { enum: PERIOD_RUN_TRIGGERS }).notNull(),
    planId: text('plan_id'),
    planVersion: integer('plan_version'),
    /** Entries the computation produced, and of them the ones this run wrote (the rest existed). */
    entriesComputed: integer('entries_computed').notNull(),
    entriesNew: integer('entries_new').notNull(),
    computedFen: bigint('computed_fen', { mode: 'number' }).notNull(),
    newFen: bigint('new_fen', { mode: 'number' }).notNull(),
    transfersPosted: integer('transfers_posted').notNull(),
    /** The figures behind the run: pools, held dividend shares, undistributed pools, skipped items. */
    report: jsonb('report').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    index('commission_period_runs_kind_idx').on(t.kind, t.period, t.at),
    index('commission_period_runs_at_idx').on(t.at),
    check(
      'commission_period_runs_kind_check',
      sql`${t.kind} in ('month_close', 'hot_product', 'recruit_check')`,
    ),
    check('commission_period_runs_trigger_check', sql`${t.trigger} in ('schedule', 'manual', 'demo')`),
    check(
      'commission_period_runs_counts_check',
      sql`${t.entriesComputed} >= 0 and ${t.entriesNew} >= 0 and ${t.entriesNew} <= ${t.entriesComputed}
        and ${t.computedFen} >= 0 and ${t.newFen} >= 0 and ${t.newFen} <= ${t.computedFen}
        and ${t.transfersPosted} >= 0 and ${t.durationMs} >= 0`,
    ),
  ],
);
