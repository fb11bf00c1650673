import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { campaignSaleWindowTx, isOpenForOrders, lockCampaignItemsTx } from '../campaigns/index.js';
import { giveBack, lockOrder, move, type OrderRow } from './order-lifecycle.service.js';
import { ordersError } from './orders.errors.js';
import { orderLines, orders } from './orders.tables.js';

/**
 * The two ways out of on hold (风控待审), for the risk module's review decisions. Each runs in the
 * caller's transaction (the risk module records its decision in the same one) and writes what any
 * status change writes: the status, a timeline line, an audit record and the `order.<status>` event,
 * plus `order.hold_approved` or `order.hold_rejected`.
 */

async function lockHeld(tx: Tx, orderId: string, to: string): Promise<OrderRow> {
  const order = await lockOrder(tx, orderId);
  if (order.status !== 'on_hold') {
    throw ordersError('orders.illegal_transition', {
      field: 'params.id',
      detail: `from ${order.status} to ${to}`,
    });
  }
  return order;
}

const noteOf = (verdict: string, reason: string) =>
  reason.trim() ? `risk review ${verdict}: ${reason.trim()}` : `risk review ${verdict}`;

/**
 * Approved: the order goes on to payment, with a payment deadline that starts now (the customer
 * could not pay while it was held). Only while its campaign still takes orders: after the cutoff the
 * day's orders are frozen for fulfilment, so a late approval would make an order nobody ships.
 */
export async function approveHeldOrderTx(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<{ paymentDueAt: Date }> {
  const order = await lockHeld(tx, orderId, 'pending_payment');
  // Read under a share lock, as the intake does: a close that commits first is seen, a later one waits.
  const campaign = await campaignSaleWindowTx(tx, order.campaignId);
  const now = deps.clock.now();
  if (!campaign || !isOpenForOrders(campaign, now)) {
    throw ordersError('orders.campaign_not_open', {
      field: 'params.id',
      detail: 'the campaign no longer takes orders; reject the held order instead',
    });
  }
  // A fresh payment window, the campaign's own (付款时限), from the approval.
  const paymentDueAt = new Date(now.getTime() + campaign.paymentMinutes * 60_000);
  await tx.update(orders).set({ paymentDueAt }).where(eq(orders.id, order.id));
  await move(deps, tx, actor, order, 'pending_payment', noteOf('approved', reason));
  await deps.bus.publish(
    tx,
    {
      type: 'order.hold_approved',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: { campaignId: order.campaignId, reason, paymentDueAt: paymentDueAt.toISOString() },
    },
    actor.requestId,
  );
  return { paymentDueAt };
}

/**
 * Rejected: the order is cancelled and its stock, campaign sold count and per-customer counts come
 * back exactly as an operator's cancel does (the same `giveBack`). The campaign items are locked
 * first, in id order, as the intake locks them, so a rejection during a sale queues behind a batch
 * instead of deadlocking with it.
 */
export async function rejectHeldOrderTx(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<void> {
  const order = await lockHeld(tx, orderId, 'cancelled');
  await lockCampaignItemsTx(
    tx,
    sql`SELECT l.campaign_item_id FROM ${orderLines} l WHERE l.order_id = ${order.id}`,
  );
  await giveBack(deps, tx, actor, order);
  await move(deps, tx, actor, order, 'cancelled', noteOf('rejected', reason));
  await deps.bus.publish(
    tx,
    {
      type: 'order.hold_rejected',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: { campaignId: order.campaignId, reason },
    },
    actor.requestId,
  );
}
