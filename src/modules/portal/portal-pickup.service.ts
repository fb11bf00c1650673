import type { Actor } from '../../platform/audit/index.js';
import type { Deps } from '../../platform/deps.js';
import { verifyPickup } from '../orders/index.js';
import { portalError } from './portal.errors.js';
import type { PortalLeader } from './portal-leader.js';
import { isOwnPickupPoint, waitingPointsFor } from './portal-orders.queries.js';

/**
 * 核销 from the portal: the order module's `verifyPickup` does the work (status, timeline, audit,
 * events, one transaction) and itself refuses a pickup point the logged-in leader does not host.
 * The portal adds only the convenience that a leader with one point holding this code need not name
 * it, and a clearer refusal when the point is someone else's.
 */
export async function portalVerifyPickup(
  deps: Deps,
  actor: Actor,
  leader: PortalLeader,
  userId: string,
  input: { pickupCode: string; pickupPointId?: string | undefined },
): Promise<{ pickupPointId: string; orderIds: string[] }> {
  let pickupPointId = input.pickupPointId;
  if (pickupPointId !== undefined) {
    if (!(await isOwnPickupPoint(deps.db, leader, pickupPointId)))
      throw portalError('portal.pickup_point_not_own', {
        field: 'body.pickupPointId',
        detail: pickupPointId,
      });
  } else {
    const points = await waitingPointsFor(deps.db, leader, input.pickupCode);
    if (points.length === 0) throw portalError('portal.pickup_code_not_found', { field: 'body.pickupCode' });
    if (points.length > 1)
      throw portalError('portal.pickup_point_ambiguous', { field: 'body.pickupPointId' });
    pickupPointId = points[0] ?? '';
  }
  const { orderIds } = await verifyPickup(deps, actor, {
    pickupPointId,
    pickupCode: input.pickupCode,
    leaderUserId: userId,
  });
  return { pickupPointId, orderIds };
}
