/**
 * "Today" for a leader is the calendar day in the company's business time zone (Asia/Shanghai), not
 * the server's: a server in UTC would otherwise end a Chinese leader's day at 08:00. Pure functions
 * of a moment and a zone name; the zone's UTC offset comes from Intl, so a zone with daylight saving
 * works too.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date of `at` in `tz`, as `YYYY-MM-DD`. */
export function dateIn(at: Date, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The zone's offset from UTC at `at`, in minutes (Shanghai: +480). */
export function offsetMinutes(at: Date, tz: string): number {
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

/** The first instant of the wall-clock midnight that starts `date` in `tz`. */
function startOf(date: string, tz: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The offset at a guess, then at the corrected instant: right across a daylight-saving change too.
  const first = utcMidnight - offsetMinutes(new Date(utcMidnight), tz) * 60_000;
  return new Date(utcMidnight - offsetMinutes(new Date(first), tz) * 60_000);
}

/** `[from, to)` of the calendar day `date` in `tz`, as instants. */
export function dayBounds(date: string, tz: string): { date: string; from: Date; to: Date } {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1))
    .toISOString()
    .slice(0, 10);
  return { date, from: startOf(date, tz), to: startOf(next, tz) };
}
