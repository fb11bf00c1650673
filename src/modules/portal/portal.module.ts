import type { ModuleManifest } from '../../platform/module-manifest.js';
import { portalErrors } from './portal.errors.js';
import { portalRoutes } from './portal.routes.js';

/** Leader portal (团长端): the API behind the leader's own phone pages; it owns no tables. */
export const portalModule: ModuleManifest = {
  name: 'portal',
  routes: [portalRoutes],
  subscribers: [],
  jobs: [],
  importKinds: [],
  errors: { portal: portalErrors },
  causeTypes: {},
};
