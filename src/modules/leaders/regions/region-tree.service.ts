import { asc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { pgErrorOf } from '../../../platform/db/pg-error.js';
import { newId } from '../../../platform/ids.js';
import { regions } from '../leaders.tables.js';
import type { LeadersDeps, LeadersTxDeps } from '../leaders-shared.js';
import { networkError } from '../network/network.errors.js';
import { regionManagers } from './region-managers.tables.js';
import { type RegionScope, regionInScope } from './region-scope.js';

/**
 * The region hierarchy (区域层级): province / city / district, or a company's own areas. Regions
 * are created, renamed and moved, never deleted (leaders, pickup points and orders refer to them);
 * a move that would put a region under itself or one of its own sub-regions is refused.
 */
export const REGION_LEVELS = ['province', 'city', 'district', 'area'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionInput {
  code: string;
  name: string;
  parentId?: string | null | undefined;
  level: RegionLevel;
  sortOrder?: number | undefined;
}

export type RegionPatch = Partial<RegionInput>;

type RegionRow = typeof regions.$inferSelect;

function regionView(r: RegionRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    parentId: r.parentId,
    level: r.level,
    sortOrder: r.sortOrder,
    createdAt: r.createdAt.toISOString(),
  };
}

async function assertCodeFree(db: Executor, code: string, exceptId: string | null) {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  if (row && row.id !== exceptId)
    throw networkError('leaders.region_code_taken', { field: 'body.code', detail: code });
}

async function assertParent(db: Executor, parentId: string) {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, parentId));
  if (!row)
    throw networkError('leaders.region_parent_not_found', { field: 'body.parentId', detail: parentId });
}

/** The region and every region below it (ids). */
export async function regionSubtreeIds(db: Executor, regionId: string): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`
    with recursive down(id, depth) as (
      select id, 0 from regions where id = ${regionId}
      union all
      select r.id, down.depth + 1 from regions r join down on r.parent_id = down.id where down.depth < 32
    )
    select id from down`);
  return r.rows.map((x) => x.id);
}

/** A unique violation on the code from a concurrent writer answers the same 409 as the pre-check. */
function mapCodeViolation(err: unknown): never {
  const pg = pgErrorOf(err);
  if (pg?.code === '23505' && pg.constraint === 'regions_code_unique')
    throw networkError('leaders.region_code_taken', { field: 'body.code' });
  throw err;
}

export async function createRegionTx(deps: LeadersTxDeps, tx: Tx, actor: Actor, input: RegionInput) {
  const code = input.code.trim();
  await assertCodeFree(tx, code, null);
  if (input.parentId) await assertParent(tx, input.parentId);
  const [row] = await tx
    .insert(regions)
    .values({
      id: newId('region'),
      code,
      name: input.name.trim(),
      parentId: input.parentId ?? null,
      level: input.level,
      sortOrder: input.sortOrder ?? 0,
      createdAt: deps.clock.now(),
    })
    .returning();
  if (!row) throw new Error('region insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'region.create',
    entityType: 'region',
    entityId: row.id,
    after: regionView(row),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'region.changed',
      aggregateType: 'region',
      aggregateId: row.id,
      payload: { change: 'created', parentId: row.parentId },
    },
    actor.requestId,
  );
  return regionView(row);
}

export async function createRegion(deps: LeadersDeps, actor: Actor, input: RegionInput) {
  try {
    return await deps.db.transaction((tx) => createRegionTx(deps, tx, actor, input));
  } catch (err) {
    mapCodeViolation(err);
  }
}

/** Edits a region; a new `parentId` moves it (with everything below it), refused if that forms a cycle. */
export async function updateRegion(deps: LeadersDeps, actor: Actor, id: string, patch: RegionPatch) {
  try {
    return await deps.db.transaction(async (tx) => {
      // Moves serialise on the table so two crossing moves cannot build a cycle between them.
      if (patch.parentId !== undefined) await tx.execute(sql`lock table regions in share row exclusive mode`);
      const [before] = await tx.select().from(regions).where(eq(regions.id, id)).for('update');
      if (!before) throw networkError('leaders.region_missing', { field: 'params.id', detail: id });
      if (patch.code !== undefined) await assertCodeFree(tx, patch.code.trim(), id);
      if (patch.parentId) {
        await assertParent(tx, patch.parentId);
        if ((await regionSubtreeIds(tx, id)).includes(patch.parentId))
          throw networkError('leaders.region_cycle', { field: 'body.parentId', detail: patch.parentId });
      }
      const [after] = await tx
        .update(regions)
        .set({
          ...(patch.code !== undefined ? { code: patch.code.trim() } : {}),
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.level !== undefined ? { level: patch.level } : {}),
          ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
          ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
        })
        .where(eq(regions.id, id))
        .returning();
      if (!after) throw networkError('leaders.region_missing', { field: 'params.id', detail: id });
      const moved = before.parentId !== after.parentId;
      await recordAudit(tx, deps.clock, actor, {
        action: moved ? 'region.move' : 'region.update',
        entityType: 'region',
        entityId: id,
        before: regionView(before),
        after: regionView(after),
      });
      await deps.bus.publish(
        tx,
        {
          type: 'region.changed',
          aggregateType: 'region',
          aggregateId: id,
          payload: {
            change: moved ? 'moved' : 'updated',
            parentId: after.parentId,
            fromParentId: before.parentId,
          },
        },
        actor.requestId,
      );
      return regionView(after);
    });
  } catch (err) {
    mapCodeViolation(err);
  }
}

/**
 * Every region (within a region manager's scope) with its own counts and managers, for the region
 * tree page; the page builds the tree from `parentId`.
 */
export async function regionOverview(db: Executor, scope: RegionScope) {
  const rows = await db
    .select()
    .from(regions)
    .where(regionInScope(regions.id, scope))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
  const counts = await db.execute<{ region_id: string; leaders: number; points: number }>(sql`
    select region_id, sum(leaders)::int as leaders, sum(points)::int as points from (
      select region_id, count(*) as leaders, 0 as points from leaders group by region_id
      union all
      select region_id, 0, count(*) from pickup_points group by region_id
    ) x group by region_id`);
  const countOf = new Map(counts.rows.map((c) => [c.region_id, c]));
  const managers = await db.execute<{
    region_id: string;
    user_id: string;
    username: string | null;
    display_name: string | null;
    weight: number;
  }>(sql`
    select m.region_id, m.user_id, u.username, u.display_name, m.weight
    from ${regionManagers} m left join users u on u.id = m.user_id
    order by m.region_id, u.username`);
  const managersOf = new Map<
    string,
    { userId: string; username: string; displayName: string; weight: number }[]
  >();
  for (const m of managers.rows) {
    const list = managersOf.get(m.region_id) ?? [];
    list.push({
      userId: m.user_id,
      username: m.username ?? '',
      displayName: m.display_name ?? '',
      weight: Number(m.weight),
    });
    managersOf.set(m.region_id, list);
  }
  const visible = new Set(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      ...regionView(r),
      // A scoped manager's top region shows as a root: its parent is outside what they may see.
      parentId: r.parentId !== null && visible.has(r.parentId) ? r.parentId : null,
      leaderCount: Number(countOf.get(r.id)?.leaders ?? 0),
      pickupPointCount: Number(countOf.get(r.id)?.points ?? 0),
      managers: managersOf.get(r.id) ?? [],
    })),
  };
}
