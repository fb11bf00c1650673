import { describe, expect, it } from 'vitest';
import { applyRateBps } from '../../../platform/money.js';
import { bpsOf, mulDivHalfUp } from './rounding.js';
import { initialVoidState, type LineRefund, voidFraction } from './void-fraction.js';

function run(amountFen: number, quantity: number, lineFen: number, refunds: LineRefund[]): number[] {
  let state = initialVoidState(amountFen, quantity, lineFen);
  const voids: number[] = [];
  for (const r of refunds) {
    const { voidFen, next } = voidFraction(state, r);
    voids.push(voidFen);
    state = next;
  }
  return voids;
}

describe('voiding an entry on refunds (退款作废)', () => {
  it.each([
    // 1,000 on 3 units: 1/3 of 1,000 = 333.33 → 333; 1/2 of the 667 left = 333.5 → 334; the rest 333.
    {
      name: 'three single units',
      amount: 1000,
      qty: 3,
      line: 9000,
      refunds: [{ quantity: 1 }, { quantity: 1 }, { quantity: 1 }],
      voids: [333, 334, 333],
    },
    // A fraction of the original each time would void 333 × 3 = 999 and leave a fen behind.
    {
      name: 'the whole at once',
      amount: 1000,
      qty: 3,
      line: 9000,
      refunds: [{ quantity: 3 }],
      voids: [1000],
    },
    // By amount: 3,333 of 10,000 → 333.3 → 333; 3,333 of the 6,667 left on 667 → 333.45 → 333; the last 334.
    {
      name: 'three refunds by amount',
      amount: 1000,
      qty: 1,
      line: 10_000,
      refunds: [{ amountFen: 3333 }, { amountFen: 3333 }, { amountFen: 3334 }],
      voids: [333, 333, 334],
    },
    // 2 of 4 units: 50% of 401 = 200.5 → 201; then ¥ 2,500 of the 5,000 left on 200: 100; the last 2,500: 100.
    {
      name: 'units, then money',
      amount: 401,
      qty: 4,
      line: 10_000,
      refunds: [{ quantity: 2 }, { amountFen: 2500 }, { amountFen: 2500 }],
      voids: [201, 100, 100],
    },
    // A partial refund leaves the rest earned.
    { name: 'one unit of two', amount: 7, qty: 2, line: 200, refunds: [{ quantity: 1 }], voids: [4] },
    {
      name: 'nothing refunded',
      amount: 7,
      qty: 2,
      line: 200,
      refunds: [{ quantity: 0 }, { amountFen: 0 }],
      voids: [0, 0],
    },
  ])('$name → $voids', ({ amount, qty, line, refunds, voids }) => {
    expect(run(amount, qty, line, refunds)).toEqual(voids);
  });

  it('refuses to refund more than is left', () => {
    const s = initialVoidState(100, 2, 1000);
    expect(() => voidFraction(s, { quantity: 3 })).toThrow(RangeError);
    expect(() => voidFraction(s, { amountFen: 1001 })).toThrow(RangeError);
    const after = voidFraction(s, { quantity: 2 }).next;
    expect(after).toEqual({ amountFen: 100, remainingFen: 0, remainingQty: 0, remainingLineFen: 0 });
    expect(() => voidFraction(after, { quantity: 1 })).toThrow(RangeError);
  });
});

describe('rounding', () => {
  it.each([
    [10_000, 1000, 1000],
    [12_345, 1000, 1235],
    [5, 1000, 1],
    [4, 1000, 0],
    [1, 4999, 0],
    [1, 5000, 1],
    [0, 10_000, 0],
  ])('%i fen × %i bps = %i', (fen, bps, expected) => {
    expect(bpsOf(fen, bps)).toBe(expected);
    expect(bpsOf(fen, bps)).toBe(applyRateBps(fen, bps));
  });

  it('stays exact above 2^53', () => {
    // 9e15 × 9999 / 10000 = 8,999,100,000,000,000 exactly.
    expect(mulDivHalfUp(9_000_000_000_000_000, 9999, 10_000)).toBe(8_999_100_000_000_000);
    expect(() => mulDivHalfUp(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});
