import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import type { LadderRung } from './assess-level.js';
import { DEFAULT_SCHEDULE, type ScheduleSettings } from './assessment-period.js';
import { leaderLevelHistory, leaderLevelSettings, leaderLevels } from './levels.tables.js';

/** What the levels use-cases are built from. */
export type LevelsDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;

export type LevelRow = typeof leaderLevels.$inferSelect;

/** The active ladder, lowest rank first, as the decision needs it. */
export async function loadLadder(db: Executor): Promise<LevelRow[]> {
  return db
    .select()
    .from(leaderLevels)
    .where(eq(leaderLevels.status, 'active'))
    .orderBy(asc(leaderLevels.rank));
}

export function rungsOf(ladder: readonly LevelRow[]): LadderRung[] {
  return ladder.map((l) => ({ id: l.id, rank: l.rank, upgrade: l.upgradeRule, downgrade: l.downgradeRule }));
}

/** The schedule, or the default (1st of the month, 02:00) when nobody has changed it. */
export async function loadSettings(db: Executor): Promise<ScheduleSettings> {
  const [row] = await db.select().from(leaderLevelSettings).where(eq(leaderLevelSettings.id, 1));
  if (!row) return { ...DEFAULT_SCHEDULE };
  return { enabled: row.enabled, periodKind: row.periodKind, runDay: row.runDay, runHour: row.runHour };
}

/** The lowest active rank: where a new leader starts. */
export async function lowestLevelId(db: Executor): Promise<string | null> {
  const [row] = await db
    .select({ id: leaderLevels.id })
    .from(leaderLevels)
    .where(eq(leaderLevels.status, 'active'))
    .orderBy(asc(leaderLevels.rank))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Records a new leader's starting level (cause `initial`) in the transaction that creates them;
 * `createLeaderTx` puts the level on the row and calls this for the history.
 */
export async function recordInitialLevelTx(
  tx: Tx,
  leader: { id: string; levelId: string | null },
  at: Date,
  actorName: string | null,
): Promise<void> {
  if (!leader.levelId) return;
  await tx.insert(leaderLevelHistory).values({
    id: newId('leaderLevelChange'),
    leaderId: leader.id,
    fromLevelId: null,
    toLevelId: leader.levelId,
    at,
    cause: 'initial',
    actorName,
  });
}
