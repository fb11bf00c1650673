import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, yuanToFen } from './money';

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(formatYuan(1)).toBe('¥0.01');
    expect(formatYuan(1050)).toBe('¥10.50');
    expect(formatYuan(2990)).toBe('¥29.90');
  });

  it('writes zero as ¥0.00', () => {
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-0)).toBe('¥0.00');
  });

  it('separates thousands', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(100000)).toBe('¥1,000.00');
    expect(formatYuan(99999)).toBe('¥999.99');
    expect(formatYuan(123456789012)).toBe('¥1,234,567,890.12');
  });

  it('puts the sign before the currency, as the server does', () => {
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(-123450)).toBe('-¥1,234.50');
  });

  it('rounds a fraction of a fen to the nearest fen, half away from zero', () => {
    expect(formatYuan(1049.5)).toBe('¥10.50');
    expect(formatYuan(1049.4)).toBe('¥10.49');
    expect(formatYuan(-1049.5)).toBe('-¥10.50');
    expect(formatYuan(99999.6)).toBe('¥1,000.00');
  });

  it('never writes a negative zero', () => {
    expect(formatYuan(-0.4)).toBe('¥0.00');
  });
});

describe('yuan and fen in forms', () => {
  it('turns typed yuan into whole fen without float noise', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
  });

  it('shows fen as yuan in an input', () => {
    expect(fenToYuan(1999)).toBe(19.99);
    expect(fenToYuan(yuanToFen(1234.56))).toBe(1234.56);
  });
});
