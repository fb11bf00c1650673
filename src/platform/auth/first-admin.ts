import { createHash, randomBytes, randomInt } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../audit/index.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../deps.js';
import { usersError } from './auth.errors.js';
import { setupTokens, users } from './auth.tables.js';
import { hashPassword } from './password.js';
import { isCommonPassword, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';
import { createUser, createUserTx, type PublicUser } from './users.service.js';

/**
 * The first administrator of a company started without demo data (`SEED_DEMO=false`): such a
 * database has no user at all, and every other user is made by an administrator in the console.
 * `npm run admin -- create` (scripts/admin.ts) makes one through the same use-case as the users page,
 * so the password rules, the audit record and `user.created` all apply.
 */

/** Who the audit log names for an account made from the command line (no person is logged in). */
export const ADMIN_COMMAND_ACTOR: Actor = {
  actorId: null,
  actorName: 'npm run admin',
  requestId: null,
  ip: null,
};

/** Letters and digits people do not misread when copying from a terminal (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A random password that passes the password rules: long enough, one of each kind of character, and
 * never a common one (a random draw practically never is, but the rules apply to every password).
 * It cannot contain a username of three or more characters except by a chance far below any concern;
 * createUser checks it all the same.
 */
export function generatePassword(random: (max: number) => number = randomInt): string {
  for (;;) {
    let pw = '';
    for (let i = 0; i < Math.max(GENERATED_PASSWORD_LENGTH, PASSWORD_MIN_LENGTH); i += 1)
      pw += ALPHABET[random(ALPHABET.length)];
    if (/[a-z]/.test(pw) && /[A-Z]/.test(pw) && /\d/.test(pw) && !isCommonPassword(pw)) return pw;
  }
}

export async function userCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

/**
 * Creates an administrator. Without a password one is generated and answered (shown once by the
 * command); a given password must pass the rules, as on the users page.
 */
export async function createAdmin(
  deps: Deps,
  input: { username: string; displayName?: string; password?: string },
  actor: Actor = ADMIN_COMMAND_ACTOR,
): Promise<{ user: PublicUser; password: string; generated: boolean }> {
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  const user = await createUser(deps, actor, {
    username: input.username,
    displayName: input.displayName?.trim() || '系统管理员',
    password,
    roles: ['admin'],
  });
  return { user, password, generated };
}

/** How long a start's setup link works. */
export const SETUP_LINK_TTL_MS = 24 * 3_600_000;
const SETUP_ROW = 'first_admin';
/** One first-admin setup at a time, across processes. */
const SETUP_LOCK = 0x5e7a_0001;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The token of a new setup link, when the company has no user yet (null otherwise). Each start makes
 * a new one and the previous link stops working; only its hash is stored.
 */
export async function issueSetupToken(deps: Pick<Deps, 'db' | 'clock'>): Promise<string | null> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await userCount(tx)) > 0) return null;
    const token = randomBytes(32).toString('base64url');
    const now = deps.clock.now();
    const row = {
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS),
      usedAt: null,
    };
    await tx
      .insert(setupTokens)
      .values({ id: SETUP_ROW, ...row })
      .onConflictDoUpdate({ target: setupTokens.id, set: row });
    return token;
  });
}

/**
 * Creates the first administrator through the setup link: only while there is no user, with the
 * link's unused and unexpired token, in one transaction that also spends the token. The password
 * rules apply as everywhere. Anyone holding the link could do this, which is why it is printed only
 * on the server's own output and works once.
 */
export async function completeSetup(
  deps: Deps,
  actor: Actor,
  input: { token: string; username: string; displayName: string; password: string },
): Promise<PublicUser> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw usersError(problem, { field: 'body.password' });
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await userCount(tx)) > 0) throw usersError('users.setup_done');
    const [row] = await tx.select().from(setupTokens).where(eq(setupTokens.id, SETUP_ROW));
    const now = deps.clock.now();
    if (!row || row.usedAt !== null || row.expiresAt <= now || row.tokenHash !== sha256(input.token))
      throw usersError('users.setup_link_invalid', { field: 'body.token' });
    const user = await createUserTx(deps, tx, actor, {
      username: input.username,
      displayName: input.displayName,
      roles: ['admin'],
      passwordHash,
    });
    await tx.update(setupTokens).set({ usedAt: now }).where(eq(setupTokens.id, SETUP_ROW));
    return user;
  });
}
