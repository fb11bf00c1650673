import { createHash } from 'node:crypto';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { formatFen } from '../../platform/money.js';
import { findSkus } from '../catalog/index.js';
import { canMove } from './domain/order-state.js';
import {
  planRefund,
  type RefundableLine,
  type RefundPlan,
  type RefundSelection,
  refundableStatus,
  remainingRefundable,
  returnsStockOnRefund,
} from './domain/refund-math.js';
import { ordersError } from './orders.errors.js';
import { orderEvents, orderLines, orders, type PaymentProviderName, payments } from './orders.tables.js';
import { paymentProvider } from './payments/providers.js';
import { findRefundByKey, type RefundView, refundViews } from './refunds.queries.js';
import { orderRefundLines, orderRefunds, type RefundKind } from './refunds.tables.js';
import { returnUnits, type UnitsBack } from './return-units.js';

type OrderRow = typeof orders.$inferSelect;
type Planned = Extract<RefundPlan, { ok: true }>;

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

interface RecordArgs {
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
async function recordRefundTx(
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
