import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['0086 13812341234', '13812341234'],
    [' 19912345678 ', '19912345678'],
    ['(138) 1234-1234', '13812341234'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    '',
    '1381234123',
    '138123412345',
    '12812341234',
    '10012341234',
    '23812341234',
    '+85213812341234',
    '86 13812341234x',
    '1381234123a',
    '１３８１２３４１２３４',
    '+1 415 555 0100',
  ])('rejects %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks a number given in another accepted spelling the same way', () => {
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('never reveals a short or odd value whole', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('12345678')).toBe('123*5678');
  });
});
