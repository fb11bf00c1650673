/**
 * Money is integer fen (1 yuan = 100 fen) everywhere: in SQL (`bigint`), in TypeScript (safe-integer
 * numbers) and on the wire. Names carry the unit: `amount_fen`, `rate_bps`.
 */
export type Fen = number;

export function assertFen(value: number, name = 'amount'): Fen {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be a whole number of fen, got ${value}`);
  return value;
}

/**
 * Splits `total` into parts proportional to `weights` with the largest-remainder method, so the parts
 * always sum to exactly `total`. Ties in the remainder go to the earlier weight, which keeps the
 * result deterministic. Used for order discounts across lines and dividend pools across managers.
 */
export function prorate(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, 'total');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError('prorate needs at least one weight to place a non-zero total');
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers, got ${w}`);
  }
  // Summed as bigint: many large weights can pass Number.MAX_SAFE_INTEGER together.
  const bigSum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (bigSum === 0n) {
    // No basis to split on: spread evenly, which is the least surprising answer.
    return prorate(
      total,
      weights.map(() => 1),
    );
  }
  const sign = total < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(total));
  const parts = weights.map((w) => (abs * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % bigSum }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  // `p === 0n` avoids handing out -0 for the zero parts of a negative total.
  return parts.map((p) => (p === 0n ? 0 : sign * Number(p)));
}

/** Formats fen as yuan for people: 123450 → "¥1,234.50", -5 → "-¥0.05". */
export function formatFen(amount: Fen): string {
  assertFen(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const fen = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${fen}`;
}

/** Applies a rate in basis points (1% = 100 bps) and rounds half up to the fen. */
export function applyRateBps(amount: Fen, rateBps: number): Fen {
  assertFen(amount);
  if (!Number.isSafeInteger(rateBps))
    throw new RangeError(`rateBps must be a whole number of basis points, got ${rateBps}`);
  const product = BigInt(amount) * BigInt(rateBps);
  const q = product / 10000n;
  const r = product % 10000n;
  const abs = r < 0n ? -r : r;
  const rounded = abs * 2n >= 10000n ? q + (product < 0n ? -1n : 1n) : q;
  return assertFen(Number(rounded), 'result');
}
