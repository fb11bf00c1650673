import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const ORDER_STATUSES = [
  'on_hold',
  'pending_payment',
  'paid',
  'confirmed',
  'shipped',
  'delivered',
  'picked_up',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * An order (订单): one customer, one campaign, through one leader, to one pickup point. Plain id
 * columns refer to other modules' rows (no foreign keys across modules).
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    leaderId: text('leader_id').notNull(),
    customerId: text('customer_id').notNull(),
    pickupPointId: text('pickup_point_id').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    itemCount: integer('item_count').notNull(),
    /** Six digits the customer shows at the pickup point (提货码). */
    pickupCode: text('pickup_code').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('orders_campaign_idx').on(t.campaignId, t.placedAt),
    index('orders_leader_idx').on(t.leaderId, t.placedAt),
    index('orders_customer_idx').on(t.customerId, t.placedAt),
    index('orders_status_idx').on(t.status),
    // The expiry job's queue: unpaid orders by deadline (a flash sale leaves thousands at once).
    index('orders_payment_due_idx').on(t.paymentDueAt).where(sql`${t.status} = 'pending_payment'`),
    check('orders_total_check', sql`${t.totalFen} >= 0 and ${t.itemCount} > 0`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    campaignItemId: text('campaign_item_id').notNull(),
    skuId: text('sku_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /**
     * Units of this line refunded so far (the sum of its order_refund_lines), kept here so "left to
     * refund" is one read under the order's lock, and the CHECK below refuses refunding more than was
     * bought even if code got it wrong.
     */
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_item_idx').on(t.campaignItemId),
    check(
      'order_lines_quantity_check',
      sql`${t.quantity} > 0 and ${t.amountFen} = ${t.quantity} * ${t.unitPriceFen}`,
    ),
    check(
      'order_lines_refunded_check',
      sql`${t.refundedQuantity} >= 0 and ${t.refundedQuantity} <= ${t.quantity}`,
    ),
  ],
);

/**
 * Units each customer (by phone hash) has bought of each campaign item, as a locked counter: the
 * per-customer limit holds across concurrent orders and across server processes.
 */
export const customerItemCounts = pgTable(
  'order_customer_item_counts',
  {
    phoneHash: text('phone_hash').notNull(),
    campaignItemId: text('campaign_item_id').notNull(),
    bought: integer('bought').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.phoneHash, t.campaignItemId] }),
    check('order_customer_item_counts_check', sql`${t.bought} >= 0`),
  ],
);

/**
 * Orders each customer (by phone hash) has placed in each campaign, for the risk check "more than N
 * orders per phone per campaign". Counted in the batch that places them; a customer's batches are
 * serialised by their customer row, so the count each order sees is exact.
 */
export const customerCampaignCounts = pgTable(
  'order_customer_campaign_counts',
  {
    phoneHash: text('phone_hash').notNull(),
    campaignId: text('campaign_id').notNull(),
    orders: integer('orders').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.phoneHash, t.campaignId] }),
    check('order_customer_campaign_counts_check', sql`${t.orders} >= 0`),
  ],
);

/**
 * The first answer given to each Idempotency-Key, with a hash of the request it answered: a replay
 * gets the same answer, a different request under the same key is refused.
 */
export const orderRequests = pgTable('order_requests', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The order's timeline (订单轨迹): every status change, who made it and why; append-only. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorName: text('actor_name'),
    note: text('note'),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

export const PAYMENT_PROVIDERS = ['offline', 'sandbox'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** A payment received for an order, through one provider, with the provider's reference. */
export const payments = pgTable(
  'order_payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reference: text('reference').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_payments_order_idx').on(t.orderId),
    check('order_payments_amount_check', sql`${t.amountFen} >= 0`),
  ],
);
