import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/index.js';
import type { Tx } from '../../platform/db/database.js';
import { generateLeaderCode } from './leader-code.js';
import { leadersError } from './leaders.errors.js';
import { leaders } from './leaders.tables.js';
import { leaderUsername } from './onboarding/initial-login.js';

/**
 * A share code no leader has yet, so a leader's login can be named after it before the leader row
 * exists (an approved application and an imported row both do this).
 */
export async function freeLeaderCode(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = generateLeaderCode();
    const [taken] = await tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.code, code));
    if (!taken) return code;
  }
  throw leadersError('leaders.code_exhausted');
}

/** `leader-<code>`, or the first of its numbered variants that no user has. */
export async function freeLeaderUsername(tx: Tx, code: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const name = leaderUsername(code, attempt);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, name));
    if (!taken) return name;
  }
}
