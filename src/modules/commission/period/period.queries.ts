import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { isMonth, monthBounds } from '../../../platform/business-time.js';
import type { Executor } from '../../../platform/db/database.js';
import { leaders } from '../../leaders/index.js';
import { ledgerAccounts, ledgerTransfers } from '../../ledger/index.js';
import { accrualError } from '../accrual/accrual.errors.js';
import { accrualKeyOf } from '../accrual/entries.queries.js';
import { commissionEntryAdjustments } from '../entries.tables.js';
import { entryTotalsByRule, entryViews, loadNamer } from './entry-views.js';
import { commissionPeriodError } from './period.errors.js';
import { commissionPeriodRuns, type PeriodRunKind } from './period.tables.js';

/** Reads behind the period-runs page and the console's "why" views. */

type RunRowDb = typeof commissionPeriodRuns.$inferSelect;

export function runView(r: RunRowDb) {
  return {
    id: r.id,
    kind: r.kind,
    period: r.period,
    trigger: r.trigger,
    planId: r.planId,
    planVersion: r.planVersion,
    entriesComputed: r.entriesComputed,
    entriesNew: r.entriesNew,
    computedFen: r.computedFen,
    newFen: r.newFen,
    transfersPosted: r.transfersPosted,
    report: r.report as Record<string, unknown>,
    actorName: r.actorName,
    at: r.at.toISOString(),
    durationMs: r.durationMs,
  };
}

export async function listRuns(
  db: Executor,
  q: { kind?: PeriodRunKind | undefined; period?: string | undefined; page: number; pageSize: number },
) {
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(commissionPeriodRuns.kind, q.kind));
  if (q.period) conds.push(eq(commissionPeriodRuns.period, q.period));
  const where = conds.length > 0 ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(commissionPeriodRuns)
      .where(where)
      .orderBy(desc(commissionPeriodRuns.at), desc(commissionPeriodRuns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(commissionPeriodRuns).where(where),
  ]);
  return { items: rows.map(runView), total: total?.n ?? 0 };
}

/** The entries a run's period holds (every run of a month shows the month's entries). */
function entriesOfRun(r: RunRowDb): SQL {
  switch (r.kind) {
    case 'month_close':
      return sql`e.cause_type = 'period' and e.period_key in (${`tiered:${r.period}`}, ${`regional_dividend:${r.period}`})`;
    case 'hot_product':
      return sql`e.cause_type = 'period' and e.period_key like ${`hot_product:${r.period}:%`}`;
    case 'recruit_check':
      return sql`e.cause_type = 'period' and e.rule = 'recruit_bonus' and e.final_at = ${r.at.toISOString()}::timestamptz`;
  }
}

export async function getRun(db: Executor, id: string) {
  const [row] = await db.select().from(commissionPeriodRuns).where(eq(commissionPeriodRuns.id, id));
  if (!row)
    throw commissionPeriodError('commission.period_run_not_found', { field: 'params.id', detail: id });
  return runView(row);
}

/** One run with the entries of its period: totals per rule and the entries themselves (up to 500). */
export async function runDetail(db: Executor, id: string) {
  const [row] = await db.select().from(commissionPeriodRuns).where(eq(commissionPeriodRuns.id, id));
  if (!row)
    throw commissionPeriodError('commission.period_run_not_found', { field: 'params.id', detail: id });
  const where = entriesOfRun(row);
  const [byRule, entries] = await Promise.all([
    entryTotalsByRule(db, where),
    entryViews(db, where, { limit: 500 }),
  ]);
  return { run: runView(row), byRule, entries };
}

/**
 * Why one entry exists (为什么有这笔佣金): the entry and its sentence; for a line entry, every entry
 * of the same order line along the chain (who earned what, in chain order); and the ledger
 * transfers that moved its money (accrual, voids, clawbacks, settlement are per leader and day).
 */
export async function entryWhy(db: Executor, id: string) {
  const names = await loadNamer(db);
  const [entry] = await entryViews(db, sql`e.id = ${id}`, { limit: 1, names });
  if (!entry) throw accrualError('commission.entry_not_found', { field: 'params.id', detail: id });
  const [chain, transfers, adjustments] = await Promise.all([
    entry.orderLineId
      ? entryViews(db, sql`e.order_line_id = ${entry.orderLineId}`, { limit: 50, names })
      : Promise.resolve([]),
    db.execute<{
      key: string;
      amount_fen: number;
      at: Date | string;
      memo: string | null;
      debit: string;
      credit: string;
    }>(sql`
      select t.key, t.amount_fen, t.at, t.memo, d.code as debit, c.code as credit
      from ${ledgerTransfers} t
      join ${ledgerAccounts} d on d.id = t.debit_account_id
      join ${ledgerAccounts} c on c.id = t.credit_account_id
      where t.cause_id = ${entry.id} or t.key = ${entry.key} or t.key = (${accrualKeyOf(entry.id)})
      order by t.id`),
    db
      .select()
      .from(commissionEntryAdjustments)
      .where(eq(commissionEntryAdjustments.entryId, entry.id))
      .orderBy(commissionEntryAdjustments.at),
  ]);
  return {
    entry,
    chain: chain.sort(
      (a, b) => (a.chainPosition ?? 0) - (b.chainPosition ?? 0) || a.rule.localeCompare(b.rule),
    ),
    transfers: transfers.rows.map((t) => ({
      key: t.key,
      amountFen: Number(t.amount_fen),
      at: new Date(t.at).toISOString(),
      memo: t.memo,
      debit: t.debit,
      credit: t.credit,
    })),
    adjustments: adjustments.map((a) => ({
      refundId: a.refundId,
      kind: a.kind,
      quantity: a.quantity,
      amountFen: a.amountFen,
      fromAvailableFen: a.fromAvailableFen,
      toOwedFen: a.toOwedFen,
      at: a.at.toISOString(),
    })),
  };
}

/** The entries a leader earned in a month (by the moment each refers to: payment, month end, campaign close). */
export function leaderMonthWhere(leaderId: string, month: string): SQL {
  const { from, to } = monthBounds(month);
  return sql`e.beneficiary_id = ${leaderId}
    and coalesce(e.paid_at, e.created_at) >= ${from.toISOString()}::timestamptz
    and coalesce(e.paid_at, e.created_at) < ${to.toISOString()}::timestamptz`;
}

/** One leader's month (团长佣金明细): totals per rule and every entry with its sentence. */
export async function leaderWhy(db: Executor, leaderId: string, month: string) {
  if (!isMonth(month))
    throw commissionPeriodError('commission.month_invalid', { field: 'query.month', detail: month });
  const [leader] = await db
    .select({ id: leaders.id, name: leaders.name, code: leaders.code })
    .from(leaders)
    .where(eq(leaders.id, leaderId));
  if (!leader)
    throw commissionPeriodError('commission.leader_not_found', { field: 'params.id', detail: leaderId });
  const where = leaderMonthWhere(leaderId, month);
  const [byRule, entries] = await Promise.all([
    entryTotalsByRule(db, where),
    entryViews(db, where, { limit: 1_000 }),
  ]);
  return {
    leader,
    month,
    totalFen: byRule.reduce((a, r) => a + r.amountFen, 0),
    netFen: byRule.reduce((a, r) => a + r.netFen, 0),
    byRule,
    entries,
  };
}
