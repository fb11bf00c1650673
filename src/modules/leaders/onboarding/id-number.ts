import { localDate } from '../../../platform/business-time.js';

/**
 * Mainland China resident ID numbers (居民身份证号码, GB 11643-1999): 18 characters, the first 17
 * digits (6 of address code, 8 of birth date YYYYMMDD, 3 of sequence) and a check digit computed
 * over them with ISO 7064 MOD 11-2, which is 0-9 or X (standing for 10). These are pure functions;
 * the application service turns a problem into a DomainError naming the field.
 */

/** The weight of each of the 17 leading digits: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for (sum of weighted digits) mod 11. */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^[1-9]\d{16}[\dX]$/;

/** Leaders sign a contract, so an applicant must be an adult (完全民事行为能力人). */
export const MIN_APPLICANT_AGE = 18;

/** The check character of the first 17 digits, or null when they are not 17 digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? null;
}

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum' | 'underage';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; age: number }
  | { ok: false; problem: IdNumberProblem };

/** People type spaces between groups and a lower-case x; the stored form has neither. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** The date a day in China (UTC+8, no daylight saving) as YYYY-MM-DD: birthdays are Chinese dates. */
export function chinaDate(at: Date): { year: number; month: number; day: number } {
  const [year, month, day] = localDate(at).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whole years between the birth date and today (a birthday today counts). */
export function ageOn(birth: { year: number; month: number; day: number }, today: Date): number {
  const t = chinaDate(today);
  const hadBirthday = t.month > birth.month || (t.month === birth.month && t.day >= birth.day);
  return t.year - birth.year - (hadBirthday ? 0 : 1);
}

/**
 * Checks an ID number: its shape, a real birth date no earlier than 1900 and not in the future,
 * the check digit, and that the holder is an adult on `today`. The order matters for the message a
 * person reads: a typo in the date is reported as a date problem rather than a checksum one.
 */
export function checkIdNumber(raw: string, today: Date): IdNumberCheck {
  const idNumber = normalizeIdNumber(raw);
  if (!SHAPE.test(idNumber)) return { ok: false, problem: 'format' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, problem: 'birth_date' };
  const t = chinaDate(today);
  const future = year * 10_000 + month * 100 + day > t.year * 10_000 + t.month * 100 + t.day;
  if (future) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' };
  const age = ageOn({ year, month, day }, today);
  if (age < MIN_APPLICANT_AGE) return { ok: false, problem: 'underage' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { ok: true, idNumber, birthDate, age };
}

/**
 * `110***********002X`: the first three and the last four characters, as lists show an ID number.
 * The province code and the check digit are enough for a reviewer to tell two applicants apart.
 */
export function maskIdNumber(idNumber: string): string {
  const s = normalizeIdNumber(idNumber);
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}
