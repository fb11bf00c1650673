import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Regions (区域): province / city / district, or a company's own areas. The leaders issue adds
 * leaders, pickup points and region managers on top of this table.
 */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    level: text('level', { enum: ['province', 'city', 'district', 'area'] }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);
