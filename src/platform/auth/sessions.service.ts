import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/index.js';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import type { Deps } from '../deps.js';
import { type DomainError, platformError } from '../errors.js';
import { newId } from '../ids.js';
import { retryAfterSeconds } from './attempt-delay.js';
import {
  clearThrottle,
  clearThrottlePrefix,
  recordFailure,
  type ThrottleKey,
  throttledError,
  throttleWait,
} from './attempt-throttle.js';
import { sessions, users } from './auth.tables.js';
import { dummyHash, verifyPassword } from './password.js';
import { type PublicUser, publicUser } from './users.service.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
}

/**
 * The three counters a login attempt is throttled by. Each wrong password counts on its
 * (username, address) pair and on its address; it counts on the username alone only while the pair
 * is within its free failures, so one address can never throttle an account for everyone (an
 * attacker hammering `admin` from one place slows down only that place), while many addresses
 * guessing one account together do slow it down, softly: at most a minute between attempts.
 * Usernames that do not exist are counted exactly like those that do.
 */
export function loginThrottleKeys(config: Deps['config'], username: string, address: string) {
  const free = config.loginMaxFailures;
  const maxDelayMs = config.loginLockMinutes * 60_000;
  const base = { baseDelayMs: 1000, forgetAfterMs: 86_400_000 };
  const pair: ThrottleKey = {
    scope: 'login.pair',
    key: `${username}|${address}`,
    policy: { ...base, freeFailures: free, maxDelayMs },
  };
  // An office behind one NAT address has several people who mistype: more free failures per address.
  const addr: ThrottleKey = {
    scope: 'login.address',
    key: address,
    policy: { ...base, freeFailures: free * 4, maxDelayMs },
  };
  const account: ThrottleKey = {
    scope: 'login.account',
    key: username,
    policy: { ...base, freeFailures: free * 4, maxDelayMs: Math.min(maxDelayMs, 60_000) },
  };
  return { pair, address: addr, account };
}

/**
 * Checks a password and opens a session. A throttled attempt is answered 429 before any password is
 * hashed; a wrong password or an unknown username is counted on the throttle keys (the same way for
 * both, after the same scrypt work) and committed before the error is returned, so the count survives.
 */
export async function login(
  deps: Deps,
  actor: Actor,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const { config, clock } = deps;
  const keys = loginThrottleKeys(config, username, actor.ip ?? 'unknown');
  const waitMs = await throttleWait(deps.db, [keys.pair, keys.address, keys.account], clock.now());
  if (waitMs > 0) throw throttledError(platformError('auth.login_throttled'), waitMs);

  const outcome = await deps.db.transaction(async (tx): Promise<LoginResult | DomainError> => {
    const now = clock.now();
    // Attempts at one username take turns on a lock of that name (held to commit), whether or not
    // the user exists; asking the throttle again once it is held means that concurrent guesses which
    // all passed the first check cannot all be looked at, for known and unknown usernames alike.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`login:${username}`}, 0))`);
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for('update');
    const lateWait = await throttleWait(tx, [keys.pair, keys.address, keys.account], now);
    if (lateWait > 0) return throttledError(platformError('auth.login_throttled'), lateWait);
    // An unknown username costs the same scrypt work as a known one, so timing tells nothing.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !valid) {
      const pair = await recordFailure(tx, keys.pair, now);
      const byAddress = await recordFailure(tx, keys.address, now);
      const byAccount =
        pair.failures <= keys.pair.policy.freeFailures
          ? await recordFailure(tx, keys.account, now)
          : undefined;
      const wait = Math.max(pair.waitMs, byAddress.waitMs, byAccount?.waitMs ?? 0);
      await recordAudit(tx, clock, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: {
          username,
          reason: user ? 'wrong_password' : 'unknown_user',
          failures: pair.failures,
          waitSeconds: retryAfterSeconds(wait),
        },
      });
      return wait > 0
        ? throttledError(platformError('auth.login_throttled'), wait)
        : platformError('auth.invalid_credentials');
    }
    if (user.status !== 'active') return platformError('auth.account_disabled');

    // The right password proves these failures were the person's own typing: forget them. The
    // address counter stays, or anyone with one valid account could reset their address's count.
    await clearThrottle(tx, [keys.pair, keys.account]);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
    const sessionId = newId('session');
    await tx.insert(sessions).values({
      id: sessionId,
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + config.sessionIdleMinutes * 60_000),
      expiresAt,
      ip: actor.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    const [fresh] = await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).returning();
    const loggedIn = { ...actor, actorId: user.id, actorName: user.username };
    await recordAudit(tx, clock, loggedIn, {
      action: 'auth.login',
      entityType: 'session',
      entityId: sessionId,
      after: { userId: user.id },
    });
    return { token, csrfToken, expiresAt, user: publicUser(fresh ?? user) };
  });
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

/** Forgets a user's login failures everywhere: an admin who resets a password lets the person straight in. */
export async function clearLoginThrottle(tx: Tx, username: string): Promise<void> {
  await clearThrottle(tx, [{ scope: 'login.account', key: username }]);
  await clearThrottlePrefix(tx, 'login.pair', `${username}|`);
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  user: PublicUser;
}

/** How stale `last_seen_at` may get before a request slides the idle expiry forward (saves a write per request). */
const TOUCH_AFTER_MS = 60_000;

/** Resolves a cookie token to its live session and user, or throws the 401 that says why not. */
export async function resolveSession(deps: Deps, token: string): Promise<SessionInfo> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
  if (!row) throw platformError('auth.unauthenticated');
  if (row.s.expiresAt <= now || row.s.idleExpiresAt <= now) throw platformError('auth.session_expired');
  if (row.u.status !== 'active') throw platformError('auth.account_disabled');
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const idle = new Date(
      Math.min(now.getTime() + deps.config.sessionIdleMinutes * 60_000, row.s.expiresAt.getTime()),
    );
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: idle })
      .where(eq(sessions.id, row.s.id));
  }
  return { sessionId: row.s.id, csrfToken: row.s.csrfToken, user: publicUser(row.u) };
}

export async function logout(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: deps.clock.now() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, deps.clock, actor, {
      action: 'auth.logout',
      entityType: 'session',
      entityId: sessionId,
    });
  });
}

export async function revokeUserSessions(tx: Tx, clock: Clock, userId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: clock.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/**
 * Deletes sessions that can never be used again: past their absolute or idle expiry, or revoked,
 * for more than a day (the day keeps recent ones visible when investigating a complaint).
 */
export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - 24 * 3_600_000);
  const deleted = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, cutoff), lt(sessions.idleExpiresAt, cutoff), lt(sessions.revokedAt, cutoff)),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

/** Used by `/readyz`-style checks and tests: how many sessions are live right now. */
export async function countLiveSessions(db: Db, clock: Clock, userId: string): Promise<number> {
  const r = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > ${clock.now()} AND idle_expires_at > ${clock.now()}`,
  );
  return r.rows[0]?.n ?? 0;
}
