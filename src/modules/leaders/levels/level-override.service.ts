import { and, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { leadersError } from '../leaders.errors.js';
import { leaders } from '../leaders.tables.js';
import { leaderLevelsError } from './levels.errors.js';
import type { LevelsDeps } from './levels.shared.js';
import { leaderLevelHistory, leaderLevels } from './levels.tables.js';

export interface OverrideInput {
  levelId: string;
  reason: string;
  /** ISO instant; no automatic re-assessment of this leader before it. Absent or null: no hold. */
  holdUntil?: string | null | undefined;
}

/** At most this far ahead: a hold is a decision for a season, not for ever. */
const MAX_HOLD_MS = 5 * 366 * 24 * 3600 * 1000;

/**
 * An operator sets a leader's level by hand (手动调级), with a reason, audited, recorded in the
 * history with cause `override`, and announced with `leader.level_changed`. With `holdUntil` the
 * level is also protected (保级): the scheduled assessment skips the leader until then. Setting the
 * level the leader already has is refused unless it comes with a hold (to protect the level).
 */
export async function overrideLeaderLevel(
  deps: LevelsDeps,
  actor: Actor,
  leaderId: string,
  input: OverrideInput,
) {
  return deps.db.transaction((tx) => overrideLeaderLevelTx(deps, tx, actor, leaderId, input));
}

/** The override in the caller's transaction (the demo seed uses this directly). */
export async function overrideLeaderLevelTx(
  deps: Pick<LevelsDeps, 'clock' | 'bus'>,
  tx: Tx,
  actor: Actor,
  leaderId: string,
  input: OverrideInput,
) {
  const now = deps.clock.now();
  let heldUntil: Date | null = null;
  if (input.holdUntil) {
    heldUntil = new Date(input.holdUntil);
    if (Number.isNaN(heldUntil.getTime()) || heldUntil.getTime() <= now.getTime())
      throw leaderLevelsError('leader_levels.hold_in_past', {
        field: 'body.holdUntil',
        detail: input.holdUntil,
      });
    if (heldUntil.getTime() - now.getTime() > MAX_HOLD_MS)
      throw leaderLevelsError('leader_levels.hold_in_past', {
        field: 'body.holdUntil',
        detail: 'a hold lasts at most five years',
      });
  }
  const reason = input.reason.trim();
  const [leader] = await tx.select().from(leaders).where(eq(leaders.id, leaderId)).for('update');
  if (!leader) throw leadersError('leaders.not_found', { field: 'params.id', detail: leaderId });
  const [level] = await tx
    .select()
    .from(leaderLevels)
    .where(and(eq(leaderLevels.id, input.levelId), eq(leaderLevels.status, 'active')));
  if (!level)
    throw leaderLevelsError('leader_levels.level_unknown', {
      field: 'body.levelId',
      detail: input.levelId,
    });
  if (leader.levelId === level.id && !heldUntil)
    throw leaderLevelsError('leader_levels.same_level', { field: 'body.levelId', detail: level.code });

  const [from] = leader.levelId
    ? await tx.select().from(leaderLevels).where(eq(leaderLevels.id, leader.levelId))
    : [];
  await tx
    .update(leaders)
    .set({ levelId: level.id, levelHeldUntil: heldUntil })
    .where(eq(leaders.id, leaderId));
  const changeId = newId('leaderLevelChange');
  await tx.insert(leaderLevelHistory).values({
    id: changeId,
    leaderId,
    fromLevelId: leader.levelId,
    toLevelId: level.id,
    at: now,
    cause: 'override',
    reason,
    actorId: actor.actorId,
    actorName: actor.actorName,
    heldUntil,
  });
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader.level_override',
    entityType: 'leader',
    entityId: leaderId,
    before: { levelId: leader.levelId, levelHeldUntil: leader.levelHeldUntil?.toISOString() ?? null },
    after: { levelId: level.id, levelHeldUntil: heldUntil?.toISOString() ?? null, reason },
  });
  const direction =
    from === undefined ? 'up' : level.rank > from.rank ? 'up' : level.rank < from.rank ? 'down' : 'same';
  if (leader.levelId !== level.id) {
    await deps.bus.publish(
      tx,
      {
        type: 'leader.level_changed',
        aggregateType: 'leader',
        aggregateId: leaderId,
        payload: {
          leaderId,
          fromLevelId: leader.levelId,
          toLevelId: level.id,
          fromLevelCode: from?.code ?? null,
          toLevelCode: level.code,
          direction,
          cause: 'override',
          at: now.toISOString(),
          reason,
          heldUntil: heldUntil?.toISOString() ?? null,
        },
      },
      actor.requestId,
    );
  }
  return { changeId, leaderId, levelId: level.id, heldUntil: heldUntil?.toISOString() ?? null };
}
