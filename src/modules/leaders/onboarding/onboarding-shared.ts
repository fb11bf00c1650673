import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../../platform/auth/index.js';
import type { Executor } from '../../../platform/db/database.js';
import { pgErrorOf } from '../../../platform/db/pg-error.js';
import type { Deps } from '../../../platform/deps.js';
import { leaders } from '../leaders.tables.js';
import type { LeaderRow } from '../leaders.view.js';
import { onboardingError } from './onboarding.errors.js';
import { leaderApplications } from './onboarding.tables.js';

/** What the onboarding use-cases are built from. */
export type OnboardingDeps = Pick<Deps, 'db' | 'clock' | 'bus' | 'crypto'>;
export type OnboardingTxDeps = Pick<Deps, 'clock' | 'bus' | 'crypto'>;

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A bearer token for a link (256 random bits, base64url), and the hash that is stored instead of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The leader the logged-in user is (leaders.user_id), or a 404 naming the reason. */
export async function leaderOfUser(db: Executor, userId: string): Promise<LeaderRow> {
  const [row] = await db.select().from(leaders).where(eq(leaders.userId, userId));
  if (!row) throw onboardingError('onboarding.not_a_leader');
  return row;
}

/**
 * True while the login made by an approval still has the initial password the reviewer saw (the
 * user's password hash still matches the fingerprint taken at approval), or while a login made by a
 * leader import still has its one-time password (`users.must_change_password`, cleared by the
 * change). Logins made any other way (the console's users page, the demo seed) are never asked.
 */
export async function passwordChangeRequired(db: Executor, userId: string): Promise<boolean> {
  const [flag] = await db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, userId));
  if (flag?.must) return true;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(leaderApplications)
    .where(
      and(
        eq(leaderApplications.userId, userId),
        sql`${leaderApplications.initialPasswordFingerprint} = (
          select encode(sha256(convert_to(u.password_hash, 'UTF8')), 'hex') from users u where u.id = ${userId})`,
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** The leader behind a leader-portal request, once they have replaced their initial password. */
export async function activeLeaderOfUser(db: Executor, userId: string): Promise<LeaderRow> {
  const leader = await leaderOfUser(db, userId);
  if (await passwordChangeRequired(db, userId)) throw onboardingError('onboarding.password_change_required');
  return leader;
}

/** The unique index a Postgres error (or one it caused) names, if it is a unique violation. */
export function uniqueViolationOf(err: unknown): string | null {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && pg.constraint !== undefined ? pg.constraint : null;
}
