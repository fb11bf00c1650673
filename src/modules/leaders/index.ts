/**
 * Leaders module (团长, 自提点, 区域). This is the minimal part the order center needs: leaders with
 * a share code, a region and pickup points. The leaders issue adds levels, the referral tree,
 * applications, agreements and the leader portal. Other modules use only what is exported here.
 */
export { generateLeaderCode, normalizeLeaderCode } from './leader-code.js';
export { leadersErrors } from './leaders.errors.js';
export {
  findLeaderByCode,
  getPickupPoint,
  type LeaderForOrdering,
  listPickupPointsOfLeader,
  type PickupPointForOrdering,
  regionPathOf,
} from './leaders.queries.js';
export { leadersRoutes } from './leaders.routes.js';
export { createLeaderTx, type LeaderCreateInput } from './leaders.service.js';
export {
  LEADER_STATUSES,
  type LeaderStatus,
  leaders,
  PICKUP_POINT_STATUSES,
  type PickupPointStatus,
  pickupPoints,
  regions,
} from './leaders.tables.js';
export { createPickupPointTx, type PickupPointInput } from './pickup-points.service.js';
export { regionsRoutes } from './regions.routes.js';
export { listRegions } from './regions.service.js';
