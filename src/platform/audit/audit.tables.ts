import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: each record's hash covers its
 * content and the previous record's hash, so editing or removing any record breaks every later link.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    // Partial: most records of a flash sale are a customer's (no actor id), and an index entry for
    // each would be paid inside the audit chain's lock for nothing.
    index('audit_actor_idx').on(t.actorId).where(sql`${t.actorId} IS NOT NULL`),
  ],
);

/**
 * Where the chain became keyed (HMAC-SHA256 under the audit key): records from `keyed_from_seq` on
 * are keyed, earlier ones (written by versions before the key) verify as plain SHA-256. One row,
 * written by the migration that made the table; a trigger refuses every later change, and the
 * checkpoints outside the database repeat the value, so raising it to pass rewritten records off as
 * old ones is seen.
 */
export const auditChainKeying = pgTable('audit_chain_keying', {
  keyedFromSeq: bigint('keyed_from_seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});
