/**
 * Exact integer arithmetic for commission amounts. Every entry is rounded once, half up, from the
 * exact product; nothing goes through floating point. The fast path stays in safe integers (a line
 * of ¥90 billion at 100% still fits); anything larger falls back to bigint.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

function assertNonNegativeInt(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
}

/** round_half_up(a × b / c) for non-negative integers a, b and positive c. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  assertNonNegativeInt(a, 'a');
  assertNonNegativeInt(b, 'b');
  if (!Number.isSafeInteger(c) || c <= 0) throw new RangeError(`c must be a positive safe integer, got ${c}`);
  const product = a * b;
  if (product <= SAFE) {
    const q = Math.floor(product / c);
    const r = product - q * c;
    return r * 2 >= c ? q + 1 : q;
  }
  const p = BigInt(a) * BigInt(b);
  const big = BigInt(c);
  const q = p / big;
  const r = p % big;
  const result = r * 2n >= big ? q + 1n : q;
  if (result > BigInt(SAFE)) throw new RangeError('result exceeds the safe integer range');
  return Number(result);
}

/** A rate in basis points of an amount in fen, rounded half up to the fen. */
export function bpsOf(amountFen: number, rateBps: number): number {
  return mulDivHalfUp(amountFen, rateBps, 10_000);
}

/** A per-unit amount times a quantity, checked to stay a safe integer. */
export function perUnitTimes(perUnitFen: number, quantity: number): number {
  assertNonNegativeInt(perUnitFen, 'perUnitFen');
  assertNonNegativeInt(quantity, 'quantity');
  const amount = perUnitFen * quantity;
  if (!Number.isSafeInteger(amount)) throw new RangeError('per-unit amount exceeds the safe integer range');
  return amount;
}
