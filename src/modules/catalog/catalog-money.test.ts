import { describe, expect, it } from 'vitest';
import { fenToYuan, MAX_PRICE_FEN, parseYuanToFen } from './catalog-money.js';

describe('parseYuanToFen', () => {
  it('reads typed amounts exactly, without float rounding', () => {
    expect(parseYuanToFen('29.9')).toBe(2990);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parseYuanToFen('12')).toBe(1200);
    expect(parseYuanToFen('12.')).toBe(1200);
    expect(parseYuanToFen(' ¥1,299.00 ')).toBe(129900);
    expect(parseYuanToFen('￥0')).toBe(0);
  });

  it('reads number cells, whose floats are never exact', () => {
    expect(parseYuanToFen(29.9)).toBe(2990);
    expect(parseYuanToFen(0.29)).toBe(29);
    expect(parseYuanToFen(1.005 * 100 - 100)).toBe(50);
    expect(parseYuanToFen(0.1 + 0.2)).toBe(30);
    expect(parseYuanToFen(0)).toBe(0);
  });

  it('refuses negatives, three decimals, words and out-of-range amounts', () => {
    for (const bad of ['-1', '-0.01', '1.234', 'abc', '', '1e3', '1.2.3', ' ', 29.999, -3, Number.NaN]) {
      expect(parseYuanToFen(bad), String(bad)).toBeNull();
    }
    expect(parseYuanToFen(null)).toBeNull();
    expect(parseYuanToFen(undefined)).toBeNull();
    expect(parseYuanToFen(true)).toBeNull();
    expect(parseYuanToFen(MAX_PRICE_FEN / 100)).toBe(MAX_PRICE_FEN);
    expect(parseYuanToFen(MAX_PRICE_FEN / 100 + 1)).toBeNull();
    expect(parseYuanToFen('100000000.01')).toBeNull();
  });
});

describe('fenToYuan', () => {
  it('formats with two decimals and round-trips through the parser', () => {
    expect(fenToYuan(2990)).toBe('29.90');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-150)).toBe('-1.50');
    for (const fen of [0, 1, 99, 100, 12345, 987654321]) expect(parseYuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('refuses a fractional fen', () => {
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });
});
