import { voidFraction } from '../domain/void-fraction.js';
import type { AdjustmentKind, EntryStatus } from '../entries.tables.js';

/**
 * What refunds do to entries (退款作废 / 退款扣回), pure. Each refund of a line takes, from every
 * entry of that line, the share `voidFraction` gives (remaining-based, so refunds that together
 * refund the whole line take exactly the whole entry). Before settlement that share is voided (it
 * leaves the leader's pending balance); after settlement it is clawed back (the leader owes it: taken
 * from available up to its balance, the rest recorded as owed, never a silent negative).
 */

/** An entry as stored, with its refund state. */
export interface EntryState {
  id: string;
  key: string;
  beneficiaryId: string;
  orderId: string;
  orderLineId: string;
  status: EntryStatus;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  lineQuantity: number;
  lineFen: number;
  refundedQuantity: number;
  refundedLineFen: number;
}

/** One line of one refund, as the orders module recorded it. */
export interface RefundLine {
  refundId: string;
  orderLineId: string;
  quantity: number;
  amountFen: number;
  at: Date;
}

export interface Adjustment {
  entryId: string;
  entryKey: string;
  orderId: string;
  beneficiaryId: string;
  refundId: string;
  kind: AdjustmentKind;
  quantity: number;
  /** The line's money this refund took, as the entry's refund state counts it. */
  lineFen: number;
  amountFen: number;
  refundedAt: Date;
  /** Why, beyond the refund id, when the refund did not refund the entry's own line (the statement shows it). */
  reason?: string;
}

export const appliedKey = (entryId: string, refundId: string) => `${entryId}|${refundId}`;

/**
 * Applies, in order, every refund line not yet applied to each entry of its line. Returns the new
 * adjustments (zero-amount ones included: they still advance the refund state) and the entries'
 * state after them. `refunds` must be in the order they were made.
 */
export function planAdjustments(
  entries: readonly EntryState[],
  refunds: readonly RefundLine[],
  applied: ReadonlySet<string>,
): { adjustments: Adjustment[]; next: Map<string, EntryState> } {
  const byLine = new Map<string, RefundLine[]>();
  for (const r of refunds) {
    const list = byLine.get(r.orderLineId) ?? [];
    list.push(r);
    byLine.set(r.orderLineId, list);
  }
  const adjustments: Adjustment[] = [];
  const next = new Map<string, EntryState>();
  for (const entry of entries) {
    let e = entry;
    for (const r of byLine.get(entry.orderLineId) ?? []) {
      if (applied.has(appliedKey(entry.id, r.refundId))) continue;
      const state = {
        amountFen: e.amountFen,
        remainingFen: e.amountFen - e.voidedFen - e.clawedBackFen,
        remainingQty: e.lineQuantity - e.refundedQuantity,
        remainingLineFen: e.lineFen - e.refundedLineFen,
      };
      const { voidFen, next: after } = voidFraction(state, { quantity: r.quantity });
      const lineFen = state.remainingLineFen - after.remainingLineFen;
      const kind: AdjustmentKind = e.status === 'settled' ? 'clawback' : 'void';
      adjustments.push({
        entryId: e.id,
        entryKey: e.key,
        orderId: e.orderId,
        beneficiaryId: e.beneficiaryId,
        refundId: r.refundId,
        kind,
        quantity: r.quantity,
        lineFen,
        amountFen: voidFen,
        refundedAt: r.at,
      });
      const voidedFen = e.voidedFen + (kind === 'void' ? voidFen : 0);
      const clawedBackFen = e.clawedBackFen + (kind === 'clawback' ? voidFen : 0);
      const left = e.amountFen - voidedFen - clawedBackFen;
      e = {
        ...e,
        voidedFen,
        clawedBackFen,
        refundedQuantity: e.refundedQuantity + r.quantity,
        refundedLineFen: e.refundedLineFen + lineFen,
        // Nothing left of an entry that was never settled: it is void. A settled entry stays settled
        // (its money moved); what was clawed back is shown beside it.
        status: e.status !== 'settled' && left === 0 && e.amountFen > 0 ? 'voided' : e.status,
      };
    }
    if (e !== entry) next.set(e.id, e);
  }
  return { adjustments, next };
}

export interface ClawbackSplit {
  /** Taken from the leader's available balance. */
  fromAvailableFen: number;
  /** Beyond the available balance: recorded as owed (欠款), repaid from later settlements. */
  toOwedFen: number;
}

/**
 * Splits a leader's clawbacks, in order, between what their available balance covers and what they
 * will owe. `availableFen` is the balance before the first of them.
 */
export function splitClawbacks(amounts: readonly number[], availableFen: number): ClawbackSplit[] {
  let left = Math.max(0, availableFen);
  return amounts.map((amount) => {
    const fromAvailableFen = Math.min(amount, left);
    left -= fromAvailableFen;
    return { fromAvailableFen, toOwedFen: amount - fromAvailableFen };
  });
}

/** An entry taken back whole by a refund of something it rested on (a recruit bonus's qualifying sales). */
export interface WholeEntry {
  id: string;
  key: string;
  beneficiaryId: string;
  status: EntryStatus;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  refundedQuantity: number;
  refundedLineFen: number;
}

/**
 * Takes what is left of `entry` back because of `refund` (of an order the entry rested on, not one of
 * its own lines): voided before settlement (the entry becomes `voided`), clawed back after it (the
 * entry stays `settled`, the clawback shown beside it). Null when nothing is left, so a refund
 * replayed, or a second refund, takes nothing more.
 */
export function takeRestOfEntry(
  entry: WholeEntry,
  refund: { refundId: string; orderId: string; at: Date },
  reason: string,
): { adjustment: Adjustment; next: WholeEntry } | null {
  const left = entry.amountFen - entry.voidedFen - entry.clawedBackFen;
  if (left <= 0 || entry.status === 'voided') return null;
  const kind: AdjustmentKind = entry.status === 'settled' ? 'clawback' : 'void';
  return {
    adjustment: {
      entryId: entry.id,
      entryKey: entry.key,
      orderId: refund.orderId,
      beneficiaryId: entry.beneficiaryId,
      refundId: refund.refundId,
      kind,
      quantity: 0,
      lineFen: 0,
      amountFen: left,
      refundedAt: refund.at,
      reason,
    },
    next: {
      ...entry,
      voidedFen: entry.voidedFen + (kind === 'void' ? left : 0),
      clawedBackFen: entry.clawedBackFen + (kind === 'clawback' ? left : 0),
      status: kind === 'void' ? 'voided' : entry.status,
    },
  };
}
