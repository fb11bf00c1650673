import { BUSINESS_TZ, localDate } from '../../ledger/index.js';

/**
 * Business days (营业日) of the settlement, in the company's time zone (Asia/Shanghai, the ledger's
 * `BUSINESS_TZ`): the settlement of day D takes what became final before the midnight that ends D.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n)).toISOString().slice(0, 10);
}

/** The zone's offset from UTC at `at`, in minutes (Shanghai: +480). */
function offsetMinutes(at: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant local midnight starts `day` in `tz`. */
export function dayStart(day: string, tz: string = BUSINESS_TZ): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const guess = utc - offsetMinutes(new Date(utc), tz) * 60_000;
  return new Date(utc - offsetMinutes(new Date(guess), tz) * 60_000);
}

/** `[from, to)` of the business day. */
export function dayBounds(day: string, tz: string = BUSINESS_TZ): { from: Date; to: Date } {
  return { from: dayStart(day, tz), to: dayStart(addDays(day, 1), tz) };
}

/** The business day of `at`. */
export function businessDay(at: Date, tz: string = BUSINESS_TZ): string {
  return localDate(at, tz);
}

/** The business day before the one `now` falls in: what the 02:00 settlement settles. */
export function previousBusinessDay(now: Date, tz: string = BUSINESS_TZ): string {
  return addDays(localDate(now, tz), -1);
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
