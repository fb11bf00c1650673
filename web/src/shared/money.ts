/**
 * Money in the console and the H5 pages. Amounts travel as integer fen (分); people read yuan.
 * One formatter for every page, written the way the server writes amounts in its sentences
 * (`formatFen` in src/platform/money.ts), so a table, a "why" sentence and a receipt agree:
 * 123450 → "¥1,234.50", -5 → "-¥0.05".
 */
export function formatYuan(fen: number): string {
  // A fen amount is a whole number; a computed share (an amount times a rate) rounds to the nearest
  // fen here rather than printing a third decimal, away from zero so a sign never changes the figure.
  const abs = Math.round(Math.abs(fen));
  // A negative amount that rounds to zero is zero: "-¥0.00" would read as a debt.
  const sign = fen < 0 && abs > 0 ? '-' : '';
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed in a form (two decimals at most) to fen; rounding removes the float's last-digit noise. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen to the yuan a form's number input shows. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
