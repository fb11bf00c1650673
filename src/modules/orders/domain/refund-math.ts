import { assertFen, type Fen } from '../../../platform/money.js';
import type { OrderStatus } from '../orders.tables.js';

/**
 * Refund arithmetic (退款计算), pure: what is left to refund on each line, what a refund request
 * gives back and for how much, and whether the order is then fully refunded. The server computes
 * every amount from the line's unit price; a client never sends money.
 */

/** An order line as far as refunding is concerned. */
export interface RefundableLine {
  id: string;
  skuId: string;
  campaignItemId: string;
  warehouseId: string;
  quantity: number;
  refundedQuantity: number;
  unitPriceFen: Fen;
}

/** Whole order (every unit left), or chosen lines with quantities. */
export type RefundSelection =
  | { whole: true }
  | { whole: false; lines: readonly { orderLineId: string; quantity: number }[] };

export interface PlannedRefundLine {
  line: RefundableLine;
  quantity: number;
  amountFen: Fen;
}

export type RefundRefusalCode =
  | 'orders.refund_lines_required'
  | 'orders.refund_line_not_in_order'
  | 'orders.refund_line_duplicate'
  | 'orders.refund_quantity_invalid'
  | 'orders.refund_exceeds_remaining'
  | 'orders.refund_closed';

export type RefundPlan =
  | { ok: true; lines: PlannedRefundLine[]; amountFen: Fen; fully: boolean }
  | { ok: false; code: RefundRefusalCode; field: string; detail?: string };

/** Units of a line not yet refunded. */
export function remainingRefundable(line: Pick<RefundableLine, 'quantity' | 'refundedQuantity'>): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

/** The money for `quantity` units of a line: quantity × unit price, in fen. */
export function refundAmountFen(line: Pick<RefundableLine, 'unitPriceFen'>, quantity: number): Fen {
  return assertFen(quantity * line.unitPriceFen, 'refund amount');
}

/** True when no unit of any line is left to refund. */
export function isFullyRefunded(
  lines: readonly Pick<RefundableLine, 'quantity' | 'refundedQuantity'>[],
): boolean {
  return lines.length > 0 && lines.every((l) => remainingRefundable(l) === 0);
}

/** Where an order stands for a refund: paid (any status from paid to completed) or not. */
export function refundableStatus(status: OrderStatus): 'ok' | 'not_paid' | 'closed' {
  switch (status) {
    case 'paid':
    case 'confirmed':
    case 'shipped':
    case 'delivered':
    case 'picked_up':
    case 'completed':
      return 'ok';
    case 'on_hold':
    case 'pending_payment':
      return 'not_paid';
    case 'cancelled':
    case 'refunded':
      return 'closed';
    default: {
      const unreachable: never = status;
      throw new Error(`unknown order status ${String(unreachable)}`);
    }
  }
}

/** Goods still in the warehouse (paid, or confirmed at cutoff but not shipped) go back to stock. */
export function returnsStockOnRefund(status: OrderStatus): boolean {
  return status === 'paid' || status === 'confirmed';
}

/**
 * Decides a refund against the lines as they stand (read under the order's lock). Refuses, naming
 * the request field at fault, an empty or ambiguous selection, a line of another order, a line listed
 * twice, a quantity that is not a whole number above zero, or more than is left on a line. Lines come
 * back in the order's line order, so the written rows and the event read the same every time.
 */
export function planRefund(lines: readonly RefundableLine[], selection: RefundSelection): RefundPlan {
  const wanted = new Map<string, number>();
  if (selection.whole) {
    for (const l of lines) if (remainingRefundable(l) > 0) wanted.set(l.id, remainingRefundable(l));
    if (wanted.size === 0) return { ok: false, code: 'orders.refund_closed', field: 'params.id' };
  } else {
    if (selection.lines.length === 0)
      return { ok: false, code: 'orders.refund_lines_required', field: 'body.lines' };
    const byId = new Map(lines.map((l) => [l.id, l]));
    for (const [i, pick] of selection.lines.entries()) {
      const line = byId.get(pick.orderLineId);
      if (!line)
        return {
          ok: false,
          code: 'orders.refund_line_not_in_order',
          field: `body.lines.${i}.orderLineId`,
          detail: pick.orderLineId,
        };
      if (wanted.has(line.id))
        return { ok: false, code: 'orders.refund_line_duplicate', field: `body.lines.${i}.orderLineId` };
      if (!Number.isSafeInteger(pick.quantity) || pick.quantity <= 0)
        return { ok: false, code: 'orders.refund_quantity_invalid', field: `body.lines.${i}.quantity` };
      const left = remainingRefundable(line);
      if (pick.quantity > left)
        return {
          ok: false,
          code: 'orders.refund_exceeds_remaining',
          field: `body.lines.${i}.quantity`,
          // The field names the line; the detail says how many are left, never the line's id.
          detail: String(left),
        };
      wanted.set(line.id, pick.quantity);
    }
  }
  const planned: PlannedRefundLine[] = [];
  for (const line of lines) {
    const quantity = wanted.get(line.id);
    if (quantity === undefined) continue;
    planned.push({ line, quantity, amountFen: refundAmountFen(line, quantity) });
  }
  const amountFen = assertFen(
    planned.reduce((sum, p) => sum + p.amountFen, 0),
    'refund total',
  );
  const fully = isFullyRefunded(
    lines.map((l) => ({
      quantity: l.quantity,
      refundedQuantity: l.refundedQuantity + (wanted.get(l.id) ?? 0),
    })),
  );
  return { ok: true, lines: planned, amountFen, fully };
}
