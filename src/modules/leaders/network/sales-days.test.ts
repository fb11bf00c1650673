import { describe, expect, it } from 'vitest';
import {
  localDate as businessDayOf,
  dayStart,
  isCalendarDate as isDay,
} from '../../../platform/business-time.js';
import { dayRange } from './sales-days.js';

describe('business days (Asia/Shanghai)', () => {
  it('puts 23:59 and 00:00 Shanghai time on different days', () => {
    expect(businessDayOf(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(businessDayOf(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(dayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });
  it('knows real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-3-1')).toBe(false);
  });
  it('takes day strings as given and makes an instant `to` exclusive', () => {
    expect(dayRange('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(dayRange(dayStart('2026-03-01'), dayStart('2026-04-01'))).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(dayRange(undefined, null)).toEqual({ from: null, to: null });
  });
});
