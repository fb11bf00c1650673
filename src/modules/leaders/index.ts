/** Leaders module: so far regions; the leaders issue adds leaders, pickup points and the referral tree. */
export { regions } from './leaders.tables.js';
export { regionsRoutes } from './regions.routes.js';
export { listRegions } from './regions.service.js';
