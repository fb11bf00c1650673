import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { RiskReason } from './evaluate-risk.js';

/**
 * The risk policy (风控规则): one row (id = 1). A missing row means "nothing configured", which
 * holds no order. `version` goes up with every change of the policy or of the blocklist, so a
 * server process can tell with one cheap read whether its in-memory copy is stale.
 */
export const riskPolicy = pgTable(
  'risk_policy',
  {
    id: smallint('id').primaryKey().default(1),
    enabled: boolean('enabled').notNull().default(true),
    /** Units in one order above which it is held; null = off. */
    maxQuantityPerOrder: integer('max_quantity_per_order'),
    /** Orders of one phone in one campaign above which the next is held; null = off. */
    maxOrdersPerPhonePerCampaign: integer('max_orders_per_phone_per_campaign'),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('risk_policy_singleton_check', sql`${t.id} = 1`),
    check('risk_policy_max_quantity_check', sql`${t.maxQuantityPerOrder} > 0`),
    check('risk_policy_max_orders_check', sql`${t.maxOrdersPerPhonePerCampaign} > 0`),
  ],
);

export const BLOCK_KINDS = ['phone', 'address'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/**
 * The blocklist (黑名单). A phone is stored only as its keyed hash (the customers module's, so it
 * matches `customers.phone_hash`) plus the masked number for people to read; an address as the
 * normalized fragment that is matched inside pickup point addresses, plus the text as entered.
 * Entries are removed by marking them (who, when, why), so the history stays; at most one live
 * entry per value.
 */
export const riskBlocklist = pgTable(
  'risk_blocklist',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: BLOCK_KINDS }).notNull(),
    /** Phone: FieldCrypto.hash of the bare 11 digits. Address: the normalized fragment. */
    value: text('value').notNull(),
    /** Phone: masked (138****1234). Address: as the operator typed it. */
    display: text('display').notNull(),
    /**
     * Phone: the number encrypted with FieldCrypto, so a key rotation can compute `value` under the
     * new key even for a number stored nowhere else. Null for addresses (and for phones blocked
     * before it was kept).
     */
    valueEnc: text('value_enc'),
    reason: text('reason').notNull(),
    createdById: text('created_by_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: text('removed_by'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    uniqueIndex('risk_blocklist_live_value_idx').on(t.kind, t.value).where(sql`${t.removedAt} is null`),
    index('risk_blocklist_created_idx').on(t.createdAt),
    check('risk_blocklist_kind_check', sql`${t.kind} in ('phone', 'address')`),
  ],
);

export const HOLD_STATUSES = ['open', 'approved', 'rejected'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/**
 * An order a risk check stopped (风控待审), one row per order, with the reasons found at intake and
 * the reviewer's decision. `order_id` and `campaign_id` name the orders and campaigns modules' rows
 * by plain id (no cross-module keys).
 */
export const riskHolds = pgTable(
  'risk_holds',
  {
    orderId: text('order_id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    reasons: jsonb('reasons').$type<RiskReason[]>().notNull(),
    status: text('status', { enum: HOLD_STATUSES }).notNull().default('open'),
    decidedById: text('decided_by_id'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('risk_holds_status_idx').on(t.status, t.createdAt),
    index('risk_holds_campaign_idx').on(t.campaignId, t.createdAt),
    check('risk_holds_status_check', sql`${t.status} in ('open', 'approved', 'rejected')`),
    check('risk_holds_decision_check', sql`(${t.status} = 'open') = (${t.decidedAt} is null)`),
  ],
);
