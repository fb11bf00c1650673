import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The double-entry ledger (总账). See accounts.ts for the chart of accounts and the sign convention
 * (stored balance = debits − credits). Accounts, postings and transfers are append-only (triggers in
 * the `ledger_append_only` migration refuse UPDATE, DELETE and TRUNCATE); balances are the one
 * table that changes, by atomic set-based UPDATEs in the same transaction as the transfers.
 *
 * Accounts, postings and transfers use bigint identity ids rather than prefixed text ids: they are
 * internal (people and other modules name an account by owner and kind, a transfer by its key) and
 * there are millions of transfers, each naming two accounts, so compact keys keep the hot indexes small.
 */

const LEADER_KINDS_SQL = sql.raw(`('pending', 'available', 'withdrawing', 'paid_out', 'owed')`);
const COMPANY_KINDS_SQL = sql.raw(
  `('commission_expense', 'payouts_payable', 'tax_withheld', 'fees', 'bank')`,
);

/** One account per owner and kind, created on first use; `code` is the natural key (accounts.ts). */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    owner: text('owner', { enum: ['leader', 'company'] }).notNull(),
    leaderId: text('leader_id'),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_idx').on(t.code),
    index('ledger_accounts_leader_idx').on(t.leaderId),
    check(
      'ledger_accounts_owner_check',
      sql`(${t.owner} = 'leader' and ${t.leaderId} is not null and ${t.kind} in ${LEADER_KINDS_SQL})
        or (${t.owner} = 'company' and ${t.leaderId} is null and ${t.kind} in ${COMPANY_KINDS_SQL})`,
    ),
  ],
);

/**
 * The current balance of each account (stored sign: debits − credits). `owner` and `kind` are copied
 * from the account so that a CHECK can hold the leader's balances on their natural side: a leader's
 * available (and pending, withdrawing, paid out) can never show below zero, and what a leader owes can
 * never be negative. A clawback larger than the available balance therefore has to go to `owed`.
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    accountId: bigint('account_id', { mode: 'number' })
      .primaryKey()
      .references(() => ledgerAccounts.id),
    owner: text('owner', { enum: ['leader', 'company'] }).notNull(),
    kind: text('kind').notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'ledger_balances_leader_sign_check',
      sql`${t.owner} <> 'leader'
        or (${t.kind} = 'owed' and ${t.balanceFen} >= 0)
        or (${t.kind} <> 'owed' and ${t.balanceFen} <= 0)`,
    ),
  ],
);

/** One call of postTransfersTx that posted at least one transfer: a group committed together. */
export const ledgerPostings = pgTable('ledger_postings', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  transferCount: integer('transfer_count').notNull(),
});

/**
 * One movement of money (转账分录): debit one account, credit another, one positive amount. `key` is
 * derived from the cause (`wdr:<id>:fee`, `line:<orderLineId>:direct:0:<leaderId>`), so posting the
 * same cause again is a no-op. The account columns are not foreign keys: postTransfersTx resolves
 * (and creates) the accounts in the same transaction, accounts are never deleted, and the invariant
 * check finds any transfer whose account has no balance; per-row RI triggers would cost the accrual
 * path about a fifth of its throughput.
 */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    postingId: bigint('posting_id', { mode: 'number' }).notNull(),
    debitAccountId: bigint('debit_account_id', { mode: 'number' }).notNull(),
    creditAccountId: bigint('credit_account_id', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    causeType: text('cause_type').notNull(),
    causeId: text('cause_id').notNull(),
    memo: text('memo'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_transfers_key_idx').on(t.key),
    index('ledger_transfers_debit_idx').on(t.debitAccountId, t.at),
    index('ledger_transfers_credit_idx').on(t.creditAccountId, t.at),
    // Only the ledger's own causes are looked up by cause (a withdrawal's or a payout line's transfers);
    // commission transfers are found by their keys, so the accrual path does not pay for this index.
    index('ledger_transfers_cause_idx')
      .on(t.causeType, t.causeId)
      .where(sql`${t.causeType} in ('withdrawal', 'payout_line')`),
    check('ledger_transfers_amount_check', sql`${t.amountFen} > 0`),
    check('ledger_transfers_accounts_check', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_transfers_key_check', sql`length(${t.key}) between 1 and 200`),
    check('ledger_transfers_cause_check', sql`length(${t.causeType}) between 1 and 64`),
  ],
);

/**
 * Withdrawal rules (提现设置), one row (`id = 'default'`). Amounts in fen, rates in basis points. The
 * personal income tax withholding (代扣个税) is off at 0 bps.
 */
export const withdrawalSettings = pgTable(
  'ledger_withdrawal_settings',
  {
    id: text('id').primaryKey(),
    minAmountFen: bigint('min_amount_fen', { mode: 'number' }).notNull(),
    feeFixedFen: bigint('fee_fixed_fen', { mode: 'number' }).notNull(),
    feeBps: integer('fee_bps').notNull(),
    dailyCountLimit: integer('daily_count_limit').notNull(),
    taxBps: integer('tax_bps').notNull(),
    /** Whether a leader who owes (欠款 > 0) may withdraw; off unless finance turns it on. */
    withdrawWhileOwed: boolean('withdraw_while_owed').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('ledger_withdrawal_settings_id_check', sql`${t.id} = 'default'`),
    check(
      'ledger_withdrawal_settings_values_check',
      sql`${t.minAmountFen} >= 1 and ${t.feeFixedFen} >= 0 and ${t.feeBps} between 0 and 10000
        and ${t.taxBps} between 0 and 10000 and ${t.dailyCountLimit} >= 1`,
    ),
  ],
);

export const PAYOUT_METHODS = ['bank', 'wechat'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

/**
 * Where a leader's withdrawals are paid (收款账户): a bank card or a WeChat openid. The account number
 * is encrypted with FieldCrypto (never stored in clear); `account_last4` is kept for masked display.
 */
export const payoutAccounts = pgTable(
  'ledger_payout_accounts',
  {
    leaderId: text('leader_id').primaryKey(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    payeeName: text('payee_name').notNull(),
    accountEnc: text('account_enc').notNull(),
    accountLast4: text('account_last4').notNull(),
    bankName: text('bank_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('ledger_payout_accounts_method_check', sql`${t.method} in ('bank', 'wechat')`),
    check(
      'ledger_payout_accounts_bank_check',
      sql`${t.method} <> 'bank' or length(btrim(coalesce(${t.bankName}, ''))) > 0`,
    ),
  ],
);

export const WITHDRAWAL_STATUSES = [
  'requested',
  'approved',
  'batched',
  'paid',
  'failed',
  'rejected',
] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

/**
 * A leader's withdrawal request (提现申请). `amount = net + fee + tax` (CHECKed): the leader asks for
 * the amount, the fee and the tax come out of it, the net is paid. The payout account is copied at
 * request time, so changing it later does not redirect a request already made.
 */
export const withdrawals = pgTable(
  'ledger_withdrawals',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull(),
    taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
    netFen: bigint('net_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: WITHDRAWAL_STATUSES }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    payeeName: text('payee_name').notNull(),
    accountEnc: text('account_enc').notNull(),
    accountLast4: text('account_last4').notNull(),
    bankName: text('bank_name'),
    /** The calendar day (Asia/Shanghai) of the request, for the daily count limit. */
    localDay: date('local_day', { mode: 'string' }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    rejectReason: text('reject_reason'),
    batchId: text('batch_id'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    failReason: text('fail_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_withdrawals_key_idx').on(t.leaderId, t.idempotencyKey),
    index('ledger_withdrawals_leader_day_idx').on(t.leaderId, t.localDay),
    index('ledger_withdrawals_status_idx').on(t.status, t.requestedAt),
    index('ledger_withdrawals_batch_idx').on(t.batchId),
    check(
      'ledger_withdrawals_amounts_check',
      sql`${t.netFen} > 0 and ${t.feeFen} >= 0 and ${t.taxFen} >= 0
        and ${t.amountFen} = ${t.netFen} + ${t.feeFen} + ${t.taxFen}`,
    ),
    check(
      'ledger_withdrawals_status_check',
      sql`${t.status} in ('requested', 'approved', 'batched', 'paid', 'failed', 'rejected')`,
    ),
    check(
      'ledger_withdrawals_reason_check',
      sql`${t.status} <> 'rejected' or length(btrim(coalesce(${t.rejectReason}, ''))) > 0`,
    ),
  ],
);

export const PAYOUT_BATCH_STATUSES = ['open', 'closed'] as const;
export type PayoutBatchStatus = (typeof PAYOUT_BATCH_STATUSES)[number];

/** Approved withdrawals gathered for one bank or WeChat batch transfer (打款批次). */
export const payoutBatches = pgTable(
  'ledger_payout_batches',
  {
    id: text('id').primaryKey(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    status: text('status', { enum: PAYOUT_BATCH_STATUSES }).notNull(),
    lineCount: integer('line_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('ledger_payout_batches_created_idx').on(t.createdAt),
    check('ledger_payout_batches_status_check', sql`${t.status} in ('open', 'closed')`),
    check('ledger_payout_batches_totals_check', sql`${t.lineCount} >= 1 and ${t.totalFen} > 0`),
  ],
);

export const PAYOUT_LINE_STATUSES = ['pending', 'paid', 'failed'] as const;
export type PayoutLineStatus = (typeof PAYOUT_LINE_STATUSES)[number];

/** One withdrawal in a payout batch (打款明细); finance marks it paid or failed, once. */
export const payoutLines = pgTable(
  'ledger_payout_lines',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    withdrawalId: text('withdrawal_id')
      .notNull()
      .references(() => withdrawals.id),
    leaderId: text('leader_id').notNull(),
    seq: integer('seq').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: PAYOUT_LINE_STATUSES }).notNull(),
    reference: text('reference'),
    failReason: text('fail_reason'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    markedBy: text('marked_by'),
  },
  (t) => [
    uniqueIndex('ledger_payout_lines_withdrawal_idx').on(t.withdrawalId),
    uniqueIndex('ledger_payout_lines_seq_idx').on(t.batchId, t.seq),
    check('ledger_payout_lines_amount_check', sql`${t.amountFen} > 0`),
    check('ledger_payout_lines_status_check', sql`${t.status} in ('pending', 'paid', 'failed')`),
    check(
      'ledger_payout_lines_reason_check',
      sql`${t.status} <> 'failed' or length(btrim(coalesce(${t.failReason}, ''))) > 0`,
    ),
  ],
);
