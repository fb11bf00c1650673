import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchTurn,
  flushBatch,
  type PendingOrder,
} from '../../src/modules/orders/intake/flush-batch.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { arrangeSale, pendingOrder, type Sale } from './orders-support.js';

/**
 * The intake decides a batch from counters read without locks and re-checks every decision in
 * guarded updates. These tests make another transaction take units between the read and the guarded
 * updates (inside the batch's turn), so the optimistic attempt must fail, roll back, and decide again
 * under locks: nothing oversold, nothing half-written, every order answered.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

async function pending(sale: Sale, n: number, quantity = 1): Promise<PendingOrder[]> {
  const orders: PendingOrder[] = [];
  for (let i = 0; i < n; i++) orders.push(await pendingOrder(tdb, sale, { quantity }));
  return orders;
}

async function state(sale: Sale) {
  const one = async (text: string, params: unknown[]) => (await tdb.deps.pool.query(text, params)).rows[0];
  return {
    sold: (await one('SELECT sold::int FROM campaign_items WHERE id = $1', [sale.itemId]))?.sold,
    available: (
      await one('SELECT available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2', [
        sale.skuId,
        sale.warehouseId,
      ])
    )?.available,
    orders: (await one('SELECT count(*)::int AS n FROM orders WHERE campaign_id = $1', [sale.campaignId]))?.n,
    events: (
      await one(
        "SELECT count(*)::int AS n FROM outbox_events e JOIN orders o ON o.id = e.aggregate_id WHERE e.type = 'order.placed' AND o.campaign_id = $1",
        [sale.campaignId],
      )
    )?.n,
  };
}

/** A turn whose hot section opens only after `fn` ran: another process acting in between. */
function meanwhile(fn: () => Promise<void>): BatchTurn {
  return { start: async () => {}, started: () => {}, hot: fn };
}

describe('the optimistic batch meets a row that moved', () => {
  it('re-decides under locks when the campaign cap was taken meanwhile', async () => {
    const sale = await arrangeSale(tdb, { cap: 10, limit: 5, stock: 100 });
    const batch = await pending(sale, 8);
    // Another process sells 5 of the 10 after this batch read the counters (it saw 10 left).
    const result = await flushBatch(
      tdb.deps,
      batch,
      meanwhile(async () => {
        await tdb.deps.pool.query('UPDATE campaign_items SET sold = sold + 5 WHERE id = $1', [sale.itemId]);
      }),
    );
    const codes = batch.map((o) => result.answers.get(o.key)?.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.slice(5).every((c) => c === 409)).toBe(true);
    expect(result.soldOutItems.has(sale.itemId)).toBe(true);
    // 5 by the other process + 5 here; only the second attempt's rows exist.
    expect(await state(sale)).toEqual({ sold: 10, available: 95, orders: 5, events: 5 });
  });

  it('re-decides under locks when warehouse stock was taken meanwhile', async () => {
    const sale = await arrangeSale(tdb, { cap: 100, limit: 5, stock: 6 });
    const batch = await pending(sale, 5);
    const result = await flushBatch(
      tdb.deps,
      batch,
      meanwhile(async () => {
        await tdb.deps.pool.query(
          'UPDATE stock_levels SET allocated = allocated + 4, available = available - 4 WHERE sku_id = $1 AND warehouse_id = $2',
          [sale.skuId, sale.warehouseId],
        );
      }),
    );
    const codes = batch.map((o) => result.answers.get(o.key)?.statusCode);
    expect(codes).toEqual([201, 201, 409, 409, 409]);
    expect(await state(sale)).toMatchObject({ sold: 2, available: 0, orders: 2 });
    const movements = await tdb.deps.pool.query(
      "SELECT count(*)::int AS n FROM stock_movements WHERE sku_id = $1 AND kind = 'allocation'",
      [sale.skuId],
    );
    expect(movements.rows[0]?.n).toBe(2);
  });

  it('re-decides under locks when the same customer bought meanwhile', async () => {
    const sale = await arrangeSale(tdb, { cap: 100, limit: 2, stock: 100 });
    const [order] = await pending(sale, 1, 2);
    if (!order) throw new Error('no order');
    // Another process counted 2 units for this customer after this batch read the counters. (A real
    // one would first wait for this batch's customer row; the counter is what the guard re-checks.)
    const result = await flushBatch(
      tdb.deps,
      [order],
      meanwhile(async () => {
        await tdb.deps.pool.query(
          'INSERT INTO order_customer_item_counts (phone_hash, campaign_item_id, bought) VALUES ($1, $2, 2)',
          [order.phoneHash, sale.itemId],
        );
      }),
    );
    expect(result.answers.get(order.key)?.statusCode).toBe(422);
    expect(await state(sale)).toMatchObject({ sold: 0, orders: 0, events: 0 });
  });
});
