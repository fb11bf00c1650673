import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatLocalDay, isTimeZone } from './business-time.js';

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
