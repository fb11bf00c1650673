import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentPeriodToDate,
  dayInZone,
  daysIn,
  dueAssessment,
  isDay,
  periodContaining,
  previousPeriod,
  runMomentOf,
  windowEnding,
} from './assessment-period.js';

describe('assessment periods', () => {
  it('reads the day in Asia/Shanghai', () => {
    expect(dayInZone(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(dayInZone(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  });

  it('takes the previous calendar month at 02:00 on the 1st (Shanghai time)', () => {
    expect(previousPeriod(new Date('2026-03-31T18:00:00Z'), 'month')).toEqual({
      start: '2026-03-01',
      end: '2026-03-31',
    });
    expect(previousPeriod(new Date('2026-01-01T02:00:00+08:00'), 'month')).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(previousPeriod(new Date('2024-03-01T02:00:00+08:00'), 'month')).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
  });

  it('takes the previous Monday-to-Sunday week', () => {
    // 2026-03-04 is a Wednesday.
    expect(previousPeriod(new Date('2026-03-04T10:00:00+08:00'), 'week')).toEqual({
      start: '2026-02-23',
      end: '2026-03-01',
    });
    expect(periodContaining('2026-03-01', 'week')).toEqual({ start: '2026-02-23', end: '2026-03-01' });
  });

  it('measures the period in progress up to today', () => {
    expect(currentPeriodToDate(new Date('2026-03-15T10:00:00+08:00'), 'month')).toEqual({
      start: '2026-03-01',
      end: '2026-03-15',
    });
  });

  it('counts days and windows inclusively', () => {
    expect(windowEnding('2026-03-31', 30)).toEqual({ start: '2026-03-02', end: '2026-03-31' });
    expect(daysIn({ start: '2026-02-01', end: '2026-02-28' })).toBe(28);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('checks days are real', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
  });
});

describe('the schedule', () => {
  const monthly = { enabled: true, periodKind: 'month' as const, runDay: 1, runHour: 2 };
  const never = () => false;

  it('is due from 02:00 on the 1st (Shanghai), for the previous month', () => {
    expect(dueAssessment(new Date('2026-04-01T01:59:00+08:00'), monthly, never)).toBeNull();
    expect(dueAssessment(new Date('2026-04-01T02:00:00+08:00'), monthly, never)).toEqual({
      start: '2026-03-01',
      end: '2026-03-31',
    });
  });

  it('catches up later in the month, but not twice, and not when disabled', () => {
    const at = new Date('2026-04-09T10:00:00+08:00');
    expect(dueAssessment(at, monthly, never)?.end).toBe('2026-03-31');
    expect(dueAssessment(at, monthly, (p) => p.end === '2026-03-31')).toBeNull();
    expect(dueAssessment(at, { ...monthly, enabled: false }, never)).toBeNull();
  });

  it('runs weekly on the configured weekday and hour', () => {
    const weekly = { enabled: true, periodKind: 'week' as const, runDay: 2, runHour: 6 };
    // 2026-03-10 is a Tuesday.
    expect(runMomentOf(new Date('2026-03-11T00:00:00+08:00'), weekly).toISOString()).toBe(
      '2026-03-09T22:00:00.000Z',
    );
    expect(dueAssessment(new Date('2026-03-10T05:00:00+08:00'), weekly, never)).toBeNull();
    expect(dueAssessment(new Date('2026-03-10T06:00:00+08:00'), weekly, never)).toEqual({
      start: '2026-03-02',
      end: '2026-03-08',
    });
  });
});
