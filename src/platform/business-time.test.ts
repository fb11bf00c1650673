import { describe, expect, it } from 'vitest';
import {
  addDays,
  BUSINESS_TZ,
  dayBounds,
  dayStart,
  formatLocalDateTime,
  formatLocalDay,
  isCalendarDate,
  isMonth,
  isTimeZone,
  localDate,
  localMonth,
  localTime,
  monthBounds,
  offsetMinutes,
} from './business-time.js';

const SH = 'Asia/Shanghai';

describe('formatLocalDateTime', () => {
  it('shows a UTC evening as the next Shanghai morning', () => {
    expect(formatLocalDateTime(new Date('2026-03-01T23:30:05Z'), 'Asia/Shanghai')).toBe(
      '2026-03-02 07:30:05',
    );
  });

  it('reads an ISO string as a moment and uses a 24-hour clock', () => {
    expect(formatLocalDateTime('2026-03-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02 00:00:00');
    expect(formatLocalDateTime('2026-03-01T13:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-01 21:00:00');
  });

  it('follows another zone, daylight saving included', () => {
    expect(formatLocalDateTime('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 14:00:00');
    expect(formatLocalDateTime('2026-01-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-01-01 13:00:00');
  });
});

describe('formatLocalDay', () => {
  it('is the business day, not the UTC day', () => {
    expect(formatLocalDay(new Date('2026-03-01T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(formatLocalDay(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s → %s', (name, ok) => {
    expect(isTimeZone(name)).toBe(ok);
  });
});

// The day and month arithmetic below was written three times (ledger, portal, commission accrual)
// and by fixed +08:00 offsets in four more places; these are their tests, gathered with the code.

describe('localDate and localMonth', () => {
  it('count days and months in Beijing time by default', () => {
    expect(BUSINESS_TZ).toBe(SH);
    expect(localDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(localMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
    expect(localMonth(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
    expect(localMonth(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01');
  });

  it('read the calendar day in the zone asked for, not in UTC', () => {
    expect(localDate(new Date('2026-03-01T15:59:59Z'), SH)).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), SH)).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), 'UTC')).toBe('2026-03-01');
    expect(localDate(new Date('2025-12-31T16:00:00Z'), SH)).toBe('2026-01-01');
  });

  it('agree with Intl for Shanghai, where they skip it, across years of moments', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: SH,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 173 * 3_600_000 + 7 * 60_000 + 3_001) {
      const at = new Date(t);
      const wall = intl.format(at);
      expect(formatLocalDateTime(at, SH)).toBe(wall);
      expect(localDate(at)).toBe(wall.slice(0, 10));
      expect(localMonth(at)).toBe(wall.slice(0, 7));
      expect(offsetMinutes(at, SH)).toBe(480);
    }
  });

  it('count Shanghai days before 1992 through Intl (China kept daylight saving 1986–1991)', () => {
    expect(offsetMinutes(new Date('1990-07-01T00:00:00Z'), SH)).toBe(540);
    expect(localDate(new Date('1990-07-01T15:30:00Z'))).toBe('1990-07-02');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-03-01', true],
    ['2024-02-29', true],
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    ['20260301', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });
});

describe('isMonth', () => {
  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-03')).toBe(true);
    for (const bad of ['2026-3', '2026-13', '2026-00', '26-03', '2026-03-01'])
      expect(isMonth(bad)).toBe(false);
  });
});

describe('addDays', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
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

describe('dayStart and dayBounds', () => {
  it('give the Shanghai day as [16:00 UTC the day before, 16:00 UTC)', () => {
    expect(dayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(dayBounds('2026-03-10')).toEqual({
      from: new Date('2026-03-09T16:00:00.000Z'),
      to: new Date('2026-03-10T16:00:00.000Z'),
    });
    const b = dayBounds('2026-03-01', SH);
    expect(b.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('cross a month and a year end', () => {
    expect(dayBounds('2026-12-31', SH).to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(dayBounds('2026-02-28', SH).to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('are 23 hours long on the day a daylight-saving zone springs forward', () => {
    const b = dayBounds('2026-03-29', 'Europe/Berlin');
    expect(b.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(b.to.getTime() - b.from.getTime()).toBe(23 * 3_600_000);
  });

  it('refuse what is not a day', () => {
    expect(() => dayStart('2026-3-1')).toThrow(RangeError);
  });
});

describe('localTime', () => {
  it('is the instant of a wall-clock time on a business day', () => {
    expect(localTime('2026-03-02', '22:00').toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(localTime('2026-03-02', '07:30:05').toISOString()).toBe('2026-03-01T23:30:05.000Z');
    expect(localTime('2026-03-02', '00:00').getTime()).toBe(dayStart('2026-03-02').getTime());
    expect(localTime('2026-07-01', '14:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(() => localTime('2026-03-02', '7pm')).toThrow(RangeError);
  });
});

describe('monthBounds', () => {
  it('bounds a month from Beijing midnight to Beijing midnight', () => {
    expect(monthBounds('2026-03')).toEqual({
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-31T16:00:00Z'),
    });
    expect(monthBounds('2026-12').to).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(monthBounds('2026-10')).toEqual({
      from: new Date('2026-09-30T16:00:00Z'),
      to: new Date('2026-10-31T16:00:00Z'),
    });
  });

  it('refuses what is not a month', () => {
    expect(() => monthBounds('2026-13')).toThrow(RangeError);
  });
});
