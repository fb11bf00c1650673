import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './clock.js';

describe('ManualClock', () => {
  it('starts at 2026-01-01T00:00:00Z by default', () => {
    expect(new ManualClock().now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each<[string, Date | string, string]>([
    ['an ISO string', '2027-03-04T05:06:07.089Z', '2027-03-04T05:06:07.089Z'],
    ['an offset string', '2027-03-04T13:06:07+08:00', '2027-03-04T05:06:07.000Z'],
    ['a Date', new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999)), '2025-12-31T23:59:59.999Z'],
  ])('starts at %s', (_name, start, expected) => {
    expect(new ManualClock(start).now().toISOString()).toBe(expected);
  });

  it('does not move on its own', async () => {
    const clock = new ManualClock();
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now().getTime()).toBe(first);
  });

  it('advances by the given milliseconds, cumulatively, and backwards for negative values', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:15:01.500Z');
    clock.advance(24 * 3_600_000);
    expect(clock.now().toISOString()).toBe('2026-01-02T00:15:01.500Z');
    clock.advance(-1500);
    expect(clock.now().toISOString()).toBe('2026-01-02T00:15:00.000Z');
    clock.advance(0);
    expect(clock.now().toISOString()).toBe('2026-01-02T00:15:00.000Z');
  });

  it('sets an absolute time from a string or a Date, forwards or back', () => {
    const clock = new ManualClock();
    clock.set('2030-06-01T08:00:00Z');
    expect(clock.now().toISOString()).toBe('2030-06-01T08:00:00.000Z');
    clock.set(new Date(Date.UTC(2020, 0, 1)));
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.000Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.001Z');
  });

  it('hands out a new Date each time, so a caller mutating one cannot move the clock', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const a = clock.now();
    a.setUTCFullYear(1999);
    const b = clock.now();
    expect(b).not.toBe(a);
    expect(b.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is not affected by the Date it was started or set from changing later', () => {
    const start = new Date(Date.UTC(2026, 0, 1));
    const clock = new ManualClock(start);
    start.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('systemClock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
