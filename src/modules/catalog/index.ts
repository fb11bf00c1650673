export { catalogErrors } from './catalog.errors.js';
export { catalogRoutes } from './catalog.routes.js';
