import { addDays, localDate } from '../../../platform/business-time.js';

/**
 * Business days (营业日) of the settlement. Days are counted in the company's time zone by
 * platform/business-time.ts: the settlement of day D takes what became final before the midnight
 * that ends D.
 */

/** The business day before the one `now` falls in: what the 02:00 settlement settles. */
export function previousBusinessDay(now: Date): string {
  return addDays(localDate(now), -1);
}

/** How many missed days one catch-up settles at most (two months of downtime). */
export const SETTLEMENT_CATCH_UP_DAYS = 62;

/**
 * The days a catch-up settles: every day after the last settled one up to `yesterday`, oldest first
 * (at most the newest `SETTLEMENT_CATCH_UP_DAYS`); without any settlement yet, only `yesterday`.
 */
export function daysToSettle(lastSettled: string | null, yesterday: string): string[] {
  if (lastSettled === null) return [yesterday];
  const out: string[] = [];
  for (let d = yesterday; d > lastSettled && out.length < SETTLEMENT_CATCH_UP_DAYS; d = addDays(d, -1))
    out.push(d);
  return out.reverse();
}
