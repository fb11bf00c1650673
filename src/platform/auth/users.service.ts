import { and, arrayContains, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, escapeLike, recordAudit } from '../audit/index.js';
import type { Db, Tx } from '../db/database.js';
import type { Deps } from '../deps.js';
import type { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import {
  clearThrottle,
  recordFailure,
  type ThrottleKey,
  throttledError,
  throttleWait,
} from './attempt-throttle.js';
import { usersError } from './auth.errors.js';
import { sessions, users } from './auth.tables.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblem } from './password-policy.js';
import { isRole, permissionsOf } from './rbac.js';
import { clearLoginThrottle, revokeUserSessions } from './sessions.service.js';

type UserRow = typeof users.$inferSelect;

/** The user as the API and the audit log show it: never the password hash. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    permissions: permissionsOf(u.roles),
    status: u.status,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

function auditView(u: UserRow) {
  const { permissions: _omit, lastLoginAt: _last, ...rest } = publicUser(u);
  return rest;
}

function checkRoles(roles: readonly string[]): void {
  const bad = roles.find((r) => !isRole(r));
  if (bad !== undefined) throw usersError('users.invalid_role', { field: 'body.roles', detail: bad });
}

/** Refuses a password that breaks a rule of password-policy.ts, naming the rule and the field. */
function checkPassword(password: string, username: string, field = 'body.password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw usersError(problem, { field });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export async function createUser(deps: Deps, actor: Actor, input: NewUser): Promise<PublicUser> {
  checkRoles(input.roles);
  checkPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => createUserTx(deps, tx, actor, { ...input, passwordHash }));
}

/** The transactional half of createUser, shared with the demo seed (which must not re-hash in a loop). */
export async function createUserTx(
  deps: Pick<Deps, 'clock' | 'bus'>,
  tx: Tx,
  actor: Actor,
  input: Omit<NewUser, 'password'> & { passwordHash: string },
): Promise<PublicUser> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const [row] = await tx
    .insert(users)
    .values({
      id: newId('user'),
      username,
      displayName: input.displayName.trim(),
      passwordHash: input.passwordHash,
      roles: [...new Set(input.roles)],
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.username })
    .returning();
  if (!row) throw usersError('users.username_taken', { field: 'body.username', detail: username });
  await recordAudit(tx, deps.clock, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    after: auditView(row),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'user.created',
      aggregateType: 'user',
      aggregateId: row.id,
      payload: { username, roles: row.roles },
    },
    actor.requestId,
  );
  return publicUser(row);
}

async function lockUser(tx: Tx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw usersError('users.not_found', { field: 'params.id', detail: id });
  return row;
}

/** Refuses a change that would leave no active admin, so nobody can lock the company out. */
async function ensureAnotherAdmin(tx: Tx, exceptId: string): Promise<void> {
  const [r] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(ne(users.id, exceptId), eq(users.status, 'active'), arrayContains(users.roles, ['admin'])));
  if ((r?.n ?? 0) === 0) throw usersError('users.last_admin');
}

export interface UserPatch {
  displayName?: string | undefined;
  roles?: string[] | undefined;
  status?: 'active' | 'disabled' | undefined;
}

/**
 * Role and status changes take turns on this lock, so two admins demoting each other at the same
 * moment cannot both see the other as "the remaining admin". Such changes are rare; the lock is cheap.
 */
const ADMIN_SET_LOCK = 7_464_021_004;

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: UserPatch,
): Promise<PublicUser> {
  if (patch.roles) checkRoles(patch.roles);
  return deps.db.transaction(async (tx) => {
    if (patch.roles || patch.status) await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`);
    const before = await lockUser(tx, id);
    const roles = patch.roles ? [...new Set(patch.roles)] : before.roles;
    const status = patch.status ?? before.status;
    const losesAdmin =
      before.roles.includes('admin') &&
      before.status === 'active' &&
      (!roles.includes('admin') || status !== 'active');
    if (losesAdmin) {
      if (actor.actorId === id) throw usersError('users.cannot_disable_self');
      await ensureAnotherAdmin(tx, id);
    }
    const [after] = await tx
      .update(users)
      .set({
        displayName: patch.displayName?.trim() ?? before.displayName,
        roles,
        status,
        updatedAt: deps.clock.now(),
      })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw usersError('users.not_found', { field: 'params.id' });
    // Disabling a user ends every session they have, at once.
    if (status === 'disabled' && before.status !== 'disabled') await revokeUserSessions(tx, deps.clock, id);
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    await deps.bus.publish(
      tx,
      { type: 'user.updated', aggregateType: 'user', aggregateId: id, payload: { roles, status } },
      actor.requestId,
    );
    return publicUser(after);
  });
}

export async function resetPassword(deps: Deps, actor: Actor, id: string, password: string): Promise<void> {
  // The username is needed for the rules; an unknown id is refused here as it was before the rules.
  const [target] = await deps.db.select({ username: users.username }).from(users).where(eq(users.id, id));
  if (!target) throw usersError('users.not_found', { field: 'params.id', detail: id });
  checkPassword(password, target.username);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const user = await lockUser(tx, id);
    const now = deps.clock.now();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, id));
    // The person the admin helps should get straight in, not wait out the failures that made them ask.
    await clearLoginThrottle(tx, user.username);
    // A reset password means the old one may be known to someone else: end the old sessions.
    await revokeUserSessions(tx, deps.clock, id);
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
    });
  });
}

export async function getUser(db: Db, id: string): Promise<PublicUser> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw usersError('users.not_found', { field: 'params.id', detail: id });
  return publicUser(row);
}

export async function listUsers(
  db: Db,
  q: { q?: string | undefined; role?: string | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const m = or(ilike(users.username, like), ilike(users.displayName, like));
    if (m) where.push(m);
  }
  if (q.role) where.push(arrayContains(users.roles, [q.role]));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(cond)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { items: rows.map(publicUser), total: total?.n ?? 0 };
}

/**
 * A user changes their own password. The current one must be given (a session left open on a shared
 * computer must not be enough), and every other session of the user ends; this one stays.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const [me] = await deps.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!me) throw usersError('users.not_found', { field: 'params.id', detail: input.userId });
  if (input.newPassword === input.currentPassword) {
    throw usersError('users.password_unchanged', { field: 'body.newPassword' });
  }
  checkPassword(input.newPassword, me.username, 'body.newPassword');
  const throttle = passwordChangeThrottleKey(input.userId);
  const waitMs = await throttleWait(deps.db, [throttle], deps.clock.now());
  if (waitMs > 0) throw throttledError(usersError('users.password_change_throttled'), waitMs);
  const passwordHash = await hashPassword(input.newPassword);
  const refused = await deps.db.transaction(async (tx): Promise<DomainError | null> => {
    const user = await lockUser(tx, input.userId);
    const now = deps.clock.now();
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      // Returned, not thrown, so that the counted failure is committed.
      const { waitMs: wait } = await recordFailure(tx, throttle, now);
      return wait > 0
        ? throttledError(usersError('users.password_change_throttled'), wait)
        : usersError('users.wrong_current_password', { field: 'body.currentPassword' });
    }
    await clearThrottle(tx, [throttle]);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, input.sessionId)));
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
    });
    return null;
  });
  if (refused) throw refused;
}

/**
 * Someone holding a session that is not theirs (a computer left logged in) must not be able to
 * guess the current password at the in-memory rate limit's pace: after 5 wrong current passwords
 * each further try waits 1 s, 2 s ... up to 15 minutes; the right one forgets the count.
 */
function passwordChangeThrottleKey(userId: string): ThrottleKey {
  return {
    scope: 'password_change.user',
    key: userId,
    policy: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 86_400_000 },
  };
}
