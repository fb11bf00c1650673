import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { normalizeLeaderCode } from './leader-code.js';
import { type LeaderStatus, leaders, type PickupPointStatus, pickupPoints } from './leaders.tables.js';
import { agreementSignedBy } from './onboarding/agreement-status.js';

/** What the order intake needs of the leader named in a share link. */
export interface LeaderForOrdering {
  leaderId: string;
  code: string;
  name: string;
  status: LeaderStatus;
  regionId: string;
  /** The leader's region first, then its parent, up to the top: for "may this leader sell here". */
  regionPath: string[];
  /**
   * True when the agreement lets the leader sell now (电子签约): no version binds yet, or they signed
   * the one that does; during a new version's grace period the previous signature still counts. The
   * order intake refuses orders through a leader for whom it is false.
   */
  agreementSigned: boolean;
}

/** The region and its ancestors' ids, nearest first; a depth cap guards against a cycle in bad data. */
export async function regionPathOf(db: Executor, regionId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from regions where id = ${regionId}
      union all
      select r.id, r.parent_id, up.depth + 1 from regions r join up on r.id = up.parent_id where up.depth < 32
    )
    select id from up order by depth`);
  return result.rows.map((r) => r.id);
}

/**
 * The leader with this share code (any case, spaces ignored), or null. Suspended leaders are returned
 * too. `now` is when the order is placed: the agreement that binds depends on it.
 */
export async function findLeaderByCode(
  db: Executor,
  code: string,
  now: Date,
): Promise<LeaderForOrdering | null> {
  const normal = normalizeLeaderCode(code);
  if (!normal) return null;
  const [row] = await db
    .select({
      leaderId: leaders.id,
      code: leaders.code,
      name: leaders.name,
      status: leaders.status,
      regionId: leaders.regionId,
    })
    .from(leaders)
    .where(eq(leaders.code, normal));
  if (!row) return null;
  return {
    ...row,
    regionPath: await regionPathOf(db, row.regionId),
    agreementSigned: await agreementSignedBy(db, row.leaderId, now),
  };
}

export interface PickupPointForOrdering {
  id: string;
  leaderId: string;
  name: string;
  address: string;
  status: PickupPointStatus;
}

const forOrdering = {
  id: pickupPoints.id,
  leaderId: pickupPoints.leaderId,
  name: pickupPoints.name,
  address: pickupPoints.address,
  status: pickupPoints.status,
};

export async function getPickupPoint(db: Executor, id: string): Promise<PickupPointForOrdering | null> {
  const [row] = await db.select(forOrdering).from(pickupPoints).where(eq(pickupPoints.id, id));
  return row ?? null;
}

/** A leader's pickup points, open ones first, then by name. */
export async function listPickupPointsOfLeader(
  db: Executor,
  leaderId: string,
): Promise<PickupPointForOrdering[]> {
  return db
    .select(forOrdering)
    .from(pickupPoints)
    .where(eq(pickupPoints.leaderId, leaderId))
    .orderBy(asc(pickupPoints.status), asc(pickupPoints.name), asc(pickupPoints.id));
}
