import { describe, expect, it } from 'vitest';
import { delayAfterFailures, retryAfterSeconds, type ThrottlePolicy } from './attempt-delay.js';

const policy: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 86_400_000,
};

describe('delayAfterFailures', () => {
  it('costs nothing for the free failures', () => {
    for (let n = 0; n <= 5; n++) expect(delayAfterFailures(n, policy)).toBe(0);
  });

  it('doubles the wait with each failure past the free ones', () => {
    expect([6, 7, 8, 9, 10].map((n) => delayAfterFailures(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('never waits longer than the cap, even after very many failures', () => {
    expect(delayAfterFailures(15, policy)).toBe(512_000);
    expect(delayAfterFailures(16, policy)).toBe(15 * 60_000);
    expect(delayAfterFailures(10_000, policy)).toBe(15 * 60_000);
    expect(Number.isFinite(delayAfterFailures(Number.MAX_SAFE_INTEGER, policy))).toBe(true);
  });

  it('is a fixed lock when the base equals the cap', () => {
    const lock = { ...policy, freeFailures: 10, baseDelayMs: 1_800_000, maxDelayMs: 1_800_000 };
    expect(delayAfterFailures(10, lock)).toBe(0);
    expect(delayAfterFailures(11, lock)).toBe(1_800_000);
    expect(delayAfterFailures(12, lock)).toBe(1_800_000);
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up, so a client that waits the seconds it was told is never refused again', () => {
    expect(retryAfterSeconds(0)).toBe(0);
    expect(retryAfterSeconds(-5)).toBe(0);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});
