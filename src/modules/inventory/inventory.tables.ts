import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Warehouses (仓库): where stock is kept, received and shipped from. */
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

/**
 * Stock of one SKU in one warehouse (库存). `available` is kept as a column, not computed, so that the
 * order hot path can allocate with one guarded UPDATE (`available = available - n WHERE available >= n`);
 * the CHECK makes the database refuse any write that would oversell or break the identity, whatever
 * the code above it does. `sku_id` is plain text: the catalog owns SKUs and is reached via findSkus.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    onHand: bigint('on_hand', { mode: 'number' }).notNull().default(0),
    allocated: bigint('allocated', { mode: 'number' }).notNull().default(0),
    available: bigint('available', { mode: 'number' }).notNull().default(0),
    lowStockThreshold: bigint('low_stock_threshold', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'stock_levels_pk', columns: [t.skuId, t.warehouseId] }),
    index('stock_levels_warehouse_idx').on(t.warehouseId),
    check(
      'stock_levels_counters_check',
      sql`${t.available} >= 0 AND ${t.allocated} >= 0 AND ${t.onHand} >= 0 AND ${t.available} = ${t.onHand} - ${t.allocated}`,
    ),
    check('stock_levels_threshold_check', sql`${t.lowStockThreshold} >= 0`),
  ],
);

export const MOVEMENT_KINDS = ['receipt', 'adjustment', 'allocation', 'release', 'shipment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * Every change of a stock level (库存流水), append-only (a trigger refuses UPDATE and DELETE). The
 * quantity is signed as the kind sees it (see movement-math.ts); the resulting counters are stored so
 * a person can read the history of a level without replaying it.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    reason: text('reason'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    onHandAfter: bigint('on_hand_after', { mode: 'number' }).notNull(),
    allocatedAfter: bigint('allocated_after', { mode: 'number' }).notNull(),
    availableAfter: bigint('available_after', { mode: 'number' }).notNull(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'stock_movements_level_fk',
      columns: [t.skuId, t.warehouseId],
      foreignColumns: [stockLevels.skuId, stockLevels.warehouseId],
    }),
    index('stock_movements_level_idx').on(t.skuId, t.warehouseId, t.createdAt),
    index('stock_movements_warehouse_idx').on(t.warehouseId, t.createdAt),
    index('stock_movements_created_idx').on(t.createdAt),
    index('stock_movements_reference_idx').on(t.referenceType, t.referenceId),
    check(
      'stock_movements_kind_check',
      sql`${t.kind} in ('receipt', 'adjustment', 'allocation', 'release', 'shipment')`,
    ),
    // The sign of each kind is fixed, so a reader never has to guess what a negative receipt means.
    check(
      'stock_movements_sign_check',
      sql`(${t.kind} in ('receipt', 'release') and ${t.quantity} > 0)
        or (${t.kind} in ('allocation', 'shipment') and ${t.quantity} < 0)
        or (${t.kind} = 'adjustment' and ${t.quantity} <> 0)`,
    ),
    check(
      'stock_movements_reason_check',
      sql`${t.kind} <> 'adjustment' or length(btrim(coalesce(${t.reason}, ''))) > 0`,
    ),
  ],
);
