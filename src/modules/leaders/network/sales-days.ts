/**
 * Business days (营业日) of the sales roll-up. Shanghai keeps UTC+8 all year (no daylight saving),
 * so a fixed offset maps an instant to its day without a time-zone database.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Asia/Shanghai calendar day containing `at`, as YYYY-MM-DD. */
export function businessDayOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The first instant of a business day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * A range of business days, inclusive at both ends, from what a caller gives: a day string is taken
 * as is; an instant `from` maps to its day; an instant `to` is exclusive (midnight ends the day before).
 */
export interface DayRange {
  from: string | null;
  to: string | null;
}

export function dayRange(from?: Date | string | null, to?: Date | string | null): DayRange {
  const f =
    from === undefined || from === null ? null : typeof from === 'string' ? from : businessDayOf(from);
  const t =
    to === undefined || to === null
      ? null
      : typeof to === 'string'
        ? to
        : businessDayOf(new Date(to.getTime() - 1));
  return { from: f, to: t };
}
