import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { leadersError } from './leaders.errors.js';
import { type PickupPointStatus, pickupPoints } from './leaders.tables.js';
import {
  type LeaderRow,
  type PickupPointRow,
  pickupPointAuditView,
  pickupPointView,
} from './leaders.view.js';
import { regionNames } from './leaders-console.queries.js';
import {
  assertRegions,
  type LeadersDeps,
  type LeadersTxDeps,
  lockLeader,
  lockPickupPoint,
} from './leaders-shared.js';
import { checkCoordinates, roundCoordinate } from './pickup-point-rules.js';

export interface PickupPointInput {
  name: string;
  address: string;
  /** Defaults to the leader's region. */
  regionId?: string | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  openingHours?: string | undefined;
  capacity?: number | null | undefined;
}

export type PickupPointPatch = Partial<PickupPointInput>;

type Change = 'created' | 'updated' | 'closed' | 'reopened';

async function announce(deps: LeadersTxDeps, tx: Tx, actor: Actor, p: PickupPointRow, change: Change) {
  await deps.bus.publish(
    tx,
    {
      type: 'pickup_point.changed',
      aggregateType: 'pickup_point',
      aggregateId: p.id,
      payload: { leaderId: p.leaderId, change, status: p.status, name: p.name },
    },
    actor.requestId,
  );
}

async function viewOf(tx: Tx, p: PickupPointRow) {
  const names = await regionNames(tx, [p.regionId]);
  return pickupPointView(p, names.get(p.regionId) ?? null);
}

function throwIfIncomplete(latitude: number | null, longitude: number | null, prefix: string) {
  const problem = checkCoordinates({ latitude, longitude }, prefix);
  if (problem) throw leadersError(problem.code, { field: problem.field, detail: problem.detail });
}

/**
 * Adds a pickup point to a leader inside the caller's transaction (creating a leader uses this for
 * the first one). `prefix` names the body part the fields came from, for error messages.
 */
export async function createPickupPointTx(
  deps: LeadersTxDeps,
  tx: Tx,
  actor: Actor,
  leader: LeaderRow,
  input: PickupPointInput,
  prefix = 'body',
): Promise<PickupPointRow> {
  const latitude = roundCoordinate(input.latitude ?? null);
  const longitude = roundCoordinate(input.longitude ?? null);
  throwIfIncomplete(latitude, longitude, prefix);
  const regionId = input.regionId ?? leader.regionId;
  if (input.regionId) await assertRegions(tx, [{ id: input.regionId, field: `${prefix}.regionId` }]);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(pickupPoints)
    .values({
      id: newId('pickupPoint'),
      leaderId: leader.id,
      name: input.name.trim(),
      address: input.address.trim(),
      regionId,
      latitude,
      longitude,
      openingHours: input.openingHours?.trim() ?? '',
      capacity: input.capacity ?? null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('pickup point insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'pickup_point.create',
    entityType: 'pickup_point',
    entityId: row.id,
    after: pickupPointAuditView(row),
  });
  await announce(deps, tx, actor, row, 'created');
  return row;
}

export async function createPickupPoint(
  deps: LeadersDeps,
  actor: Actor,
  leaderId: string,
  input: PickupPointInput,
) {
  return deps.db.transaction(async (tx) => {
    const leader = await lockLeader(tx, leaderId);
    return viewOf(tx, await createPickupPointTx(deps, tx, actor, leader, input));
  });
}

export async function updatePickupPoint(
  deps: LeadersDeps,
  actor: Actor,
  id: string,
  patch: PickupPointPatch,
) {
  return deps.db.transaction(async (tx) => {
    const before = await lockPickupPoint(tx, id);
    const latitude = patch.latitude === undefined ? before.latitude : roundCoordinate(patch.latitude);
    const longitude = patch.longitude === undefined ? before.longitude : roundCoordinate(patch.longitude);
    throwIfIncomplete(latitude, longitude, 'body');
    if (patch.regionId) await assertRegions(tx, [{ id: patch.regionId, field: 'body.regionId' }]);
    const [after] = await tx
      .update(pickupPoints)
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
        ...(patch.regionId !== undefined ? { regionId: patch.regionId } : {}),
        ...(patch.openingHours !== undefined ? { openingHours: patch.openingHours.trim() } : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        latitude,
        longitude,
        updatedAt: deps.clock.now(),
      })
      .where(eq(pickupPoints.id, id))
      .returning();
    if (!after) throw leadersError('leaders.pickup_point_not_found', { field: 'params.id', detail: id });
    await recordAudit(tx, deps.clock, actor, {
      action: 'pickup_point.update',
      entityType: 'pickup_point',
      entityId: id,
      before: pickupPointAuditView(before),
      after: pickupPointAuditView(after),
    });
    await announce(deps, tx, actor, after, 'updated');
    return viewOf(tx, after);
  });
}

/** Closes a pickup point (no new orders may choose it) or opens it again; never deletes it, orders refer to it. */
export async function setPickupPointStatus(
  deps: LeadersDeps,
  actor: Actor,
  id: string,
  status: PickupPointStatus,
  reason?: string,
) {
  return deps.db.transaction(async (tx) => {
    const before = await lockPickupPoint(tx, id);
    if (before.status === status)
      throw leadersError('leaders.status_unchanged', { detail: `pickup point is already ${status}` });
    const [after] = await tx
      .update(pickupPoints)
      .set({ status, updatedAt: deps.clock.now() })
      .where(eq(pickupPoints.id, id))
      .returning();
    if (!after) throw leadersError('leaders.pickup_point_not_found', { field: 'params.id', detail: id });
    await recordAudit(tx, deps.clock, actor, {
      action: status === 'closed' ? 'pickup_point.close' : 'pickup_point.reopen',
      entityType: 'pickup_point',
      entityId: id,
      before: pickupPointAuditView(before),
      after: { ...pickupPointAuditView(after), ...(reason ? { reason } : {}) },
    });
    await announce(deps, tx, actor, after, status === 'closed' ? 'closed' : 'reopened');
    return viewOf(tx, after);
  });
}
