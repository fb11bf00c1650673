import type { ModuleManifest } from '../../platform/module-manifest.js';
import { customersErrors } from './customers.errors.js';

/**
 * Customers (团员). Its routes need to know which customers a user may see, which the orders module
 * decides (`customerScopeOf`): `src/modules.ts` wires them (`customersRoutes` with `scopeOf`).
 */
export const customersModule: ModuleManifest = {
  name: 'customers',
  routes: [],
  subscribers: [],
  jobs: [],
  importKinds: [],
  errors: { customers: customersErrors },
  causeTypes: {},
};
