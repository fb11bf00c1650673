import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { leaders } from '../leaders/index.js';
import { balancesOf, balancesOfMany } from './balances.queries.js';
import { ledgerError } from './ledger.errors.js';
import { payoutLines, type WithdrawalStatus, withdrawals } from './ledger.tables.js';
import { maskAccount } from './payout-accounts.service.js';
import { listTransfers } from './transfers.queries.js';
import { netOfDebt } from './withdrawal-math.js';

export type WithdrawalRow = typeof withdrawals.$inferSelect;

/** A withdrawal as the API shows it: the account masked, times as ISO strings. */
export function withdrawalView(w: WithdrawalRow) {
  return {
    id: w.id,
    leaderId: w.leaderId,
    amountFen: w.amountFen,
    feeFen: w.feeFen,
    taxFen: w.taxFen,
    netFen: w.netFen,
    status: w.status,
    method: w.method,
    payeeName: w.payeeName,
    accountMasked: maskAccount(w.accountLast4),
    bankName: w.bankName,
    requestedAt: w.requestedAt.toISOString(),
    decidedAt: w.decidedAt?.toISOString() ?? null,
    decidedBy: w.decidedBy,
    rejectReason: w.rejectReason,
    batchId: w.batchId,
    completedAt: w.completedAt?.toISOString() ?? null,
    failReason: w.failReason,
  };
}

export type WithdrawalView = ReturnType<typeof withdrawalView>;

export interface WithdrawalsQuery {
  status?: WithdrawalStatus | undefined;
  leaderId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Withdrawals, oldest open first for the review queue (待审核) and newest first otherwise, with each
 * leader's name and current withdrawable figures so a reviewer sees them beside the request.
 */
export async function listWithdrawals(db: Executor, q: WithdrawalsQuery) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(withdrawals.status, q.status));
  if (q.leaderId) where.push(eq(withdrawals.leaderId, q.leaderId));
  const cond = where.length ? and(...where) : undefined;
  const order =
    q.status === 'requested' || q.status === 'approved'
      ? [withdrawals.requestedAt]
      : [desc(withdrawals.requestedAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ w: withdrawals, leaderName: leaders.name, leaderCode: leaders.code })
      .from(withdrawals)
      .leftJoin(leaders, eq(leaders.id, withdrawals.leaderId))
      .where(cond)
      .orderBy(...order, withdrawals.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(withdrawals).where(cond),
  ]);
  const balances = await balancesOfMany(db, [...new Set(rows.map((r) => r.w.leaderId))]);
  return {
    items: rows.map((r) => {
      const b = balances.get(r.w.leaderId);
      return {
        ...withdrawalView(r.w),
        leaderName: r.leaderName ?? '',
        leaderCode: r.leaderCode ?? '',
        leaderAvailableFen: b?.availableFen ?? 0,
        leaderOwedFen: b?.owedFen ?? 0,
        leaderNetFen: netOfDebt(b?.availableFen ?? 0, b?.owedFen ?? 0),
      };
    }),
    total: total?.n ?? 0,
  };
}

/** One withdrawal with the transfers it caused (request, rejection, payout). */
export async function getWithdrawalDetail(db: Executor, id: string, leaderId?: string) {
  const [row] = await db
    .select({ w: withdrawals, leaderName: leaders.name, leaderCode: leaders.code })
    .from(withdrawals)
    .leftJoin(leaders, eq(leaders.id, withdrawals.leaderId))
    .where(
      leaderId ? and(eq(withdrawals.id, id), eq(withdrawals.leaderId, leaderId)) : eq(withdrawals.id, id),
    );
  if (!row) throw ledgerError('ledger.withdrawal_not_found', { field: 'params.id' });
  const transfers = await listTransfers(db, { causeType: 'withdrawal', causeId: id, page: 1, pageSize: 50 });
  // The payout line's transfers (paid, failed) carry the line id as their cause.
  const [line] = await db
    .select({ id: payoutLines.id })
    .from(payoutLines)
    .where(eq(payoutLines.withdrawalId, id));
  const lineId = line?.id;
  const lineTransfers = lineId
    ? await listTransfers(db, { causeType: 'payout_line', causeId: lineId, page: 1, pageSize: 50 })
    : { items: [] };
  const b = await balancesOf(db, row.w.leaderId);
  return {
    ...withdrawalView(row.w),
    leaderName: row.leaderName ?? '',
    leaderCode: row.leaderCode ?? '',
    // What the reviewer weighs beside the request: the leader's figures now, debt included.
    leaderAvailableFen: b.availableFen,
    leaderOwedFen: b.owedFen,
    leaderNetFen: netOfDebt(b.availableFen, b.owedFen),
    transfers: [...transfers.items, ...lineTransfers.items].sort((a, b) => a.id - b.id),
  };
}
