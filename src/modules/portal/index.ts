/**
 * Leader portal module (团长端): the API behind the leader's own phone pages. It owns no tables: it
 * reads the leaders, campaigns, orders and customers modules through their public surfaces, always
 * for the one leader the logged-in user is, and verifies pickups through the order module.
 */
export { portalErrors } from './portal.errors.js';
export { portalModule } from './portal.module.js';
export { portalRoutes } from './portal.routes.js';
export { activeLeaderOfUser, type PortalLeader } from './portal-leader.js';
export { invitePath, sharePath } from './portal-links.js';
