/**
 * The PostgreSQL error behind `err`, if any: Drizzle wraps the driver's error in its own (as
 * `cause`), so a caller that decides by SQLSTATE (a deadlock to retry, a unique key taken) walks the
 * chain instead of reading `err.code`.
 */
export function pgErrorOf(err: unknown): { code: string; constraint?: string; message: string } | null {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (typeof pg.code === 'string' && /^[0-9A-Z]{5}$/.test(pg.code))
      return {
        code: pg.code,
        ...(typeof pg.constraint === 'string' ? { constraint: pg.constraint } : {}),
        message: String(pg.message ?? ''),
      };
  }
  return null;
}
