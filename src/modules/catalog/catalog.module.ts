import type { ModuleManifest } from '../../platform/module-manifest.js';
import { catalogErrors } from './catalog.errors.js';
import { catalogRoutes } from './catalog.routes.js';
import { catalogImportKind } from './catalog-import.service.js';

/** Catalog (商品): categories, products, SKUs and their xlsx import. */
export const catalogModule: ModuleManifest = {
  name: 'catalog',
  routes: [catalogRoutes],
  subscribers: [],
  jobs: [],
  importKinds: [catalogImportKind],
  errors: { catalog: catalogErrors },
  causeTypes: {},
};
