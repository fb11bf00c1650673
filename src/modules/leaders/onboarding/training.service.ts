import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, escapeLike, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { leaders } from '../leaders.tables.js';
import { regionNames } from '../leaders-console.queries.js';
import { onboardingError } from './onboarding.errors.js';
import {
  type MaterialKind,
  type MaterialStatus,
  trainingCompletions,
  trainingMaterials,
} from './onboarding.tables.js';
import { activeLeaderOfUser, type OnboardingDeps, type OnboardingTxDeps } from './onboarding-shared.js';
import { htmlText, safeUrl, sanitizeHtml } from './sanitize-html.js';

type MaterialRow = typeof trainingMaterials.$inferSelect;

export interface MaterialInput {
  title: string;
  kind: MaterialKind;
  bodyHtml?: string | null | undefined;
  url?: string | null | undefined;
  required: boolean;
  sortOrder: number;
}

export type MaterialPatch = Partial<MaterialInput>;

export function materialView(m: MaterialRow) {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    bodyHtml: m.bodyHtml,
    url: m.url,
    required: m.required,
    sortOrder: m.sortOrder,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * The stored content of a material: an article keeps sanitized HTML with something visible in it,
 * a video or document keeps an http(s) link. Only the field its kind uses is kept.
 */
export function materialContent(
  kind: MaterialKind,
  bodyHtml: string | null | undefined,
  url: string | null | undefined,
): { bodyHtml: string | null; url: string | null } {
  if (kind === 'article') {
    const clean = sanitizeHtml(bodyHtml ?? '');
    if (!htmlText(clean) && !clean.includes('<img'))
      throw onboardingError('onboarding.material_body_required', { field: 'body.bodyHtml' });
    return { bodyHtml: clean, url: null };
  }
  const link = safeUrl(url?.trim() ?? '', 'image');
  if (!link) throw onboardingError('onboarding.material_url_required', { field: 'body.url' });
  return { bodyHtml: null, url: link };
}

function auditView(m: MaterialRow) {
  const { bodyHtml, createdAt: _c, updatedAt: _u, ...rest } = materialView(m);
  // The article itself can be long; the audit keeps its length, the row keeps the text.
  return { ...rest, bodyLength: bodyHtml?.length ?? 0 };
}

export async function createMaterialTx(deps: OnboardingTxDeps, tx: Tx, actor: Actor, input: MaterialInput) {
  const content = materialContent(input.kind, input.bodyHtml, input.url);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(trainingMaterials)
    .values({
      id: newId('trainingMaterial'),
      title: input.title.trim(),
      kind: input.kind,
      ...content,
      required: input.required,
      sortOrder: input.sortOrder,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('material insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'training_material.create',
    entityType: 'training_material',
    entityId: row.id,
    after: auditView(row),
  });
  return row;
}

export async function createMaterial(deps: OnboardingDeps, actor: Actor, input: MaterialInput) {
  // Content is checked before the transaction opens, so a refused article costs no connection.
  materialContent(input.kind, input.bodyHtml, input.url);
  return deps.db.transaction(async (tx) => materialView(await createMaterialTx(deps, tx, actor, input)));
}

async function lockMaterial(tx: Executor, id: string): Promise<MaterialRow> {
  const [row] = await tx.select().from(trainingMaterials).where(eq(trainingMaterials.id, id)).for('update');
  if (!row) throw onboardingError('onboarding.material_not_found', { field: 'params.id', detail: id });
  return row;
}

export async function updateMaterial(deps: OnboardingDeps, actor: Actor, id: string, patch: MaterialPatch) {
  return deps.db.transaction(async (tx) => {
    const before = await lockMaterial(tx, id);
    const kind = patch.kind ?? before.kind;
    const touchesContent =
      patch.kind !== undefined || patch.bodyHtml !== undefined || patch.url !== undefined;
    const content = touchesContent
      ? materialContent(kind, patch.bodyHtml ?? before.bodyHtml, patch.url ?? before.url)
      : {};
    const [after] = await tx
      .update(trainingMaterials)
      .set({
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        kind,
        ...content,
        ...(patch.required !== undefined ? { required: patch.required } : {}),
        ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(eq(trainingMaterials.id, id))
      .returning();
    if (!after) throw onboardingError('onboarding.material_not_found', { field: 'params.id', detail: id });
    await recordAudit(tx, deps.clock, actor, {
      action: 'training_material.update',
      entityType: 'training_material',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return materialView(after);
  });
}

/** Archives a material (下架: leaders no longer see it, completions are kept) or restores it. */
export async function setMaterialStatus(
  deps: OnboardingDeps,
  actor: Actor,
  id: string,
  status: MaterialStatus,
) {
  return deps.db.transaction(async (tx) => {
    const before = await lockMaterial(tx, id);
    if (before.status === status)
      throw onboardingError('onboarding.material_status_unchanged', { detail: status });
    const [after] = await tx
      .update(trainingMaterials)
      .set({ status, updatedAt: deps.clock.now() })
      .where(eq(trainingMaterials.id, id))
      .returning();
    if (!after) throw onboardingError('onboarding.material_not_found', { field: 'params.id', detail: id });
    await recordAudit(tx, deps.clock, actor, {
      action: status === 'archived' ? 'training_material.archive' : 'training_material.restore',
      entityType: 'training_material',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return materialView(after);
  });
}

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

/**
 * Records that a leader finished a material, once: marking again keeps the first time and writes
 * nothing more. Archived materials cannot be completed.
 */
export async function completeMaterialTx(
  deps: OnboardingTxDeps,
  tx: Tx,
  actor: Actor,
  leaderId: string,
  materialId: string,
) {
  const [material] = await tx.select().from(trainingMaterials).where(eq(trainingMaterials.id, materialId));
  if (!material)
    throw onboardingError('onboarding.material_not_found', { field: 'params.id', detail: materialId });
  if (material.status !== 'active')
    throw onboardingError('onboarding.material_archived', { field: 'params.id', detail: materialId });
  const now = deps.clock.now();
  const [inserted] = await tx
    .insert(trainingCompletions)
    .values({ materialId, leaderId, completedAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await recordAudit(tx, deps.clock, actor, {
      action: 'training.complete',
      entityType: 'training_material',
      entityId: materialId,
      after: { leaderId, title: material.title },
    });
    await deps.bus.publish(
      tx,
      {
        type: 'leader_training.completed',
        aggregateType: 'leader',
        aggregateId: leaderId,
        payload: { materialId, required: material.required },
      },
      actor.requestId,
    );
    return { materialId, completedAt: inserted.completedAt.toISOString(), firstTime: true };
  }
  const [existing] = await tx
    .select({ completedAt: trainingCompletions.completedAt })
    .from(trainingCompletions)
    .where(and(eq(trainingCompletions.materialId, materialId), eq(trainingCompletions.leaderId, leaderId)));
  return {
    materialId,
    completedAt: existing?.completedAt.toISOString() ?? now.toISOString(),
    firstTime: false,
  };
}

/**
 * Marks a material finished for the logged-in leader (学习完成). For an article the page offers this
 * only once the reader has scrolled to its end; for a link, after opening it.
 */
export async function completeMaterial(
  deps: OnboardingDeps,
  actor: Actor,
  userId: string,
  materialId: string,
) {
  return deps.db.transaction(async (tx) => {
    const leader = await activeLeaderOfUser(tx, userId);
    return completeMaterialTx(deps, tx, actor, leader.id, materialId);
  });
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
