import { eq, inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/index.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Deps } from '../../platform/deps.js';
import { normalizePhone } from '../customers/index.js';
import { leadersError } from './leaders.errors.js';
import { leaders, pickupPoints, regions } from './leaders.tables.js';
import type { LeaderRow, PickupPointRow } from './leaders.view.js';

/** What the leaders use-cases are built from. */
export type LeadersDeps = Pick<Deps, 'db' | 'clock' | 'bus' | 'crypto'>;
export type LeadersTxDeps = Pick<Deps, 'clock' | 'bus' | 'crypto'>;

export async function assertRegions(db: Executor, checks: ReadonlyArray<{ id: string; field: string }>) {
  const ids = [...new Set(checks.map((c) => c.id))];
  const found = await db.select({ id: regions.id }).from(regions).where(inArray(regions.id, ids));
  const known = new Set(found.map((r) => r.id));
  for (const c of checks) {
    if (!known.has(c.id)) throw leadersError('leaders.region_not_found', { field: c.field, detail: c.id });
  }
}

export async function assertUser(db: Executor, userId: string, field: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!row) throw leadersError('leaders.user_not_found', { field, detail: userId });
}

/** The normalised phone with its ciphertext and keyed hash, or a 400 naming the field. */
export function phoneColumns(deps: Pick<Deps, 'crypto'>, raw: string, field: string) {
  const phone = normalizePhone(raw);
  if (!phone) throw leadersError('leaders.invalid_phone', { field });
  return { phoneEnc: deps.crypto.encrypt(phone), phoneHash: deps.crypto.hash(phone) };
}

/** Refuses a phone or login another leader already has; the unique indexes back this under races. */
export async function assertPhoneFree(db: Executor, phoneHash: string, exceptLeaderId: string | null) {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.phoneHash, phoneHash));
  if (row && row.id !== exceptLeaderId) throw leadersError('leaders.phone_taken', { field: 'body.phone' });
}

export async function assertUserFree(db: Executor, userId: string, exceptLeaderId: string | null) {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.userId, userId));
  if (row && row.id !== exceptLeaderId)
    throw leadersError('leaders.user_taken', { field: 'body.userId', detail: userId });
}

/**
 * Maps a unique violation that a concurrent writer caused after our pre-checks passed to the same
 * 409 the pre-check gives; anything else is rethrown.
 */
export function mapUniqueViolation(err: unknown): never {
  const pg = pgErrorOf(err);
  if (pg?.code === '23505' && pg.constraint === 'leaders_phone_hash_idx')
    throw leadersError('leaders.phone_taken', { field: 'body.phone' });
  if (pg?.code === '23505' && pg.constraint === 'leaders_user_idx')
    throw leadersError('leaders.user_taken', { field: 'body.userId' });
  throw err;
}

export async function lockLeader(tx: Tx, id: string): Promise<LeaderRow> {
  const [row] = await tx.select().from(leaders).where(eq(leaders.id, id)).for('update');
  if (!row) throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
  return row;
}

export async function lockPickupPoint(tx: Tx, id: string): Promise<PickupPointRow> {
  const [row] = await tx.select().from(pickupPoints).where(eq(pickupPoints.id, id)).for('update');
  if (!row) throw leadersError('leaders.pickup_point_not_found', { field: 'params.id', detail: id });
  return row;
}
