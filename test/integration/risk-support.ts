import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type RiskReason, recordHoldsTx } from '../../src/modules/risk/index.js';
import type { TestDb } from '../helpers/test-db.js';
import { orderBody, type Sale } from './orders-support.js';

let seq = 0;

/** Places an order through the public API (as a customer would) and returns its id. */
export async function placeOrder(
  base: { inject: (o: object) => Promise<{ statusCode: number; body: string; json: () => unknown }> },
  sale: Sale,
  phone: string,
  quantity = 1,
): Promise<string> {
  seq += 1;
  const res = await base.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `risk-${Date.now()}-${seq}` },
    payload: orderBody(sale, phone, quantity),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { order: { id: string } }).order.id;
}

/**
 * Puts a placed order on hold the way the intake does for an order with risk reasons: status
 * on_hold (its first timeline line too) and a `risk_holds` row through `recordHoldsTx`.
 */
export async function putOnHold(
  tdb: TestDb,
  orderId: string,
  campaignId: string,
  reasons: RiskReason[] = [{ code: 'quantity_over_limit', detail: '12 units > limit 10' }],
): Promise<void> {
  await tdb.deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE orders SET status = 'on_hold' WHERE id = ${orderId} AND status = 'pending_payment'`,
    );
    await tx.execute(sql`
      UPDATE order_events SET to_status = 'on_hold', note = 'placed; held for risk review'
      WHERE order_id = ${orderId} AND from_status IS NULL`);
    await recordHoldsTx(tx, tdb.deps.clock, [{ orderId, campaignId, reasons }]);
  });
}
