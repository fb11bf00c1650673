import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingOrder } from '../../src/modules/orders/intake/flush-batch.js';
import { type IntakeOptions, OrderIntake } from '../../src/modules/orders/intake/order-intake.js';
import { RISK_POLICY_OFF } from '../../src/modules/risk/index.js';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../../src/platform/audit/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, pendingOrder, type Sale } from './orders-support.js';

/**
 * The intake's one-statement batches (fast-batch.ts): after a careful batch, the next ones are
 * predicted from what it left and written by one statement that checks its predictions; when a row
 * moved in between, the statement rolls back and the batch is placed carefully. These tests drive
 * the intake itself and compare what each way writes.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

const log = pino({ level: 'silent' });
const orderOf = (sale: Sale, opts: { phone?: string; quantity?: number } = {}) =>
  pendingOrder(tdb, sale, opts);

function intake(opts: Partial<IntakeOptions> = {}) {
  return new OrderIntake(tdb.deps, log, { flushers: 1, ...opts });
}

/** Submits the orders as one batch (they arrive in one turn of the event loop) and waits for all. */
async function batch(i: OrderIntake, orders: PendingOrder[]) {
  const answers = await Promise.all(orders.map((o) => i.submit(o)));
  return answers.map((a) => a.statusCode);
}

async function rowsOf(sale: Sale) {
  const one = async (text: string, params: unknown[] = []) =>
    (await tdb.deps.pool.query(text, params)).rows[0] as Record<string, number>;
  return {
    ...(await one(
      `SELECT (SELECT sold FROM campaign_items WHERE id = $1)::int AS sold,
              (SELECT available FROM stock_levels WHERE sku_id = $2 AND warehouse_id = $3)::int AS available,
              (SELECT allocated FROM stock_levels WHERE sku_id = $2 AND warehouse_id = $3)::int AS allocated,
              (SELECT count(*) FROM orders WHERE campaign_id = $4)::int AS orders,
              (SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.campaign_id = $4)::int AS lines,
              (SELECT count(*) FROM order_events t JOIN orders o ON o.id = t.order_id WHERE o.campaign_id = $4)::int AS timeline,
              (SELECT count(*) FROM outbox_events e JOIN orders o ON o.id = e.aggregate_id
                WHERE e.type = 'order.placed' AND o.campaign_id = $4)::int AS placed_events,
              (SELECT count(*) FROM audit_log a JOIN orders o ON o.id = a.entity_id
                WHERE a.action = 'order.place' AND o.campaign_id = $4)::int AS audit,
              (SELECT count(*) FROM stock_movements WHERE sku_id = $2 AND kind = 'allocation')::int AS movements,
              (SELECT -coalesce(sum(quantity), 0) FROM stock_movements WHERE sku_id = $2 AND kind = 'allocation')::int AS moved,
              (SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
                WHERE o.campaign_id = $4 AND c.id IS NULL)::int AS orders_without_customer,
              (SELECT count(*) FROM order_requests r JOIN orders o ON o.idempotency_key = r.idempotency_key
                WHERE o.campaign_id = $4 AND r.status_code = 201)::int AS answers`,
      [sale.itemId, sale.skuId, sale.warehouseId, sale.campaignId],
    )),
  };
}

describe('one-statement batches', () => {
  it('place every batch after the first in one statement, writing what the careful way writes', async () => {
    const sale = await arrangeSale(tdb, { cap: 1000, limit: 5, stock: 1000 });
    const i = intake();
    expect(await batch(i, await Promise.all([orderOf(sale), orderOf(sale)]))).toEqual([201, 201]);
    expect(i.stats).toEqual({ fast: 0, careful: 1, missed: 0 });
    for (let n = 0; n < 3; n++)
      expect(
        await batch(i, await Promise.all([orderOf(sale), orderOf(sale, { quantity: 2 }), orderOf(sale)])),
      ).toEqual([201, 201, 201]);
    expect(i.stats).toEqual({ fast: 3, careful: 1, missed: 0 });
    expect(await rowsOf(sale)).toEqual({
      sold: 14,
      available: 986,
      allocated: 14,
      orders: 11,
      lines: 11,
      timeline: 11,
      placed_events: 11,
      audit: 11,
      movements: 11,
      moved: 14,
      orders_without_customer: 0,
      answers: 11,
    });
    // Each movement carries the counters after it, in order, as the careful way records them.
    const trail = await tdb.deps.pool.query<{ available_after: string }>(
      `SELECT available_after FROM stock_movements WHERE sku_id = $1 AND kind = 'allocation' ORDER BY available_after DESC`,
      [sale.skuId],
    );
    expect(trail.rows.map((r) => Number(r.available_after))).toEqual([
      999, 998, 997, 995, 994, 993, 991, 990, 989, 987, 986,
    ]);
    expect(await verifyAuditChain(tdb.deps.db)).toMatchObject({ ok: true });
    const made = await tdb.deps.pool.query(
      `SELECT count(*)::int AS n FROM outbox_events e JOIN orders o ON o.customer_id = e.aggregate_id
        WHERE e.type = 'customer.created' AND o.campaign_id = $1`,
      [sale.campaignId],
    );
    expect(made.rows[0]?.n).toBe(11);
  });

  it('extend the audit chain from its real head when other writers appended meanwhile', async () => {
    const sale = await arrangeSale(tdb, { stock: 100 });
    const i = intake();
    await batch(i, [await orderOf(sale)]);
    for (let n = 0; n < 3; n++) {
      await tdb.deps.db.transaction((tx) =>
        recordAudit(tx, tdb.deps.clock, SYSTEM_ACTOR, { action: 'test.other', entityType: 'test' }),
      );
      expect(await batch(i, [await orderOf(sale), await orderOf(sale)])).toEqual([201, 201]);
    }
    expect(i.stats).toMatchObject({ fast: 3, missed: 0 });
    expect(await verifyAuditChain(tdb.deps.db)).toMatchObject({ ok: true });
  });

  it('roll back and place the batch carefully when stock moved since the last batch', async () => {
    const sale = await arrangeSale(tdb, { cap: 100, limit: 5, stock: 5 });
    const i = intake();
    expect(await batch(i, [await orderOf(sale)])).toEqual([201]);
    // Another process (or an operator) takes 3 of the 4 units left.
    await tdb.deps.pool.query(
      'UPDATE stock_levels SET allocated = allocated + 3, available = available - 3 WHERE sku_id = $1 AND warehouse_id = $2',
      [sale.skuId, sale.warehouseId],
    );
    expect(await batch(i, [await orderOf(sale), await orderOf(sale)])).toEqual([201, 409]);
    expect(i.stats).toEqual({ fast: 0, careful: 2, missed: 1 });
    expect(await rowsOf(sale)).toMatchObject({ available: 0, orders: 2, lines: 2, audit: 2, answers: 2 });
  });

  it('leave a campaign closed meanwhile to the careful way, which refuses it', async () => {
    const sale = await arrangeSale(tdb, { stock: 100 });
    const i = intake();
    await batch(i, [await orderOf(sale)]);
    await tdb.deps.pool.query(`UPDATE campaigns SET state = 'closed' WHERE id = $1`, [sale.campaignId]);
    expect(await batch(i, [await orderOf(sale)])).toEqual([409]);
    expect(i.stats).toMatchObject({ missed: 1 });
    expect(await rowsOf(sale)).toMatchObject({ orders: 1, sold: 1 });
  });

  it('hold a repeat customer to their limit across batches', async () => {
    const sale = await arrangeSale(tdb, { cap: 100, limit: 3, stock: 100 });
    const i = intake();
    const phone = newPhone();
    await batch(i, [await orderOf(sale)]);
    expect(await batch(i, [await orderOf(sale, { phone, quantity: 2 })])).toEqual([201]);
    expect(i.stats).toMatchObject({ fast: 1 });
    // One more unit fits the limit of 3: still one statement, whatever the customer bought before.
    expect(await batch(i, [await orderOf(sale, { phone })])).toEqual([201]);
    expect(i.stats).toMatchObject({ fast: 2 });
    // A fourth does not: the statement's guard refuses to predict it, and the careful way says why.
    expect(await batch(i, [await orderOf(sale, { phone })])).toEqual([422]);
    expect(i.stats).toMatchObject({ fast: 2, missed: 1 });
    expect(await rowsOf(sale)).toMatchObject({ sold: 4, orders: 3 });
  });

  it('leave a phone past the risk policy’s order count to the careful way, which holds its order', async () => {
    const sale = await arrangeSale(tdb, { cap: 100, limit: 5, stock: 100 });
    const policy = { ...RISK_POLICY_OFF, enabled: true, maxOrdersPerPhonePerCampaign: 1 };
    const i = intake({ riskPolicy: () => policy });
    const phone = newPhone();
    await batch(i, [await orderOf(sale)]);
    expect(await batch(i, [await orderOf(sale, { phone })])).toEqual([201]);
    expect(i.stats).toMatchObject({ fast: 1, missed: 0 });
    expect(await batch(i, [await orderOf(sale, { phone })])).toEqual([201]);
    expect(i.stats).toMatchObject({ fast: 1, missed: 1 });
    const held = await tdb.deps.pool.query(
      `SELECT o.status FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.campaign_id = $1 AND c.phone_hash = $2 ORDER BY o.placed_at`,
      [sale.campaignId, tdb.deps.crypto.hash(phone)],
    );
    expect(held.rows.map((r) => r.status)).toEqual(['pending_payment', 'on_hold']);
  });

  it('send a replayed key to the careful way, which answers it as the first time', async () => {
    const sale = await arrangeSale(tdb, { stock: 100 });
    const i = intake();
    await batch(i, [await orderOf(sale)]);
    const first = await orderOf(sale);
    const a = await i.submit(first);
    expect(a.statusCode).toBe(201);
    const again = await i.submit({ ...first });
    expect(again).toEqual({ statusCode: 201, body: JSON.parse(JSON.stringify(a.body)) });
    expect(await rowsOf(sale)).toMatchObject({ orders: 2, sold: 2 });
  });

  it('go the careful way only when asked to', async () => {
    const sale = await arrangeSale(tdb, { stock: 100 });
    const i = intake({ fastPath: false });
    for (let n = 0; n < 3; n++) await batch(i, [await orderOf(sale)]);
    expect(i.stats).toEqual({ fast: 0, careful: 3, missed: 0 });
  });
});
