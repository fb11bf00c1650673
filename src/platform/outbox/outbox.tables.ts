import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Events written in the same transaction as the change they describe. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('outbox_type_idx').on(t.type, t.createdAt),
    index('outbox_aggregate_idx').on(t.aggregateType, t.aggregateId),
  ],
);

/**
 * One row per event and subscriber, so a failing subscriber retries alone and an operator can see
 * exactly which delivery is stuck and why.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => outboxEvents.id),
    subscriber: text('subscriber').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.subscriber] }),
    index('event_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('event_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'dead')`),
  ],
);
