/**
 * Mainland China mobile numbers: 11 digits, starting 1 then 3-9. People type them with spaces,
 * dashes or a +86 / 0086 prefix; every other part of the system sees only the bare 11 digits, so one
 * person always gets one keyed hash and so one customer row.
 */
const MOBILE = /^1[3-9]\d{9}$/;

/** The bare 11-digit number, or null when `raw` is not a mainland mobile number. */
export function normalizePhone(raw: string): string | null {
  let s = raw.replace(/[\s\-()]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return MOBILE.test(s) ? s : null;
}

/** `138****1234`: the first three and last four digits, as Chinese apps show numbers. */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone) ?? phone;
  if (p.length < 8) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}
