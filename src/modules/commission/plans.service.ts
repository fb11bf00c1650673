import { eq, max, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { commissionError } from './commission.errors.js';
import { commissionPlanActivations, commissionPlans } from './commission.tables.js';
import { blankPlan, type PlanDocument } from './domain/plan.js';
import { type PlanProblem, validatePlan } from './domain/plan-validation.js';
import { loadLevels, loadPlanFacts } from './plan-facts.js';
import { findPlan, type PlanRow, planDetail, planSummary } from './plans.queries.js';

type ServiceDeps = Pick<Deps, 'clock' | 'bus' | 'db'>;
type TxDeps = Pick<Deps, 'clock' | 'bus'>;

/** Serialises version numbering and activation, so two writers cannot take one version or both activate. */
const PLANS_LOCK = 7_464_021_051;

async function lockPlans(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PLANS_LOCK})`);
}

/** Turns the first problem into the 422 the request answers with; nothing has been written yet. */
export function throwFirstProblem(problems: readonly PlanProblem[]): void {
  const p = problems[0];
  if (p) throw commissionError(p.code, { field: p.field, detail: p.detail });
}

/** Trims the name; the document is otherwise stored as given (validated). */
function normalise(doc: PlanDocument): PlanDocument {
  return { ...doc, name: doc.name.trim() };
}

async function validateInTx(tx: Tx, doc: PlanDocument): Promise<void> {
  const { facts } = await loadPlanFacts(tx, doc);
  throwFirstProblem(validatePlan(doc, facts));
}

async function lockPlan(tx: Tx, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(commissionPlans).where(eq(commissionPlans.id, id)).for('update');
  if (!row) throw commissionError('commission.plan_not_found', { field: 'params.id', detail: id });
  return row;
}

function assertDraft(row: PlanRow): void {
  if (row.status !== 'draft')
    throw commissionError('commission.plan_not_draft', { detail: `version ${row.version} is ${row.status}` });
}

const auditView = (row: PlanRow) => ({ ...planSummary(row), document: row.document });

export async function createDraft(deps: ServiceDeps, actor: Actor, input: { copyFrom?: string }) {
  return deps.db.transaction(async (tx) => planDetail(tx, await createDraftTx(deps, tx, actor, input)));
}

/**
 * A new draft version: a copy of the active plan (`copyFrom: 'active'`), of a given version, or a
 * blank plan listing the ladder's active levels. Copies are stored as they are: a copy of a valid
 * plan is valid unless the world moved (a level deleted), which editing or activating then reports.
 */
export async function createDraftTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  input: { copyFrom?: string; document?: PlanDocument },
): Promise<PlanRow> {
  await lockPlans(tx);
  let document: PlanDocument;
  let copiedFromId: string | null = null;
  if (input.document) {
    document = normalise(input.document);
    await validateInTx(tx, document);
  } else if (input.copyFrom === 'active') {
    const [active] = await tx.select().from(commissionPlans).where(eq(commissionPlans.status, 'active'));
    if (!active) throw commissionError('commission.no_active_plan', { field: 'body.copyFrom' });
    document = active.document;
    copiedFromId = active.id;
  } else if (input.copyFrom) {
    const [source] = await tx.select().from(commissionPlans).where(eq(commissionPlans.id, input.copyFrom));
    if (!source)
      throw commissionError('commission.plan_not_found', { field: 'body.copyFrom', detail: input.copyFrom });
    document = source.document;
    copiedFromId = source.id;
  } else {
    const levels = (await loadLevels(tx)).filter((l) => l.status === 'active');
    document = blankPlan(levels.map((l) => l.id));
  }
  const [top] = await tx.select({ v: max(commissionPlans.version) }).from(commissionPlans);
  const version = (top?.v ?? 0) + 1;
  if (copiedFromId)
    document = { ...document, name: `${document.name.replace(/\s*\(v\d+\)$/, '')} (v${version})` };
  const now = deps.clock.now();
  const [row] = await tx
    .insert(commissionPlans)
    .values({
      id: newId('commissionPlan'),
      version,
      status: 'draft',
      document,
      copiedFromId,
      createdBy: actor.actorId,
      createdByName: actor.actorName,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'commission_plan.create',
    entityType: 'commission_plan',
    entityId: row.id,
    after: auditView(row),
  });
  return row;
}

export async function updateDraft(deps: ServiceDeps, actor: Actor, id: string, raw: PlanDocument) {
  return deps.db.transaction(async (tx) => planDetail(tx, await updateDraftTx(deps, tx, actor, id, raw)));
}

/** Replaces a draft's document after validating it; an invalid document writes nothing. */
export async function updateDraftTx(deps: TxDeps, tx: Tx, actor: Actor, id: string, raw: PlanDocument) {
  const document = normalise(raw);
  const before = await lockPlan(tx, id);
  assertDraft(before);
  await validateInTx(tx, document);
  const [after] = await tx
    .update(commissionPlans)
    .set({ document, updatedAt: deps.clock.now() })
    .where(eq(commissionPlans.id, id))
    .returning();
  if (!after) throw commissionError('commission.plan_not_found', { field: 'params.id', detail: id });
  await recordAudit(tx, deps.clock, actor, {
    action: 'commission_plan.update',
    entityType: 'commission_plan',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

export async function activatePlan(deps: ServiceDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => planDetail(tx, await activatePlanTx(deps, tx, actor, id)));
}

/**
 * Makes a draft the active plan: validated again (the ladder or the catalog may have changed since
 * it was saved), the previous active version archived, the activation recorded in the append-only
 * history, audited, and announced as `commission.plan_activated`. Orders paid from now on are
 * computed under it; orders paid before keep the plan of their time.
 */
export async function activatePlanTx(deps: TxDeps, tx: Tx, actor: Actor, id: string): Promise<PlanRow> {
  await lockPlans(tx);
  const draft = await lockPlan(tx, id);
  assertDraft(draft);
  await validateInTx(tx, draft.document);
  const now = deps.clock.now();
  const [previous] = await tx
    .update(commissionPlans)
    .set({ status: 'archived', archivedAt: now, updatedAt: now })
    .where(eq(commissionPlans.status, 'active'))
    .returning();
  const [active] = await tx
    .update(commissionPlans)
    .set({ status: 'active', activatedAt: now, activatedBy: actor.actorId, updatedAt: now })
    .where(eq(commissionPlans.id, id))
    .returning();
  if (!active) throw commissionError('commission.plan_not_found', { field: 'params.id', detail: id });
  await tx.insert(commissionPlanActivations).values({
    id: newId('commissionPlanActivation'),
    planId: active.id,
    version: active.version,
    previousPlanId: previous?.id ?? null,
    activatedAt: now,
    activatedBy: actor.actorId,
    activatedByName: actor.actorName,
  });
  await recordAudit(tx, deps.clock, actor, {
    action: 'commission_plan.activate',
    entityType: 'commission_plan',
    entityId: active.id,
    before: {
      ...auditView(draft),
      previous: previous ? { id: previous.id, version: previous.version } : null,
    },
    after: planSummary(active),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'commission.plan_activated',
      aggregateType: 'commission_plan',
      aggregateId: active.id,
      payload: {
        planId: active.id,
        version: active.version,
        name: active.document.name,
        previousPlanId: previous?.id ?? null,
        previousVersion: previous?.version ?? null,
        activatedAt: now.toISOString(),
      },
    },
    actor.requestId,
  );
  return active;
}

/** Archives a draft nobody will activate (an active plan is archived only by activating another). */
export async function archiveDraft(deps: ServiceDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    assertDraft(before);
    const now = deps.clock.now();
    const [after] = await tx
      .update(commissionPlans)
      .set({ status: 'archived', archivedAt: now, updatedAt: now })
      .where(eq(commissionPlans.id, id))
      .returning();
    if (!after) throw commissionError('commission.plan_not_found', { field: 'params.id', detail: id });
    await recordAudit(tx, deps.clock, actor, {
      action: 'commission_plan.archive',
      entityType: 'commission_plan',
      entityId: id,
      before: planSummary(before),
      after: planSummary(after),
    });
    return planDetail(tx, after);
  });
}

export { findPlan };
