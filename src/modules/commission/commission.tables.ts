import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { PlanDocument } from './domain/plan.js';

export const PLAN_STATUSES = ['draft', 'active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * Commission plan versions (佣金方案). The document is the whole plan (domain/plan.ts), validated
 * before it is stored. A draft is edited in place; an active or archived version never changes
 * again (the service refuses it), so an order computed under version n can always be recomputed.
 * At most one version is active: the partial unique index decides even between two concurrent
 * activations.
 */
export const commissionPlans = pgTable(
  'commission_plans',
  {
    id: text('id').primaryKey(),
    version: integer('version').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    document: jsonb('document').$type<PlanDocument>().notNull(),
    /** The version this draft was copied from, if any. */
    copiedFromId: text('copied_from_id'),
    createdBy: text('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    activatedBy: text('activated_by'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('commission_plans_version_idx').on(t.version),
    uniqueIndex('commission_plans_one_active_idx').on(t.status).where(sql`${t.status} = 'active'`),
    index('commission_plans_status_idx').on(t.status),
    check('commission_plans_status_check', sql`${t.status} in ('draft', 'active', 'archived')`),
    check('commission_plans_version_check', sql`${t.version} >= 1`),
    check(
      'commission_plans_activated_check',
      sql`${t.status} = 'draft' or ${t.activatedAt} is not null or ${t.archivedAt} is not null`,
    ),
  ],
);

/**
 * Every activation, append-only (a trigger refuses UPDATE and DELETE): which version became active
 * when. The version active at a moment is the last activation at or before it (`activePlanAt`), which
 * is how an order paid last month is computed under last month's plan. `seq` orders activations that
 * share a timestamp.
 */
export const commissionPlanActivations = pgTable(
  'commission_plan_activations',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    planId: text('plan_id')
      .notNull()
      .references(() => commissionPlans.id),
    version: integer('version').notNull(),
    previousPlanId: text('previous_plan_id').references(() => commissionPlans.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }).notNull(),
    activatedBy: text('activated_by'),
    activatedByName: text('activated_by_name'),
  },
  (t) => [
    uniqueIndex('commission_plan_activations_seq_idx').on(t.seq),
    index('commission_plan_activations_at_idx').on(t.activatedAt, t.seq),
  ],
);
