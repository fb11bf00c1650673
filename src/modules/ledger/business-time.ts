/**
 * Days and months as finance and leaders count them: in the company's business time zone
 * (Asia/Shanghai), not the server's. A statement for 2026-03 covers 2026-03-01 00:00 to 2026-04-01
 * 00:00 Beijing time; the daily withdrawal limit resets at Beijing midnight.
 */
export const BUSINESS_TZ = 'Asia/Shanghai';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar date of `at` in `tz`, `YYYY-MM-DD`. */
export function localDate(at: Date, tz: string = BUSINESS_TZ): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The month of `at` in `tz`, `YYYY-MM`. */
export function localMonth(at: Date, tz: string = BUSINESS_TZ): string {
  return localDate(at, tz).slice(0, 7);
}

export function isMonth(s: string): boolean {
  return MONTH.test(s);
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

/** The instant of local midnight starting the given calendar day (correct across daylight saving too). */
function localMidnight(year: number, month: number, day: number, tz: string): Date {
  const utc = Date.UTC(year, month - 1, day);
  const guess = utc - offsetMinutes(new Date(utc), tz) * 60_000;
  return new Date(utc - offsetMinutes(new Date(guess), tz) * 60_000);
}

/** `[from, to)` of the month `YYYY-MM` in `tz`. */
export function monthBounds(month: string, tz: string = BUSINESS_TZ): { from: Date; to: Date } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    from: localMidnight(y, mo, 1, tz),
    to: localMidnight(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1, tz),
  };
}
