import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';

const HOUR = 3_600_000;

describe('retryDelayMs', () => {
  it.each<[number, number]>([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 16_000],
    [10, 512_000],
    [12, 2_048_000],
    [13, HOUR], // 4,096,000 would exceed an hour
    [20, HOUR],
    [1000, HOUR], // 2 ** 999 overflows to Infinity; still capped
  ])('attempt %s waits %s ms', (attempt, expected) => {
    expect(retryDelayMs(attempt)).toBe(expected);
  });

  it.each([0, -1, -100])('treats attempt %s like the first', (attempt) => {
    expect(retryDelayMs(attempt)).toBe(1_000);
  });

  it('doubles each attempt until it reaches the cap, then stays there', () => {
    let previous = retryDelayMs(1);
    for (let attempt = 2; attempt <= 40; attempt++) {
      const delay = retryDelayMs(attempt);
      expect(delay).toBe(Math.min(previous * 2, HOUR));
      expect(delay).toBeLessThanOrEqual(HOUR);
      previous = delay;
    }
  });

  it('retries at least once and stays finite for every attempt allowed', () => {
    expect(Number.isInteger(MAX_ATTEMPTS)).toBe(true);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(Number.isFinite(retryDelayMs(attempt))).toBe(true);
    }
  });
});
