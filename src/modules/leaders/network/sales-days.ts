import { localDate } from '../../../platform/business-time.js';

/**
 * Business days (营业日) of the sales roll-up: an instant's day is its calendar day in the business
 * time zone (platform/business-time.ts).
 */

/**
 * A range of business days, inclusive at both ends, from what a caller gives: a day string is taken
 * as is; an instant `from` maps to its day; an instant `to` is exclusive (midnight ends the day before).
 */
export interface DayRange {
  from: string | null;
  to: string | null;
}

export function dayRange(from?: Date | string | null, to?: Date | string | null): DayRange {
  const f = from === undefined || from === null ? null : typeof from === 'string' ? from : localDate(from);
  const t =
    to === undefined || to === null
      ? null
      : typeof to === 'string'
        ? to
        : localDate(new Date(to.getTime() - 1));
  return { from: f, to: t };
}
