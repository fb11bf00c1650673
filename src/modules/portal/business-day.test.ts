import { describe, expect, it } from 'vitest';
import { dateIn, dayBounds, isCalendarDate, offsetMinutes } from './business-day.js';

const SH = 'Asia/Shanghai';

describe('dateIn', () => {
  it('reads the calendar day in the zone, not in UTC', () => {
    expect(dateIn(new Date('2026-03-01T15:59:59Z'), SH)).toBe('2026-03-01');
    expect(dateIn(new Date('2026-03-01T16:00:00Z'), SH)).toBe('2026-03-02');
    expect(dateIn(new Date('2026-03-01T16:00:00Z'), 'UTC')).toBe('2026-03-01');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-03-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    ['20260301', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });
});

describe('offsetMinutes', () => {
  it('is +8 h in Shanghai all year and follows daylight saving elsewhere', () => {
    expect(offsetMinutes(new Date('2026-01-15T00:00:00Z'), SH)).toBe(480);
    expect(offsetMinutes(new Date('2026-07-15T00:00:00Z'), SH)).toBe(480);
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
  });
});

describe('dayBounds', () => {
  it('gives the Shanghai day as [16:00 UTC the day before, 16:00 UTC)', () => {
    const b = dayBounds('2026-03-01', SH);
    expect(b.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('crosses a month and a year end', () => {
    expect(dayBounds('2026-12-31', SH).to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(dayBounds('2026-02-28', SH).to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('is 23 hours long on the day a daylight-saving zone springs forward', () => {
    const b = dayBounds('2026-03-29', 'Europe/Berlin');
    expect(b.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(b.to.getTime() - b.from.getTime()).toBe(23 * 3_600_000);
  });
});
