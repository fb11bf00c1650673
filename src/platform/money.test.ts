import { describe, expect, it } from 'vitest';
import { applyRateBps, assertFen, formatFen, prorate } from './money.js';

/** mulberry32: a tiny seeded PRNG so the property-style loops are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max], both inclusive. */
function intIn(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** `-0 + 0 === +0`: compares amounts by value, as the database and JSON do. */
const byValue = (parts: readonly number[]): number[] => parts.map((p) => p + 0);

const sumOf = (parts: readonly number[]): number => parts.reduce((a, b) => a + b, 0);

const MAX = Number.MAX_SAFE_INTEGER;

describe('assertFen', () => {
  it.each([0, 1, -1, 123450, MAX, -MAX])('accepts the whole number %s and returns it', (value) => {
    expect(assertFen(value)).toBe(value);
  });

  it.each([0.5, -1.25, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, MAX + 1, -MAX - 1])(
    'rejects %s',
    (value) => {
      expect(() => assertFen(value)).toThrow(RangeError);
    },
  );

  it('names the value in the message, defaulting to "amount"', () => {
    expect(() => assertFen(1.5)).toThrow(/^amount must be a whole number of fen, got 1\.5$/);
    expect(() => assertFen(1.5, 'discount_fen')).toThrow(/^discount_fen must be/);
  });
});

describe('prorate', () => {
  it.each<[string, number, number[], number[]]>([
    ['an even split', 100, [1, 1], [50, 50]],
    ['proportional shares', 100, [1, 3], [25, 75]],
    ['thirds: the remainder goes to the earliest tie', 100, [1, 1, 1], [34, 33, 33]],
    ['one fen over three equal weights', 1, [1, 1, 1], [1, 0, 0]],
    ['two fen over three equal weights', 2, [1, 1, 1], [1, 1, 0]],
    ['largest remainder beats an earlier smaller one', 10, [1, 2], [3, 7]],
    ['a remainder beats a zero remainder', 5, [4, 3, 3], [2, 2, 1]],
    ['a single weight takes everything', 999, [7], [999]],
    ['a zero weight gets nothing', 100, [0, 1, 0, 3], [0, 25, 0, 75]],
    ['a zero total gives zero parts', 0, [5, 0, 7], [0, 0, 0]],
    ['a large total', 1_000_000_007, [2, 3, 5], [200_000_001, 300_000_002, 500_000_004]],
    ['weights larger than the total', 3, [1000, 1000, 1000, 1000], [1, 1, 1, 0]],
  ])('%s', (_name, total, weights, expected) => {
    const parts = prorate(total, weights);
    expect(byValue(parts)).toEqual(expected);
    expect(sumOf(parts)).toBe(total);
  });

  it.each<[string, number, number[], number[]]>([
    ['an even split', -100, [1, 1], [-50, -50]],
    ['proportional shares', -100, [1, 3], [-25, -75]],
    ['thirds: the remainder goes to the earliest tie', -100, [1, 1, 1], [-34, -33, -33]],
    ['one fen over three equal weights', -1, [1, 1, 1], [-1, 0, 0]],
    ['a zero weight gets nothing', -5, [1, 0], [-5, 0]],
    ['largest remainder', -10, [1, 2], [-3, -7]],
  ])('negative total: %s (mirror of the positive split)', (_name, total, weights, expected) => {
    const parts = prorate(total, weights);
    expect(byValue(parts)).toEqual(expected);
    expect(sumOf(parts)).toBe(total);
    expect(byValue(parts)).toEqual(byValue(prorate(-total, weights).map((p) => -p)));
  });

  it.each<[number, number[], number[]]>([
    [10, [0, 0, 0], [4, 3, 3]],
    [2, [0, 0, 0], [1, 1, 0]],
    [-10, [0, 0, 0], [-4, -3, -3]],
    [0, [0, 0], [0, 0]],
    [7, [0], [7]],
  ])('all-zero weights spread %s evenly over %j', (total, weights, expected) => {
    expect(byValue(prorate(total, weights))).toEqual(expected);
  });

  it('returns no parts for a zero total and no weights', () => {
    expect(prorate(0, [])).toEqual([]);
  });

  it.each([1, -1, 100])('refuses to place the non-zero total %s on no weights', (total) => {
    expect(() => prorate(total, [])).toThrow(RangeError);
  });

  it.each([0.5, -2.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1])('rejects the total %s', (total) => {
    expect(() => prorate(total, [1, 2])).toThrow(/total must be a whole number of fen/);
  });

  it.each<[string, number[]]>([
    ['a negative weight', [1, -1]],
    ['a fractional weight', [1, 0.5]],
    ['a NaN weight', [Number.NaN]],
    ['an infinite weight', [1, Number.POSITIVE_INFINITY]],
    ['an unsafe integer weight', [MAX + 1]],
  ])('rejects %s', (_name, weights) => {
    expect(() => prorate(10, weights)).toThrow(/weights must be non-negative integers/);
  });

  it('is deterministic and does not mutate the weights', () => {
    const weights = Object.freeze([3, 1, 4, 1, 5, 9, 2, 6]);
    const first = prorate(1001, weights);
    expect(prorate(1001, weights)).toEqual(first);
    expect(weights).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });

  it('handles totals up to the largest safe integer exactly', () => {
    expect(byValue(prorate(MAX, [1, 1]))).toEqual([(MAX + 1) / 2, (MAX - 1) / 2]);
    expect(byValue(prorate(-MAX, [1, 1]))).toEqual([-(MAX + 1) / 2, -(MAX - 1) / 2]);
    expect(sumOf(prorate(MAX, [2, 3, 5, 7]))).toBe(MAX);
  });

  it('property: parts sum to the total, each within one fen of its exact share, ties to earlier weights', () => {
    const rand = mulberry32(0x7a11f10);
    for (let run = 0; run < 3000; run++) {
      const count = intIn(rand, 1, 12);
      const weightMax = [1, 10, 1000, 1_000_000][intIn(rand, 0, 3)] ?? 10;
      const weights = Array.from({ length: count }, () => (rand() < 0.2 ? 0 : intIn(rand, 0, weightMax)));
      const totalMax = [5, 1000, 10_000_000, 1_000_000_000_000][intIn(rand, 0, 3)] ?? 1000;
      const total = intIn(rand, -totalMax, totalMax);
      const context = `prorate(${total}, [${weights.join(', ')}])`;

      const parts = prorate(total, weights);
      expect(parts, context).toHaveLength(count);
      expect(sumOf(parts), context).toBe(total);

      const weightSum = weights.reduce((a, b) => a + b, 0);
      // With all-zero weights the split is even, i.e. every weight counts as 1.
      const basis = weightSum === 0 ? weights.map(() => 1) : weights;
      const basisSum = BigInt(basis.reduce((a, b) => a + b, 0));
      const absTotal = BigInt(Math.abs(total));
      const sign = total < 0 ? -1n : 1n;
      for (const [i, part] of parts.entries()) {
        expect(Number.isSafeInteger(part), context).toBe(true);
        // |part| is the exact share rounded down or up: floor(x) <= |part| <= floor(x) + 1.
        const w = BigInt(basis[i] ?? 0);
        const floor = (absTotal * w) / basisSum;
        const magnitude = BigInt(part) * sign;
        expect(magnitude >= floor && magnitude <= floor + 1n, `${context} part ${i}`).toBe(true);
        if (w === 0n) expect(part + 0, `${context} zero weight ${i}`).toBe(0);
      }
      // Equal weights must never give a later one more than an earlier one.
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < count; j++) {
          if (basis[i] === basis[j]) {
            expect(Math.abs(parts[i] ?? 0) >= Math.abs(parts[j] ?? 0), `${context} tie ${i}/${j}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('formatFen', () => {
  it.each<[number, string]>([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123450, '¥1,234.50'],
    [99_999, '¥999.99'],
    [100_000, '¥1,000.00'],
    [123_456_789, '¥1,234,567.89'],
    [100_000_000_000, '¥1,000,000,000.00'],
    [MAX, '¥90,071,992,547,409.91'],
    [-5, '-¥0.05'],
    [-100, '-¥1.00'],
    [-123450, '-¥1,234.50'],
    [-123_456_789, '-¥1,234,567.89'],
    [-MAX, '-¥90,071,992,547,409.91'],
  ])('formats %s fen as %s', (amount, expected) => {
    expect(formatFen(amount)).toBe(expected);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1])('rejects %s', (amount) => {
    expect(() => formatFen(amount)).toThrow(RangeError);
  });
});

describe('applyRateBps', () => {
  it.each<[number, number, number]>([
    [10000, 1000, 1000],
    [10000, 10000, 10000],
    [12345, 10000, 12345],
    [12345, 0, 0],
    [0, 1234, 0],
    [10000, 1, 1],
    [5, 5000, 3], // 2.5 rounds up
    [1, 5000, 1], // 0.5 rounds up
    [1, 4999, 0], // 0.4999 rounds down
    [149, 100, 1], // 1.49
    [150, 100, 2], // 1.5
    [3, 3333, 1], // 0.9999
    [1, 15000, 2], // rates above 100% are allowed: 1.5
    [199, 250, 5], // 4.975
    [MAX, 10000, MAX],
  ])('%s fen × %s bps = %s', (amount, bps, expected) => {
    expect(applyRateBps(amount, bps)).toBe(expected);
  });

  it.each<[number, number, number]>([
    [-5, 5000, -3], // -2.5 rounds away from zero
    [5, -5000, -3],
    [-5, -5000, 3],
    [-1, 5000, -1], // -0.5
    [-1, 4999, 0], // -0.4999
    [-149, 100, -1],
    [-150, 100, -2],
    [-10000, 1000, -1000],
  ])('negative: %s fen × %s bps = %s (half away from zero)', (amount, bps, expected) => {
    const result = applyRateBps(amount, bps);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  it('property: agrees with rounding the exact product half away from zero', () => {
    const rand = mulberry32(0xb95);
    for (let run = 0; run < 5000; run++) {
      const amount = intIn(rand, -1_000_000_000, 1_000_000_000);
      const bps = intIn(rand, -20_000, 20_000);
      // |amount × bps| < 2^53, so this float arithmetic is exact up to the division, and a true half
      // (x.5) is exactly representable; nothing else is close enough to x.5 to be misrounded.
      const exact = Math.abs(amount * bps) / 10000;
      const sign = amount * bps < 0 ? -1 : 1;
      const expected = sign * Math.round(exact) + 0;
      expect(applyRateBps(amount, bps), `${amount} × ${bps}`).toBe(expected);
    }
  });

  it('is symmetric in sign', () => {
    const rand = mulberry32(42);
    for (let run = 0; run < 1000; run++) {
      const amount = intIn(rand, 0, 10_000_000);
      const bps = intIn(rand, 0, 10_000);
      expect(applyRateBps(-amount, bps) + 0).toBe(-applyRateBps(amount, bps) + 0);
    }
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the amount %s', (amount) => {
    expect(() => applyRateBps(amount, 100)).toThrow(RangeError);
  });

  it.each([0.5, Number.NaN])('rejects the non-integer rate %s', (bps) => {
    expect(() => applyRateBps(100, bps)).toThrow(RangeError);
  });
});

describe('prorate beyond the safe-integer sum of weights', () => {
  it('still sums exactly to the total when the weights together pass MAX_SAFE_INTEGER', () => {
    const total = 9007199254740336;
    const parts = prorate(total, [307, 9007199254740737, 647, 671]);
    expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(total));
  });

  it('gives +0, not -0, to the zero parts of a negative total', () => {
    expect(Object.is(prorate(-5, [1, 0])[1], 0)).toBe(true);
  });
});

describe('applyRateBps refuses what it cannot compute exactly', () => {
  it('refuses a fractional rate and an unsafe result', () => {
    expect(() => applyRateBps(100, 12.5)).toThrow(/rateBps/);
    expect(() => applyRateBps(Number.MAX_SAFE_INTEGER, 15000)).toThrow(RangeError);
  });
});
