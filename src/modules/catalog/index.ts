/** Catalog module: categories, products and their SKUs. Other modules use `findSkus` only. */
export { catalogErrors } from './catalog.errors.js';
export { findSkus, type SkuSummary } from './catalog.queries.js';
export { catalogRoutes } from './catalog.routes.js';
export { categories, products, skus } from './catalog.tables.js';
