/**
 * Leaders module (团长, 自提点, 区域). This is the minimal part the order center needs: leaders with
 * a share code, a region and pickup points. The leaders issue adds levels, the referral tree,
 * applications, agreements and the leader portal. Other modules use only what is exported here.
 */

export { leaderImportKind, leaderImportSettled } from './import/leader-import.service.js';
export { LEADER_IMPORT_COLUMNS } from './import/leader-import-columns.js';
export { generateLeaderCode, normalizeLeaderCode } from './leader-code.js';
export { leadersErrors } from './leaders.errors.js';
export { leadersModule } from './leaders.module.js';
export {
  findLeaderByCode,
  getPickupPoint,
  type LeaderForOrdering,
  listPickupPointsOfLeader,
  type PickupPointForOrdering,
  regionPathOf,
} from './leaders.queries.js';
export { leadersRoutes } from './leaders.routes.js';
export { createLeaderTx, type LeaderCreateInput, type LeaderCreateOptions } from './leaders.service.js';
export {
  LEADER_STATUSES,
  type LeaderStatus,
  leaders,
  PICKUP_POINT_STATUSES,
  type PickupPointStatus,
  pickupPoints,
  regions,
} from './leaders.tables.js';
export { leaderPages } from './leaders-console.queries.js';
export { previousPeriod } from './levels/assessment-period.js';
// Levels: the ladder, rules, assessment, overrides and history (LEVELS: levels/).
export {
  type AssessmentResult,
  type LevelProgress,
  leaderLevelHistory,
  leaderLevels,
  leaderLevelsErrors,
  leaderLevelsRoutes,
  levelProgress,
  levelsAt,
  reassessAllLeaders,
  runDueAssessment,
} from './levels/index.js';
export { overrideLeaderLevelTx } from './levels/level-override.service.js';
export type { RuleNode } from './levels/level-rules.js';
export { createLevel, createLevelTx } from './levels/levels.service.js';
export { leaderExportColumns } from './network/leader-export.js';
// Referral network, sales roll-up, regions and region scoping (NETWORK: network/, regions/, import/).
export { leaderNetworkErrors } from './network/network.errors.js';
export {
  getUplineChain,
  type LeaderSales,
  leaderSalesBetween,
  listRecruits,
  type Recruit,
  type TeamQuery,
  type TeamSummary,
  teamSummaries,
  teamSummary,
  type UplineLink,
} from './network/network.queries.js';
export { leaderNetworkRoutes } from './network/network.routes.js';
export { type MoveResult, moveReferrer } from './network/network.service.js';
export {
  leaderClosure,
  leaderDailyCustomers,
  leaderDailySales,
  leaderReferrerPeriods,
  leaderSalesOrders,
} from './network/network.tables.js';
export {
  addCompletedOrdersTx,
  backfillLeaderDailySales,
  type CompletedOrderFact,
  type CompletedOrderReader,
  registerLeaderNetworkSubscribers,
} from './network/sales-rollup.js';
// Onboarding: applications and review, agreements (e-signing), training (ONBOARDING: onboarding/).
export {
  type AgreementStanding,
  agreementSignedBy,
  agreementStandingOf,
} from './onboarding/agreement-status.js';
export {
  agreementRecordsOfLeader,
  currentAgreement,
  publishAgreementTx,
  recordSignatureTx,
} from './onboarding/agreements.service.js';
export { type ApplicationInput, submitApplicationTx } from './onboarding/applications.service.js';
export { approveApplication, rejectApplicationTx } from './onboarding/applications-review.service.js';
export { updateOnboardingSettingsTx } from './onboarding/first-review.service.js';
export { idCheckChar } from './onboarding/id-number.js';
export { onboardingErrors } from './onboarding/onboarding.errors.js';
export { onboardingRoutes } from './onboarding/onboarding.routes.js';
export {
  agreementSignatures,
  agreementTemplates,
  leaderApplications,
  trainingCompletions,
  trainingMaterials,
} from './onboarding/onboarding.tables.js';
export { passwordChangeRequired } from './onboarding/onboarding-shared.js';
export { pngDataUrl, scribblePng } from './onboarding/png-encode.js';
export { checkSignaturePng } from './onboarding/signature-png.js';
export { trainingOfLeader } from './onboarding/training.queries.js';
export { completeMaterialTx, createMaterialTx } from './onboarding/training.service.js';
export { createPickupPointTx, type PickupPointInput } from './pickup-points.service.js';
export { assignRegionManagerTx } from './regions/region-managers.service.js';
export { regionManagers } from './regions/region-managers.tables.js';
export {
  isRegionScoped,
  leaderInScope,
  type RegionScope,
  regionInScope,
  regionScopeOf,
  type ScopedUser,
} from './regions/region-scope.js';
export { regionsAdminRoutes } from './regions/regions-admin.routes.js';
export { regionsRoutes } from './regions.routes.js';
export { listRegions } from './regions.service.js';
