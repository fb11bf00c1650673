/** Inventory module: warehouses, stock levels per SKU and warehouse, and the stock movement log. */
export { inventoryError, inventoryErrors } from './inventory.errors.js';
export { inventoryModule } from './inventory.module.js';
export { inventoryRoutes } from './inventory.routes.js';
export {
  MOVEMENT_KINDS,
  type MovementKind,
  stockLevels,
  stockMovements,
  warehouses,
} from './inventory.tables.js';
export { type Counters, deltasOf, isLow, type LineShortage } from './movement-math.js';
export { listMovements, listStockLevels, shippingStock, shippingWarehouses } from './stock.queries.js';
export {
  type AdjustInput,
  adjustStock,
  adjustStockTx,
  type ReceiveInput,
  receiveStock,
  receiveStockTx,
  type StockChange,
  setThreshold,
  setThresholdTx,
  type ThresholdInput,
} from './stock.service.js';
export {
  type AllocatedLevelRow,
  allocate,
  allocateGuarded,
  guardedAllocation,
  release,
  type StockLine,
  type StockLinesOptions,
  type StockLinesResult,
  ship,
} from './stock-lines.service.js';
export type { LevelState, StockDeps } from './stock-writes.js';
export { warehousesRoutes } from './warehouses.routes.js';
export { createWarehouse, listWarehouses, updateWarehouse } from './warehouses.service.js';
