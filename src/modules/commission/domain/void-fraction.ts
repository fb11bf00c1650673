import { mulDivHalfUp } from './rounding.js';

/**
 * Voiding commission when an order line is refunded before its commission is final (退款作废).
 *
 * Each refund voids the share of what is *left* of the entry that the refund takes of what is *left*
 * of the line, rounded half up: so several partial refunds that together refund the whole line void
 * exactly the whole entry, whatever the rounding on the way (a fraction of the original each time
 * could leave or overshoot a fen). The state is carried by the caller (the entry's row).
 */
export interface VoidState {
  /** The entry's original amount. */
  amountFen: number;
  /** What is still earned (not yet voided). */
  remainingFen: number;
  /** Units of the line not yet refunded. */
  remainingQty: number;
  /** The line's paid amount not yet refunded. */
  remainingLineFen: number;
}

/** A refund of the line: by units (quantity refunds) or by money (a partial price refund, 少货补偿). */
export type LineRefund = { quantity: number } | { amountFen: number };

export interface VoidResult {
  /** The amount of the entry to void now. */
  voidFen: number;
  next: VoidState;
}

/** The state of a freshly computed entry on a line of `quantity` units that paid `lineFen`. */
export function initialVoidState(amountFen: number, quantity: number, lineFen: number): VoidState {
  for (const [name, v] of [
    ['amountFen', amountFen],
    ['quantity', quantity],
    ['lineFen', lineFen],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`${name} must be a non-negative whole number, got ${v}`);
  }
  return { amountFen, remainingFen: amountFen, remainingQty: quantity, remainingLineFen: lineFen };
}

/**
 * How much of an entry a refund voids, and the state after it. A refund larger than what is left of
 * the line is refused (RangeError): the order module never refunds more than was paid, so that is a
 * caller's mistake and must not silently void too much.
 */
export function voidFraction(state: VoidState, refund: LineRefund): VoidResult {
  if ('quantity' in refund) {
    const q = refund.quantity;
    if (!Number.isSafeInteger(q) || q < 0 || q > state.remainingQty)
      throw new RangeError(`cannot refund ${q} of ${state.remainingQty} remaining units`);
    if (q === 0) return { voidFen: 0, next: state };
    const last = q === state.remainingQty;
    // The units take their share of the line's remaining money too, so a later refund by amount
    // measures against what those units did not take.
    const lineFen = last
      ? state.remainingLineFen
      : mulDivHalfUp(state.remainingLineFen, q, state.remainingQty);
    const voidFen = last ? state.remainingFen : mulDivHalfUp(state.remainingFen, q, state.remainingQty);
    return {
      voidFen,
      next: {
        ...state,
        remainingFen: state.remainingFen - voidFen,
        remainingQty: state.remainingQty - q,
        remainingLineFen: state.remainingLineFen - lineFen,
      },
    };
  }
  const f = refund.amountFen;
  if (!Number.isSafeInteger(f) || f < 0 || f > state.remainingLineFen)
    throw new RangeError(`cannot refund ${f} fen of ${state.remainingLineFen} fen remaining`);
  if (f === 0) return { voidFen: 0, next: state };
  const last = f === state.remainingLineFen;
  const voidFen = last ? state.remainingFen : mulDivHalfUp(state.remainingFen, f, state.remainingLineFen);
  return {
    voidFen,
    next: {
      ...state,
      remainingFen: state.remainingFen - voidFen,
      // Money refunded in full leaves no units worth paying on, even if none were returned.
      remainingQty: last ? 0 : state.remainingQty,
      remainingLineFen: state.remainingLineFen - f,
    },
  };
}
