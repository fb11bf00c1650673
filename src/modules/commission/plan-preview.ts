import type { Executor } from '../../platform/db/database.js';
import { type CommissionErrorCode, commissionErrors } from './commission.errors.js';
import { type ChainLink, computeLine } from './domain/compute-line.js';
import { describePlan, explainEntry } from './domain/describe.js';
import type { PlanDocument } from './domain/plan.js';
import { validatePlan } from './domain/plan-validation.js';
import { worstCaseOf } from './domain/worst-case.js';
import { levelNames, loadPlanFacts } from './plan-facts.js';
import { findPlan } from './plans.queries.js';
import type { PreviewInput } from './plans.schema.js';

interface PreviewProblem {
  code: CommissionErrorCode;
  field: string;
  detail: string;
  message: string;
  messageZh: string;
}

/**
 * The editor's live preview: runs the engine (the same code that pays leaders) on an example line
 * and a chain of levels the person picks, under the plan being edited, and returns the entries with
 * their sentences, the plan's problems (each naming its field) and its plain-language description.
 * It writes nothing; a plan with problems still gets its problems and description back.
 */
export async function previewPlan(db: Executor, planId: string, input: PreviewInput) {
  const stored = await findPlan(db, planId);
  const plan: PlanDocument = input.document ?? stored.document;
  const loaded = await loadPlanFacts(db, plan);
  const names = { zh: levelNames(loaded.levels, 'zh'), en: levelNames(loaded.levels, 'en') };
  const problems: PreviewProblem[] = validatePlan(plan, loaded.facts).map((p) => ({
    ...p,
    message: commissionErrors[p.code].en,
    messageZh: commissionErrors[p.code].zh,
  }));
  const known = loaded.facts.levelIds;
  for (const [i, link] of input.chain.entries()) {
    if (link.levelId !== null && !known.has(link.levelId)) {
      const spec = commissionErrors['commission.preview_invalid'];
      problems.push({
        code: 'commission.preview_invalid',
        field: `body.chain[${i}].levelId`,
        detail: `${link.levelId} is not a level`,
        message: spec.en,
        messageZh: spec.zh,
      });
    }
  }
  const chain: ChainLink[] = input.chain.map((c, depth) => ({
    leaderId: `L${depth}`,
    levelId: c.levelId,
    depth,
  }));
  let entries = null;
  let worstCaseBps: number | null = null;
  // Out-of-range numbers would make the engine refuse the input; the problems already say why.
  const computable = !problems.some((p) =>
    [
      'commission.plan_invalid_rate',
      'commission.plan_invalid_amount',
      'commission.plan_invalid_value',
      'commission.plan_depth_cap',
    ].includes(p.code),
  );
  if (computable) {
    worstCaseBps = worstCaseOf(plan).bps;
    entries = computeLine(
      plan,
      {
        orderLineId: 'preview',
        orderId: 'preview',
        skuId: input.line.skuId ?? 'preview',
        categoryId: input.line.categoryId ?? null,
        quantity: input.line.quantity,
        baseFen: input.line.baseFen,
        selfPurchase: input.line.selfPurchase ?? false,
      },
      chain,
    ).map((e) => ({
      ...e,
      explanation: { ...e.explanation } as Record<string, unknown>,
      sentence: { zh: explainEntry(e, names.zh, 'zh'), en: explainEntry(e, names.en, 'en') },
    }));
  }
  return {
    problems,
    entries,
    totalFen: (entries ?? []).reduce((s, e) => s + e.amountFen, 0),
    worstCaseBps,
    description: {
      zh: describePlan(plan, names.zh, 'zh', loaded.refs),
      en: describePlan(plan, names.en, 'en', loaded.refs),
    },
  };
}
