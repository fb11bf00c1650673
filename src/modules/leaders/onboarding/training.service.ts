import { and, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
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
