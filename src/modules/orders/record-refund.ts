import { eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { formatFen } from '../../platform/money.js';
import { findSkus } from '../catalog/index.js';
import { canMove } from './domain/order-state.js';
import type { RefundPlan } from './domain/refund-math.js';
import { ordersError } from './orders.errors.js';
import { orderEvents, orderLines, orders, type PaymentProviderName } from './orders.tables.js';
import { paymentProvider } from './payments/providers.js';
import { type RefundView, refundViews } from './refunds.queries.js';
import type { OrderRefundedPayload } from './refunds.service.js';
import { orderRefundLines, orderRefunds, type RefundKind } from './refunds.tables.js';
import { returnUnits } from './return-units.js';

// Writing one refund, whatever asked for it (an operator's refund, a cancel of a paid order): the
// use-cases are refunds.service.ts.

type OrderRow = typeof orders.$inferSelect;
type Planned = Extract<RefundPlan, { ok: true }>;

export interface RecordArgs {
  kind: RefundKind;
  plan: Planned;
  provider: PaymentProviderName;
  paymentReference: string;
  reason: string;
  reference: string | null;
  idempotencyKey: string;
  requestHash: string;
  /** Unshipped units go back on sale. */
  returnStock: boolean;
  /** Move the order to `refunded` when nothing is left (cancelling moves it to cancelled itself). */
  settleStatus: boolean;
}

/**
 * Writes one refund in the caller's transaction, which holds the order's row lock: the provider's
 * refund, the refund and its lines, each line's refunded quantity (guarded, and CHECKed by the
 * database), the units back on sale if asked, the status, a timeline line, an audit record and the
 * `order.refunded` event. The refund rows are inserted before any contended lock is taken; the audit
 * record comes last, after every row lock.
 */
export async function recordRefundTx(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  args: RecordArgs,
): Promise<RefundView> {
  const { plan } = args;
  const id = newId('refund');
  const now = deps.clock.now();
  const receipt = await paymentProvider(args.provider).refund({
    orderId: order.id,
    refundId: id,
    amountFen: plan.amountFen,
    paymentReference: args.paymentReference,
    reason: args.reason,
    reference: args.reference,
  });
  const row = {
    id,
    orderId: order.id,
    kind: args.kind,
    provider: args.provider,
    reference: receipt.reference,
    amountFen: plan.amountFen,
    reason: args.reason,
    fullyRefunded: plan.fully,
    actorId: actor.actorId,
    actorName: actor.actorName,
    idempotencyKey: args.idempotencyKey,
    requestHash: args.requestHash,
    createdAt: now,
  };
  await tx.insert(orderRefunds).values(row);
  await tx.insert(orderRefundLines).values(
    plan.lines.map((p) => ({
      refundId: id,
      orderLineId: p.line.id,
      quantity: p.quantity,
      amountFen: p.amountFen,
    })),
  );
  const values = sql.join(
    plan.lines.map((p) => sql`(${p.line.id}::text, ${p.quantity}::int)`),
    sql`, `,
  );
  const bumped = await tx.execute<{ id: string }>(sql`
    UPDATE ${orderLines} l SET refunded_quantity = l.refunded_quantity + v.q
    FROM (VALUES ${values}) AS v(id, q)
    WHERE l.id = v.id AND l.order_id = ${order.id} AND l.refunded_quantity + v.q <= l.quantity
    RETURNING l.id`);
  if (bumped.rows.length !== plan.lines.length) {
    // Cannot happen while the order is locked; throwing aborts the transaction rather than let a
    // refund stand that its lines do not carry.
    throw new Error(`refund ${id}: ${bumped.rows.length} of ${plan.lines.length} lines updated under lock`);
  }
  if (args.returnStock) {
    await returnUnits(
      deps,
      tx,
      actor,
      order,
      plan.lines.map((p) => ({
        campaignItemId: p.line.campaignItemId,
        skuId: p.line.skuId,
        warehouseId: p.line.warehouseId,
        quantity: p.quantity,
      })),
      `order refunded (${id})`,
    );
  }

  const to = args.settleStatus && plan.fully ? 'refunded' : order.status;
  if (to !== order.status) {
    if (!canMove(order.status, to))
      throw ordersError('orders.illegal_transition', { detail: `from ${order.status} to ${to}` });
    await tx.update(orders).set({ status: to, updatedAt: now }).where(eq(orders.id, order.id));
  } else {
    await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, order.id));
  }

  const skus = new Map(
    (
      await findSkus(
        tx,
        plan.lines.map((p) => p.line.skuId),
      )
    ).map((s) => [s.skuId, s]),
  );
  const lineNotes = plan.lines.map((p) => {
    const s = skus.get(p.line.skuId);
    const name = s ? `${s.productName} ${s.spec}`.trim() : p.line.skuId;
    return `${name} ×${p.quantity} ${formatFen(p.amountFen)}`;
  });
  const note = [
    `refund ${formatFen(plan.amountFen)} (${args.provider} ${receipt.reference})`,
    lineNotes.join(', '),
    args.returnStock ? 'back in stock' : null,
    `reason: ${args.reason}`,
  ]
    .filter((part): part is string => part !== null)
    .join('; ');
  await tx.insert(orderEvents).values({
    id: newId('orderEvent'),
    orderId: order.id,
    fromStatus: order.status,
    toStatus: to,
    at: now,
    actorName: actor.actorName,
    note,
  });

  const eventLines = plan.lines.map((p) => ({
    orderLineId: p.line.id,
    skuId: p.line.skuId,
    quantity: p.quantity,
    amountFen: p.amountFen,
  }));
  await recordAudit(tx, deps.clock, actor, {
    action: 'order.refund',
    entityType: 'order',
    entityId: order.id,
    before: {
      status: order.status,
      refunded: plan.lines.map((p) => ({
        orderLineId: p.line.id,
        refundedQuantity: p.line.refundedQuantity,
      })),
    },
    after: {
      status: to,
      refundId: id,
      kind: args.kind,
      provider: args.provider,
      reference: receipt.reference,
      amountFen: plan.amountFen,
      reason: args.reason,
      stockReturned: args.returnStock,
      lines: eventLines,
    },
  });
  const payload: OrderRefundedPayload = {
    refundId: id,
    orderId: order.id,
    leaderId: order.leaderId,
    campaignId: order.campaignId,
    amountFen: plan.amountFen,
    fully: plan.fully,
    lines: eventLines,
    at: now.toISOString(),
  };
  await deps.bus.publish(
    tx,
    { type: 'order.refunded', aggregateType: 'order', aggregateId: order.id, payload },
    actor.requestId,
  );
  const [view] = await refundViews(tx, [row]);
  if (!view) throw new Error(`refund ${id} not found after insert`);
  return view;
}
