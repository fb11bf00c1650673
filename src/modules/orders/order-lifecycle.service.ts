import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { type Actor, recordAuditMany, SYSTEM_ACTOR } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { formatFen } from '../../platform/money.js';
import { campaignSaleWindowTx } from '../campaigns/index.js';
import { customers, normalizePhone } from '../customers/index.js';
import { canMove, needsRefundOnCancel, releasesStockOnCancel } from './domain/order-state.js';
import { ordersError } from './orders.errors.js';
import {
  type OrderStatus,
  orderEvents,
  orders,
  type PaymentProviderName,
  payments,
} from './orders.tables.js';
import { paymentProvider } from './payments/providers.js';
import {
  lockRefundableLines,
  lockRefundableLinesOf,
  refundOnCancelTx,
  unitsLeft,
} from './refunds.service.js';
import { returnUnits, returnUnitsMany } from './return-units.js';

export type OrderRow = typeof orders.$inferSelect;

export async function lockOrder(tx: Tx, id: string): Promise<OrderRow> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  if (!row) throw ordersError('orders.not_found', { field: 'params.id', detail: id });
  return row;
}

/**
 * Moves one locked order to `to`: the status, a timeline line, an audit record and an
 * `order.<status>` event, all in the caller's transaction. Refuses a move the lifecycle lacks.
 */
export function move(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  to: OrderStatus,
  note: string | null,
): Promise<void> {
  return moveMany(deps, tx, actor, [order], to, note);
}

/** `move` for several locked orders at once: one statement each for the statuses, lines, records, events. */
export async function moveMany(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  list: readonly OrderRow[],
  to: OrderStatus,
  note: string | null,
): Promise<void> {
  for (const order of list) {
    if (!canMove(order.status, to)) {
      throw ordersError('orders.illegal_transition', { detail: `from ${order.status} to ${to}` });
    }
  }
  if (list.length === 0) return;
  const now = deps.clock.now();
  await tx
    .update(orders)
    .set({ status: to, updatedAt: now })
    .where(
      inArray(
        orders.id,
        list.map((o) => o.id),
      ),
    );
  await recordMoves(
    deps,
    tx,
    actor,
    list.map((o) => ({ id: o.id, from: o.status })),
    to,
    note,
    now,
  );
}

/**
 * What every status move leaves besides the status itself, for orders already moved to `to`: a
 * timeline line, an audit record and an `order.<to>` event each, one statement each for all of them.
 */
export async function recordMoves(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  moved: readonly { id: string; from: OrderStatus }[],
  to: OrderStatus,
  note: string | null,
  at: Date,
): Promise<void> {
  if (moved.length === 0) return;
  await tx.insert(orderEvents).values(
    moved.map((m) => ({
      id: newId('orderEvent'),
      orderId: m.id,
      fromStatus: m.from,
      toStatus: to,
      at,
      actorName: actor.actorName,
      note,
    })),
  );
  await recordAuditMany(
    tx,
    deps.clock,
    moved.map((m) => ({
      actor,
      entry: {
        action: `order.${to}`,
        entityType: 'order',
        entityId: m.id,
        before: { status: m.from },
        after: { status: to, note },
      },
    })),
  );
  await deps.bus.publishMany(
    tx,
    moved.map((m) => ({
      type: `order.${to}`,
      aggregateType: 'order',
      aggregateId: m.id,
      payload: { from: m.from, note },
      requestId: actor.requestId,
    })),
  );
}

/**
 * Payment received, through a payment provider (payments/): an operator records an offline payment
 * (cash, transfer) with its reference, or the sandbox provider pays at once under its own reference.
 * The provider is asked after the order is locked and found unpaid, so it is never asked twice.
 */
export async function markPaid(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: { provider: PaymentProviderName; reference?: string | null },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status !== 'pending_payment') {
      throw ordersError('orders.illegal_transition', { detail: `from ${order.status} to paid` });
    }
    const receipt = await paymentProvider(input.provider).pay({
      orderId,
      amountFen: order.totalFen,
      reference: input.reference ?? null,
    });
    await tx.insert(payments).values({
      id: newId('payment'),
      orderId,
      provider: input.provider,
      amountFen: order.totalFen,
      reference: receipt.reference,
      paidAt: deps.clock.now(),
    });
    await move(deps, tx, actor, order, 'paid', `${input.provider}: ${receipt.reference}`);
    await confirmIfClosed(deps, tx, actor, { ...order, status: 'paid' });
  });
}

/**
 * An order paid within its payment window after its campaign closed would miss the one confirmation
 * at the cutoff (`confirmPaidOrders`, run when `campaign.closed` is delivered) and stay paid forever.
 * So a payment that finds the campaign already closed (or fulfilled) confirms the order at once, in
 * the payment's transaction; it ships with the next shipping run of its campaign. The campaign row is
 * read under a share lock: a close that commits first is seen here, and one that has not committed
 * yet waits for this payment, so its subscriber then finds the order paid and confirms it. Either way
 * the order is confirmed exactly once.
 */
async function confirmIfClosed(deps: Deps, tx: Tx, actor: Actor, order: OrderRow): Promise<void> {
  const campaign = await campaignSaleWindowTx(tx, order.campaignId);
  if (campaign?.state !== 'closed' && campaign?.state !== 'fulfilled') return;
  await move(deps, tx, actor, order, 'confirmed', 'paid after the campaign closed');
}

/**
 * The sandbox provider pays at once, for demos and tests; the customer proves the order is theirs by
 * phone. Its route exists only when `PAYMENT_SANDBOX` is on; the check here keeps any other caller
 * from paying for nothing in a deployment where it is off.
 */
export async function sandboxPay(deps: Deps, actor: Actor, orderId: string, phone: string): Promise<void> {
  if (!deps.config.paymentSandbox) throw ordersError('orders.payment_sandbox_off');
  await assertCustomerOwns(deps, orderId, phone);
  await markPaid(deps, actor, orderId, { provider: 'sandbox' });
}

async function assertCustomerOwns(deps: Deps, orderId: string, rawPhone: string): Promise<void> {
  const phone = normalizePhone(rawPhone);
  if (!phone) throw ordersError('orders.phone_invalid', { field: 'body.phone' });
  const [row] = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.id, orderId), eq(customers.phoneHash, deps.crypto.hash(phone))));
  // The same answer for "no such order" and "not yours": an order id alone reveals nothing.
  if (!row) throw ordersError('orders.not_found', { field: 'params.id' });
}

export type CancelledBy = 'customer' | 'operator' | 'system';

/**
 * Cancels an order. Goods that never shipped go back: the stock allocation is released, the
 * campaign's sold count and the customer's bought count come down, all in the same transaction.
 * A customer may cancel only before paying; a paid or confirmed order cancelled by an operator gets
 * the money not yet refunded back as one refund record through its payment provider
 * (`refundOnCancelTx`), so money going back is always a refund.
 */
export async function cancelOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: { by: CancelledBy; reason: string; phone?: string },
): Promise<void> {
  if (input.by === 'customer') await assertCustomerOwns(deps, orderId, input.phone ?? '');
  await deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (input.by !== 'operator' && order.status !== 'pending_payment') {
      throw ordersError('orders.illegal_transition', { detail: `from ${order.status} to cancelled` });
    }
    if (!canMove(order.status, 'cancelled')) {
      throw ordersError('orders.illegal_transition', { detail: `from ${order.status} to cancelled` });
    }
    if (releasesStockOnCancel(order.status)) await giveBack(deps, tx, actor, order);
    const refund = needsRefundOnCancel(order.status)
      ? await refundOnCancelTx(deps, tx, actor, order, await lockRefundableLines(tx, order.id), input.reason)
      : null;
    const due = refund ? `; refund due: ${formatFen(refund.amountFen)} as ${refund.id}` : '';
    await move(deps, tx, actor, order, 'cancelled', `${input.by}: ${input.reason}${due}`);
  });
}

/**
 * Puts a cancelled order's units back on sale: every unit not already refunded (a refund of unshipped
 * units returned those itself). The shared `returnUnits` does the counters and the stock, the same
 * code a refund uses. The caller holds the order's lock.
 */
export async function giveBack(deps: Deps, tx: Tx, actor: Actor, order: OrderRow): Promise<void> {
  const lines = await lockRefundableLines(tx, order.id);
  await returnUnits(deps, tx, actor, order, unitsLeft(lines), 'order cancelled');
}

export interface ExpiryOptions {
  /** Orders cancelled per round (one transaction). */
  batch?: number;
  /** Wall-clock time after which no new round starts, so a run ends before the next minute's. */
  budgetMs?: number;
}

/**
 * The `orders-expire` job: unpaid orders past their payment deadline are cancelled by the clock,
 * oldest deadline first. A round cancels up to `batch` of them in one transaction, set-based (the
 * same state changes as `cancelOrder`, made once for all: statuses, timeline lines, units back on
 * sale, audit records, `order.cancelled` events), and rounds run until none is due or the budget is
 * spent, so a flash sale's unpaid tail goes back on sale within the minute. An order being paid at
 * that moment is locked by its payment and skipped; it is no longer due once paid.
 */
export async function expireUnpaidOrders(
  deps: Deps,
  { batch = 500, budgetMs = 45_000 }: ExpiryOptions = {},
): Promise<{ cancelled: number; rounds: number }> {
  const started = performance.now();
  let cancelled = 0;
  let rounds = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.status, 'pending_payment'), lt(orders.paymentDueAt, deps.clock.now())))
        .orderBy(asc(orders.paymentDueAt), asc(orders.id))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const lines = await lockRefundableLinesOf(
        tx,
        due.map((o) => o.id),
      );
      await returnUnitsMany(
        deps,
        tx,
        SYSTEM_ACTOR,
        due.map((order) => ({ order, units: unitsLeft(lines.get(order.id) ?? []) })),
        'order cancelled',
      );
      await moveMany(deps, tx, SYSTEM_ACTOR, due, 'cancelled', 'system: unpaid at the payment deadline');
      return due.length;
    });
    rounds += 1;
    cancelled += n;
    if (n < batch || performance.now() - started >= budgetMs) return { cancelled, rounds };
  }
}

/**
 * At the campaign's cutoff its paid orders are confirmed (已截单) for fulfilment: the subscriber of
 * `campaign.closed`, in the delivery's transaction, so it happens exactly once.
 */
export async function confirmPaidOrders(deps: Deps, tx: Tx, campaignId: string): Promise<number> {
  const now = deps.clock.now();
  const confirmed = await tx
    .update(orders)
    .set({ status: 'confirmed', updatedAt: now })
    .where(and(eq(orders.campaignId, campaignId), eq(orders.status, 'paid')))
    .returning({ id: orders.id });
  if (confirmed.length === 0) return 0;
  const ids = confirmed.map((c) => c.id);
  await tx.insert(orderEvents).values(
    ids.map((orderId) => ({
      id: newId('orderEvent'),
      orderId,
      fromStatus: 'paid',
      toStatus: 'confirmed',
      at: now,
      actorName: 'system',
      note: 'campaign cutoff',
    })),
  );
  await recordAuditMany(
    tx,
    deps.clock,
    ids.map((id) => ({
      actor: SYSTEM_ACTOR,
      entry: {
        action: 'order.confirmed',
        entityType: 'order',
        entityId: id,
        before: { status: 'paid' },
        after: { status: 'confirmed' },
      },
    })),
  );
  await deps.bus.publishMany(
    tx,
    ids.map((id) => ({
      type: 'order.confirmed',
      aggregateType: 'order',
      aggregateId: id,
      payload: { campaignId },
    })),
  );
  return ids.length;
}
