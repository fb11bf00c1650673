import { describe, expect, it } from 'vitest';
import { isMonth, localMonth, monthBounds } from '../../../platform/business-time.js';
import {
  monthDays,
  monthIsOver,
  monthsFromTo,
  periodKey,
  previousMonth,
  ruleOfPeriodKey,
} from './period-keys.js';

// isMonth, localMonth and monthBounds live in platform/business-time.ts; the cases below are the
// month-close calendar's expectations of them.
describe('business months (Asia/Shanghai)', () => {
  it.each([
    ['2026-10', true],
    ['2026-1', false],
    ['2026-13', false],
    ['2026-00', false],
    ['26-10', false],
    ['2026-10-01', false],
  ])('isMonth(%s) = %s', (s, ok) => expect(isMonth(s)).toBe(ok));

  it.each([
    // 2026-10-31 16:00Z is 2026-11-01 00:00 in Shanghai.
    ['2026-10-31T15:59:59.999Z', '2026-10'],
    ['2026-10-31T16:00:00.000Z', '2026-11'],
    ['2026-12-31T16:00:00.000Z', '2027-01'],
  ])('localMonth(%s) = %s', (at, month) => expect(localMonth(new Date(at))).toBe(month));

  it.each([
    ['2026-10', '2026-09'],
    ['2026-01', '2025-12'],
    ['2026-12', '2026-11'],
  ])('previousMonth(%s) = %s', (m, p) => expect(previousMonth(m)).toBe(p));

  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-10', '2026-10-01', '2026-10-31'],
    ['2026-04', '2026-04-01', '2026-04-30'],
  ])('monthDays(%s) = %s … %s', (m, first, last) => expect(monthDays(m)).toEqual({ first, last }));

  it('monthBounds is [local midnight of the 1st, local midnight of the next 1st)', () => {
    expect(monthBounds('2026-10')).toEqual({
      from: new Date('2026-09-30T16:00:00.000Z'),
      to: new Date('2026-10-31T16:00:00.000Z'),
    });
    expect(monthBounds('2026-12').to).toEqual(new Date('2026-12-31T16:00:00.000Z'));
  });

  it('a month is over only once its last local day has ended', () => {
    expect(monthIsOver('2026-10', new Date('2026-10-31T15:59:59Z'))).toBe(false);
    expect(monthIsOver('2026-10', new Date('2026-10-31T16:00:00Z'))).toBe(true);
  });

  it('refuses what is not a month', () => {
    expect(() => previousMonth('2026-13')).toThrow(RangeError);
    expect(() => monthDays('x')).toThrow(RangeError);
  });
});

describe('period keys', () => {
  it.each([
    [periodKey.tiered('2026-10', 'ldr_1'), 'tiered:2026-10:ldr_1', 'tiered'],
    [
      periodKey.regionalDividend('2026-10', 'reg_1', 'usr_1'),
      'regional_dividend:2026-10:reg_1:usr_1',
      'regional_dividend',
    ],
    [periodKey.hotProduct('cmp_1', 'sku_1', 'ldr_1'), 'hot_product:cmp_1:sku_1:ldr_1', 'hot_product'],
    [periodKey.recruitBonus('ldr_2'), 'recruit_bonus:ldr_2', 'recruit_bonus'],
  ])('%s', (key, expected, rule) => {
    expect(key).toBe(expected);
    expect(ruleOfPeriodKey(key)).toBe(rule);
  });

  it('a line key is not a period key', () => {
    expect(ruleOfPeriodKey('line:oln_1:direct:0:ldr_1')).toBeNull();
    expect(ruleOfPeriodKey('tiered')).toBeNull();
  });
});

describe('monthsFromTo (month close catch-up)', () => {
  it('lists the months between two months, both inclusive, across a year', () => {
    expect(monthsFromTo('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFromTo('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthsFromTo('2026-03', '2026-02')).toEqual([]);
  });
  it('keeps only the newest `max` months', () => {
    expect(monthsFromTo('2020-01', '2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
