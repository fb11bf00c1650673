export { campaignsErrors } from './campaigns.errors.js';
export { campaignsRoutes } from './campaigns.routes.js';
