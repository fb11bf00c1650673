import { describe, expect, it } from 'vitest';
import { isMonth, localDate, localMonth, monthBounds } from './business-time.js';

describe('business time (Asia/Shanghai)', () => {
  it('counts days and months in Beijing time', () => {
    expect(localDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(localMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
  });

  it('bounds a month from Beijing midnight to Beijing midnight', () => {
    expect(monthBounds('2026-03')).toEqual({
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-31T16:00:00Z'),
    });
    expect(monthBounds('2026-12').to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-03')).toBe(true);
    for (const bad of ['2026-3', '2026-13', '2026-00', '26-03', '2026-03-01'])
      expect(isMonth(bad)).toBe(false);
    expect(() => monthBounds('2026-13')).toThrow(RangeError);
  });
});
