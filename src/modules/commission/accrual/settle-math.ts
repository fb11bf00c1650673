import type { TransferInput } from '../../ledger/index.js';
import { CAUSE_COMMISSION_SETTLEMENT } from './record-entries.js';

/**
 * The T+1 settlement's money (结算), pure: per leader, what the settled entries still carry moves
 * from pending to available in one transfer (`settle:<day>:<leaderId>`); if the leader owes the
 * company (a clawback beyond their available balance), that much of it goes straight on to repay the
 * debt (`net:<day>:<leaderId>`, available → owed), so later earnings repay what is owed first.
 */

export interface LeaderTotal {
  leaderId: string;
  entryCount: number;
  /** amount − voided − clawed back, summed over the leader's entries settled now. */
  settledFen: number;
}

export interface LeaderSettlement extends LeaderTotal {
  /** What the leader owed before this settlement. */
  owedBeforeFen: number;
  /** Of `settledFen`, used to repay what they owed. */
  nettedFen: number;
}

export const settleKey = (day: string, leaderId: string) => `settle:${day}:${leaderId}`;
export const netKey = (day: string, leaderId: string) => `net:${day}:${leaderId}`;

export function settlementTransfers(
  day: string,
  settlementId: string,
  totals: readonly LeaderTotal[],
  owedFen: ReadonlyMap<string, number>,
): { leaders: LeaderSettlement[]; transfers: TransferInput[] } {
  const leaders: LeaderSettlement[] = [];
  const transfers: TransferInput[] = [];
  for (const t of totals) {
    if (!Number.isSafeInteger(t.settledFen) || t.settledFen < 0)
      throw new RangeError(`settled amount of ${t.leaderId} must be a non-negative whole number of fen`);
    const owedBeforeFen = Math.max(0, owedFen.get(t.leaderId) ?? 0);
    const nettedFen = Math.min(owedBeforeFen, t.settledFen);
    leaders.push({ ...t, owedBeforeFen, nettedFen });
    if (t.settledFen > 0) {
      transfers.push({
        key: settleKey(day, t.leaderId),
        debit: { owner: 'leader', leaderId: t.leaderId, kind: 'pending' },
        credit: { owner: 'leader', leaderId: t.leaderId, kind: 'available' },
        amountFen: t.settledFen,
        causeType: CAUSE_COMMISSION_SETTLEMENT,
        causeId: settlementId,
        memo: `T+1 结算 settlement ${day}`,
      });
    }
    if (nettedFen > 0) {
      transfers.push({
        key: netKey(day, t.leaderId),
        debit: { owner: 'leader', leaderId: t.leaderId, kind: 'available' },
        credit: { owner: 'leader', leaderId: t.leaderId, kind: 'owed' },
        amountFen: nettedFen,
        causeType: CAUSE_COMMISSION_SETTLEMENT,
        causeId: settlementId,
        memo: `欠款抵扣 owed repaid from settlement ${day}`,
      });
    }
  }
  return { leaders, transfers };
}
