import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { orderLines } from './orders.tables.js';
import { orderRefundLines, orderRefunds, type RefundKind } from './refunds.tables.js';

/** A refund as the API and the order detail show it. */
export interface RefundView {
  id: string;
  orderId: string;
  kind: RefundKind;
  provider: string;
  reference: string;
  amountFen: number;
  reason: string;
  fullyRefunded: boolean;
  actorName: string | null;
  createdAt: string;
  lines: { orderLineId: string; skuId: string; quantity: number; amountFen: number }[];
}

type RefundRow = typeof orderRefunds.$inferSelect;

/** The given refunds with their lines, oldest first, lines in the order's line order. */
export async function refundViews(db: Executor, rows: readonly RefundRow[]): Promise<RefundView[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select({
      refundId: orderRefundLines.refundId,
      orderLineId: orderRefundLines.orderLineId,
      skuId: orderLines.skuId,
      quantity: orderRefundLines.quantity,
      amountFen: orderRefundLines.amountFen,
    })
    .from(orderRefundLines)
    .innerJoin(orderLines, eq(orderLines.id, orderRefundLines.orderLineId))
    .where(
      inArray(
        orderRefundLines.refundId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderRefundLines.refundId), asc(orderRefundLines.orderLineId));
  return [...rows]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      orderId: r.orderId,
      kind: r.kind,
      provider: r.provider,
      reference: r.reference,
      amountFen: r.amountFen,
      reason: r.reason,
      fullyRefunded: r.fullyRefunded,
      actorName: r.actorName,
      createdAt: r.createdAt.toISOString(),
      lines: lines
        .filter((l) => l.refundId === r.id)
        .map(({ orderLineId, skuId, quantity, amountFen }) => ({ orderLineId, skuId, quantity, amountFen })),
    }));
}

/** Every refund of one order, oldest first (for the order detail). */
export async function listOrderRefunds(db: Executor, orderId: string): Promise<RefundView[]> {
  const rows = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId));
  return refundViews(db, rows);
}

/** The refund recorded under an idempotency key, if any, with the hash of the request it answered. */
export async function findRefundByKey(
  db: Executor,
  key: string,
): Promise<{ view: RefundView; requestHash: string } | null> {
  const [row] = await db.select().from(orderRefunds).where(eq(orderRefunds.idempotencyKey, key));
  if (!row) return null;
  const [view] = await refundViews(db, [row]);
  return view ? { view, requestHash: row.requestHash } : null;
}
