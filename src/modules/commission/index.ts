/**
 * Commission module (佣金): versioned plans (draft → active → archived), their validation and
 * plain-language description, and the pure rule engine (`domain/`). Other modules and the coming
 * glue (accrual on payment, voids on refunds, month close, simulation) use what is exported here:
 * `activePlanAt` picks the plan of an order's payment time, `computeLine` and the period rules
 * compute with it.
 */

// The money path (ACCRUAL: accrual/ and entries.tables.ts): entries, accrual, voids, freeze, settlement.
export * from './accrual/index.js';
export { commissionErrors } from './commission.errors.js';
export { commissionModule } from './commission.module.js';
export {
  commissionPlanActivations,
  commissionPlans,
  PLAN_STATUSES,
  type PlanStatus,
} from './commission.tables.js';
export * from './domain/index.js';
// Period computations, simulation, "why" views and the leader's earnings (PERIOD: period/, simulation/).
export * from './period/index.js';
export { type LevelOption, loadLevels } from './plan-facts.js';
export { previewPlan } from './plan-preview.js';
export { type ActivePlan, activePlanAt, getPlan, listActivations, listPlans } from './plans.queries.js';
export { commissionPlansRoutes } from './plans.routes.js';
export {
  activatePlan,
  activatePlanTx,
  archiveDraft,
  createDraft,
  createDraftTx,
  updateDraft,
  updateDraftTx,
} from './plans.service.js';
