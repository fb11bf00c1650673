import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The field key this database's personal data is encrypted with, recognised by its check value
 * (never the key itself; see `fieldKeyCheck`). One row, written at the first start. While a key
 * rotation runs, `next_*` names the key being rotated to, and no server may start until the
 * rotation has finished and swapped them.
 */
export const fieldKeyChecks = pgTable(
  'platform_field_key',
  {
    id: integer('id').primaryKey(),
    keyId: text('key_id').notNull(),
    checkValue: text('check_value').notNull(),
    nextKeyId: text('next_key_id'),
    nextCheckValue: text('next_check_value'),
    rotationStartedAt: timestamp('rotation_started_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('platform_field_key_singleton_check', sql`${t.id} = 1`)],
);
