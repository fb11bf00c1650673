import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { pgErrorOf } from '../../../platform/db/pg-error.js';
import { newId } from '../../../platform/ids.js';
import { leaders } from '../leaders.tables.js';
import { type RegionScope, regionInScope } from '../regions/region-scope.js';
import { type PeriodKind, periodLabels, type ScheduleSettings } from './assessment-period.js';
import { parseRule, type RuleNode } from './level-rules.js';
import { leaderLevelsError } from './levels.errors.js';
import { type LevelRow, type LevelsDeps, loadSettings } from './levels.shared.js';
import { leaderLevelSettings, leaderLevels } from './levels.tables.js';
import { rulePreview } from './rule-preview.js';

/**
 * The ladder (等级体系) and its rules: create, edit, archive and re-activate levels, and the
 * assessment schedule. Rules arrive as untrusted JSON and are validated by `parseRule` before
 * anything is written; a refusal names the field (`body.upgrade.all[1].metric`).
 */

export interface LevelInput {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  upgrade?: unknown;
  downgrade?: unknown;
}

export type LevelPatch = Partial<LevelInput>;

export function levelView(l: LevelRow, periodKind: PeriodKind, leaderCount: number) {
  const label = periodLabels(periodKind).assessed;
  return {
    id: l.id,
    code: l.code,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    rank: l.rank,
    status: l.status,
    upgrade: l.upgradeRule ?? null,
    downgrade: l.downgradeRule ?? null,
    upgradeText: rulePreview(l.upgradeRule ?? null, label),
    downgradeText: rulePreview(l.downgradeRule ?? null, label),
    leaderCount,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export type LevelView = ReturnType<typeof levelView>;

function auditView(l: LevelRow) {
  return {
    code: l.code,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    rank: l.rank,
    status: l.status,
    upgrade: l.upgradeRule ?? null,
    downgrade: l.downgradeRule ?? null,
  };
}

/** `undefined`: not given; null: no rule; otherwise the validated rule or a 400 naming the field. */
function ruleOf(raw: unknown, field: string): RuleNode | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const parsed = parseRule(raw, field);
  if (!parsed.ok)
    throw leaderLevelsError(parsed.problem.code, {
      field: parsed.problem.field,
      detail: parsed.problem.detail,
    });
  return parsed.rule;
}

/** Validates both rules of a body without writing: the rule editor's live preview. */
export async function previewRules(db: Executor, body: { upgrade?: unknown; downgrade?: unknown }) {
  const upgrade = ruleOf(body.upgrade, 'body.upgrade') ?? null;
  const downgrade = ruleOf(body.downgrade, 'body.downgrade') ?? null;
  const label = periodLabels((await loadSettings(db)).periodKind).assessed;
  return {
    upgrade,
    downgrade,
    upgradeText: rulePreview(upgrade, label),
    downgradeText: rulePreview(downgrade, label),
  };
}

async function leaderCounts(db: Executor, scope: RegionScope = null): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: leaders.levelId, n: count() })
    .from(leaders)
    .where(and(sql`${leaders.levelId} is not null`, regionInScope(leaders.regionId, scope)))
    .groupBy(leaders.levelId);
  return new Map(rows.map((r) => [r.id ?? '', r.n]));
}

/**
 * The whole ladder, archived levels last, with rules in plain words and how many leaders hold each:
 * for a region manager (a region scope), only the leaders of their regions are counted.
 */
export async function listLevels(db: Executor, scope: RegionScope = null) {
  const [rows, counts, settings] = await Promise.all([
    db.select().from(leaderLevels).orderBy(sql`${leaderLevels.status} = 'archived'`, asc(leaderLevels.rank)),
    leaderCounts(db, scope),
    loadSettings(db),
  ]);
  return {
    items: rows.map((l) => levelView(l, settings.periodKind, counts.get(l.id) ?? 0)),
    settings,
    periodLabel: periodLabels(settings.periodKind).assessed,
  };
}

async function viewOf(tx: Executor, row: LevelRow): Promise<LevelView> {
  const settings = await loadSettings(tx);
  const [c] = await tx.select({ n: count() }).from(leaders).where(eq(leaders.levelId, row.id));
  return levelView(row, settings.periodKind, c?.n ?? 0);
}

async function lockLevel(tx: Tx, id: string): Promise<LevelRow> {
  const [row] = await tx.select().from(leaderLevels).where(eq(leaderLevels.id, id)).for('update');
  if (!row) throw leaderLevelsError('leader_levels.not_found', { field: 'params.id', detail: id });
  return row;
}

async function assertFree(
  tx: Tx,
  code: string | undefined,
  rank: number | undefined,
  exceptId: string | null,
) {
  if (code !== undefined) {
    const [c] = await tx
      .select({ id: leaderLevels.id })
      .from(leaderLevels)
      .where(eq(leaderLevels.code, code));
    if (c && c.id !== exceptId)
      throw leaderLevelsError('leader_levels.code_taken', { field: 'body.code', detail: code });
  }
  if (rank !== undefined) {
    const [r] = await tx
      .select({ id: leaderLevels.id })
      .from(leaderLevels)
      .where(and(eq(leaderLevels.rank, rank), eq(leaderLevels.status, 'active')));
    if (r && r.id !== exceptId)
      throw leaderLevelsError('leader_levels.rank_taken', { field: 'body.rank', detail: String(rank) });
  }
}

/** A concurrent writer that got past the pre-checks hits the unique indexes: the same 409. */
function mapLevelUnique(err: unknown): never {
  const pg = pgErrorOf(err);
  if (pg?.code === '23505' && pg.constraint === 'leader_levels_code_idx')
    throw leaderLevelsError('leader_levels.code_taken', { field: 'body.code' });
  if (pg?.code === '23505' && pg.constraint === 'leader_levels_rank_idx')
    throw leaderLevelsError('leader_levels.rank_taken', { field: 'body.rank' });
  throw err;
}

/** Adds a level in the caller's transaction (the demo seed uses this directly). */
export async function createLevelTx(
  deps: Pick<LevelsDeps, 'clock'>,
  tx: Tx,
  actor: Actor,
  input: LevelInput,
): Promise<LevelRow> {
  const upgrade = ruleOf(input.upgrade, 'body.upgrade') ?? null;
  const downgrade = ruleOf(input.downgrade, 'body.downgrade') ?? null;
  await assertFree(tx, input.code, input.rank, null);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(leaderLevels)
    .values({
      id: newId('leaderLevel'),
      code: input.code,
      nameZh: input.nameZh.trim(),
      nameEn: input.nameEn.trim(),
      rank: input.rank,
      status: 'active',
      upgradeRule: upgrade,
      downgradeRule: downgrade,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader_level.create',
    entityType: 'leader_level',
    entityId: row.id,
    after: auditView(row),
  });
  return row;
}

export async function createLevel(deps: LevelsDeps, actor: Actor, input: LevelInput): Promise<LevelView> {
  // Rules are checked before the transaction opens: a bad rule costs no connection.
  ruleOf(input.upgrade, 'body.upgrade');
  ruleOf(input.downgrade, 'body.downgrade');
  try {
    return await deps.db.transaction(async (tx) => viewOf(tx, await createLevelTx(deps, tx, actor, input)));
  } catch (err) {
    mapLevelUnique(err);
  }
}

export async function updateLevel(
  deps: LevelsDeps,
  actor: Actor,
  id: string,
  patch: LevelPatch,
): Promise<LevelView> {
  const upgrade = ruleOf(patch.upgrade, 'body.upgrade');
  const downgrade = ruleOf(patch.downgrade, 'body.downgrade');
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await lockLevel(tx, id);
      await assertFree(tx, patch.code, before.status === 'active' ? patch.rank : undefined, id);
      const [after] = await tx
        .update(leaderLevels)
        .set({
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.nameZh !== undefined ? { nameZh: patch.nameZh.trim() } : {}),
          ...(patch.nameEn !== undefined ? { nameEn: patch.nameEn.trim() } : {}),
          ...(patch.rank !== undefined ? { rank: patch.rank } : {}),
          ...(upgrade !== undefined ? { upgradeRule: upgrade } : {}),
          ...(downgrade !== undefined ? { downgradeRule: downgrade } : {}),
          updatedAt: deps.clock.now(),
        })
        .where(eq(leaderLevels.id, id))
        .returning();
      if (!after) throw leaderLevelsError('leader_levels.not_found', { field: 'params.id', detail: id });
      await recordAudit(tx, deps.clock, actor, {
        action: 'leader_level.update',
        entityType: 'leader_level',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return viewOf(tx, after);
    });
  } catch (err) {
    mapLevelUnique(err);
  }
}

/**
 * Archives a level (it leaves the ladder; history keeps naming it) or brings it back. A level that
 * leaders are on cannot be archived (move them first, by override), nor the last active level.
 */
export async function setLevelStatus(
  deps: LevelsDeps,
  actor: Actor,
  id: string,
  status: 'active' | 'archived',
  reason: string | undefined,
): Promise<LevelView> {
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await lockLevel(tx, id);
      if (before.status === status)
        throw leaderLevelsError('leader_levels.status_unchanged', { detail: `level is already ${status}` });
      if (status === 'archived') {
        const [inUse] = await tx.select({ n: count() }).from(leaders).where(eq(leaders.levelId, id));
        if ((inUse?.n ?? 0) > 0)
          throw leaderLevelsError('leader_levels.level_in_use', {
            detail: `${inUse?.n} leader(s) on ${before.code}`,
          });
        const [others] = await tx
          .select({ n: count() })
          .from(leaderLevels)
          .where(and(eq(leaderLevels.status, 'active'), ne(leaderLevels.id, id)));
        if ((others?.n ?? 0) === 0) throw leaderLevelsError('leader_levels.last_level');
      } else {
        await assertFree(tx, undefined, before.rank, id);
      }
      const [after] = await tx
        .update(leaderLevels)
        .set({ status, updatedAt: deps.clock.now() })
        .where(eq(leaderLevels.id, id))
        .returning();
      if (!after) throw leaderLevelsError('leader_levels.not_found', { field: 'params.id', detail: id });
      await recordAudit(tx, deps.clock, actor, {
        action: status === 'archived' ? 'leader_level.archive' : 'leader_level.activate',
        entityType: 'leader_level',
        entityId: id,
        before: auditView(before),
        after: { ...auditView(after), ...(reason ? { reason } : {}) },
      });
      return viewOf(tx, after);
    });
  } catch (err) {
    mapLevelUnique(err);
  }
}

/** Changes when the scheduled assessment runs and which period it measures. */
export async function updateSettings(
  deps: LevelsDeps,
  actor: Actor,
  patch: Partial<ScheduleSettings>,
): Promise<ScheduleSettings> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7464021201)`);
    const before = await loadSettings(tx);
    const after: ScheduleSettings = { ...before, ...patch };
    const maxDay = after.periodKind === 'week' ? 7 : 28;
    if (after.runDay < 1 || after.runDay > maxDay)
      throw leaderLevelsError('leader_levels.bad_schedule', {
        field: 'body.runDay',
        detail: `runDay must be from 1 to ${maxDay} for a ${after.periodKind}ly assessment`,
      });
    const now = deps.clock.now();
    await tx
      .insert(leaderLevelSettings)
      .values({ id: 1, ...after, updatedAt: now })
      .onConflictDoUpdate({ target: leaderLevelSettings.id, set: { ...after, updatedAt: now } });
    await recordAudit(tx, deps.clock, actor, {
      action: 'leader_level.settings',
      entityType: 'leader_level_settings',
      entityId: '1',
      before,
      after,
    });
    return after;
  });
}
