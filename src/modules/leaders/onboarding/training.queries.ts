import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../../platform/audit/index.js';
import type { Executor } from '../../../platform/db/database.js';
import { leaders } from '../leaders.tables.js';
import { regionNames } from '../leaders-console.queries.js';
import { onboardingError } from './onboarding.errors.js';
import { type MaterialStatus, trainingCompletions, trainingMaterials } from './onboarding.tables.js';
import { activeLeaderOfUser, type OnboardingDeps } from './onboarding-shared.js';
import { materialView } from './training.service.js';

// What is read of the training: materials, the progress table, a leader's own list and record.
// The writes (materials and completions) are training.service.ts.

export async function getMaterial(db: Executor, id: string) {
  const [row] = await db.select().from(trainingMaterials).where(eq(trainingMaterials.id, id));
  if (!row) throw onboardingError('onboarding.material_not_found', { field: 'params.id', detail: id });
  return materialView(row);
}

/**
 * Materials with their completion rate (完成率) among active leaders: how many of the leaders who
 * can sell today have finished each one.
 */
export async function listMaterials(db: Executor, q: { status?: MaterialStatus | undefined }) {
  const [active] = await db.select({ n: count() }).from(leaders).where(eq(leaders.status, 'active'));
  const leaderCount = active?.n ?? 0;
  const done = db
    .select({
      materialId: trainingCompletions.materialId,
      n: sql<number>`count(*)::int`.as('n'),
    })
    .from(trainingCompletions)
    .innerJoin(leaders, and(eq(leaders.id, trainingCompletions.leaderId), eq(leaders.status, 'active')))
    .groupBy(trainingCompletions.materialId)
    .as('done');
  const rows = await db
    .select({ m: trainingMaterials, n: done.n })
    .from(trainingMaterials)
    .leftJoin(done, eq(done.materialId, trainingMaterials.id))
    .where(q.status ? eq(trainingMaterials.status, q.status) : undefined)
    .orderBy(
      asc(trainingMaterials.status),
      asc(trainingMaterials.sortOrder),
      asc(trainingMaterials.createdAt),
    );
  return {
    leaderCount,
    items: rows.map((r) => {
      const completed = r.n ?? 0;
      return {
        ...materialView(r.m),
        completedCount: completed,
        completionRate: leaderCount === 0 ? 0 : Math.round((completed / leaderCount) * 10_000) / 10_000,
      };
    }),
  };
}

export interface ProgressQuery {
  q?: string | undefined;
  /** Only leaders who have not finished every required material. */
  incomplete?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Per leader: required materials done of all required, all materials done, last completion. */
export async function trainingProgress(db: Executor, q: ProgressQuery) {
  const [totals] = await db
    .select({
      all: sql<number>`count(*)::int`,
      required: sql<number>`(count(*) filter (where ${trainingMaterials.required}))::int`,
    })
    .from(trainingMaterials)
    .where(eq(trainingMaterials.status, 'active'));
  const allTotal = totals?.all ?? 0;
  const requiredTotal = totals?.required ?? 0;
  const per = db
    .select({
      leaderId: trainingCompletions.leaderId,
      done: sql<number>`count(*)::int`.as('done'),
      requiredDone: sql<number>`(count(*) filter (where ${trainingMaterials.required}))::int`.as(
        'required_done',
      ),
      lastAt: sql<Date | null>`max(${trainingCompletions.completedAt})`.as('last_at'),
    })
    .from(trainingCompletions)
    .innerJoin(
      trainingMaterials,
      and(eq(trainingMaterials.id, trainingCompletions.materialId), eq(trainingMaterials.status, 'active')),
    )
    .groupBy(trainingCompletions.leaderId)
    .as('per');
  const where: SQL[] = [];
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const m = or(ilike(leaders.name, like), ilike(leaders.code, like));
    if (m) where.push(m);
  }
  if (q.incomplete) where.push(sql`coalesce(${per.requiredDone}, 0) < ${requiredTotal}`);
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        leaderId: leaders.id,
        code: leaders.code,
        name: leaders.name,
        status: leaders.status,
        regionId: leaders.regionId,
        done: per.done,
        requiredDone: per.requiredDone,
        lastAt: per.lastAt,
      })
      .from(leaders)
      .leftJoin(per, eq(per.leaderId, leaders.id))
      .where(cond)
      .orderBy(asc(sql`coalesce(${per.requiredDone}, 0)`), asc(leaders.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(leaders).leftJoin(per, eq(per.leaderId, leaders.id)).where(cond),
  ]);
  const names = await regionNames(
    db,
    rows.map((r) => r.regionId),
  );
  return {
    requiredTotal,
    allTotal,
    total: total?.n ?? 0,
    items: rows.map((r) => {
      const requiredDone = r.requiredDone ?? 0;
      const last = r.lastAt ? new Date(r.lastAt) : null;
      return {
        leaderId: r.leaderId,
        code: r.code,
        name: r.name,
        status: r.status,
        regionName: names.get(r.regionId) ?? null,
        requiredDone,
        requiredTotal,
        done: r.done ?? 0,
        allTotal,
        completionRate: allTotal === 0 ? 1 : Math.round(((r.done ?? 0) / allTotal) * 10_000) / 10_000,
        requiredComplete: requiredDone >= requiredTotal,
        lastCompletedAt: last ? last.toISOString() : null,
      };
    }),
  };
}

/** A leader's training in the H5 page: the active materials in order, each with whether it is done. */
export async function myTraining(deps: Pick<OnboardingDeps, 'db'>, userId: string) {
  const leader = await activeLeaderOfUser(deps.db, userId);
  const rows = await deps.db
    .select({ m: trainingMaterials, completedAt: trainingCompletions.completedAt })
    .from(trainingMaterials)
    .leftJoin(
      trainingCompletions,
      and(
        eq(trainingCompletions.materialId, trainingMaterials.id),
        eq(trainingCompletions.leaderId, leader.id),
      ),
    )
    .where(eq(trainingMaterials.status, 'active'))
    .orderBy(asc(trainingMaterials.sortOrder), asc(trainingMaterials.createdAt));
  const items = rows.map((r) => ({
    ...materialView(r.m),
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
  const required = items.filter((i) => i.required);
  return {
    leader: { id: leader.id, name: leader.name },
    items,
    requiredTotal: required.length,
    requiredDone: required.filter((i) => i.completedAt).length,
  };
}

/** A leader's training record for the leader detail page. */
export async function trainingOfLeader(db: Executor, leaderId: string) {
  const rows = await db
    .select({ m: trainingMaterials, completedAt: trainingCompletions.completedAt })
    .from(trainingMaterials)
    .leftJoin(
      trainingCompletions,
      and(
        eq(trainingCompletions.materialId, trainingMaterials.id),
        eq(trainingCompletions.leaderId, leaderId),
      ),
    )
    .where(eq(trainingMaterials.status, 'active'))
    .orderBy(asc(trainingMaterials.sortOrder), desc(trainingMaterials.createdAt));
  return {
    items: rows.map((r) => ({
      materialId: r.m.id,
      title: r.m.title,
      kind: r.m.kind,
      required: r.m.required,
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
  };
}
