import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The money path's own tables (佣金明细, 结算批次): what the engine computed for each order line or
 * period and beneficiary, what became of it (voided by a refund, final after the after-sales window,
 * settled into the leader's available balance, clawed back after settlement), and one settlement
 * record per business day. The ledger holds the money; these rows explain it. Entries are unique by
 * `key`, and only entries actually inserted are accrued (one transfer each, keyed
 * `accrual:<entry key>`), so recomputing never posts twice.
 */

export const ENTRY_STATUSES = ['estimated', 'final', 'settled', 'voided'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_CAUSE_TYPES = ['order_line', 'period'] as const;
export type EntryCauseType = (typeof ENTRY_CAUSE_TYPES)[number];

const RULES_SQL = sql.raw(
  `('direct', 'differential', 'peer', 'generation', 'recruit_rate', 'tiered', 'regional_dividend', 'hot_product', 'recruit_bonus')`,
);

/**
 * One computed amount (佣金明细): a beneficiary, a rule, a cause (an order line, or a period
 * computation such as a month close), the plan version it was computed under, the base × rate (or
 * per-unit amount) and the chain position, with the engine's structured explanation.
 *
 * Status: `estimated` (预估, accrued at payment, in the leader's pending balance) → `final` (the
 * order completed and its after-sales window passed) → `settled` (moved to available by the T+1
 * settlement `settlement_id`); `voided` when refunds took all of it before settlement. A refund
 * before settlement adds to `voided_fen`; after settlement to `clawed_back_fen` (the leader owes it).
 * `amount − voided − clawed back` is what the leader keeps.
 *
 * Order-line entries carry the line's quantity and paid amount and how much of them refunds took
 * so far: the state `voidFraction` needs, so partial refunds summing to the whole line void exactly
 * the whole entry.
 */
export const commissionEntries = pgTable(
  'commission_entries',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    beneficiaryId: text('beneficiary_id').notNull(),
    rule: text('rule').notNull(),
    causeType: text('cause_type', { enum: ENTRY_CAUSE_TYPES }).notNull(),
    orderId: text('order_id'),
    orderLineId: text('order_line_id'),
    campaignId: text('campaign_id'),
    skuId: text('sku_id'),
    /** For period entries: what was computed (`tiered:2026-03`, `hot:<campaign>:<sku>` ...). */
    periodKey: text('period_key'),
    planId: text('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    /** 0 for the order's own leader L0, i for upline Li; null for period entries. */
    chainPosition: integer('chain_position'),
    baseFen: bigint('base_fen', { mode: 'number' }).notNull(),
    rateBps: integer('rate_bps'),
    perUnitFen: bigint('per_unit_fen', { mode: 'number' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    voidedFen: bigint('voided_fen', { mode: 'number' }).notNull().default(0),
    clawedBackFen: bigint('clawed_back_fen', { mode: 'number' }).notNull().default(0),
    lineQuantity: integer('line_quantity'),
    lineFen: bigint('line_fen', { mode: 'number' }),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    refundedLineFen: bigint('refunded_line_fen', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ENTRY_STATUSES }).notNull(),
    /**
     * The engine's structured explanation. `json`, not `jsonb`: it is written once per entry, read back
     * whole for display and never queried inside, and `json` stores the text as sent where `jsonb`
     * would parse every entry's document into its binary form (measured: a sixth of the insert).
     */
    explanation: json('explanation').notNull(),
    /** When the order was paid (order-line entries), or the moment the period computation refers to. */
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finalAt: timestamp('final_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settlementId: text('settlement_id'),
    /**
     * Set only on entries an earlier version accrued in aggregate (sessions 3-5): their money reached
     * the leader's pending balance in the transfer `accrual:<accrualId>:<beneficiaryId>` of that
     * `commission_accruals` row. Null for every other entry, whose own accrual transfer names the
     * entry as its cause (key `accrual:<entry key>`, or the bare entry key before session 3).
     */
    accrualId: bigint('accrual_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('commission_entries_key_idx').on(t.key),
    index('commission_entries_order_idx').on(t.orderId),
    index('commission_entries_beneficiary_idx').on(t.beneficiaryId, t.paidAt),
    // No index on settlement_id: a settlement's detail reads commission_settlement_leaders, and an
    // index here would cost every settled entry one more index insertion at settlement time.
    // The settlement's queue: final entries not yet settled, by when they became final.
    index('commission_entries_final_idx').on(t.finalAt).where(sql`${t.status} = 'final'`),
    check('commission_entries_rule_check', sql`${t.rule} in ${RULES_SQL}`),
    check('commission_entries_status_check', sql`${t.status} in ('estimated', 'final', 'settled', 'voided')`),
    check(
      'commission_entries_cause_check',
      sql`(${t.causeType} = 'order_line' and ${t.orderId} is not null and ${t.orderLineId} is not null
           and ${t.lineQuantity} > 0 and ${t.lineFen} >= 0)
        or (${t.causeType} = 'period' and ${t.periodKey} is not null)`,
    ),
    check(
      'commission_entries_amounts_check',
      sql`${t.amountFen} >= 0 and ${t.baseFen} >= 0 and ${t.voidedFen} >= 0 and ${t.clawedBackFen} >= 0
        and ${t.voidedFen} + ${t.clawedBackFen} <= ${t.amountFen}`,
    ),
    check(
      'commission_entries_refunded_check',
      sql`${t.refundedQuantity} >= 0 and ${t.refundedLineFen} >= 0
        and (${t.lineQuantity} is null or ${t.refundedQuantity} <= ${t.lineQuantity})
        and (${t.lineFen} is null or ${t.refundedLineFen} <= ${t.lineFen})`,
    ),
    check(
      'commission_entries_settled_check',
      sql`(${t.status} = 'settled') = (${t.settlementId} is not null)`,
    ),
    check(
      'commission_entries_final_at_check',
      sql`${t.status} not in ('final', 'settled') or ${t.finalAt} is not null`,
    ),
  ],
);

/**
 * Kept for databases an earlier version wrote (sessions 3-5; nothing writes it now): one call of
 * `recordEntriesTx` that accrued its new entries together, one transfer per beneficiary (commission
 * expense → the leader's pending, `accrual:<id>:<beneficiaryId>`, cause `commission_accrual` / this id)
 * for the sum of that beneficiary's new entries. The ledger is append-only, so those transfers stay,
 * and the entry detail and the invariant check still read them through this table.
 */
export const commissionAccruals = pgTable(
  'commission_accruals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    entryCount: integer('entry_count').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Beneficiaries with more than 0 fen among the new entries: one accrual transfer each. */
    transferCount: integer('transfer_count').notNull(),
  },
  (t) => [
    check(
      'commission_accruals_totals_check',
      sql`${t.entryCount} >= 1 and ${t.amountFen} >= 0 and ${t.transferCount} >= 0
        and ${t.transferCount} <= ${t.entryCount}`,
    ),
  ],
);

export const ADJUSTMENT_KINDS = ['void', 'clawback'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * What each refund did to each entry (退款作废 / 退款扣回), once per (entry, refund): a void before
 * settlement (pending → commission expense) or a clawback after it (available up to its balance,
 * the rest owed). Inserted with ON CONFLICT DO NOTHING, so a refund delivered twice, or a recompute,
 * applies it once. Zero-amount rows are kept: they still advance the entry's refund state.
 */
export const commissionEntryAdjustments = pgTable(
  'commission_entry_adjustments',
  {
    entryId: text('entry_id').notNull(),
    refundId: text('refund_id').notNull(),
    orderId: text('order_id').notNull(),
    beneficiaryId: text('beneficiary_id').notNull(),
    kind: text('kind', { enum: ADJUSTMENT_KINDS }).notNull(),
    /** Units and money of the line this refund took. */
    quantity: integer('quantity').notNull(),
    lineFen: bigint('line_fen', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** For a clawback: the part taken from available, and the part the leader now owes. */
    fromAvailableFen: bigint('from_available_fen', { mode: 'number' }).notNull().default(0),
    toOwedFen: bigint('to_owed_fen', { mode: 'number' }).notNull().default(0),
    refundedAt: timestamp('refunded_at', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.refundId] }),
    index('commission_entry_adjustments_order_idx').on(t.orderId),
    check('commission_entry_adjustments_kind_check', sql`${t.kind} in ('void', 'clawback')`),
    check(
      'commission_entry_adjustments_amounts_check',
      sql`${t.quantity} >= 0 and ${t.lineFen} >= 0 and ${t.amountFen} >= 0 and ${t.fromAvailableFen} >= 0
        and ${t.toOwedFen} >= 0
        and (${t.kind} = 'void' and ${t.fromAvailableFen} = 0 and ${t.toOwedFen} = 0
             or ${t.kind} = 'clawback' and ${t.fromAvailableFen} + ${t.toOwedFen} = ${t.amountFen})`,
    ),
  ],
);

/**
 * What the money path knows of each order's fulfilment (订单佣金进度): when it was paid (and under
 * which plan version it accrued), picked up and completed, from the order events; and when its
 * entries became final. The freeze reads only this table and the entries, so it never scans orders.
 */
export const commissionOrders = pgTable(
  'commission_orders',
  {
    orderId: text('order_id').primaryKey(),
    leaderId: text('leader_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    planId: text('plan_id'),
    planVersion: integer('plan_version'),
    accruedAt: timestamp('accrued_at', { withTimezone: true }),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    finalAt: timestamp('final_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The freeze's queue: completed orders whose entries are not final yet.
    index('commission_orders_freeze_idx')
      .on(t.completedAt)
      .where(sql`${t.finalAt} is null and ${t.completedAt} is not null`),
  ],
);

export const SETTLEMENT_TRIGGERS = ['schedule', 'manual', 'bench'] as const;
export type SettlementTrigger = (typeof SETTLEMENT_TRIGGERS)[number];

/**
 * One T+1 settlement (结算批次) per business day (Asia/Shanghai): the entries that became final up to
 * the end of `day` and were not settled yet moved from pending to available, one transfer per leader
 * (`settle:<day>:<leaderId>`), owed balances repaid first (`net:<day>:<leaderId>`). The unique day
 * makes a second run of the same day a no-op.
 */
export const commissionSettlements = pgTable(
  'commission_settlements',
  {
    id: text('id').primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
    entryCount: integer('entry_count').notNull(),
    leaderCount: integer('leader_count').notNull(),
    /** Moved from pending to available (what the settled entries still carried). */
    settledFen: bigint('settled_fen', { mode: 'number' }).notNull(),
    /** Of that, taken straight back to repay what leaders owed. */
    nettedFen: bigint('netted_fen', { mode: 'number' }).notNull(),
    transferCount: integer('transfer_count').notNull(),
    trigger: text('trigger', { enum: SETTLEMENT_TRIGGERS }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    uniqueIndex('commission_settlements_day_idx').on(t.day),
    check(
      'commission_settlements_totals_check',
      sql`${t.entryCount} >= 0 and ${t.leaderCount} >= 0 and ${t.settledFen} >= 0 and ${t.nettedFen} >= 0
        and ${t.nettedFen} <= ${t.settledFen} and ${t.transferCount} >= 0`,
    ),
    check('commission_settlements_trigger_check', sql`${t.trigger} in ('schedule', 'manual', 'bench')`),
  ],
);

/** Each leader's part of a settlement: the settlement detail page and the leader's statement read it. */
export const commissionSettlementLeaders = pgTable(
  'commission_settlement_leaders',
  {
    settlementId: text('settlement_id').notNull(),
    leaderId: text('leader_id').notNull(),
    entryCount: integer('entry_count').notNull(),
    settledFen: bigint('settled_fen', { mode: 'number' }).notNull(),
    nettedFen: bigint('netted_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.settlementId, t.leaderId] }),
    index('commission_settlement_leaders_leader_idx').on(t.leaderId),
    check(
      'commission_settlement_leaders_check',
      sql`${t.entryCount} >= 0 and ${t.settledFen} >= 0 and ${t.nettedFen} >= 0 and ${t.nettedFen} <= ${t.settledFen}`,
    ),
  ],
);

/** The money path's settings, one row (`id = 'default'`): the after-sales window (售后期) in days. */
export const commissionAccrualSettings = pgTable(
  'commission_accrual_settings',
  {
    id: text('id').primaryKey(),
    afterSalesDays: integer('after_sales_days').notNull().default(7),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('commission_accrual_settings_id_check', sql`${t.id} = 'default'`),
    check('commission_accrual_settings_days_check', sql`${t.afterSalesDays} between 0 and 90`),
  ],
);
