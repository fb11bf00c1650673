import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { type AccountRef, accountCode, displayFen } from './accounts.js';
import { ledgerTransfers } from './ledger.tables.js';
import { ensureAccounts, lockBalances, storedBalances, type TransferInput } from './post-transfers.js';

/**
 * Helpers for the two movements whose split depends on a balance at the moment of posting: a
 * clawback (available first, the rest owed) and a settlement (owed repaid first, the rest available).
 * Each locks the leaders' balance rows (in id order, as every posting does), reads the balances, and
 * returns the transfers for the caller to post with postTransfersTx in the same transaction.
 *
 * Idempotency: a split is decided once. If any leg of an item was already posted (by an earlier run),
 * the item gives no transfers at all, because a recomputed split could differ from the posted one.
 */
export interface MovementItem {
  leaderId: string;
  amountFen: number;
  /** The cause's key; the legs are `<key>:available` and `<key>:owed`. */
  key: string;
  causeType: string;
  causeId: string;
  memo?: string | undefined;
}

const ref = (leaderId: string, kind: 'pending' | 'available' | 'owed'): AccountRef => ({
  owner: 'leader',
  leaderId,
  kind,
});

async function lockAndRead(tx: Tx, clock: Clock, leaderIds: readonly string[]) {
  const refs = new Map<string, AccountRef>();
  for (const id of leaderIds) {
    for (const kind of ['pending', 'available', 'owed'] as const)
      refs.set(accountCode(ref(id, kind)), ref(id, kind));
  }
  const ids = await ensureAccounts(tx, clock.now(), refs);
  await lockBalances(
    tx,
    [...ids.values()].sort((a, b) => a - b),
  );
  return storedBalances(tx, [...refs.values()]);
}

async function postedKeys(tx: Tx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const r = await tx.execute<{ key: string }>(
    sql`SELECT key FROM ${ledgerTransfers} WHERE key = ANY(${sql.param([...keys])}::text[])`,
  );
  return new Set(r.rows.map((x) => x.key));
}

const legKeys = (key: string) => [`${key}:available`, `${key}:owed`];

/**
 * A refund after settlement (扣回): debit available up to what it holds, the rest to owed, credit
 * the commission expense. Items of one leader are applied in order against the running balance.
 */
export async function clawbackTransfersTx(
  tx: Tx,
  clock: Clock,
  items: readonly MovementItem[],
): Promise<TransferInput[]> {
  const balances = await lockAndRead(tx, clock, [...new Set(items.map((i) => i.leaderId))]);
  const done = await postedKeys(
    tx,
    items.flatMap((i) => legKeys(i.key)),
  );
  const available = new Map<string, number>();
  const out: TransferInput[] = [];
  for (const item of items) {
    if (legKeys(item.key).some((k) => done.has(k))) continue;
    const code = accountCode(ref(item.leaderId, 'available'));
    const left = available.get(item.leaderId) ?? displayFen('available', balances.get(code) ?? 0);
    const fromAvailable = Math.min(item.amountFen, Math.max(0, left));
    const toOwed = item.amountFen - fromAvailable;
    available.set(item.leaderId, left - fromAvailable);
    const base = { causeType: item.causeType, causeId: item.causeId, memo: item.memo ?? '退款扣回 clawback' };
    const credit: AccountRef = { owner: 'company', kind: 'commission_expense' };
    if (fromAvailable > 0)
      out.push({
        ...base,
        key: `${item.key}:available`,
        debit: ref(item.leaderId, 'available'),
        credit,
        amountFen: fromAvailable,
      });
    if (toOwed > 0)
      out.push({
        ...base,
        key: `${item.key}:owed`,
        debit: ref(item.leaderId, 'owed'),
        credit,
        amountFen: toOwed,
      });
  }
  return out;
}

/**
 * Settlement (结算, T+1): moves final earnings out of pending; what the leader owes is repaid first
 * (pending → owed), the rest becomes available (pending → available).
 */
export async function settlementTransfersTx(
  tx: Tx,
  clock: Clock,
  items: readonly MovementItem[],
): Promise<TransferInput[]> {
  const balances = await lockAndRead(tx, clock, [...new Set(items.map((i) => i.leaderId))]);
  const done = await postedKeys(
    tx,
    items.flatMap((i) => legKeys(i.key)),
  );
  const owed = new Map<string, number>();
  const out: TransferInput[] = [];
  for (const item of items) {
    if (legKeys(item.key).some((k) => done.has(k))) continue;
    const code = accountCode(ref(item.leaderId, 'owed'));
    const debt = owed.get(item.leaderId) ?? displayFen('owed', balances.get(code) ?? 0);
    const repay = Math.min(item.amountFen, Math.max(0, debt));
    owed.set(item.leaderId, debt - repay);
    const base = { causeType: item.causeType, causeId: item.causeId };
    const debit = ref(item.leaderId, 'pending');
    if (repay > 0)
      out.push({
        ...base,
        key: `${item.key}:owed`,
        debit,
        credit: ref(item.leaderId, 'owed'),
        amountFen: repay,
        memo: item.memo ?? '结算抵扣欠款 settlement repays owed',
      });
    if (item.amountFen - repay > 0)
      out.push({
        ...base,
        key: `${item.key}:available`,
        debit,
        credit: ref(item.leaderId, 'available'),
        amountFen: item.amountFen - repay,
        memo: item.memo ?? '结算 settlement',
      });
  }
  return out;
}
