import { describe, expect, it } from 'vitest';
import { addDays, localDate as dayInZone, isCalendarDate as isDay } from '../../../platform/business-time.js';
import {
  currentPeriodToDate,
  daysIn,
  missedAssessments,
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
  const march = { start: '2026-03-01', end: '2026-03-31' };

  it('is due from 02:00 on the 1st (Shanghai), for the previous month', () => {
    expect(missedAssessments(new Date('2026-04-01T01:59:00+08:00'), monthly, '2026-03-01')).toEqual([]);
    expect(missedAssessments(new Date('2026-04-01T02:00:00+08:00'), monthly, '2026-03-01')).toEqual([march]);
  });

  it('catches up later in the month, but not twice, and not when disabled', () => {
    const at = new Date('2026-04-09T10:00:00+08:00');
    expect(missedAssessments(at, monthly, '2026-03-01')).toEqual([march]);
    // March assessed: nothing is left before April.
    expect(missedAssessments(at, monthly, '2026-04-01')).toEqual([]);
    expect(missedAssessments(at, { ...monthly, enabled: false }, '2026-03-01')).toEqual([]);
  });

  it('catches up every missed month, oldest first (down from 28 September to 3 December)', () => {
    // August was assessed on 1 September; the server came back on 3 December.
    expect(missedAssessments(new Date('2026-12-03T09:00:00+08:00'), monthly, '2026-09-01')).toEqual([
      { start: '2026-09-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-10-31' },
      { start: '2026-11-01', end: '2026-11-30' },
    ]);
  });

  it('takes older months before the run moment, but not the last one yet', () => {
    // 1 December 01:00: November waits for 02:00; September and October are due.
    expect(missedAssessments(new Date('2026-12-01T01:00:00+08:00'), monthly, '2026-09-01')).toEqual([
      { start: '2026-09-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-10-31' },
    ]);
  });

  it('starts with the period containing the first day not assessed', () => {
    // Levels set up on 15 October (or a run by hand up to 14 October): October counts from then.
    expect(missedAssessments(new Date('2026-12-03T09:00:00+08:00'), monthly, '2026-10-15')).toEqual([
      { start: '2026-10-01', end: '2026-10-31' },
      { start: '2026-11-01', end: '2026-11-30' },
    ]);
    // Set up this month: nothing is complete yet.
    expect(missedAssessments(new Date('2026-12-03T09:00:00+08:00'), monthly, '2026-12-01')).toEqual([]);
  });

  it('without a first day, assesses only the last complete period, once it is due', () => {
    expect(missedAssessments(new Date('2026-04-09T10:00:00+08:00'), monthly, null)).toEqual([march]);
    expect(missedAssessments(new Date('2026-04-01T01:00:00+08:00'), monthly, null)).toEqual([]);
  });

  it('reaches back at most twelve periods (the newest twelve)', () => {
    const missed = missedAssessments(new Date('2026-12-03T09:00:00+08:00'), monthly, '2024-01-01');
    expect(missed).toHaveLength(12);
    expect(missed[0]).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(missed[11]).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(missedAssessments(new Date('2026-12-03T09:00:00+08:00'), monthly, '2024-01-01', 2)).toEqual([
      { start: '2026-10-01', end: '2026-10-31' },
      { start: '2026-11-01', end: '2026-11-30' },
    ]);
  });

  it('runs weekly on the configured weekday and hour, and catches up missed weeks', () => {
    const weekly = { enabled: true, periodKind: 'week' as const, runDay: 2, runHour: 6 };
    // 2026-03-10 is a Tuesday.
    expect(runMomentOf(new Date('2026-03-11T00:00:00+08:00'), weekly).toISOString()).toBe(
      '2026-03-09T22:00:00.000Z',
    );
    expect(missedAssessments(new Date('2026-03-10T05:00:00+08:00'), weekly, '2026-03-02')).toEqual([]);
    expect(missedAssessments(new Date('2026-03-10T06:00:00+08:00'), weekly, '2026-03-02')).toEqual([
      { start: '2026-03-02', end: '2026-03-08' },
    ]);
    // The week of 9 February was the last assessed: on 10 March before 06:00 the weeks of 16 and
    // 23 February are due at once, and the week of 2 March waits for 06:00.
    expect(missedAssessments(new Date('2026-03-10T05:00:00+08:00'), weekly, '2026-02-16')).toEqual([
      { start: '2026-02-16', end: '2026-02-22' },
      { start: '2026-02-23', end: '2026-03-01' },
    ]);
  });
});
