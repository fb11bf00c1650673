import type { ModuleManifest } from '../../platform/module-manifest.js';
import { leaderImportKind } from './import/leader-import.service.js';
import { leadersErrors } from './leaders.errors.js';
import { leadersRoutes } from './leaders.routes.js';
import { leaderLevelsErrors, leaderLevelsRoutes, runDueAssessment } from './levels/index.js';
import { leaderNetworkErrors } from './network/network.errors.js';
import { leaderNetworkRoutes } from './network/network.routes.js';
import { onboardingErrors } from './onboarding/onboarding.errors.js';
import { onboardingRoutes } from './onboarding/onboarding.routes.js';
import { regionsAdminRoutes } from './regions/regions-admin.routes.js';
import { regionsRoutes } from './regions.routes.js';

/**
 * Leaders (团长): leaders and pickup points, regions, levels, the referral network, onboarding and
 * the leader import. The network's sales roll-up reads the orders module's completed orders, so its
 * subscribers are wired in `src/modules.ts` (`registerLeaderNetworkSubscribers` with
 * `completedOrderFacts`).
 */
export const leadersModule: ModuleManifest = {
  name: 'leaders',
  routes: [
    regionsRoutes,
    leadersRoutes,
    leaderLevelsRoutes,
    leaderNetworkRoutes,
    onboardingRoutes,
    regionsAdminRoutes,
  ],
  subscribers: [],
  jobs: [
    {
      // Leader levels are re-assessed when their schedule is due (default: 02:00 on the 1st, for the
      // previous month; set in the console); the hourly check catches up after downtime.
      name: 'leader-levels-assess',
      cron: '0 * * * *',
      catchUpOnStart: true,
      run: (deps) => runDueAssessment(deps),
    },
  ],
  importKinds: [leaderImportKind],
  errors: {
    leaders: leadersErrors,
    leader_levels: leaderLevelsErrors,
    leader_network: leaderNetworkErrors,
    leader_onboarding: onboardingErrors,
  },
  causeTypes: {},
};
