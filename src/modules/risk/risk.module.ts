import type { ModuleManifest } from '../../platform/module-manifest.js';
import { riskErrors } from './risk.errors.js';
import { riskRoutes } from './risk.routes.js';
import { registerRiskSubscribers } from './risk-holds.service.js';

/** Risk review (风控): the policy, the blocklist and the orders held for review. */
export const riskModule: ModuleManifest = {
  name: 'risk',
  routes: [riskRoutes],
  subscribers: [registerRiskSubscribers],
  jobs: [],
  importKinds: [],
  errors: { risk: riskErrors },
  causeTypes: {},
};
