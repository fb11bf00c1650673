/** Inventory module: so far warehouses; the order issue adds stock levels and movements. */
export { warehouses } from './inventory.tables.js';
export { warehousesRoutes } from './warehouses.routes.js';
