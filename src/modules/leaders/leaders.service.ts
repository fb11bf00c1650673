import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { generateLeaderCode } from './leader-code.js';
import { leadersError } from './leaders.errors.js';
import { type LeaderStatus, leaders } from './leaders.tables.js';
import { type LeaderRow, leaderAuditView } from './leaders.view.js';
import { leaderDetailOf } from './leaders-console.queries.js';
import {
  assertPhoneFree,
  assertRegions,
  assertUser,
  assertUserFree,
  type LeadersDeps,
  type LeadersTxDeps,
  lockLeader,
  mapUniqueViolation,
  phoneColumns,
} from './leaders-shared.js';
import { lowestLevelId, recordInitialLevelTx } from './levels/levels.shared.js';
import { networkError } from './network/network.errors.js';
import { bindNewLeaderTx, lockReferrerTx, type PeriodCause } from './network/network.service.js';
import { createPickupPointTx, type PickupPointInput } from './pickup-points.service.js';

export interface LeaderCreateInput {
  name: string;
  phone: string;
  regionId: string;
  userId?: string | null | undefined;
  pickupPoint: PickupPointInput;
  /** The referrer (推荐人), bound for good at creation; only an admin can move it later. */
  referrerId?: string | null | undefined;
}

/** How an import creates leaders: with the code they had in the old system, and the history's cause. */
export interface LeaderCreateOptions {
  code?: string | undefined;
  periodCause?: PeriodCause | undefined;
}

export interface LeaderPatch {
  name?: string | undefined;
  phone?: string | undefined;
  regionId?: string | undefined;
  userId?: string | null | undefined;
}

/** A random code is free almost always (32^6 codes); a few retries make a collision invisible. */
const CODE_ATTEMPTS = 8;

/**
 * Creates a leader and their first pickup point in the caller's transaction: both or neither. The
 * seed calls this directly; the API goes through `createLeader`.
 */
export async function createLeaderTx(
  deps: LeadersTxDeps,
  tx: Tx,
  actor: Actor,
  input: LeaderCreateInput,
  options: LeaderCreateOptions = {},
): Promise<LeaderRow> {
  const phone = phoneColumns(deps, input.phone, 'body.phone');
  const regionChecks = [{ id: input.regionId, field: 'body.regionId' }];
  if (input.pickupPoint.regionId)
    regionChecks.push({ id: input.pickupPoint.regionId, field: 'body.pickupPoint.regionId' });
  await assertRegions(tx, regionChecks);
  if (input.userId) {
    await assertUser(tx, input.userId, 'body.userId');
    await assertUserFree(tx, input.userId, null);
  }
  await assertPhoneFree(tx, phone.phoneHash, null);
  if (input.referrerId) await lockReferrerTx(tx, input.referrerId, 'body.referrerId');
  const now = deps.clock.now();
  // A new leader starts on the lowest rank of the ladder (LEVELS).
  const levelId = await lowestLevelId(tx);
  let row: LeaderRow | undefined;
  const attempts = options.code ? 1 : CODE_ATTEMPTS;
  for (let attempt = 0; attempt < attempts && !row; attempt += 1) {
    [row] = await tx
      .insert(leaders)
      .values({
        id: newId('leader'),
        code: options.code ?? generateLeaderCode(),
        name: input.name.trim(),
        ...phone,
        regionId: input.regionId,
        status: 'active',
        userId: input.userId ?? null,
        referrerId: input.referrerId ?? null,
        levelId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: leaders.code })
      .returning();
  }
  if (!row && options.code)
    throw networkError('leaders.row.code_taken', { field: 'body.code', detail: options.code });
  if (!row) throw leadersError('leaders.code_exhausted');
  await bindNewLeaderTx(tx, row, now, options.periodCause ?? 'created', actor.actorName);
  await recordInitialLevelTx(tx, row, now, actor.actorName);
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader.create',
    entityType: 'leader',
    entityId: row.id,
    after: { ...leaderAuditView(deps.crypto, row), referrerId: row.referrerId },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader.created',
      aggregateType: 'leader',
      aggregateId: row.id,
      payload: {
        code: row.code,
        name: row.name,
        regionId: row.regionId,
        userId: row.userId,
        referrerId: row.referrerId,
      },
    },
    actor.requestId,
  );
  await createPickupPointTx(deps, tx, actor, row, input.pickupPoint, 'body.pickupPoint');
  return row;
}

export async function createLeader(deps: LeadersDeps, actor: Actor, input: LeaderCreateInput) {
  try {
    return await deps.db.transaction(async (tx) =>
      leaderDetailOf(tx, deps.crypto, await createLeaderTx(deps, tx, actor, input)),
    );
  } catch (err) {
    mapUniqueViolation(err);
  }
}

async function announceUpdate(
  deps: LeadersTxDeps,
  tx: Tx,
  actor: Actor,
  before: LeaderRow,
  after: LeaderRow,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const changed = (['name', 'phoneHash', 'regionId', 'status', 'userId'] as const)
    .filter((k) => before[k] !== after[k])
    .map((k) => (k === 'phoneHash' ? 'phone' : k));
  await recordAudit(tx, deps.clock, actor, {
    action,
    entityType: 'leader',
    entityId: after.id,
    before: leaderAuditView(deps.crypto, before),
    after: { ...leaderAuditView(deps.crypto, after), phoneChanged: changed.includes('phone'), ...extra },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader.updated',
      aggregateType: 'leader',
      aggregateId: after.id,
      payload: { code: after.code, status: after.status, regionId: after.regionId, changed },
    },
    actor.requestId,
  );
}

export async function updateLeader(deps: LeadersDeps, actor: Actor, id: string, patch: LeaderPatch) {
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await lockLeader(tx, id);
      const phone = patch.phone === undefined ? undefined : phoneColumns(deps, patch.phone, 'body.phone');
      if (patch.regionId) await assertRegions(tx, [{ id: patch.regionId, field: 'body.regionId' }]);
      if (patch.userId) {
        await assertUser(tx, patch.userId, 'body.userId');
        await assertUserFree(tx, patch.userId, id);
      }
      if (phone) await assertPhoneFree(tx, phone.phoneHash, id);
      // An unchanged number keeps its old ciphertext, so an edit of the name alone leaves the phone columns as they were.
      const phoneChanged = phone !== undefined && phone.phoneHash !== before.phoneHash;
      const [after] = await tx
        .update(leaders)
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(phoneChanged ? phone : {}),
          ...(patch.regionId !== undefined ? { regionId: patch.regionId } : {}),
          ...(patch.userId !== undefined ? { userId: patch.userId } : {}),
          updatedAt: deps.clock.now(),
        })
        .where(eq(leaders.id, id))
        .returning();
      if (!after) throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
      await announceUpdate(deps, tx, actor, before, after, 'leader.update');
      return leaderDetailOf(tx, deps.crypto, after);
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
}

/** Suspends a leader (their code stops taking orders) or activates them again. */
export async function setLeaderStatus(
  deps: LeadersDeps,
  actor: Actor,
  id: string,
  status: LeaderStatus,
  reason?: string,
) {
  return deps.db.transaction(async (tx) => {
    const before = await lockLeader(tx, id);
    if (before.status === status)
      throw leadersError('leaders.status_unchanged', { detail: `leader is already ${status}` });
    const [after] = await tx
      .update(leaders)
      .set({ status, updatedAt: deps.clock.now() })
      .where(eq(leaders.id, id))
      .returning();
    if (!after) throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
    await announceUpdate(
      deps,
      tx,
      actor,
      before,
      after,
      status === 'suspended' ? 'leader.suspend' : 'leader.activate',
      reason ? { reason } : {},
    );
    return leaderDetailOf(tx, deps.crypto, after);
  });
}
