import { formatFen } from '../../../platform/money.js';
import { type Adjustment, takeRestOfEntry, type WholeEntry } from '../accrual/adjust-math.js';

/**
 * What a refund does to a recruit bonus (推荐奖) already written, pure. The bonus rests on the
 * recruit's qualifying sales (their final sales completed within the window, net of refunds). When a
 * refund of one of those orders comes after the bonus was written (a refund allowed after the
 * after-sales window, a manual after-sales refund), the sales are counted again: still at or above the
 * threshold, nothing changes; below it, what is left of the bonus is taken back the way a line's
 * commission is (voided before settlement, clawed back after it), naming the recruit and the order.
 */

/** A recruit bonus entry as stored, with the rule's figures from its explanation. */
export interface RecruitBonusHeld extends WholeEntry {
  recruitId: string;
  recruitName: string;
  thresholdFen: number;
}

/** A refund of one of the recruit's orders that completed inside their window. */
export interface RecruitOrderRefund {
  refundId: string;
  orderId: string;
  at: Date;
}

export type RecruitRefundOutcome =
  | { take: true; adjustment: Adjustment; next: WholeEntry }
  | { take: false; reason: 'no_window_refund' | 'still_qualifies' | 'nothing_left' };

/**
 * `refunds` are the recruit's window orders' refunds handled now, in the order they were made;
 * `salesFen` the qualifying sales counted after them. The last refund is the one named: it is the
 * one that left the sales below the threshold.
 */
export function recruitBonusRefund(
  entry: RecruitBonusHeld,
  refunds: readonly RecruitOrderRefund[],
  salesFen: number,
): RecruitRefundOutcome {
  const last = refunds.at(-1);
  if (!last) return { take: false, reason: 'no_window_refund' };
  const sales = Math.max(0, salesFen);
  if (sales >= entry.thresholdFen) return { take: false, reason: 'still_qualifies' };
  const reason =
    `推荐奖 recruit bonus: ${entry.recruitName} (${entry.recruitId}) 订单 order ${last.orderId} 退款 refunded, ` +
    `销售额 sales ${formatFen(sales)} < 门槛 threshold ${formatFen(entry.thresholdFen)}`;
  const taken = takeRestOfEntry(entry, last, reason);
  if (!taken) return { take: false, reason: 'nothing_left' };
  return { take: true, ...taken };
}
