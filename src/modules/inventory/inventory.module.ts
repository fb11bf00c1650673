import type { ModuleManifest } from '../../platform/module-manifest.js';
import { inventoryErrors } from './inventory.errors.js';
import { inventoryRoutes } from './inventory.routes.js';
import { warehousesRoutes } from './warehouses.routes.js';

/** Inventory (库存): warehouses, stock levels and the stock movement log. */
export const inventoryModule: ModuleManifest = {
  name: 'inventory',
  routes: [warehousesRoutes, inventoryRoutes],
  subscribers: [],
  jobs: [],
  importKinds: [],
  errors: { inventory: inventoryErrors },
  causeTypes: {},
};
