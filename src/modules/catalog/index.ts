/** Catalog module: categories, products and their SKUs. Other modules use `findSkus` only. */
export { catalogErrors } from './catalog.errors.js';
export { catalogModule } from './catalog.module.js';
export { findSkus, getProduct, type SkuSummary } from './catalog.queries.js';
export { catalogRoutes } from './catalog.routes.js';
export type { NewProductInput, ProductView, SkuView } from './catalog.schemas.js';
export { createCategory, createProductTx, type WriteDeps } from './catalog.service.js';
export { catalogImports, categories, products, skus } from './catalog.tables.js';
export { catalogImportKind, importSettled } from './catalog-import.service.js';
