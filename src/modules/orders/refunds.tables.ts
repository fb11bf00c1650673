import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orderLines, orders, PAYMENT_PROVIDERS } from './orders.tables.js';

export const REFUND_KINDS = ['refund', 'cancel'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/**
 * A refund (退款): money going back for part or all of a paid order, through the provider that took
 * the payment, with the provider's reference. Append-only (a trigger refuses UPDATE and DELETE): a
 * refund once made is history; there is no "un-refund". `kind` says whether an operator refunded
 * (`refund`) or cancelling a paid order refunded what was left (`cancel`). `fully_refunded` is true
 * when, after this refund, no unit of the order was left to refund. The idempotency key and the hash
 * of the request it answered let a replay get the same answer and a different request under the same
 * key be refused.
 */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    kind: text('kind', { enum: REFUND_KINDS }).notNull(),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    reference: text('reference').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    fullyRefunded: boolean('fully_refunded').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_refunds_order_idx').on(t.orderId, t.createdAt),
    check('order_refunds_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/** The units of each order line a refund gave back, and their money (quantity × the line's unit price). */
export const orderRefundLines = pgTable(
  'order_refund_lines',
  {
    refundId: text('refund_id')
      .notNull()
      .references(() => orderRefunds.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.orderLineId] }),
    index('order_refund_lines_line_idx').on(t.orderLineId),
    check('order_refund_lines_check', sql`${t.quantity} > 0 and ${t.amountFen} >= 0`),
  ],
);
