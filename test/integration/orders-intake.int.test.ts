import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchModules } from '../../bench/intake-references.js';
import { receiveStock } from '../../src/modules/inventory/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { levelOf, makeWarehouse } from './inventory-support.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { expectError } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let keySeq = 0;
const key = () => `test-key-${Date.now()}-${++keySeq}`;

function place(body: object, idempotencyKey: string | null = key()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    payload: body,
  });
}

async function counters(sale: Sale) {
  const q = (text: string, params: unknown[]) => t.tdb.deps.pool.query(text, params).then((r) => r.rows[0]);
  return {
    sold: Number((await q('SELECT sold FROM campaign_items WHERE id = $1', [sale.itemId]))?.sold),
    stock: await q(
      'SELECT on_hand::int, allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
      [sale.skuId, sale.warehouseId],
    ),
    orders: Number(
      (await q('SELECT count(*)::int AS n FROM orders WHERE campaign_id = $1', [sale.campaignId]))?.n,
    ),
    units: Number(
      (
        await q('SELECT coalesce(sum(quantity), 0)::int AS n FROM order_lines WHERE campaign_item_id = $1', [
          sale.itemId,
        ])
      )?.n,
    ),
  };
}

describe('placing an order', () => {
  it('accepts an order, prices it on the server, allocates stock, audits and publishes', async () => {
    const sale = await arrangeSale(t.tdb, { priceFen: 1290 });
    const body = orderBody(sale, newPhone(), 2);
    // A price sent by the client is ignored.
    (body.items[0] as Record<string, unknown>).priceFen = 1;
    const res = await place({ ...body, totalFen: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const { order } = res.json();
    expect(order).toMatchObject({ status: 'pending_payment', totalFen: 2580, itemCount: 2 });
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    expect(await counters(sale)).toEqual({
      sold: 2,
      stock: { on_hand: 1000, allocated: 2, available: 998 },
      orders: 1,
      units: 2,
    });
    const audit = await t.tdb.deps.pool.query(
      "SELECT request_id FROM audit_log WHERE action = 'order.place' AND entity_id = $1",
      [order.id],
    );
    expect(audit.rows[0]?.request_id).toBe(res.headers['x-request-id']);
    const events = await t.tdb.deps.pool.query(
      "SELECT count(*)::int AS n FROM outbox_events WHERE type = 'order.placed' AND aggregate_id = $1",
      [order.id],
    );
    expect(events.rows[0]?.n).toBe(1);
  });

  it('answers a replay of the same key with the first answer, and refuses the key for another request', async () => {
    const sale = await arrangeSale(t.tdb);
    const k = key();
    const body = orderBody(sale, newPhone(), 1);
    const first = await place(body, k);
    const again = await place(body, k);
    expect(again.statusCode).toBe(201);
    expect(again.json().order.id).toBe(first.json().order.id);
    const other = await place(orderBody(sale, newPhone(), 1), k);
    expectError(other, 422, 'orders.idempotency_key_reused', 'headers.idempotency-key');
    expect((await counters(sale)).orders).toBe(1);
  });

  it('never oversells: 120 concurrent orders for a cap of 30 accept exactly 30', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 30, limit: 5, stock: 500 });
    const results = await Promise.all(
      Array.from({ length: 120 }, () => place(orderBody(sale, newPhone(), 1))),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(30);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe('orders.sold_out');
    expect(await counters(sale)).toEqual({
      sold: 30,
      stock: { on_hand: 500, allocated: 30, available: 470 },
      orders: 30,
      units: 30,
    });
  });

  it('never sells past the warehouse stock even when the campaign cap is higher', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 100, limit: 5, stock: 7 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => place(orderBody(sale, newPhone(), 1))),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(7);
    expect((await counters(sale)).stock).toEqual({ on_hand: 7, allocated: 7, available: 0 });
  });

  it('holds the per-customer limit across concurrent orders of one customer', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 100, limit: 3 });
    const phone = newPhone();
    const results = await Promise.all(Array.from({ length: 10 }, () => place(orderBody(sale, phone, 1))));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = results.find((r) => r.statusCode !== 201);
    expectError(refused ?? results[0]!, 422, 'orders.limit_exceeded');
    // The limit follows the phone number however it is written.
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    expectError(await place(orderBody(sale, spaced, 1)), 422, 'orders.limit_exceeded');
  });
});

describe('bad input is refused with nothing written', () => {
  it.each([
    [
      'no idempotency key',
      (s: Sale) => ({ body: orderBody(s, '13800000001'), key: null }),
      400,
      'orders.idempotency_key_required',
      'headers.idempotency-key',
    ],
    [
      'unknown campaign',
      (s: Sale) => ({ body: { ...orderBody(s, '13800000001'), campaignId: 'cmp_nope' } }),
      404,
      'orders.campaign_not_found',
      'body.campaignId',
    ],
    [
      'unknown leader',
      (s: Sale) => ({ body: { ...orderBody(s, '13800000001'), leaderCode: 'ZZZZZZ' } }),
      400,
      'orders.leader_not_found',
      'body.leaderCode',
    ],
    [
      'foreign pickup point',
      (s: Sale) => ({ body: { ...orderBody(s, '13800000001'), pickupPointId: 'pp_nope' } }),
      400,
      'orders.pickup_point_invalid',
      'body.pickupPointId',
    ],
    [
      'malformed phone',
      (s: Sale) => ({ body: orderBody(s, '12345') }),
      400,
      'orders.phone_invalid',
      'body.customer.phone',
    ],
    [
      'quantity zero',
      (s: Sale) => ({ body: orderBody(s, '13800000001', 0) }),
      400,
      'request.invalid',
      'body.items.0.quantity',
    ],
    [
      'negative quantity',
      (s: Sale) => ({ body: orderBody(s, '13800000001', -2) }),
      400,
      'request.invalid',
      'body.items.0.quantity',
    ],
    [
      'above the limit',
      (s: Sale) => ({ body: orderBody(s, '13800000001', 6) }),
      422,
      'orders.limit_exceeded',
      'body.items.0.quantity',
    ],
    [
      'unknown item',
      (s: Sale) => ({
        body: { ...orderBody(s, '13800000001'), items: [{ itemId: 'cmi_nope', quantity: 1 }] },
      }),
      400,
      'orders.item_not_in_campaign',
      'body.items.0.itemId',
    ],
    [
      'no items',
      (s: Sale) => ({ body: { ...orderBody(s, '13800000001'), items: [] } }),
      400,
      'request.invalid',
      'body.items',
    ],
  ])('%s', async (_label, make, status, code, field) => {
    const sale = await arrangeSale(t.tdb, { limit: 5 });
    const { body, key: k } = make(sale) as { body: object; key?: string | null };
    const before = await counters(sale);
    const res = await place(body, k === undefined ? key() : k);
    expectError(res, status, code, field);
    expect(await counters(sale)).toEqual(before);
  });

  it('refuses a campaign not yet open and one past its cutoff', async () => {
    const sale = await arrangeSale(t.tdb);
    t.tdb.deps.clock.advance(5 * 3_600_000);
    expectError(await place(orderBody(sale, newPhone())), 409, 'orders.campaign_not_open', 'body.campaignId');
    t.tdb.deps.clock.advance(-5 * 3_600_000);
    expect((await counters(sale)).orders).toBe(0);
  });
});

describe('the campaign’s warehouse (发货仓)', () => {
  it('allocates from the warehouse the campaign names, not the first that stocks the SKU', async () => {
    const sale = await arrangeSale(t.tdb);
    const other = await makeWarehouse(t.tdb);
    // Its code sorts after the sale's own warehouse, which would otherwise be chosen first.
    await t.tdb.deps.pool.query(`UPDATE warehouses SET code = 'ZZ-' || id WHERE id = $1`, [other]);
    await receiveStock(t.tdb.deps, SYSTEM_ACTOR, { skuId: sale.skuId, warehouseId: other, quantity: 50 });
    await t.tdb.deps.pool.query('UPDATE campaigns SET warehouse_id = $1 WHERE id = $2', [
      other,
      sale.campaignId,
    ]);
    const res = await place(orderBody(sale, newPhone(), 2));
    expect(res.statusCode, res.body).toBe(201);
    expect(await levelOf(t.tdb, sale.skuId, other)).toEqual({ onHand: 50, allocated: 2, available: 48 });
    expect(await levelOf(t.tdb, sale.skuId, sale.warehouseId)).toEqual({
      onHand: 1000,
      allocated: 0,
      available: 1000,
    });
  });

  it('refuses an item its warehouse does not stock, writing nothing', async () => {
    const sale = await arrangeSale(t.tdb);
    const empty = await makeWarehouse(t.tdb);
    await t.tdb.deps.pool.query('UPDATE campaigns SET warehouse_id = $1 WHERE id = $2', [
      empty,
      sale.campaignId,
    ]);
    const before = await counters(sale);
    expectError(await place(orderBody(sale, newPhone())), 409, 'orders.out_of_stock', 'body.items.0.itemId');
    expect(await counters(sale)).toEqual(before);
  });
});

describe('BENCH_MODE=nodb (the flash-sale benchmark’s reference)', () => {
  it('answers an order as placed, after the same validation, and writes nothing', async () => {
    const nodb = await createTestApp({ config: { benchMode: 'nodb' }, modules: benchModules('nodb') });
    try {
      const sale = await arrangeSale(nodb.tdb, { priceFen: 1290 });
      const post = (body: object) =>
        nodb.app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { 'idempotency-key': key() },
          payload: body,
        });
      const res = await post(orderBody(sale, newPhone(), 2));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().order).toMatchObject({ status: 'pending_payment', totalFen: 2580, itemCount: 2 });
      expectError(await post(orderBody(sale, '12345')), 400, 'orders.phone_invalid', 'body.customer.phone');
      const n = await nodb.tdb.deps.pool.query(
        'SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM customers)::int AS customers',
      );
      expect(n.rows[0]).toEqual({ orders: 0, customers: 0 });
    } finally {
      await nodb.close();
    }
  });
});

describe('BENCH_MODE=naive (the flash-sale benchmark’s floor)', () => {
  it('places each order in its own transaction, as the product would place it', async () => {
    const naive = await createTestApp({ config: { benchMode: 'naive' }, modules: benchModules('naive') });
    try {
      const sale = await arrangeSale(naive.tdb, { priceFen: 1290 });
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          naive.app.inject({
            method: 'POST',
            url: '/api/orders',
            headers: { 'idempotency-key': key() },
            payload: orderBody(sale, newPhone(), 1),
          }),
        ),
      );
      for (const res of results) expect(res.statusCode, res.body).toBe(201);
      const n = await naive.tdb.deps.pool.query(
        `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT sold FROM campaign_items WHERE id = $1)::int AS sold,
                (SELECT count(*) FROM stock_movements WHERE kind = 'allocation')::int AS allocations`,
        [sale.itemId],
      );
      expect(n.rows[0]).toEqual({ orders: 3, sold: 3, allocations: 3 });
      const stats = await naive.app.inject({ method: 'GET', url: '/api/bench/intake-stats' });
      expect(stats.json()).toEqual({ fast: 0, careful: 3, missed: 0 });
    } finally {
      await naive.close();
    }
  });
});

describe('BENCH_MODE in the product', () => {
  it('changes nothing: the order is stored, and no /api/bench route answers', async () => {
    const product = await createTestApp({ config: { benchMode: 'nodb' } });
    try {
      const sale = await arrangeSale(product.tdb, { priceFen: 1290 });
      const res = await product.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'idempotency-key': key() },
        payload: orderBody(sale, newPhone(), 2),
      });
      expect(res.statusCode, res.body).toBe(201);
      const n = await product.tdb.deps.pool.query(
        'SELECT count(*)::int AS orders FROM orders WHERE id = $1',
        [res.json().order.id],
      );
      expect(n.rows[0]).toEqual({ orders: 1 });
      for (const [method, url] of [
        ['POST', '/api/bench/empty'],
        ['GET', '/api/bench/intake-stats'],
      ] as const)
        expect((await product.app.inject({ method, url })).statusCode).toBe(404);
    } finally {
      await product.close();
    }
  });
});

describe('BENCH_MODE=lean (the flash-sale benchmark’s ceiling)', () => {
  it('stores the order, its line, its key’s answer and the sold counter, and nothing else', async () => {
    const lean = await createTestApp({ config: { benchMode: 'lean' }, modules: benchModules('lean') });
    try {
      const sale = await arrangeSale(lean.tdb, { priceFen: 1290 });
      const k = key();
      const post = () =>
        lean.app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { 'idempotency-key': k },
          payload: orderBody(sale, newPhone(), 2),
        });
      const res = await post();
      expect(res.statusCode, res.body).toBe(201);
      const order = res.json().order;
      expect(order).toMatchObject({ status: 'pending_payment', totalFen: 2580, itemCount: 2 });
      const n = await lean.tdb.deps.pool.query(
        `SELECT (SELECT count(*) FROM orders WHERE id = $1)::int AS orders,
                (SELECT sum(quantity) FROM order_lines WHERE order_id = $1)::int AS units,
                (SELECT status_code FROM order_requests WHERE idempotency_key = $2) AS answer,
                (SELECT sold FROM campaign_items WHERE id = $3)::int AS sold,
                (SELECT count(*) FROM customers)::int AS customers,
                (SELECT count(*) FROM stock_movements WHERE kind = 'allocation')::int AS allocations`,
        [order.id, k, sale.itemId],
      );
      expect(n.rows[0]).toEqual({ orders: 1, units: 2, answer: 201, sold: 2, customers: 0, allocations: 0 });
    } finally {
      await lean.close();
    }
  });
});
