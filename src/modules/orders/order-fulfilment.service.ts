import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { campaignExists } from '../campaigns/index.js';
import { ship } from '../inventory/index.js';
import { leaders, pickupPoints } from '../leaders/index.js';
import { recordMoves } from './order-lifecycle.service.js';
import { ordersError } from './orders.errors.js';
import { type OrderStatus, orderLines, orders } from './orders.tables.js';

/**
 * Moves every order matching `where` from `from` to `to` in one transaction: the status, one
 * timeline line, one audit record and one event per order. Returns the ids moved. Bulk, because
 * fulfilment works on a whole campaign or pickup point at a time (one truck, one bag per leader).
 */
async function moveMany(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  ids: readonly string[],
  from: OrderStatus,
  to: OrderStatus,
  note: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const now = deps.clock.now();
  const moved = await tx
    .update(orders)
    .set({ status: to, updatedAt: now })
    .where(and(inArray(orders.id, [...ids]), eq(orders.status, from)))
    .returning({ id: orders.id });
  const movedIds = moved.map((m) => m.id);
  await recordMoves(
    deps,
    tx,
    actor,
    movedIds.map((id) => ({ id, from })),
    to,
    note,
    now,
  );
  return movedIds;
}

/**
 * An unknown campaign or pickup point is a 404 naming the field: answering `{"shipped": 0}` would
 * tell the person their click worked when they picked the wrong thing.
 */
async function mustExist(tx: Tx, input: { campaignId: string; pickupPointId?: string }): Promise<void> {
  if (!(await campaignExists(tx, input.campaignId))) {
    throw ordersError('orders.campaign_not_found', { field: 'body.campaignId', detail: input.campaignId });
  }
  if (input.pickupPointId === undefined) return;
  const [point] = await tx
    .select({ id: pickupPoints.id })
    .from(pickupPoints)
    .where(eq(pickupPoints.id, input.pickupPointId));
  if (!point) {
    throw ordersError('orders.pickup_point_not_found', {
      field: 'body.pickupPointId',
      detail: input.pickupPointId,
    });
  }
}

/**
 * 发货: every confirmed order of a campaign leaves the warehouse. The goods' allocation becomes a
 * shipment (allocated and on hand both come down), one stock movement per line.
 */
export async function shipCampaign(
  deps: Deps,
  actor: Actor,
  campaignId: string,
): Promise<{ shipped: number }> {
  return deps.db.transaction(async (tx) => {
    await mustExist(tx, { campaignId });
    const rows = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.campaignId, campaignId), eq(orders.status, 'confirmed')))
      .orderBy(asc(orders.id))
      .for('update');
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { shipped: 0 };
    const lines = await tx.select().from(orderLines).where(inArray(orderLines.orderId, ids));
    // Units refunded before shipping went back to stock with their refund: only the rest leaves.
    const stock = await ship(
      deps,
      tx,
      actor,
      lines
        .filter((l) => l.quantity > l.refundedQuantity)
        .map((l) => ({
          skuId: l.skuId,
          warehouseId: l.warehouseId,
          quantity: l.quantity - l.refundedQuantity,
          referenceType: 'order',
          referenceId: l.orderId,
        })),
      { reason: `campaign ${campaignId} shipped` },
    );
    if (!stock.ok) throw new Error(`shipping ${campaignId}: ${JSON.stringify(stock.shortage)}`);
    const moved = await moveMany(deps, tx, actor, ids, 'confirmed', 'shipped', 'shipped from the warehouse');
    return { shipped: moved.length };
  });
}

/** 到货签收: the leader signs for a campaign's goods at one pickup point. */
export async function deliverToPickupPoint(
  deps: Deps,
  actor: Actor,
  input: { campaignId: string; pickupPointId: string },
): Promise<{ delivered: number }> {
  return deps.db.transaction(async (tx) => {
    await mustExist(tx, input);
    const rows = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.campaignId, input.campaignId),
          eq(orders.pickupPointId, input.pickupPointId),
          eq(orders.status, 'shipped'),
        ),
      )
      .orderBy(asc(orders.id))
      .for('update');
    const moved = await moveMany(
      deps,
      tx,
      actor,
      rows.map((r) => r.id),
      'shipped',
      'delivered',
      'signed for at the pickup point',
    );
    return { delivered: moved.length };
  });
}

/**
 * 核销: the customer shows the pickup code at the pickup point. A leader may verify only at their
 * own pickup points (`leaderUserId` is the logged-in leader's user id); staff with orders.write
 * anywhere. The code is checked against the orders waiting there, so a code alone opens nothing
 * elsewhere.
 */
export async function verifyPickup(
  deps: Deps,
  actor: Actor,
  input: { pickupPointId: string; pickupCode: string; leaderUserId: string | null },
): Promise<{ orderIds: string[] }> {
  if (input.leaderUserId !== null) {
    const [own] = await deps.db
      .select({ id: pickupPoints.id })
      .from(pickupPoints)
      .innerJoin(leaders, eq(leaders.id, pickupPoints.leaderId))
      .where(and(eq(pickupPoints.id, input.pickupPointId), eq(leaders.userId, input.leaderUserId)));
    if (!own) throw ordersError('orders.pickup_point_invalid', { field: 'body.pickupPointId' });
  }
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.pickupPointId, input.pickupPointId),
          eq(orders.pickupCode, input.pickupCode),
          eq(orders.status, 'delivered'),
        ),
      )
      .for('update');
    if (rows.length === 0) throw ordersError('orders.pickup_code_invalid', { field: 'body.pickupCode' });
    const moved = await moveMany(
      deps,
      tx,
      actor,
      rows.map((r) => r.id),
      'delivered',
      'picked_up',
      'pickup code verified',
    );
    return { orderIds: moved };
  });
}

/** 完成: a picked-up order is closed (the after-sales window is counted from here by commission). */
export async function completeOrder(deps: Deps, actor: Actor, orderId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const moved = await moveMany(deps, tx, actor, [orderId], 'picked_up', 'completed', 'completed');
    if (moved.length === 0)
      throw ordersError('orders.illegal_transition', {
        field: 'params.id',
        detail: 'only a picked-up order can be completed',
      });
  });
}
