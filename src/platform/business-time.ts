/**
 * How a moment reads in the company's business time zone (`BUSINESS_TIMEZONE`, Asia/Shanghai by
 * default): exports and statements show the wall-clock time the console shows, not UTC, so that a
 * finance clerk in Hangzhou sees an order placed at 07:30 as 07:30 and not as 23:30 the day before.
 */
export const DEFAULT_BUSINESS_TIMEZONE = 'Asia/Shanghai';

/** Whether `name` is a time zone this runtime knows (an IANA name such as `Asia/Shanghai`). */
export function isTimeZone(name: string): boolean {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function parts(at: Date, tz: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at))
    out[p.type] = p.value;
  return out;
}

/** `at` as `YYYY-MM-DD HH:mm:ss` on the wall clock of `tz`; an ISO string is read as a moment. */
export function formatLocalDateTime(at: Date | string, tz: string): string {
  const p = parts(typeof at === 'string' ? new Date(at) : at, tz);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The calendar day of `at` in `tz`, `YYYY-MM-DD` (for file names and day columns). */
export function formatLocalDay(at: Date | string, tz: string): string {
  return formatLocalDateTime(at, tz).slice(0, 10);
}

/** A column header's note of the zone its times are in, e.g. `(Asia/Shanghai)`. */
export function zoneNote(tz: string): string {
  return `(${tz})`;
}
