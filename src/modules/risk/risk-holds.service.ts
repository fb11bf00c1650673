import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import type { DomainEvent } from '../../platform/outbox/index.js';
import { campaigns } from '../campaigns/index.js';
import { customers, maskPhone } from '../customers/index.js';
import { leaders, pickupPoints } from '../leaders/index.js';
import { approveHeldOrderTx, type OrderStatus, orders, rejectHeldOrderTx } from '../orders/index.js';
import type { RiskReason } from './evaluate-risk.js';
import { riskError } from './risk.errors.js';
import { type HoldStatus, riskHolds } from './risk.tables.js';

export interface NewHold {
  orderId: string;
  campaignId: string;
  reasons: RiskReason[];
}

/**
 * Records the holds of a batch of orders the intake has just put on hold, in the intake's own
 * transaction: one set-based INSERT for the whole batch, so holding orders costs the batch one
 * statement, not one per order.
 */
export async function recordHoldsTx(tx: Tx, clock: Clock, holds: readonly NewHold[]): Promise<void> {
  if (holds.length === 0) return;
  const at = clock.now().toISOString();
  await tx.execute(sql`
    INSERT INTO ${riskHolds} (order_id, campaign_id, reasons, status, created_at)
    SELECT o, c, r, 'open', ${at}::timestamptz
    FROM unnest(${sql.param(holds.map((h) => h.orderId))}::text[], ${sql.param(holds.map((h) => h.campaignId))}::text[],
                ${sql.param(holds.map((h) => JSON.stringify(h.reasons)))}::jsonb[]) AS v(o, c, r)`);
}

export interface HoldQuery {
  status?: HoldStatus | undefined;
  campaignId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The review queue (风控审核): holds newest first, each with its order's summary and a masked phone. */
export async function listHolds(deps: Pick<Deps, 'db' | 'crypto'>, q: HoldQuery) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(riskHolds.status, q.status));
  if (q.campaignId) where.push(eq(riskHolds.campaignId, q.campaignId));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        hold: riskHolds,
        order: {
          status: orders.status,
          totalFen: orders.totalFen,
          itemCount: orders.itemCount,
          placedAt: orders.placedAt,
          paymentDueAt: orders.paymentDueAt,
        },
        campaignName: campaigns.name,
        leaderName: leaders.name,
        leaderCode: leaders.code,
        pickupPointName: pickupPoints.name,
        pickupAddress: pickupPoints.address,
        customerName: customers.name,
        phoneEnc: customers.phoneEnc,
      })
      .from(riskHolds)
      .innerJoin(orders, eq(orders.id, riskHolds.orderId))
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(campaigns, eq(campaigns.id, riskHolds.campaignId))
      .leftJoin(leaders, eq(leaders.id, orders.leaderId))
      .leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
      .where(cond)
      .orderBy(desc(riskHolds.createdAt), desc(riskHolds.orderId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(riskHolds).where(cond),
  ]);
  return {
    items: rows.map((r) => ({
      orderId: r.hold.orderId,
      campaignId: r.hold.campaignId,
      campaignName: r.campaignName ?? '',
      status: r.hold.status,
      reasons: r.hold.reasons,
      createdAt: r.hold.createdAt.toISOString(),
      decidedBy: r.hold.decidedBy,
      decidedAt: r.hold.decidedAt?.toISOString() ?? null,
      decisionReason: r.hold.decisionReason,
      order: {
        status: r.order.status,
        leaderName: r.leaderName ?? '',
        leaderCode: r.leaderCode ?? '',
        pickupPointName: r.pickupPointName ?? '',
        pickupAddress: r.pickupAddress ?? '',
        customerName: r.customerName,
        // Decrypted only to be masked: the queue never carries a full number.
        phoneMasked: maskPhone(deps.crypto.decrypt(r.phoneEnc)),
        totalFen: r.order.totalFen,
        itemCount: r.order.itemCount,
        placedAt: r.order.placedAt.toISOString(),
        paymentDueAt: r.order.paymentDueAt.toISOString(),
      },
    })),
    total: total?.n ?? 0,
  };
}

type HoldRow = typeof riskHolds.$inferSelect;

/** Locks the open hold of an order; a missing one is a 404, one already decided a 409. */
async function lockOpenHold(tx: Tx, orderId: string): Promise<HoldRow> {
  const [hold] = await tx.select().from(riskHolds).where(eq(riskHolds.orderId, orderId)).for('update');
  if (!hold) throw riskError('risk.hold_not_found', { field: 'params.id', detail: orderId });
  if (hold.status !== 'open') {
    throw riskError('risk.hold_already_decided', {
      field: 'params.id',
      detail: `${hold.status} by ${hold.decidedBy ?? 'system'} at ${hold.decidedAt?.toISOString() ?? '?'}`,
    });
  }
  return hold;
}

async function closeHold(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  hold: HoldRow,
  status: 'approved' | 'rejected',
  reason: string,
) {
  const decidedAt = deps.clock.now();
  await tx
    .update(riskHolds)
    .set({
      status,
      decidedById: actor.actorId,
      decidedBy: actor.actorName,
      decidedAt,
      decisionReason: reason,
    })
    .where(eq(riskHolds.orderId, hold.orderId));
  await recordAudit(tx, deps.clock, actor, {
    action: status === 'approved' ? 'risk.hold.approve' : 'risk.hold.reject',
    entityType: 'risk_hold',
    entityId: hold.orderId,
    before: { status: hold.status, reasons: hold.reasons },
    after: { status, reason },
  });
  return decidedAt;
}

export interface Decision {
  orderId: string;
  status: 'approved' | 'rejected';
  orderStatus: OrderStatus;
  decidedAt: string;
  /** When approved: the new payment deadline, counted from the decision. */
  paymentDueAt: string | null;
}

/** 审核通过: the order goes on to payment with a fresh payment deadline. */
export async function approveHold(
  deps: Deps,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<Decision> {
  return deps.db.transaction(async (tx) => {
    const hold = await lockOpenHold(tx, orderId);
    const { paymentDueAt } = await approveHeldOrderTx(deps, tx, actor, orderId, reason);
    const decidedAt = await closeHold(deps, tx, actor, hold, 'approved', reason);
    return {
      orderId,
      status: 'approved',
      orderStatus: 'pending_payment',
      decidedAt: decidedAt.toISOString(),
      paymentDueAt: paymentDueAt.toISOString(),
    };
  });
}

/** 审核拒绝: the order is cancelled and everything it held (stock, counts) comes back. */
export async function rejectHold(
  deps: Deps,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<Decision> {
  return deps.db.transaction(async (tx) => {
    const hold = await lockOpenHold(tx, orderId);
    await rejectHeldOrderTx(deps, tx, actor, orderId, reason);
    const decidedAt = await closeHold(deps, tx, actor, hold, 'rejected', reason);
    return {
      orderId,
      status: 'rejected',
      orderStatus: 'cancelled',
      decidedAt: decidedAt.toISOString(),
      paymentDueAt: null,
    };
  });
}

/**
 * An order on hold cancelled outside the review (an operator's cancel in the order center) closes
 * its hold as rejected, so it leaves the queue. The subscriber of `order.cancelled`, in the
 * delivery's transaction; a hold already decided (the review's own rejection) is left alone.
 */
export async function closeHoldOfCancelledOrder(deps: Deps, tx: Tx, event: DomainEvent): Promise<void> {
  const payload = event.payload as { from?: string; note?: string | null } | null;
  if (payload?.from !== 'on_hold') return;
  const closed = await tx
    .update(riskHolds)
    .set({
      status: 'rejected',
      decidedBy: 'system',
      decidedAt: deps.clock.now(),
      decisionReason: `order cancelled outside risk review${payload.note ? ` (${payload.note})` : ''}`,
    })
    .where(and(eq(riskHolds.orderId, event.aggregateId), eq(riskHolds.status, 'open')))
    .returning({ orderId: riskHolds.orderId });
  if (closed.length === 0) return;
  await recordAudit(
    tx,
    deps.clock,
    { actorId: null, actorName: 'system', requestId: event.requestId, ip: null },
    {
      action: 'risk.hold.close',
      entityType: 'risk_hold',
      entityId: event.aggregateId,
      before: { status: 'open' },
      after: { status: 'rejected', reason: 'order cancelled outside risk review' },
    },
  );
}

/** Registers the risk module's event subscribers; main.ts calls it beside the orders' own. */
export function registerRiskSubscribers(deps: Deps): void {
  deps.bus.subscribe('order.cancelled', 'risk.close-hold-of-cancelled-order', (event, tx) =>
    closeHoldOfCancelledOrder(deps, tx, event),
  );
}
