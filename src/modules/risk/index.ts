/**
 * Risk review module (风控). The order intake evaluates every order with `evaluateRisk` against the
 * policy a `RiskPolicyCache` keeps in memory, and records the orders it puts on hold with
 * `recordHoldsTx` in its batch transaction; reviewers approve or reject them (`approveHold`,
 * `rejectHold`), which moves the order through the orders module's hold transitions.
 */
export {
  evaluateRisk,
  MIN_BLOCKED_ADDRESS_CHARS,
  normalizeAddress,
  RISK_POLICY_OFF,
  RISK_REASON_CODES,
  type RiskOrder,
  type RiskPolicy,
  type RiskReason,
  type RiskReasonCode,
} from './evaluate-risk.js';
export { riskErrors } from './risk.errors.js';
export { riskModule } from './risk.module.js';
export { riskRoutes } from './risk.routes.js';
export {
  BLOCK_KINDS,
  type BlockKind,
  HOLD_STATUSES,
  type HoldStatus,
  riskBlocklist,
  riskHolds,
  riskPolicy,
} from './risk.tables.js';
export {
  approveHold,
  type Decision,
  listHolds,
  type NewHold,
  recordHoldsTx,
  registerRiskSubscribers,
  rejectHold,
} from './risk-holds.service.js';
export {
  addBlock,
  getRiskPolicy,
  listBlocklist,
  removeBlock,
  updateRiskPolicy,
} from './risk-policy.service.js';
export {
  loadRiskPolicy,
  RISK_POLICY_CHANNEL,
  RiskPolicyCache,
  type RiskPolicyCacheOptions,
  reloadRiskPolicyCaches,
} from './risk-policy-cache.js';
