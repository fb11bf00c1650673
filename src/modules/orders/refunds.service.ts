import { createHash } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Deps } from '../../platform/deps.js';
import {
  planRefund,
  type RefundableLine,
  type RefundSelection,
  refundableStatus,
  remainingRefundable,
  returnsStockOnRefund,
} from './domain/refund-math.js';
import { ordersError } from './orders.errors.js';
import { orderLines, orders, payments } from './orders.tables.js';
import { recordRefundTx } from './record-refund.js';
import { findRefundByKey, type RefundView } from './refunds.queries.js';
import type { UnitsBack } from './return-units.js';

type OrderRow = typeof orders.$inferSelect;

/** What an operator asks for: `POST /api/orders/:id/refunds`. */
export interface RefundInput {
  idempotencyKey: string;
  reason: string;
  /** True: every unit left on the order. False: the chosen `lines`. */
  whole: boolean;
  lines: readonly { orderLineId: string; quantity: number }[];
  /** The operator's reference for an offline refund (a transfer's serial number); null for none. */
  reference: string | null;
}

/** Payload of the `order.refunded` event; the commission engine voids commission in proportion from it. */
export interface OrderRefundedPayload {
  refundId: string;
  orderId: string;
  leaderId: string;
  campaignId: string;
  amountFen: number;
  fully: boolean;
  lines: { orderLineId: string; skuId: string; quantity: number; amountFen: number }[];
  at: string;
}

/** The order's lines with what is refunded so far, locked (the caller holds the order's lock). */
export async function lockRefundableLines(tx: Tx, orderId: string): Promise<RefundableLine[]> {
  return (await lockRefundableLinesOf(tx, [orderId])).get(orderId) ?? [];
}

/** `lockRefundableLines` for several locked orders at once: their lines by order id. */
export async function lockRefundableLinesOf(
  tx: Tx,
  orderIds: readonly string[],
): Promise<Map<string, RefundableLine[]>> {
  const rows = await tx
    .select({
      orderId: orderLines.orderId,
      id: orderLines.id,
      skuId: orderLines.skuId,
      campaignItemId: orderLines.campaignItemId,
      warehouseId: orderLines.warehouseId,
      quantity: orderLines.quantity,
      refundedQuantity: orderLines.refundedQuantity,
      unitPriceFen: orderLines.unitPriceFen,
    })
    .from(orderLines)
    .where(inArray(orderLines.orderId, [...orderIds]))
    .orderBy(asc(orderLines.orderId), asc(orderLines.id))
    .for('update');
  const byOrder = new Map<string, RefundableLine[]>();
  for (const { orderId, ...line } of rows) {
    const list = byOrder.get(orderId) ?? [];
    list.push(line);
    byOrder.set(orderId, list);
  }
  return byOrder;
}

/** The units of each line not yet refunded: what cancelling an order puts back on sale. */
export function unitsLeft(lines: readonly RefundableLine[]): UnitsBack[] {
  return lines.map((l) => ({
    campaignItemId: l.campaignItemId,
    skuId: l.skuId,
    warehouseId: l.warehouseId,
    quantity: remainingRefundable(l),
  }));
}

async function paymentOf(tx: Tx, orderId: string) {
  const [row] = await tx
    .select({ provider: payments.provider, reference: payments.reference })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.paidAt))
    .limit(1);
  return row ?? null;
}

function requestHashOf(orderId: string, input: RefundInput): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        orderId,
        reason: input.reason.trim(),
        whole: input.whole,
        lines: input.whole
          ? []
          : input.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
        reference: input.reference,
      }),
    )
    .digest('hex');
}

function isKeyConflict(err: unknown): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && pg.constraint === 'order_refunds_idempotency_key_unique';
}

function replayOf(prior: { view: RefundView; requestHash: string }, hash: string): RefundView {
  if (prior.requestHash !== hash)
    throw ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
  return prior.view;
}

/**
 * 退款: an operator gives money back for part or all of a paid order (any status from paid to
 * completed), through the provider that took the payment. The server prices the refund (quantity ×
 * the line's unit price) and refuses more than is left on a line. Units that never left the warehouse
 * go back on sale; shipped goods are money only. When nothing is left to refund the order becomes
 * `refunded`. One transaction, under the order's row lock, so two refunds of the same order queue
 * and the second sees what the first took. A replay of the idempotency key returns the first refund;
 * the same key with a different request is refused. A refused request writes nothing (and is not
 * remembered: sending it again is checked again).
 */
export async function refundOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: RefundInput,
): Promise<RefundView> {
  const reason = input.reason.trim();
  if (!reason) throw ordersError('orders.refund_reason_required', { field: 'body.reason' });
  if (input.whole && input.lines.length > 0)
    throw ordersError('orders.refund_lines_required', { field: 'body.lines' });
  const selection: RefundSelection = input.whole ? { whole: true } : { whole: false, lines: input.lines };
  const hash = requestHashOf(orderId, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
      // The key is looked up under the order's lock: a replay sent while the first request was still
      // running waited for it here, and now finds its refund instead of refunding again.
      const prior = await findRefundByKey(tx, input.idempotencyKey);
      if (prior) return replayOf(prior, hash);
      if (!order) throw ordersError('orders.not_found', { field: 'params.id', detail: orderId });
      const standing = refundableStatus(order.status);
      if (standing === 'not_paid')
        throw ordersError('orders.refund_not_paid', { field: 'params.id', detail: order.status });
      if (standing === 'closed')
        throw ordersError('orders.refund_closed', { field: 'params.id', detail: order.status });
      const lines = await lockRefundableLines(tx, order.id);
      const plan = planRefund(lines, selection);
      if (!plan.ok)
        throw ordersError(plan.code, { field: plan.field, ...(plan.detail ? { detail: plan.detail } : {}) });
      const payment = await paymentOf(tx, order.id);
      if (!payment)
        throw ordersError('orders.refund_not_paid', { field: 'params.id', detail: 'no payment recorded' });
      return recordRefundTx(deps, tx, actor, order, {
        kind: 'refund',
        plan,
        provider: payment.provider,
        paymentReference: payment.reference,
        reason,
        reference: input.reference,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        returnStock: returnsStockOnRefund(order.status),
        settleStatus: true,
      });
    });
  } catch (err) {
    // The same key sent twice at once for different orders: the second insert lost the race on the
    // key's unique index. What the winner recorded decides: a replay, or a refusal.
    if (!isKeyConflict(err)) throw err;
    const prior = await findRefundByKey(deps.db, input.idempotencyKey);
    if (!prior) throw err;
    return replayOf(prior, hash);
  }
}

/**
 * Cancelling a paid or confirmed order gives all the money not yet refunded back as one refund
 * record (kind `cancel`), so money going back is always a refund. The caller (cancelOrder) holds the
 * order's lock, puts the units back on sale itself and then moves the order to cancelled; this
 * neither returns stock nor changes the status. Returns null when nothing is left to refund.
 */
export async function refundOnCancelTx(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  lines: readonly RefundableLine[],
  reason: string,
): Promise<RefundView | null> {
  const plan = planRefund(lines, { whole: true });
  if (!plan.ok) return null;
  const payment = await paymentOf(tx, order.id);
  if (!payment) return null;
  return recordRefundTx(deps, tx, actor, order, {
    kind: 'cancel',
    plan,
    provider: payment.provider,
    paymentReference: payment.reference,
    reason: `order cancelled: ${reason}`,
    reference: null,
    // An order is cancelled once, so its cancel refund has one natural key.
    idempotencyKey: `cancel:${order.id}`,
    requestHash: 'cancel',
    returnStock: false,
    settleStatus: false,
  });
}
