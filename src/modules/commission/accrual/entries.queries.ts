import { type SQL, sql } from 'drizzle-orm';
import { dayBounds, isCalendarDate } from '../../../platform/business-time.js';
import type { Executor } from '../../../platform/db/database.js';
import { findSkus } from '../../catalog/index.js';
import { leaders } from '../../leaders/index.js';
import { ledgerAccounts, ledgerTransfers } from '../../ledger/index.js';
import { commissionPlans } from '../commission.tables.js';
import {
  commissionEntries,
  commissionEntryAdjustments,
  commissionSettlements,
  type EntryStatus,
} from '../entries.tables.js';
import { explainStoredEntry, RULE_LABELS } from '../period/entry-explain.js';
import { levelNames, loadLevels } from '../plan-facts.js';
import { accrualError } from './accrual.errors.js';
import { CAUSE_COMMISSION_ACCRUAL, CAUSE_COMMISSION_ENTRY } from './record-entries.js';

/**
 * Reads of the commission entries (佣金明细) for the console: a filtered, paged list with totals,
 * and one entry with its explanation in both languages, what refunds did to it and its transfers
 * (its accrual's transfer to the beneficiary, which may carry other entries of the same accrual too,
 * then its voids and clawbacks).
 */

export interface EntriesQuery {
  leaderId?: string | undefined;
  orderId?: string | undefined;
  rule?: string | undefined;
  status?: EntryStatus | undefined;
  /** Business days (Asia/Shanghai) of payment, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

type EntryRow = {
  id: string;
  key: string;
  beneficiary_id: string;
  leader_name: string | null;
  leader_code: string | null;
  rule: string;
  cause_type: string;
  order_id: string | null;
  order_line_id: string | null;
  campaign_id: string | null;
  sku_id: string | null;
  period_key: string | null;
  plan_id: string;
  plan_version: number;
  chain_position: number | null;
  base_fen: number;
  rate_bps: number | null;
  per_unit_fen: number | null;
  amount_fen: number;
  voided_fen: number;
  clawed_back_fen: number;
  line_quantity: number | null;
  status: EntryStatus;
  explanation: unknown;
  paid_at: Date | string | null;
  created_at: Date | string;
  final_at: Date | string | null;
  settled_at: Date | string | null;
  settlement_id: string | null;
  settlement_day: string | null;
};

/**
 * For an entry an earlier version accrued in aggregate (sessions 3-5): the key of the transfer that
 * carried it (`accrual:<accrualId>:<beneficiaryId>`, the sum of that beneficiary's entries in the
 * accrual), as a scalar subquery. Null for every other entry, whose accrual transfer names the entry as
 * its cause.
 */
export const accrualKeyOf = (id: string): SQL => sql`
  SELECT 'accrual:' || x.accrual_id || ':' || x.beneficiary_id FROM ${commissionEntries} x
  WHERE x.id = ${id} AND x.accrual_id IS NOT NULL`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function entryView(r: EntryRow) {
  const amountFen = Number(r.amount_fen);
  const voidedFen = Number(r.voided_fen);
  const clawedBackFen = Number(r.clawed_back_fen);
  return {
    id: r.id,
    key: r.key,
    leaderId: r.beneficiary_id,
    leaderName: r.leader_name,
    leaderCode: r.leader_code,
    rule: r.rule,
    ruleLabel: RULE_LABELS[r.rule] ?? { zh: r.rule, en: r.rule },
    causeType: r.cause_type,
    orderId: r.order_id,
    orderLineId: r.order_line_id,
    campaignId: r.campaign_id,
    skuId: r.sku_id,
    periodKey: r.period_key,
    planId: r.plan_id,
    planVersion: Number(r.plan_version),
    chainPosition: r.chain_position === null ? null : Number(r.chain_position),
    baseFen: Number(r.base_fen),
    rateBps: r.rate_bps === null ? null : Number(r.rate_bps),
    perUnitFen: r.per_unit_fen === null ? null : Number(r.per_unit_fen),
    amountFen,
    voidedFen,
    clawedBackFen,
    keptFen: amountFen - voidedFen - clawedBackFen,
    status: r.status,
    paidAt: iso(r.paid_at),
    createdAt: iso(r.created_at) ?? '',
    finalAt: iso(r.final_at),
    settledAt: iso(r.settled_at),
    settlementId: r.settlement_id,
    settlementDay: r.settlement_day,
  };
}

export type EntryView = ReturnType<typeof entryView>;

const SELECT = sql`
  SELECT e.id, e.key, e.beneficiary_id, l.name AS leader_name, l.code AS leader_code, e.rule, e.cause_type,
         e.order_id, e.order_line_id, e.campaign_id, e.sku_id, e.period_key, e.plan_id, e.plan_version,
         e.chain_position, e.base_fen, e.rate_bps, e.per_unit_fen, e.amount_fen, e.voided_fen, e.clawed_back_fen,
         e.line_quantity, e.status, e.explanation, e.paid_at, e.created_at, e.final_at, e.settled_at,
         e.settlement_id, s.day::text AS settlement_day
  FROM ${commissionEntries} e
  LEFT JOIN ${leaders} l ON l.id = e.beneficiary_id
  LEFT JOIN ${commissionSettlements} s ON s.id = e.settlement_id`;

function whereOf(q: Omit<EntriesQuery, 'page' | 'pageSize'>): SQL {
  const where: SQL[] = [sql`true`];
  if (q.leaderId) where.push(sql`e.beneficiary_id = ${q.leaderId}`);
  if (q.orderId) where.push(sql`e.order_id = ${q.orderId}`);
  if (q.rule) where.push(sql`e.rule = ${q.rule}`);
  if (q.status) where.push(sql`e.status = ${q.status}`);
  for (const [field, day] of [
    ['from', q.from],
    ['to', q.to],
  ] as const) {
    if (day !== undefined && !isCalendarDate(day))
      throw accrualError('commission.invalid_day', { field: `query.${field}`, detail: day });
  }
  if (q.from && q.to && q.from > q.to)
    throw accrualError('commission.invalid_range', { field: 'query.from' });
  if (q.from) where.push(sql`e.paid_at >= ${dayBounds(q.from).from.toISOString()}::timestamptz`);
  if (q.to) where.push(sql`e.paid_at < ${dayBounds(q.to).to.toISOString()}::timestamptz`);
  return sql.join(where, sql` AND `);
}

/** Entries matching the filters, newest first, with the filter's totals. */
export async function listEntries(db: Executor, q: EntriesQuery) {
  const where = whereOf(q);
  const [page, totals] = await Promise.all([
    db.execute<EntryRow>(sql`${SELECT} WHERE ${where}
      ORDER BY e.created_at DESC, e.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number; amount: number; voided: number; clawed: number }>(sql`
      SELECT count(*)::int AS n, coalesce(sum(e.amount_fen), 0)::bigint AS amount,
             coalesce(sum(e.voided_fen), 0)::bigint AS voided, coalesce(sum(e.clawed_back_fen), 0)::bigint AS clawed
      FROM ${commissionEntries} e WHERE ${where}`),
  ]);
  const t = totals.rows[0];
  const amountFen = Number(t?.amount ?? 0);
  const voidedFen = Number(t?.voided ?? 0);
  const clawedBackFen = Number(t?.clawed ?? 0);
  return {
    items: page.rows.map(entryView),
    total: Number(t?.n ?? 0),
    sums: { amountFen, voidedFen, clawedBackFen, keptFen: amountFen - voidedFen - clawedBackFen },
  };
}

/** One entry with the sentence that explains it (zh and en), its refund history and its transfers. */
export async function getEntry(db: Executor, id: string) {
  const r = await db.execute<EntryRow>(sql`${SELECT} WHERE e.id = ${id}`);
  const row = r.rows[0];
  if (!row) throw accrualError('commission.entry_not_found', { field: 'params.id', detail: id });
  const view = entryView(row);
  const [levels, skuRows, plan, adjustments, transfers] = await Promise.all([
    loadLevels(db),
    row.sku_id ? findSkus(db, [row.sku_id]) : Promise.resolve([]),
    db.execute<{ name: string }>(
      sql`SELECT document->>'name' AS name FROM ${commissionPlans} WHERE id = ${row.plan_id}`,
    ),
    db.execute<{
      refund_id: string;
      kind: string;
      quantity: number;
      line_fen: number;
      amount_fen: number;
      from_available_fen: number;
      to_owed_fen: number;
      refunded_at: Date | string;
      at: Date | string;
    }>(sql`
      SELECT refund_id, kind, quantity, line_fen, amount_fen, from_available_fen, to_owed_fen, refunded_at, at
      FROM ${commissionEntryAdjustments} WHERE entry_id = ${id} ORDER BY refunded_at, refund_id`),
    db.execute<{
      key: string;
      amount_fen: number;
      at: Date | string;
      memo: string | null;
      debit: string;
      credit: string;
      entry_count: number | null;
    }>(sql`
      SELECT t.key, t.amount_fen, t.at, t.memo, d.code AS debit, c.code AS credit,
             CASE WHEN t.cause_type = ${CAUSE_COMMISSION_ACCRUAL} THEN (
               SELECT count(*)::int FROM ${commissionEntries} x
               WHERE x.beneficiary_id = ${row.beneficiary_id} AND x.accrual_id = t.cause_id::bigint) END AS entry_count
      FROM ${ledgerTransfers} t
      JOIN ${ledgerAccounts} d ON d.id = t.debit_account_id
      JOIN ${ledgerAccounts} c ON c.id = t.credit_account_id
      WHERE (t.cause_type = ${CAUSE_COMMISSION_ENTRY} AND t.cause_id = ${id}) OR t.key = (${accrualKeyOf(id)})
      ORDER BY t.id`),
  ]);
  const sku = skuRows[0];
  const stored = {
    key: row.key,
    rule: row.rule,
    beneficiaryId: row.beneficiary_id,
    orderId: row.order_id,
    orderLineId: row.order_line_id,
    chainPosition: view.chainPosition,
    baseFen: view.baseFen,
    rateBps: view.rateBps,
    perUnitFen: view.perUnitFen,
    amountFen: view.amountFen,
    voidedFen: view.voidedFen,
    clawedBackFen: view.clawedBackFen,
    explanation: row.explanation,
    productName: sku ? `${sku.productName}${sku.spec ? ` ${sku.spec}` : ''}` : null,
    quantity: row.line_quantity === null ? null : Number(row.line_quantity),
  };
  return {
    ...view,
    planName: plan.rows[0]?.name ?? null,
    productName: stored.productName,
    quantity: stored.quantity,
    explanation: {
      zh: explainStoredEntry(stored, levelNames(levels, 'zh'), 'zh'),
      en: explainStoredEntry(stored, levelNames(levels, 'en'), 'en'),
    },
    detail: row.explanation,
    adjustments: adjustments.rows.map((a) => ({
      refundId: a.refund_id,
      kind: a.kind,
      quantity: Number(a.quantity),
      lineFen: Number(a.line_fen),
      amountFen: Number(a.amount_fen),
      fromAvailableFen: Number(a.from_available_fen),
      toOwedFen: Number(a.to_owed_fen),
      refundedAt: iso(a.refunded_at) ?? '',
      at: iso(a.at) ?? '',
    })),
    transfers: transfers.rows.map((t) => ({
      key: t.key,
      amountFen: Number(t.amount_fen),
      // An accrual transfer carries the sum of the beneficiary's entries of one accrual: how many,
      // and this entry's part of it (what it accrued, before any void or clawback).
      entryCount: t.entry_count === null ? null : Number(t.entry_count),
      entryShareFen: t.entry_count === null ? null : view.amountFen,
      at: iso(t.at) ?? '',
      memo: t.memo,
      debit: t.debit,
      credit: t.credit,
    })),
  };
}
