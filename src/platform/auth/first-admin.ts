import { randomInt } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Actor } from '../audit/index.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../deps.js';
import { users } from './auth.tables.js';
import { isCommonPassword, PASSWORD_MIN_LENGTH } from './password-policy.js';
import { createUser, type PublicUser } from './users.service.js';

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
