import { addDays, localDate, localTime } from '../../../platform/business-time.js';

/**
 * Assessment periods (考核期) as calendar days in the business time zone. Daily sales are kept per
 * day (Asia/Shanghai, platform/business-time.ts), so a period is a pair of inclusive `YYYY-MM-DD`
 * days, never instants.
 */

export const PERIOD_KINDS = ['month', 'week'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface DayRange {
  /** First day, inclusive, `YYYY-MM-DD`. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Days from `start` to `end`, both counted. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.end).getTime() - toUtc(range.start).getTime()) / 86_400_000) + 1;
}

/** The `days` days that end with `end` (a rule's "last N days" window). */
export function windowEnding(end: string, days: number): DayRange {
  return { start: addDays(end, -(days - 1)), end };
}

/** The period that contains `day`: its calendar month, or its Monday-to-Sunday week. */
export function periodContaining(day: string, kind: PeriodKind): DayRange {
  const d = toUtc(day);
  if (kind === 'month') {
    const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
  }
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const start = addDays(day, -sinceMonday);
  return { start, end: addDays(start, 6) };
}

/** The last complete period before `now`: run on 1 April, it is March. */
export function previousPeriod(now: Date, kind: PeriodKind): DayRange {
  const current = periodContaining(localDate(now), kind);
  return periodContaining(addDays(current.start, -1), kind);
}

/** The period in progress, from its first day to today: what a leader's progress is measured on. */
export function currentPeriodToDate(now: Date, kind: PeriodKind): DayRange {
  const today = localDate(now);
  return { start: periodContaining(today, kind).start, end: today };
}

/** How rules name the assessed period (上月) and the one in progress (本月). */
export function periodLabels(kind: PeriodKind) {
  return kind === 'month'
    ? { assessed: { zh: '上月', en: 'last month' }, current: { zh: '本月', en: 'this month' } }
    : { assessed: { zh: '上周', en: 'last week' }, current: { zh: '本周', en: 'this week' } };
}

/** When the scheduled assessment runs (leader_level_settings). */
export interface ScheduleSettings {
  enabled: boolean;
  periodKind: PeriodKind;
  /** Day of the period: 1-28 of the month, 1-7 (Monday = 1) of the week. */
  runDay: number;
  runHour: number;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  enabled: true,
  periodKind: 'month',
  runDay: 1,
  runHour: 2,
};

/**
 * The moment this period's run is due: the run day of the period containing `now`, at the run hour
 * in the business time zone.
 */
export function runMomentOf(now: Date, s: ScheduleSettings): Date {
  const period = periodContaining(localDate(now), s.periodKind);
  const day = addDays(period.start, s.runDay - 1);
  return localTime(day, `${String(s.runHour).padStart(2, '0')}:00`);
}

/** How far back the schedule catches up after downtime: twelve periods (a year of months, a quarter of weeks). */
export const CATCH_UP_PERIODS = 12;

/**
 * The periods the scheduled job should assess now, oldest first. A period is due once the run moment
 * of the period after it has passed (so the last complete period waits for the run day and hour,
 * and every older one is due already). The list runs from the period containing `since` (the first
 * day nothing has assessed yet; null: only the last due period) to the last due one, and holds at
 * most the newest `max` periods: a server that was down for months catches up each missed period
 * in order, but not years of them. Empty when the schedule is off.
 */
export function missedAssessments(
  now: Date,
  s: ScheduleSettings,
  since: string | null,
  max: number = CATCH_UP_PERIODS,
): DayRange[] {
  if (!s.enabled || max < 1) return [];
  const before = (p: DayRange) => periodContaining(addDays(p.start, -1), s.periodKind);
  const previous = previousPeriod(now, s.periodKind);
  const last = now.getTime() < runMomentOf(now, s).getTime() ? before(previous) : previous;
  const first = since === null ? previous.start : periodContaining(since, s.periodKind).start;
  const out: DayRange[] = [];
  for (let p = last; p.start >= first && out.length < max; p = before(p)) out.push(p);
  return out.reverse();
}
