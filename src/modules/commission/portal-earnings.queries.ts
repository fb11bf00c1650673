import { and, count, eq, ne, sql } from 'drizzle-orm';
import { localDate, localMonth } from '../../platform/business-time.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import {
  balancesOf,
  getWithdrawalSettings,
  ledgerErrors,
  splitWithdrawal,
  withdrawals,
} from '../ledger/index.js';
import type { PortalLeader } from '../portal/index.js';
import { accrualError } from './accrual/accrual.errors.js';
import { commissionEntries } from './entries.tables.js';
import { entryTotalsByRule, entryViews } from './period/entry-views.js';
import { leaderMonthWhere } from './period/period.queries.js';

/**
 * The leader's own earnings (我的收益), for the portal: always the logged-in leader's rows, found by
 * the caller from the session. Money figures come from the ledger (the truth of what is owed and
 * paid); the estimated part of pending is the entries not final yet, so 预估 + 待结算 = the ledger's
 * pending balance.
 */

/** 预估: what the leader's estimated entries still carry (accrued, not final, after voids). */
async function estimatedFen(db: Executor, leaderId: string): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`
    select coalesce(sum(e.amount_fen - e.voided_fen - e.clawed_back_fen), 0)::bigint as n
    from ${commissionEntries} e where e.beneficiary_id = ${leaderId} and e.status = 'estimated'`);
  return Number(r.rows[0]?.n ?? 0);
}

export async function earningsSummary(db: Executor, clock: Clock, leader: PortalLeader) {
  const month = localMonth(clock.now());
  const [balances, estimated, monthByRule] = await Promise.all([
    balancesOf(db, leader.id),
    estimatedFen(db, leader.id),
    entryTotalsByRule(db, leaderMonthWhere(leader.id, month)),
  ]);
  const shownEstimated = Math.min(estimated, Math.max(0, balances.pendingFen));
  return {
    leader: { id: leader.id, name: leader.name, code: leader.code },
    estimatedFen: shownEstimated,
    pendingFen: Math.max(0, balances.pendingFen - shownEstimated),
    availableFen: balances.availableFen,
    withdrawingFen: balances.withdrawingFen,
    paidOutFen: balances.paidOutFen,
    owedFen: balances.owedFen,
    withdrawableFen: Math.max(0, balances.availableFen - balances.owedFen),
    month,
    monthFen: monthByRule.reduce((a, r) => a + r.netFen, 0),
    monthByRule,
  };
}

export async function earningsEntries(
  db: Executor,
  leader: PortalLeader,
  q: { month?: string | undefined; status?: string | undefined; page: number; pageSize: number },
) {
  const conds = [q.month ? leaderMonthWhere(leader.id, q.month) : sql`e.beneficiary_id = ${leader.id}`];
  if (q.status) conds.push(sql`e.status = ${q.status}`);
  const where = sql.join(conds, sql` and `);
  const [items, total] = await Promise.all([
    entryViews(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    db.execute<{ n: number }>(sql`select count(*)::int as n from ${commissionEntries} e where ${where}`),
  ]);
  return { items, total: Number(total.rows[0]?.n ?? 0) };
}

/** One of the leader's entries; another leader's entry is "not found", never shown. */
export async function earningsEntry(db: Executor, leader: PortalLeader, id: string) {
  const [entry] = await entryViews(db, sql`e.id = ${id} and e.beneficiary_id = ${leader.id}`, { limit: 1 });
  if (!entry) throw accrualError('commission.entry_not_found', { field: 'params.id', detail: id });
  return entry;
}

type Problem = { code: string; zh: string; en: string };

const problemOf = (code: keyof typeof ledgerErrors): Problem => ({
  code,
  zh: ledgerErrors[code].zh,
  en: ledgerErrors[code].en,
});

/**
 * What a withdrawal of `amountFen` would be: fee, tax and what reaches the leader, and whether the
 * request would be refused (the checks and order of the ledger's own request). Shown before the
 * leader confirms; the request itself decides again.
 */
export async function withdrawalPreview(db: Executor, clock: Clock, leader: PortalLeader, amountFen: number) {
  const [rules, balances, [today]] = await Promise.all([
    getWithdrawalSettings(db),
    balancesOf(db, leader.id),
    db
      .select({ n: count() })
      .from(withdrawals)
      .where(
        and(
          eq(withdrawals.leaderId, leader.id),
          eq(withdrawals.localDay, localDate(clock.now())),
          ne(withdrawals.status, 'rejected'),
        ),
      ),
  ]);
  const withdrawableFen = Math.max(0, balances.availableFen - balances.owedFen);
  const split = splitWithdrawal(amountFen, rules);
  let problem: Problem | null = null;
  if (amountFen < rules.minAmountFen) problem = problemOf('ledger.below_minimum');
  else if (amountFen > withdrawableFen) problem = problemOf('ledger.above_available');
  else if (split.netFen < 1) problem = problemOf('ledger.amount_below_fees');
  else if ((today?.n ?? 0) >= rules.dailyCountLimit) problem = problemOf('ledger.daily_limit_reached');
  return { ...split, minAmountFen: rules.minAmountFen, withdrawableFen, problem };
}
