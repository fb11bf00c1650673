/**
 * Prices are edited by people in yuan (元) with at most two decimals and stored as integer fen (分).
 * The conversion works on the decimal text, never by multiplying a float, so 0.29 yuan is 29 fen and
 * not 28.999999999999996.
 */

/** The largest price accepted: ¥100,000,000.00, far above any group-buying item, far below 2^53 fen. */
export const MAX_PRICE_FEN = 10_000_000_000;

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/**
 * Reads a yuan amount typed by a person or read from a spreadsheet cell: "29.9", "¥1,299.00", 29.9.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    // A number cell holds a binary float: 29.9 is really 29.899999999999998578... Accept it when it
    // is within a millionth of a fen-exact amount, which also rejects 29.999 (three decimals).
    const fen = Math.round(value * 100);
    if (Math.abs(fen - value * 100) > 1e-6 * Math.max(1, value)) return null;
    return fen <= MAX_PRICE_FEN ? fen : null;
  }
  if (typeof value !== 'string') return null;
  const text = value
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '')
    .trim();
  const m = YUAN_PATTERN.exec(text);
  if (!m) return null;
  const yuan = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const fen = yuan * 100 + Number(fraction);
  return fen <= MAX_PRICE_FEN ? fen : null;
}

/** Formats fen as a plain yuan amount for spreadsheets and inputs: 2990 → "29.90". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a whole number, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
