import { and, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { DomainError } from '../errors.js';
import { delayAfterFailures, retryAfterSeconds, type ThrottlePolicy } from './attempt-delay.js';
import { attemptThrottles } from './auth.tables.js';

/**
 * A database-backed throttle for attempts at something guessable: passwords, pickup codes, payment
 * attempts. Failures are counted per (scope, key) in `attempt_throttles`, so every server process
 * sees the same counts, and every change is one atomic statement. Callers decide what a key is (an
 * address, a username, a keyed hash of a phone: never a raw phone number) and which policy applies.
 *
 * Use: `throttleWait` before looking at an attempt (answer `throttledError` when it is not 0),
 * `recordFailure` after a wrong one, `clearThrottle` after a right one if the scope should forget.
 */
export interface ThrottleKey {
  scope: string;
  key: string;
  policy: ThrottlePolicy;
}

function matching(keys: readonly Pick<ThrottleKey, 'scope' | 'key'>[]): SQL | undefined {
  return or(
    ...keys.map((k) =>
      and(sql`${attemptThrottles.scope} = ${k.scope}`, sql`${attemptThrottles.key} = ${k.key}`),
    ),
  );
}

/** Milliseconds until every one of `keys` allows an attempt again; 0 when none is blocked. */
export async function throttleWait(db: Executor, keys: readonly ThrottleKey[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({ until: attemptThrottles.blockedUntil })
    .from(attemptThrottles)
    .where(and(matching(keys), sql`${attemptThrottles.blockedUntil} > ${now}`));
  let wait = 0;
  for (const r of rows) if (r.until) wait = Math.max(wait, r.until.getTime() - now.getTime());
  return wait;
}

export interface FailureCount {
  /** The failures in a row on this key, this one included. */
  failures: number;
  /** The wait this failure imposed on the key (0 while failures are free). */
  waitMs: number;
}

/**
 * Counts one failure on a key. The count and the forgetting are one upsert, so two processes
 * counting at the same moment both count; the wait only ever moves later (GREATEST), so a slow
 * request cannot shorten a wait set by a faster one.
 */
export async function recordFailure(db: Executor, k: ThrottleKey, now: Date): Promise<FailureCount> {
  const forgetBefore = new Date(now.getTime() - k.policy.forgetAfterMs);
  const counted = await db.execute<{ failures: number }>(sql`
    INSERT INTO attempt_throttles AS t (scope, key, failures, last_failure_at)
    VALUES (${k.scope}, ${k.key}, 1, ${now})
    ON CONFLICT (scope, key) DO UPDATE SET
      failures = CASE WHEN t.last_failure_at < ${forgetBefore} THEN 1 ELSE t.failures + 1 END,
      blocked_until = CASE WHEN t.last_failure_at < ${forgetBefore} THEN NULL ELSE t.blocked_until END,
      last_failure_at = GREATEST(t.last_failure_at, EXCLUDED.last_failure_at)
    RETURNING failures`);
  const failures = Number(counted.rows[0]?.failures ?? 1);
  const waitMs = delayAfterFailures(failures, k.policy);
  if (waitMs > 0) {
    const until = new Date(now.getTime() + waitMs);
    await db.execute(sql`
      UPDATE attempt_throttles SET blocked_until = GREATEST(COALESCE(blocked_until, ${until}), ${until})
      WHERE scope = ${k.scope} AND key = ${k.key}`);
  }
  return { failures, waitMs };
}

/** Forgets the failures on these keys (after a success that proves the attempts were a person's). */
export async function clearThrottle(
  db: Executor,
  keys: readonly Pick<ThrottleKey, 'scope' | 'key'>[],
): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(attemptThrottles).where(matching(keys));
}

/** Forgets every key of `scope` that starts with `prefix` (an admin's password reset forgets all of a user's pairs). */
export async function clearThrottlePrefix(db: Executor, scope: string, prefix: string): Promise<void> {
  await db
    .delete(attemptThrottles)
    .where(
      and(sql`${attemptThrottles.scope} = ${scope}`, sql`starts_with(${attemptThrottles.key}, ${prefix})`),
    );
}

/**
 * Deletes rows nobody is waiting on whose last failure is older than `olderThanMs`; with every
 * policy forgetting within a day, a day-old row counts nothing any more.
 */
export async function purgeStaleThrottles(
  db: Executor,
  now: Date,
  olderThanMs = 2 * 86_400_000,
): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  const deleted = await db
    .delete(attemptThrottles)
    .where(
      and(
        lt(attemptThrottles.lastFailureAt, cutoff),
        sql`(${attemptThrottles.blockedUntil} IS NULL OR ${attemptThrottles.blockedUntil} < ${now})`,
      ),
    )
    .returning({ scope: attemptThrottles.scope });
  return deleted.length;
}

/**
 * The 429 a throttled attempt gets: the catalogue error the caller chose, with the wait in whole
 * seconds as its detail (so both messages end with the number) and as `Retry-After`, which the
 * error handler sets from `retryAfterSeconds`.
 */
export class ThrottledError extends DomainError {
  constructor(
    base: DomainError,
    readonly retryAfterSeconds: number,
  ) {
    super(base.code, base.spec, base.field, String(retryAfterSeconds));
  }
}

export function throttledError(base: DomainError, waitMs: number): ThrottledError {
  return new ThrottledError(base, Math.max(1, retryAfterSeconds(waitMs)));
}
