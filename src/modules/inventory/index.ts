/** Inventory module: warehouses, stock levels per SKU and warehouse, and the stock movement log. */
export { inventoryErrors } from './inventory.errors.js';
export { inventoryRoutes } from './inventory.routes.js';
export { warehouses } from './inventory.tables.js';
export { warehousesRoutes } from './warehouses.routes.js';
