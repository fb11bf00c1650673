/**
 * The period computations (PERIOD: period/, simulation/, portal-earnings.*): month close (tiered
 * commission, regional dividend), the hot-product ladder of finished campaigns, the daily recruit
 * check, the console's "why" views, the simulation, and the leader's earnings in the portal.
 * Re-exported by the commission module's index.
 */
export { portalEarningsRoutes } from '../portal-earnings.routes.js';
export { type SimulationInput, type SimulationResult, simulate } from '../simulation/simulation.service.js';
export { explainStoredEntry, orderRef, RULE_LABELS, type StoredEntry } from './entry-explain.js';
export { campaignReadiness, runHotProducts, scanHotProducts } from './hot-products.service.js';
export { closeMissedMonths, closeMonth, closePreviousMonth } from './month-close.service.js';
export { commissionPeriodError, commissionPeriodErrors } from './period.errors.js';
export { commissionPeriodRoutes } from './period.routes.js';
export { commissionPeriodRuns, PERIOD_RUN_KINDS, type PeriodRunKind } from './period.tables.js';
export type { PeriodEntryDraft, PeriodExplanation } from './period-entries.js';
export { explainPeriodEntry, isPeriodExplanation } from './period-explain.js';
export { periodKey, previousMonth } from './period-keys.js';
export { runRecruitCheck } from './recruit-bonus.service.js';
