import { isMonth, monthBounds } from '../../../platform/business-time.js';
import type { PeriodRule } from '../domain/entries.js';

/**
 * Keys and calendars of the period computations (month close, hot products, recruit bonuses). A
 * period entry's key says what caused it, so computing the same period again finds the key taken
 * and posts nothing: `tiered:2026-10:<leaderId>`, `regional_dividend:2026-10:<regionId>:<userId>`,
 * `hot_product:<campaignId>:<skuId>:<leaderId>`, `recruit_bonus:<recruitId>`. The ledger's transfer
 * key is the entry key, so the same holds for money. Business months and their bounds come from
 * platform/business-time.ts (`localMonth`, `monthBounds`, `isMonth`).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month before `month`: 2026-01 → 2025-12. */
export function previousMonth(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/**
 * The months from `first` to `last`, both inclusive, oldest first, at most `max` of them (the newest
 * `max`): what a catch-up after downtime walks. Empty when `first` is after `last`.
 */
export function monthsFromTo(first: string, last: string, max = 36): string[] {
  if (!isMonth(first) || !isMonth(last)) throw new RangeError(`not months: ${first}, ${last}`);
  const out: string[] = [];
  for (let m = last; m >= first && out.length < max; m = previousMonth(m)) out.push(m);
  return out.reverse();
}

/** The first and last business day of a month, `YYYY-MM-DD`, both inclusive. */
export function monthDays(month: string): { first: string; last: string } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/**
 * Whether a month is over at `now` (its last business day has ended). A month still running cannot
 * be closed: its figures would change after the computation.
 */
export function monthIsOver(month: string, now: Date): boolean {
  return monthBounds(month).to.getTime() <= now.getTime();
}

export const periodKey = {
  tiered: (month: string, leaderId: string) => `tiered:${month}:${leaderId}`,
  regionalDividend: (month: string, regionId: string, managerUserId: string) =>
    `regional_dividend:${month}:${regionId}:${managerUserId}`,
  hotProduct: (campaignId: string, skuId: string, leaderId: string) =>
    `hot_product:${campaignId}:${skuId}:${leaderId}`,
  recruitBonus: (recruitId: string) => `recruit_bonus:${recruitId}`,
} as const;

/** The rule a period key belongs to, or null when the key is not a period key. */
export function ruleOfPeriodKey(key: string): PeriodRule | null {
  const head = key.slice(0, key.indexOf(':'));
  return head === 'tiered' ||
    head === 'regional_dividend' ||
    head === 'hot_product' ||
    head === 'recruit_bonus'
    ? head
    : null;
}

/** The key prefixes of one month's close: what the period-runs page lists for that month. */
export function monthCloseKeyPrefixes(month: string): string[] {
  return [`tiered:${month}:`, `regional_dividend:${month}:`];
}
