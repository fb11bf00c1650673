import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { leaders, regions } from '../leaders.tables.js';

/**
 * Region managers (区域经理 / 城市合伙人): a login that owns a region's leaders, orders and figures,
 * and the regions below it. `weight` is the manager's share when a regional dividend (区域分红) is
 * split among a region's managers; `leader_id` links a manager who is also a leader.
 */
export const regionManagers = pgTable(
  'region_managers',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    userId: text('user_id').notNull(),
    leaderId: text('leader_id').references(() => leaders.id),
    weight: integer('weight').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.userId] }),
    index('region_managers_user_idx').on(t.userId),
    check('region_managers_weight_check', sql`${t.weight} > 0`),
  ],
);
