import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Deps } from '../../../platform/deps.js';
import { orderPayments, orders } from '../../orders/index.js';
import { accrualError } from './accrual.errors.js';
import { type AccrualResult, accrueOrdersTx } from './accrue.js';

export interface RecomputeResult extends AccrualResult {
  orderId: string;
}

/**
 * 重新计算: an operator recomputes an order's commission. The order is computed again exactly as at
 * payment (the plan, chain and levels of that moment) and every refund applied; the keys make it write
 * nothing that is already there, so a recompute only ever fills in what is missing (an accrual that
 * failed, a refund not yet applied). Audited with what it found.
 */
export async function recomputeOrder(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  orderId: string,
): Promise<RecomputeResult> {
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
    if (!order) throw accrualError('commission.order_not_found', { field: 'params.id', detail: orderId });
    const [paid] = await tx
      .select({ id: orderPayments.id })
      .from(orderPayments)
      .where(eq(orderPayments.orderId, orderId))
      .limit(1);
    if (!paid) throw accrualError('commission.order_not_paid', { field: 'params.id', detail: orderId });
    // Recorded refunds are applied by the accrual itself (the ones not applied yet).
    const result: RecomputeResult = { orderId, ...(await accrueOrdersTx(deps, tx, [orderId])) };
    await recordAudit(tx, deps.clock, actor, {
      action: 'commission.recompute_order',
      entityType: 'order',
      entityId: orderId,
      after: result,
    });
    return result;
  });
}
