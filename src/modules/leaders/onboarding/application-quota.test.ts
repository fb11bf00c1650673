import { describe, expect, it } from 'vitest';
import { applicationQuotaWait } from './application-quota.js';

const now = new Date('2026-03-01T10:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const quota = { max: 3, windowMs: 60 * 60_000 };

describe('applicationQuotaWait', () => {
  it('allows while fewer than max were accepted inside the window', () => {
    expect(applicationQuotaWait([], quota, now)).toBe(0);
    expect(applicationQuotaWait([ago(1), ago(2)], quota, now)).toBe(0);
  });

  it('does not count applications older than the window', () => {
    expect(applicationQuotaWait([ago(1), ago(2), ago(61)], quota, now)).toBe(0);
  });

  it('waits until the oldest that must leave has left the window', () => {
    expect(applicationQuotaWait([ago(5), ago(40), ago(10)], quota, now)).toBe(20 * 60_000);
    // With more than max inside (limits lowered meanwhile), the newest max decide.
    expect(applicationQuotaWait([ago(50), ago(30), ago(20), ago(10)], quota, now)).toBe(30 * 60_000);
  });
});
