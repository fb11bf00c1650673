import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A customer (团员 / 用户), identified by a mainland mobile number. The number is never stored in
 * clear: `phone_enc` is FieldCrypto's AES-256-GCM token (readable with the key) and `phone_hash` its
 * keyed HMAC, whose unique index makes "one customer per phone" hold under concurrent orders.
 * `default_pickup_point_id` names a row of the leaders module by plain id (no cross-module key).
 */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    phoneEnc: text('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    name: text('name'),
    defaultPickupPointId: text('default_pickup_point_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('customers_phone_hash_idx').on(t.phoneHash)],
);
