import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { commissionError } from './commission.errors.js';
import { commissionPlanActivations, commissionPlans } from './commission.tables.js';
import { describePlan } from './domain/describe.js';
import type { PlanDocument } from './domain/plan.js';
import { worstCaseOf } from './domain/worst-case.js';
import { levelNames, loadPlanFacts } from './plan-facts.js';

export type PlanRow = typeof commissionPlans.$inferSelect;
type ActivationRow = typeof commissionPlanActivations.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function planSummary(row: PlanRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.document.name,
    status: row.status,
    copiedFromId: row.copiedFromId,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    activatedAt: iso(row.activatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

function activationView(a: ActivationRow) {
  return {
    id: a.id,
    planId: a.planId,
    version: a.version,
    previousPlanId: a.previousPlanId,
    activatedAt: a.activatedAt.toISOString(),
    activatedBy: a.activatedBy,
    activatedByName: a.activatedByName,
  };
}

/** Every version, newest first. */
export async function listPlans(db: Executor) {
  const rows = await db.select().from(commissionPlans).orderBy(desc(commissionPlans.version));
  return { items: rows.map(planSummary) };
}

/** The activation history, newest first: which version was in force from when. */
export async function listActivations(db: Executor) {
  const rows = await db
    .select()
    .from(commissionPlanActivations)
    .orderBy(desc(commissionPlanActivations.activatedAt), desc(commissionPlanActivations.seq));
  return { items: rows.map(activationView) };
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow> {
  const [row] = await db.select().from(commissionPlans).where(eq(commissionPlans.id, id));
  if (!row) throw commissionError('commission.plan_not_found', { field: 'params.id', detail: id });
  return row;
}

/** One version with its document, the level names, its plain-language description and its activations. */
export async function planDetail(db: Executor, row: PlanRow) {
  const [loaded, activations] = await Promise.all([
    loadPlanFacts(db, row.document),
    db
      .select()
      .from(commissionPlanActivations)
      .where(eq(commissionPlanActivations.planId, row.id))
      .orderBy(desc(commissionPlanActivations.seq)),
  ]);
  return {
    ...planSummary(row),
    document: row.document,
    levels: loaded.levels,
    activations: activations.map(activationView),
    description: {
      zh: describePlan(row.document, levelNames(loaded.levels, 'zh'), 'zh', loaded.refs),
      en: describePlan(row.document, levelNames(loaded.levels, 'en'), 'en', loaded.refs),
    },
    worstCaseBps: safeWorstCase(row.document),
  };
}

/** The worst case of a stored plan; a draft may be mid-edit and not computable yet (then -1). */
export function safeWorstCase(doc: PlanDocument): number {
  try {
    return worstCaseOf(doc).bps;
  } catch {
    return -1;
  }
}

export async function getPlan(db: Executor, id: string) {
  return planDetail(db, await findPlan(db, id));
}

export interface ActivePlan {
  planId: string;
  version: number;
  document: PlanDocument;
  /** When this version became active (it stayed so until the next activation). */
  activatedAt: Date;
}

/**
 * The plan version that was active at `at`: the last activation at or before that moment. An order
 * is computed under the plan active when it was paid, so the glue calls this with the payment time.
 * Null before the first activation.
 */
export async function activePlanAt(db: Executor, at: Date): Promise<ActivePlan | null> {
  const [row] = await db
    .select({
      planId: commissionPlanActivations.planId,
      version: commissionPlanActivations.version,
      activatedAt: commissionPlanActivations.activatedAt,
      document: commissionPlans.document,
    })
    .from(commissionPlanActivations)
    .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanActivations.planId))
    .where(and(lte(commissionPlanActivations.activatedAt, at)))
    .orderBy(desc(commissionPlanActivations.activatedAt), desc(commissionPlanActivations.seq))
    .limit(1);
  return row ?? null;
}
