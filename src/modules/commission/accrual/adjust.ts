import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  type AccountRef,
  accountCode,
  ledgerAccounts,
  ledgerBalances,
  postTransfersTx,
  type TransferInput,
} from '../../ledger/index.js';
import { commissionEntries, commissionEntryAdjustments, type EntryStatus } from '../entries.tables.js';
import { loadRefundLines, lockMoneyShared } from './accrual.queries.js';
import {
  type Adjustment,
  appliedKey,
  type EntryState,
  planAdjustments,
  splitClawbacks,
} from './adjust-math.js';
import { CAUSE_COMMISSION_ENTRY } from './record-entries.js';

/**
 * Refunds on the money path (退款作废 / 退款扣回): each refund recorded by the orders module is
 * applied once to every entry of the lines it refunded, in the order the refunds were made. Before
 * settlement the share is voided (leader pending → commission expense); after settlement it is clawed
 * back (leader available → commission expense up to the available balance, the rest leader owed →
 * commission expense: the leader owes it, repaid first from their next settlement). Transfer keys
 * derive from the entry key and the refund id, so a second delivery posts nothing.
 */

export interface AdjustResult {
  adjustments: number;
  voidedFen: number;
  clawedBackFen: number;
  /** Of the clawbacks, what the leaders' available balances did not cover (now owed). */
  owedFen: number;
}

const arr = (values: readonly unknown[]) => sql.param(values);

const voidKey = (a: Adjustment) => `void:${a.entryKey}:${a.refundId}`;
const clawKey = (a: Adjustment, part: 'available' | 'owed') => `claw:${a.entryKey}:${a.refundId}:${part}`;
/** The transfer's memo, with the adjustment's own reason when it has one (the statement shows it). */
const withReason = (memo: string, a: Adjustment) => (a.reason ? `${memo} · ${a.reason}` : memo);

type EntryRow = {
  id: string;
  key: string;
  beneficiary_id: string;
  order_id: string;
  order_line_id: string;
  status: EntryStatus;
  amount_fen: number;
  voided_fen: number;
  clawed_back_fen: number;
  line_quantity: number;
  line_fen: number;
  refunded_quantity: number;
  refunded_line_fen: number;
};

/**
 * Locks the balance rows of `refs` that exist, in account-id order (the ledger's lock order), and
 * returns their stored balances. Taken before a posting that must read a balance first (a clawback
 * reads the available balance), for every account the posting will touch, so no lock is ever taken
 * out of order.
 */
async function lockAccountBalances(tx: Tx, refs: readonly AccountRef[]): Promise<Map<string, number>> {
  const codes = [...new Set(refs.map(accountCode))];
  const r = await tx.execute<{ code: string; balance_fen: number }>(sql`
    SELECT a.code, b.balance_fen FROM ${ledgerAccounts} a JOIN ${ledgerBalances} b ON b.account_id = a.id
    WHERE a.code = ANY(${arr(codes)}::text[]) ORDER BY a.id FOR UPDATE OF b`);
  return new Map(r.rows.map((row) => [row.code, Number(row.balance_fen)]));
}

/** Applies every refund of `orderIds` not yet applied to their entries (see the module comment). */
export async function applyRefundsTx(
  deps: { clock: Clock },
  tx: Tx,
  orderIds: readonly string[],
): Promise<AdjustResult> {
  const result: AdjustResult = { adjustments: 0, voidedFen: 0, clawedBackFen: 0, owedFen: 0 };
  if (orderIds.length === 0) return result;
  await lockMoneyShared(tx);
  const refunds = await loadRefundLines(tx, orderIds);
  if (refunds.length === 0) return result;
  const refundedOrders = [...new Set(refunds.map((r) => r.orderId))];
  // The entries are locked first (in id order), then what was already applied is read: a refund
  // handled at the same moment by another transaction is either fully seen or waited for.
  const rows = await tx.execute<EntryRow>(sql`
    SELECT id, key, beneficiary_id, order_id, order_line_id, status, amount_fen, voided_fen, clawed_back_fen,
           line_quantity, line_fen, refunded_quantity, refunded_line_fen
    FROM ${commissionEntries}
    WHERE order_id = ANY(${arr(refundedOrders)}::text[]) AND cause_type = 'order_line'
    ORDER BY id FOR UPDATE`);
  if (rows.rows.length === 0) return result;
  const done = await tx.execute<{ entry_id: string; refund_id: string }>(sql`
    SELECT entry_id, refund_id FROM ${commissionEntryAdjustments}
    WHERE order_id = ANY(${arr(refundedOrders)}::text[])`);
  const applied = new Set(done.rows.map((d) => appliedKey(d.entry_id, d.refund_id)));
  const entries: EntryState[] = rows.rows.map((r) => ({
    id: r.id,
    key: r.key,
    beneficiaryId: r.beneficiary_id,
    orderId: r.order_id,
    orderLineId: r.order_line_id,
    status: r.status,
    amountFen: Number(r.amount_fen),
    voidedFen: Number(r.voided_fen),
    clawedBackFen: Number(r.clawed_back_fen),
    lineQuantity: Number(r.line_quantity),
    lineFen: Number(r.line_fen),
    refundedQuantity: Number(r.refunded_quantity),
    refundedLineFen: Number(r.refunded_line_fen),
  }));
  const { adjustments, next } = planAdjustments(entries, refunds, applied);
  return postAdjustmentsTx(deps, tx, adjustments, [...next.values()]);
}

/** An entry's refund state after adjustments: what `postAdjustmentsTx` writes back. */
export type AdjustedEntry = Pick<
  EntryState,
  'id' | 'voidedFen' | 'clawedBackFen' | 'refundedQuantity' | 'refundedLineFen' | 'status'
>;

/**
 * Posts planned adjustments (the one way commission is voided or clawed back): the ledger transfers
 * (a void takes the leader's pending back; a clawback takes available up to its balance and records
 * the rest as owed), one `commission_entry_adjustments` row per (entry, refund), and the entries' new
 * refund state `changed`. Order-line refunds and recruit bonuses taken back by a refund both end here,
 * so the leader's balances and statement show them alike. The caller holds the money lock shared and
 * the entries' rows locked.
 */
export async function postAdjustmentsTx(
  deps: { clock: Clock },
  tx: Tx,
  adjustments: readonly Adjustment[],
  changed: readonly AdjustedEntry[],
): Promise<AdjustResult> {
  const result: AdjustResult = { adjustments: 0, voidedFen: 0, clawedBackFen: 0, owedFen: 0 };
  if (adjustments.length === 0) return result;

  const expense: AccountRef = { owner: 'company', kind: 'commission_expense' };
  const leaderRef = (leaderId: string, kind: 'pending' | 'available' | 'owed'): AccountRef => ({
    owner: 'leader',
    leaderId,
    kind,
  });
  const transfers: TransferInput[] = [];
  const splits = new Map<Adjustment, { fromAvailableFen: number; toOwedFen: number }>();
  const clawbacks = adjustments.filter((a) => a.kind === 'clawback' && a.amountFen > 0);
  if (clawbacks.length > 0) {
    // Read the available balances under lock: every account this posting touches, in id order.
    const refs: AccountRef[] = [expense];
    for (const a of adjustments) refs.push(leaderRef(a.beneficiaryId, 'pending'));
    for (const a of clawbacks)
      refs.push(leaderRef(a.beneficiaryId, 'available'), leaderRef(a.beneficiaryId, 'owed'));
    const balances = await lockAccountBalances(tx, refs);
    const byLeader = new Map<string, Adjustment[]>();
    for (const a of clawbacks) byLeader.set(a.beneficiaryId, [...(byLeader.get(a.beneficiaryId) ?? []), a]);
    for (const [leaderId, list] of byLeader) {
      // Stored balances are debits − credits: a leader's available shows as its negation.
      const available = -(balances.get(accountCode(leaderRef(leaderId, 'available'))) ?? 0);
      const parts = splitClawbacks(
        list.map((a) => a.amountFen),
        available,
      );
      for (const [i, a] of list.entries())
        splits.set(a, parts[i] ?? { fromAvailableFen: 0, toOwedFen: a.amountFen });
    }
  }
  for (const a of adjustments) {
    if (a.amountFen === 0) continue;
    if (a.kind === 'void') {
      result.voidedFen += a.amountFen;
      transfers.push({
        key: voidKey(a),
        debit: leaderRef(a.beneficiaryId, 'pending'),
        credit: expense,
        amountFen: a.amountFen,
        causeType: CAUSE_COMMISSION_ENTRY,
        causeId: a.entryId,
        memo: withReason(`佣金作废 void: refund ${a.refundId}`, a),
      });
      continue;
    }
    const split = splits.get(a) ?? { fromAvailableFen: 0, toOwedFen: a.amountFen };
    result.clawedBackFen += a.amountFen;
    result.owedFen += split.toOwedFen;
    if (split.fromAvailableFen > 0) {
      transfers.push({
        key: clawKey(a, 'available'),
        debit: leaderRef(a.beneficiaryId, 'available'),
        credit: expense,
        amountFen: split.fromAvailableFen,
        causeType: CAUSE_COMMISSION_ENTRY,
        causeId: a.entryId,
        memo: withReason(`退款扣回 clawback: refund ${a.refundId}`, a),
      });
    }
    if (split.toOwedFen > 0) {
      transfers.push({
        key: clawKey(a, 'owed'),
        debit: leaderRef(a.beneficiaryId, 'owed'),
        credit: expense,
        amountFen: split.toOwedFen,
        causeType: CAUSE_COMMISSION_ENTRY,
        causeId: a.entryId,
        memo: withReason(`退款扣回记欠款 clawback owed: refund ${a.refundId}`, a),
      });
    }
  }
  await postTransfersTx(tx, deps.clock, transfers);

  const now = deps.clock.now().toISOString();
  const col = <T>(f: (a: Adjustment) => T) => arr(adjustments.map(f));
  await tx.execute(sql`
    INSERT INTO ${commissionEntryAdjustments} (entry_id, refund_id, order_id, beneficiary_id, kind, quantity, line_fen,
      amount_fen, from_available_fen, to_owed_fen, refunded_at, at)
    SELECT *, ${now}::timestamptz FROM unnest(${col((a) => a.entryId)}::text[], ${col((a) => a.refundId)}::text[],
      ${col((a) => a.orderId)}::text[], ${col((a) => a.beneficiaryId)}::text[], ${col((a) => a.kind)}::text[],
      ${col((a) => a.quantity)}::int[], ${col((a) => a.lineFen)}::bigint[], ${col((a) => a.amountFen)}::bigint[],
      ${col((a) => splits.get(a)?.fromAvailableFen ?? 0)}::bigint[],
      ${col((a) => (a.kind === 'clawback' ? (splits.get(a)?.toOwedFen ?? a.amountFen) : 0))}::bigint[],
      ${col((a) => a.refundedAt.toISOString())}::timestamptz[])
    ON CONFLICT (entry_id, refund_id) DO NOTHING`);

  const ecol = <T>(f: (e: AdjustedEntry) => T) => arr(changed.map(f));
  await tx.execute(sql`
    UPDATE ${commissionEntries} e SET voided_fen = v.voided, clawed_back_fen = v.clawed,
      refunded_quantity = v.qty, refunded_line_fen = v.line_fen, status = v.status
    FROM unnest(${ecol((e) => e.id)}::text[], ${ecol((e) => e.voidedFen)}::bigint[],
                ${ecol((e) => e.clawedBackFen)}::bigint[], ${ecol((e) => e.refundedQuantity)}::int[],
                ${ecol((e) => e.refundedLineFen)}::bigint[], ${ecol((e) => e.status)}::text[])
      AS v(id, voided, clawed, qty, line_fen, status)
    WHERE e.id = v.id`);
  result.adjustments = adjustments.length;
  return result;
}
