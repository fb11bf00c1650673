import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { leaders } from '../leaders.tables.js';

/**
 * The referral tree (推荐关系) as a closure table: one row per (ancestor, descendant) pair with the
 * number of steps between them, and a self row at depth 0 for every leader. The upline chain is the
 * rows of one descendant; a whole team is the rows of one ancestor. Measured against a materialized
 * path in bench/leaders.ts and docs/BENCHMARKS.md. `leaders.referrer_id` is the current parent;
 * both are rewritten together in one transaction.
 */
export const leaderClosure = pgTable(
  'leader_closure',
  {
    ancestorId: text('ancestor_id')
      .notNull()
      .references(() => leaders.id),
    descendantId: text('descendant_id')
      .notNull()
      .references(() => leaders.id),
    depth: smallint('depth').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    // Covers the upline read (descendant → ancestors by depth) without touching the table.
    index('leader_closure_descendant_idx').on(t.descendantId, t.depth, t.ancestorId),
    // Covers team reads (ancestor → descendants, N generations) without touching the table.
    index('leader_closure_team_idx').on(t.ancestorId, t.depth, t.descendantId),
    check(
      'leader_closure_depth_check',
      sql`${t.depth} >= 0 and (${t.depth} = 0) = (${t.ancestorId} = ${t.descendantId})`,
    ),
  ],
);

/**
 * Who was a leader's referrer when (推荐关系历史). One open period (valid_to null) per leader: the
 * current one. Moving a leader closes the open period and opens a new one; a trigger refuses any
 * other change, so "who was upline on 3 March" can always be answered, e.g. by commission.
 */
export const leaderReferrerPeriods = pgTable(
  'leader_referrer_periods',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id')
      .notNull()
      .references(() => leaders.id),
    referrerId: text('referrer_id').references(() => leaders.id),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    /** Why the period began: `created`, `moved` or `imported`. */
    cause: text('cause').notNull(),
    reason: text('reason'),
    actorName: text('actor_name'),
  },
  (t) => [
    index('leader_referrer_periods_leader_idx').on(t.leaderId, t.validFrom),
    index('leader_referrer_periods_referrer_idx').on(t.referrerId, t.validFrom),
    uniqueIndex('leader_referrer_periods_open_idx').on(t.leaderId).where(sql`${t.validTo} is null`),
    check('leader_referrer_periods_range_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('leader_referrer_periods_cause_check', sql`${t.cause} in ('created', 'moved', 'imported')`),
    check('leader_referrer_periods_self_check', sql`${t.referrerId} is distinct from ${t.leaderId}`),
  ],
);

/**
 * The daily sales roll-up per leader (团长日业绩), kept by the `leaders.sales-rollup` subscriber on
 * `order.completed` and `order.refunded`. Completions count on the day (Asia/Shanghai) the order
 * completed; refunds on the day they were made, so a closed month's figures never change. Net GMV
 * is `completed_gmv_fen - refunded_fen`. Team GMV is this table joined with the closure table.
 */
export const leaderDailySales = pgTable(
  'leader_daily_sales',
  {
    leaderId: text('leader_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    completedGmvFen: bigint('completed_gmv_fen', { mode: 'number' }).notNull().default(0),
    completedOrders: integer('completed_orders').notNull().default(0),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    /** Orders refunded in full that day (they no longer count as orders). */
    refundedOrders: integer('refunded_orders').notNull().default(0),
  },
  (t) => [
    // The primary key carries the figures too (INCLUDE, migrations/0030_leader_daily_sales_covering.sql), so team GMV
    // is an index-only scan per descendant; drizzle-kit cannot express INCLUDE.
    primaryKey({ columns: [t.leaderId, t.day] }),
    index('leader_daily_sales_day_idx').on(t.day),
    check(
      'leader_daily_sales_nonneg_check',
      sql`${t.completedGmvFen} >= 0 and ${t.completedOrders} >= 0 and ${t.refundedFen} >= 0 and ${t.refundedOrders} >= 0`,
    ),
  ],
);

/**
 * The customers each leader served each day, so "distinct customers over a period" is exact (a sum
 * of daily distinct counts would count a regular customer once per day).
 */
export const leaderDailyCustomers = pgTable(
  'leader_daily_customers',
  {
    leaderId: text('leader_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    customerId: text('customer_id').notNull(),
    orders: integer('orders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.leaderId, t.day, t.customerId] })],
);

/**
 * What the roll-up has counted, per order: a refund subtracts only from an order that was counted
 * as completed (a refund before completion changes nothing), never more than was counted, and the
 * backfill skips orders already here.
 */
export const leaderSalesOrders = pgTable(
  'leader_sales_orders',
  {
    orderId: text('order_id').primaryKey(),
    leaderId: text('leader_id').notNull(),
    customerId: text('customer_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    gmvFen: bigint('gmv_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('leader_sales_orders_leader_idx').on(t.leaderId, t.day),
    check('leader_sales_orders_amount_check', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.gmvFen}`),
  ],
);
