import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CAMPAIGN_STATES } from './campaign-state.js';

const stateList = sql.raw(CAMPAIGN_STATES.map((s) => `'${s}'`).join(', '));

/** 付款时限: minutes a customer has to pay an order before the clock cancels it, unless set per campaign. */
export const DEFAULT_PAYMENT_MINUTES = 30;
/** The longest payment window a campaign may give: one day. */
export const MAX_PAYMENT_MINUTES = 1440;

/**
 * A campaign (团购活动 / 开团): a set of SKUs at group prices in a time window. The state column is
 * moved by the use-cases and the `campaigns-tick` job only; the time order is checked here as well as
 * in code so that no writer can store a campaign whose cutoff precedes its start.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    coverUrl: text('cover_url').notNull().default(''),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    cutoffAt: timestamp('cutoff_at', { withTimezone: true }).notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }).notNull(),
    state: text('state', { enum: CAMPAIGN_STATES }).notNull().default('draft'),
    /** `all`: every leader may sell it; `regions`: only leaders in `region_ids` (or below them). */
    sellTo: text('sell_to', { enum: ['all', 'regions'] })
      .notNull()
      .default('all'),
    regionIds: text('region_ids').array().notNull().default(sql`'{}'::text[]`),
    /**
     * 发货仓: the warehouse every item of this campaign is allocated from. Null: each SKU comes from
     * the first active warehouse (by code) that stocks it. Plain text: inventory owns warehouses.
     */
    warehouseId: text('warehouse_id'),
    /** 付款时限: an order of this campaign unpaid this many minutes after it was placed is cancelled. */
    paymentMinutes: integer('payment_minutes').notNull().default(DEFAULT_PAYMENT_MINUTES),
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('campaigns_state_idx').on(t.state),
    index('campaigns_starts_at_idx').on(t.startsAt),
    // The tick job looks for scheduled and live campaigns whose start or cutoff has come.
    index('campaigns_clock_idx').on(t.state, t.cutoffAt).where(sql`${t.state} in ('scheduled', 'live')`),
    check('campaigns_state_check', sql`${t.state} in (${stateList})`),
    check('campaigns_sell_to_check', sql`${t.sellTo} in ('all', 'regions')`),
    check('campaigns_times_check', sql`${t.startsAt} < ${t.cutoffAt} and ${t.cutoffAt} <= ${t.endsAt}`),
    check(
      'campaigns_payment_minutes_check',
      sql`${t.paymentMinutes} between 1 and ${sql.raw(String(MAX_PAYMENT_MINUTES))}`,
    ),
  ],
);

/**
 * One SKU in a campaign at its campaign price. `sold` is incremented by the order module with atomic
 * SQL (`SET sold = sold + n WHERE sold + n <= stock_cap`); the CHECK is the last line of defence
 * against overselling the campaign's cap. `sku_id` is plain text: the catalog owns SKUs.
 */
export const campaignItems = pgTable(
  'campaign_items',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    skuId: text('sku_id').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    stockCap: integer('stock_cap').notNull(),
    perCustomerLimit: integer('per_customer_limit').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    sold: integer('sold').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('campaign_items_campaign_sku_idx').on(t.campaignId, t.skuId),
    index('campaign_items_sku_idx').on(t.skuId),
    check('campaign_items_price_check', sql`${t.priceFen} >= 0`),
    check('campaign_items_cap_check', sql`${t.stockCap} >= 1`),
    check('campaign_items_limit_check', sql`${t.perCustomerLimit} >= 1`),
    check('campaign_items_sold_check', sql`${t.sold} >= 0 and ${t.sold} <= ${t.stockCap}`),
  ],
);
