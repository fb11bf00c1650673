import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** The stored upload of an import job. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Product categories (商品分类), one level of parent for grouping; commission rates can key on them. */
export const categories = pgTable('catalog_categories', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A product (商品): what a customer recognises; sold as one or more SKUs. */
export const products = pgTable(
  'catalog_products',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    categoryId: text('category_id').references(() => categories.id),
    unit: text('unit').notNull(),
    description: text('description').notNull().default(''),
    images: text('images').array().notNull().default(sql`'{}'::text[]`),
    supplier: text('supplier').notNull().default(''),
    status: text('status', { enum: ['draft', 'on_sale', 'off_sale'] })
      .notNull()
      .default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('catalog_products_category_idx').on(t.categoryId),
    index('catalog_products_status_idx').on(t.status),
    check('catalog_products_status_check', sql`${t.status} in ('draft', 'on_sale', 'off_sale')`),
  ],
);

/** A SKU (规格): one sellable variant of a product, e.g. 500g or 1kg; prices in fen. */
export const skus = pgTable(
  'catalog_skus',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    code: text('code').notNull().unique(),
    spec: text('spec').notNull(),
    barcode: text('barcode'),
    listPriceFen: bigint('list_price_fen', { mode: 'number' }).notNull(),
    costPriceFen: bigint('cost_price_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['active', 'inactive'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('catalog_skus_product_idx').on(t.productId),
    index('catalog_skus_barcode_idx').on(t.barcode),
    check('catalog_skus_prices_check', sql`${t.listPriceFen} >= 0 and ${t.costPriceFen} >= 0`),
    check('catalog_skus_status_check', sql`${t.status} in ('active', 'inactive')`),
  ],
);

/**
 * The record of an xlsx import (商品导入). The job runs in the process that received the file; this
 * row keeps the outcome (counts and the row-by-row error report) after the process forgets the job.
 */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: text('id').primaryKey(),
    mode: text('mode', { enum: ['validate', 'import_valid_rows', 'import_all'] }).notNull(),
    status: text('status', {
      enum: ['running', 'validated', 'completed', 'rejected', 'failed'],
    }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The row-by-row report, capped (see MAX_STORED_ERRORS) so one bad file cannot bloat the table. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    message: text('message'),
    actorId: text('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The uploaded file, kept while the job runs so that another process can resume it; cleared at the end. */
    file: bytea('file'),
    /** Who started the job: the audit records of a resumed run name them too. */
    actor: jsonb('actor'),
    /** Spreadsheet rows already written, each chunk recording its own in its transaction. */
    doneRows: integer('done_rows').array().notNull().default(sql`'{}'::integer[]`),
    /** The fencing token of the run that holds the job (see src/platform/imports/import-job.ts). */
    runner: text('runner'),
  },
  (t) => [
    index('catalog_imports_created_idx').on(t.createdAt),
    check(
      'catalog_imports_status_check',
      sql`${t.status} in ('running', 'validated', 'completed', 'rejected', 'failed')`,
    ),
  ],
);
