import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { leaders } from '../leaders.tables.js';
import type { LeadersDeps, LeadersTxDeps } from '../leaders-shared.js';
import { lockLeader } from '../leaders-shared.js';
import { networkError } from './network.errors.js';
import { leaderClosure, leaderReferrerPeriods } from './network.tables.js';
import { moveProblem } from './network-rules.js';

/**
 * Writes to the referral tree (推荐关系): binding a new leader under their referrer and moving a
 * leader (with their whole team) to another referrer. `leaders.referrer_id`, the closure table and
 * the period history change together, in the caller's transaction.
 *
 * Concurrency: moves serialise on one advisory lock and then lock every leader of the moved team;
 * binding a new leader locks its referrer's row FOR SHARE. So a new leader is either bound before a
 * move (the move's statements, run after the lock wait, see it) or after (it reads the moved
 * ancestors). Both take their row locks before the audit chain's lock, like every other writer.
 */
const MOVE_LOCK = 7_464_021_101;

export type PeriodCause = 'created' | 'moved' | 'imported';

/**
 * Checks that the referrer exists and locks its row until the transaction ends, so its place in the
 * tree cannot move while a new leader is bound under it. Call before inserting the new leader.
 */
export async function lockReferrerTx(tx: Tx, referrerId: string, field: string): Promise<void> {
  const [row] = await tx
    .select({ id: leaders.id })
    .from(leaders)
    .where(eq(leaders.id, referrerId))
    .for('share');
  if (!row) throw networkError('leaders.referrer_not_found', { field, detail: referrerId });
  await ensureSelfRows(tx, [referrerId]);
}

/**
 * Every leader has a self row in the closure table; one written outside the use-cases (a bulk load,
 * a test arranging rows directly) gets it here, so linking under it still works.
 */
async function ensureSelfRows(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.execute(sql`
    insert into leader_closure (ancestor_id, descendant_id, depth)
    select id, id, 0 from unnest(${sql.param([...ids])}::text[]) as v(id)
    on conflict do nothing`);
}

/**
 * Places a just-inserted leader in the tree: its self row, one row per ancestor of the referrer, and
 * its first period. A new leader has no team yet, so this can never form a cycle.
 */
export async function bindNewLeaderTx(
  tx: Tx,
  leader: { id: string; referrerId: string | null },
  at: Date,
  cause: PeriodCause,
  actorName: string | null,
): Promise<void> {
  await tx.execute(sql`
    insert into leader_closure (ancestor_id, descendant_id, depth)
    select ${leader.id}, ${leader.id}, 0
    union all
    select c.ancestor_id, ${leader.id}, c.depth + 1 from leader_closure c where c.descendant_id = ${leader.referrerId}`);
  await tx.insert(leaderReferrerPeriods).values({
    id: newId('referrerPeriod'),
    leaderId: leader.id,
    referrerId: leader.referrerId,
    validFrom: at,
    validTo: null,
    cause,
    reason: null,
    actorName,
  });
}

export interface MoveResult {
  leaderId: string;
  fromReferrerId: string | null;
  toReferrerId: string | null;
  /** The leader and everyone below them: how many leaders changed upline. */
  movedLeaders: number;
  at: string;
}

async function uplineIds(db: Executor, leaderId: string): Promise<string[]> {
  const rows = await db
    .select({ id: leaderClosure.ancestorId })
    .from(leaderClosure)
    .where(eq(leaderClosure.descendantId, leaderId))
    .orderBy(leaderClosure.depth);
  return rows.map((r) => r.id);
}

/**
 * 调整推荐人: moves a leader, with their whole team, under another referrer (or to the top, with
 * `newReferrerId` null). Admin only, with a reason; audited; emits `leader.referrer_changed`. The
 * closure rows of the moved team are rewritten with two set-based statements; the leader's open
 * period is closed and a new one opened, so the history of who was upline when is kept.
 */
export async function moveReferrer(
  deps: LeadersDeps,
  actor: Actor,
  leaderId: string,
  newReferrerId: string | null,
  reason: string,
): Promise<MoveResult> {
  const why = reason.trim();
  if (!why) throw networkError('leaders.reason_required', { field: 'body.reason' });
  return deps.db.transaction(async (tx) => moveReferrerTx(deps, tx, actor, leaderId, newReferrerId, why));
}

export async function moveReferrerTx(
  deps: LeadersTxDeps,
  tx: Tx,
  actor: Actor,
  leaderId: string,
  newReferrerId: string | null,
  reason: string,
): Promise<MoveResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(${MOVE_LOCK})`);
  const leader = await lockLeader(tx, leaderId);
  if (newReferrerId !== null) {
    const [target] = await tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.id, newReferrerId));
    if (!target)
      throw networkError('leaders.referrer_not_found', { field: 'body.referrerId', detail: newReferrerId });
  }
  await ensureSelfRows(tx, newReferrerId === null ? [leaderId] : [leaderId, newReferrerId]);
  const upline = newReferrerId === null ? [] : await uplineIds(tx, newReferrerId);
  const problem = moveProblem(leaderId, leader.referrerId, newReferrerId, upline);
  if (problem === 'cycle')
    throw networkError('leaders.referrer_cycle', { field: 'body.referrerId', detail: newReferrerId ?? '' });
  if (problem === 'unchanged') throw networkError('leaders.referrer_unchanged', { field: 'body.referrerId' });

  // Every member of the moved team is locked (in id order), so nothing is bound under one of them
  // while their ancestors are being rewritten.
  const locked = await tx.execute<{ id: string }>(sql`
    select l.id from leaders l
    where l.id in (select descendant_id from leader_closure where ancestor_id = ${leaderId})
    order by l.id
    for update`);
  const movedLeaders = locked.rows.length;

  // 1. Cut every link from the leader's old ancestors into the team (links inside the team stay).
  await tx.execute(sql`
    delete from leader_closure c
    using leader_closure sub, leader_closure sup
    where sub.ancestor_id = ${leaderId}
      and sup.descendant_id = ${leaderId} and sup.depth > 0
      and c.ancestor_id = sup.ancestor_id
      and c.descendant_id = sub.descendant_id`);
  // 2. Link every ancestor of the new referrer (itself included) to every member of the team.
  if (newReferrerId !== null) {
    await tx.execute(sql`
      insert into leader_closure (ancestor_id, descendant_id, depth)
      select sup.ancestor_id, sub.descendant_id, sup.depth + sub.depth + 1
      from leader_closure sup cross join leader_closure sub
      where sup.descendant_id = ${newReferrerId} and sub.ancestor_id = ${leaderId}`);
  }

  const now = deps.clock.now();
  await tx.update(leaders).set({ referrerId: newReferrerId, updatedAt: now }).where(eq(leaders.id, leaderId));
  await tx
    .update(leaderReferrerPeriods)
    .set({ validTo: now })
    .where(and(eq(leaderReferrerPeriods.leaderId, leaderId), isNull(leaderReferrerPeriods.validTo)));
  await tx.insert(leaderReferrerPeriods).values({
    id: newId('referrerPeriod'),
    leaderId,
    referrerId: newReferrerId,
    validFrom: now,
    validTo: null,
    cause: 'moved',
    reason,
    actorName: actor.actorName,
  });
  const result: MoveResult = {
    leaderId,
    fromReferrerId: leader.referrerId,
    toReferrerId: newReferrerId,
    movedLeaders,
    at: now.toISOString(),
  };
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader.move_referrer',
    entityType: 'leader',
    entityId: leaderId,
    before: { code: leader.code, referrerId: leader.referrerId },
    after: { code: leader.code, referrerId: newReferrerId, reason, movedLeaders },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader.referrer_changed',
      aggregateType: 'leader',
      aggregateId: leaderId,
      payload: { ...result, reason },
    },
    actor.requestId,
  );
  return result;
}
