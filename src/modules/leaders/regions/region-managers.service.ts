import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import { users } from '../../../platform/auth/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { leaders, regions } from '../leaders.tables.js';
import type { LeadersDeps, LeadersTxDeps } from '../leaders-shared.js';
import { networkError } from '../network/network.errors.js';
import { regionManagers } from './region-managers.tables.js';

/**
 * Region managers (区域经理): assigning a login with the region_manager role to a region, with a
 * weight (their share of a regional dividend, 区域分红) and optionally the leader they also are.
 * Only `leaders.admin` may change assignments; each change is audited and announced.
 */
export interface RegionManagerInput {
  userId: string;
  weight?: number | undefined;
  leaderId?: string | null | undefined;
}

export interface RegionManagerPatch {
  weight?: number | undefined;
  leaderId?: string | null | undefined;
}

type ManagerRow = typeof regionManagers.$inferSelect;

function managerAuditView(m: ManagerRow) {
  return { regionId: m.regionId, userId: m.userId, leaderId: m.leaderId, weight: m.weight };
}

async function assertRegion(db: Executor, regionId: string) {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!row) throw networkError('leaders.region_missing', { field: 'params.id', detail: regionId });
}

async function assertManagerUser(db: Executor, userId: string) {
  const [row] = await db.select({ roles: users.roles }).from(users).where(eq(users.id, userId));
  if (!row?.roles.includes('region_manager'))
    throw networkError('leaders.region_manager_user_invalid', { field: 'body.userId', detail: userId });
}

async function assertLeader(db: Executor, leaderId: string) {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.id, leaderId));
  if (!row) throw networkError('leaders.referrer_not_found', { field: 'body.leaderId', detail: leaderId });
}

async function announce(deps: LeadersTxDeps, tx: Tx, actor: Actor, m: ManagerRow, change: string) {
  await deps.bus.publish(
    tx,
    {
      type: 'region.managers_changed',
      aggregateType: 'region',
      aggregateId: m.regionId,
      payload: { change, userId: m.userId, weight: m.weight, leaderId: m.leaderId },
    },
    actor.requestId,
  );
}

export async function assignRegionManagerTx(
  deps: LeadersTxDeps,
  tx: Tx,
  actor: Actor,
  regionId: string,
  input: RegionManagerInput,
) {
  await assertRegion(tx, regionId);
  await assertManagerUser(tx, input.userId);
  if (input.leaderId) await assertLeader(tx, input.leaderId);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(regionManagers)
    .values({
      regionId,
      userId: input.userId,
      leaderId: input.leaderId ?? null,
      weight: input.weight ?? 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw networkError('leaders.region_manager_exists', { field: 'body.userId', detail: input.userId });
  await recordAudit(tx, deps.clock, actor, {
    action: 'region_manager.assign',
    entityType: 'region',
    entityId: regionId,
    after: managerAuditView(row),
  });
  await announce(deps, tx, actor, row, 'assigned');
  return row;
}

export async function assignRegionManager(
  deps: LeadersDeps,
  actor: Actor,
  regionId: string,
  input: RegionManagerInput,
) {
  await deps.db.transaction((tx) => assignRegionManagerTx(deps, tx, actor, regionId, input));
  return listRegionManagers(deps.db, regionId);
}

async function lockManager(tx: Tx, regionId: string, userId: string): Promise<ManagerRow> {
  const [row] = await tx
    .select()
    .from(regionManagers)
    .where(and(eq(regionManagers.regionId, regionId), eq(regionManagers.userId, userId)))
    .for('update');
  if (!row)
    throw networkError('leaders.region_manager_not_found', { field: 'params.userId', detail: userId });
  return row;
}

export async function updateRegionManager(
  deps: LeadersDeps,
  actor: Actor,
  regionId: string,
  userId: string,
  patch: RegionManagerPatch,
) {
  await deps.db.transaction(async (tx) => {
    const before = await lockManager(tx, regionId, userId);
    if (patch.leaderId) await assertLeader(tx, patch.leaderId);
    const [after] = await tx
      .update(regionManagers)
      .set({
        ...(patch.weight !== undefined ? { weight: patch.weight } : {}),
        ...(patch.leaderId !== undefined ? { leaderId: patch.leaderId } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(and(eq(regionManagers.regionId, regionId), eq(regionManagers.userId, userId)))
      .returning();
    if (!after) throw networkError('leaders.region_manager_not_found', { field: 'params.userId' });
    await recordAudit(tx, deps.clock, actor, {
      action: 'region_manager.update',
      entityType: 'region',
      entityId: regionId,
      before: managerAuditView(before),
      after: managerAuditView(after),
    });
    await announce(deps, tx, actor, after, 'updated');
  });
  return listRegionManagers(deps.db, regionId);
}

export async function removeRegionManager(
  deps: LeadersDeps,
  actor: Actor,
  regionId: string,
  userId: string,
  reason: string | undefined,
) {
  await deps.db.transaction(async (tx) => {
    const before = await lockManager(tx, regionId, userId);
    await tx
      .delete(regionManagers)
      .where(and(eq(regionManagers.regionId, regionId), eq(regionManagers.userId, userId)));
    await recordAudit(tx, deps.clock, actor, {
      action: 'region_manager.remove',
      entityType: 'region',
      entityId: regionId,
      before: managerAuditView(before),
      after: reason ? { reason } : null,
    });
    await announce(deps, tx, actor, before, 'removed');
  });
  return listRegionManagers(deps.db, regionId);
}

export async function listRegionManagers(db: Executor, regionId: string) {
  await assertRegion(db, regionId);
  const rows = await db
    .select({
      m: regionManagers,
      username: users.username,
      displayName: users.displayName,
      leaderName: leaders.name,
      leaderCode: leaders.code,
    })
    .from(regionManagers)
    .leftJoin(users, eq(users.id, regionManagers.userId))
    .leftJoin(leaders, eq(leaders.id, regionManagers.leaderId))
    .where(eq(regionManagers.regionId, regionId))
    .orderBy(asc(users.username));
  const total = rows.reduce((a, r) => a + r.m.weight, 0);
  return {
    items: rows.map((r) => ({
      regionId: r.m.regionId,
      userId: r.m.userId,
      username: r.username ?? '',
      displayName: r.displayName ?? '',
      leaderId: r.m.leaderId,
      leaderName: r.leaderName,
      leaderCode: r.leaderCode,
      weight: r.m.weight,
      /** The manager's share of the region's dividend pool, in basis points of the whole. */
      shareBps: total > 0 ? Math.round((r.m.weight * 10_000) / total) : 0,
      createdAt: r.m.createdAt.toISOString(),
    })),
  };
}

/** Logins with the region_manager role, for the assignment picker. */
export async function listRegionManagerCandidates(db: Executor) {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(sql`'region_manager' = any(${users.roles}) and ${users.status} = 'active'`)
    .orderBy(asc(users.username));
  return { items: rows };
}
