import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Warehouses (仓库); the order issue adds stock levels and movements per SKU and warehouse. */
export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  regionId: text('region_id'),
  status: text('status', { enum: ['active', 'inactive'] })
    .notNull()
    .default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
