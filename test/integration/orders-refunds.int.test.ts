import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCampaigns, scheduleCampaign } from '../../src/modules/campaigns/index.js';
import { receiveStock } from '../../src/modules/inventory/index.js';
import { registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createCampaignDirect, makeSku } from './campaigns-support.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError, expectNothingWritten, ownerQuery, type Res } from './support.js';

/**
 * Refunds (退款): whole or per line, priced by the server, stock back only for goods never shipped,
 * the order refunded when nothing is left, idempotent, safe under concurrency, and every refusal a
 * 4xx that names the field and writes nothing.
 */
let t: TestApp;
let admin: Session;
let finance: Session;
beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
});
afterAll(() => t.close());

const deps = () => t.tdb.deps;
const q = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await deps().pool.query<R>(text, params)).rows;

/** Arranging a sale moves the test clock, so the staff log in afterwards. */
async function login() {
  admin = await sessionFor(t, ['admin']);
  finance = await sessionFor(t, ['finance']);
}

interface TwoItems extends Sale {
  item2: { itemId: string; skuId: string };
}

/** A live campaign with two items (9.90 and 15.00 yuan) in one warehouse, each with plenty of stock. */
async function twoItemSale(opts: { cap?: number; limit?: number } = {}): Promise<TwoItems> {
  const base = await arrangeSale(t.tdb, { stock: 100 });
  const sku2 = await makeSku(t.tdb);
  await receiveStock(deps(), SYSTEM_ACTOR, { skuId: sku2.id, warehouseId: base.warehouseId, quantity: 100 });
  const campaign = await createCampaignDirect(t.tdb, [base.skuId, sku2.id], {
    items: [
      { skuId: base.skuId, priceFen: 990, stockCap: opts.cap ?? 50, perCustomerLimit: opts.limit ?? 10 },
      { skuId: sku2.id, priceFen: 1500, stockCap: opts.cap ?? 50, perCustomerLimit: opts.limit ?? 10 },
    ],
  });
  await scheduleCampaign(deps(), SYSTEM_ACTOR, campaign.id);
  deps().clock.advance(61 * 60_000);
  await login();
  const [first, second] = campaign.items;
  return {
    ...base,
    campaignId: campaign.id,
    itemId: first?.id ?? '',
    item2: { itemId: second?.id ?? '', skuId: sku2.id },
  };
}

async function oneItemSale(opts: Parameters<typeof arrangeSale>[1] = {}): Promise<Sale> {
  const s = await arrangeSale(t.tdb, opts);
  await login();
  return s;
}

let seq = 0;
const key = () => `refund-test-${Date.now()}-${++seq}`;

async function place(sale: Sale, phone: string, items: { itemId: string; quantity: number }[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': key() },
    payload: { ...orderBody(sale, phone), items },
  });
  return res;
}

interface Placed {
  id: string;
  lines: { id: string; itemId: string }[];
}

/** Places an order and pays it (offline with a reference, or through the sandbox). */
async function placePaid(
  sale: Sale,
  items: { itemId: string; quantity: number }[],
  opts: { phone?: string; pay?: 'offline' | 'sandbox' | 'none' } = {},
): Promise<Placed> {
  const phone = opts.phone ?? newPhone();
  const res = await place(sale, phone, items);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().order.id as string;
  const pay = opts.pay ?? 'offline';
  if (pay === 'offline') {
    const paid = await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: '转账 0042' });
    expect(paid.statusCode, paid.body).toBe(204);
  } else if (pay === 'sandbox') {
    const paid = await call(t, null, 'POST', `/api/orders/${id}/sandbox-pay`, { phone });
    expect(paid.statusCode, paid.body).toBe(204);
  }
  const lines = await q<{ id: string; item_id: string }>(
    'SELECT id, campaign_item_id AS item_id FROM order_lines WHERE order_id = $1 ORDER BY id',
    [id],
  );
  return { id, lines: lines.map((l) => ({ id: l.id, itemId: l.item_id })) };
}

function refund(orderId: string, body: object, idempotencyKey: string | null = key(), as = finance) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/refunds`,
    headers: { ...as.headers, ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }) },
    payload: body,
  });
}

const lineOf = (o: Placed, itemId: string) => o.lines.find((l) => l.itemId === itemId)?.id ?? '';

async function counters(itemId: string, skuId: string, warehouseId: string) {
  const [item] = await q<{ sold: number }>('SELECT sold FROM campaign_items WHERE id = $1', [itemId]);
  const [level] = await q<{ on_hand: number; allocated: number; available: number }>(
    'SELECT on_hand::int, allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
    [skuId, warehouseId],
  );
  return { sold: item?.sold, ...level };
}

/** Units each customer holds of an item (the per-customer limit's counter), or one customer's. */
async function bought(itemId: string, phone?: string) {
  const rows = await q<{ bought: number }>(
    `SELECT bought FROM order_customer_item_counts
     WHERE campaign_item_id = $1 AND ($2::text IS NULL OR phone_hash = $2) ORDER BY phone_hash`,
    [itemId, phone === undefined ? null : deps().crypto.hash(phone)],
  );
  return rows.map((r) => r.bought);
}

async function statusOf(orderId: string) {
  return (await q<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId]))[0]?.status;
}

async function refundEvents(orderId: string) {
  return (
    await q<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_events WHERE type = 'order.refunded' AND aggregate_id = $1 ORDER BY created_at, id`,
      [orderId],
    )
  ).map((r) => r.payload);
}

const detail = async (id: string) => (await call(t, admin, 'GET', `/api/orders/${id}`)).json();

/** Tables a refused refund must leave alone, on top of the platform's (audit, outbox, users). */
const REFUND_TABLES = [
  'order_refunds',
  'order_refund_lines',
  'order_events',
  'order_payments',
  'stock_movements',
];
async function refundWrites() {
  const counts: Record<string, number> = {};
  for (const table of REFUND_TABLES) {
    counts[table] = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;
  }
  const lines = await q('SELECT id, refunded_quantity FROM order_lines ORDER BY id');
  const statuses = await q('SELECT id, status FROM orders ORDER BY id');
  const items = await q('SELECT id, sold FROM campaign_items ORDER BY id');
  const stock = await q(
    'SELECT sku_id, warehouse_id, on_hand, allocated, available FROM stock_levels ORDER BY 1, 2',
  );
  return { counts, lines, statuses, items, stock };
}

/** A refused refund: the error, and not one row changed anywhere. */
async function refused(fn: () => Promise<Res>, status: number, code: string, field?: string) {
  const before = await refundWrites();
  const res = await expectNothingWritten(t.tdb, fn);
  expectError(res, status, code, field);
  expect(await refundWrites()).toEqual(before);
}

describe('refunding part of an order', () => {
  it('refunds units of one line at the line’s price: stock, sold and the customer’s count come back', async () => {
    const sale = await twoItemSale();
    const phone = newPhone();
    const order = await placePaid(
      sale,
      [
        { itemId: sale.itemId, quantity: 3 },
        { itemId: sale.item2.itemId, quantity: 2 },
      ],
      { phone },
    );
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 3,
      on_hand: 100,
      allocated: 3,
      available: 97,
    });
    const lineA = lineOf(order, sale.itemId);
    const res = await refund(order.id, {
      reason: '少货 1 箱',
      lines: [{ orderLineId: lineA, quantity: 2 }],
      reference: 'BANK-20260301-7',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { refund: r } = res.json();
    expect(r).toMatchObject({
      orderId: order.id,
      kind: 'refund',
      provider: 'offline',
      reference: 'BANK-20260301-7',
      amountFen: 2 * 990,
      reason: '少货 1 箱',
      fullyRefunded: false,
      lines: [{ orderLineId: lineA, skuId: sale.skuId, quantity: 2, amountFen: 1980 }],
    });
    expect(r.id).toMatch(/^rfd_/);

    expect(await statusOf(order.id)).toBe('paid');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 1,
      on_hand: 100,
      allocated: 1,
      available: 99,
    });
    // The other line did not move.
    expect(await counters(sale.item2.itemId, sale.item2.skuId, sale.warehouseId)).toMatchObject({
      sold: 2,
      allocated: 2,
    });
    expect(await bought(sale.itemId)).toEqual([1]);
    const moves = await q<{ kind: string; quantity: number; reference_id: string }>(
      `SELECT kind, quantity::int, reference_id FROM stock_movements WHERE sku_id = $1 AND kind = 'release'`,
      [sale.skuId],
    );
    expect(moves).toEqual([{ kind: 'release', quantity: 2, reference_id: order.id }]);

    // The detail shows the refund and each line's refunded quantity; the timeline names lines and money.
    const d = await detail(order.id);
    expect(d.lines.map((l: { id: string; refundedQuantity: number }) => [l.id, l.refundedQuantity])).toEqual(
      order.lines.map((l) => [l.id, l.id === lineA ? 2 : 0]),
    );
    expect(d.refunds).toEqual([r]);
    const last = d.timeline.at(-1);
    expect(last).toMatchObject({ fromStatus: 'paid', toStatus: 'paid' });
    expect(last.note).toContain('¥19.80');
    expect(last.note).toContain('×2');
    expect(last.note).toContain('少货 1 箱');

    const [audit] = await q<{ action: string; after: { refundId: string; amountFen: number } }>(
      `SELECT action, after FROM audit_log WHERE entity_id = $1 AND action = 'order.refund'`,
      [order.id],
    );
    expect(audit?.after).toMatchObject({ refundId: r.id, amountFen: 1980 });

    // The event the commission engine reads, exactly.
    const [orderRow] = await q<{ leader_id: string }>('SELECT leader_id FROM orders WHERE id = $1', [
      order.id,
    ]);
    expect(await refundEvents(order.id)).toEqual([
      {
        refundId: r.id,
        orderId: order.id,
        leaderId: orderRow?.leader_id,
        campaignId: sale.campaignId,
        amountFen: 1980,
        fully: false,
        lines: [{ orderLineId: lineA, skuId: sale.skuId, quantity: 2, amountFen: 1980 }],
        at: deps().clock.now().toISOString(),
      },
    ]);
  });

  it('moves the order to refunded when partial refunds add up to every unit, and then refuses more', async () => {
    const sale = await twoItemSale();
    const order = await placePaid(sale, [
      { itemId: sale.itemId, quantity: 3 },
      { itemId: sale.item2.itemId, quantity: 2 },
    ]);
    const a = lineOf(order, sale.itemId);
    const b = lineOf(order, sale.item2.itemId);
    const steps = [
      { lines: [{ orderLineId: a, quantity: 1 }], amount: 990 },
      {
        lines: [
          { orderLineId: b, quantity: 2 },
          { orderLineId: a, quantity: 1 },
        ],
        amount: 3000 + 990,
      },
      { lines: [{ orderLineId: a, quantity: 1 }], amount: 990 },
    ];
    for (const [i, step] of steps.entries()) {
      const res = await refund(order.id, { reason: `第 ${i + 1} 次退款`, lines: step.lines });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().refund.amountFen).toBe(step.amount);
      expect(res.json().refund.fullyRefunded).toBe(i === steps.length - 1);
      // Cash handed back has no serial number: the offline provider numbers it.
      expect(res.json().refund.reference).toMatch(/^OFFLINE-R-/);
    }
    expect(await statusOf(order.id)).toBe('refunded');
    expect((await refundEvents(order.id)).map((e) => e.fully)).toEqual([false, false, true]);
    const d = await detail(order.id);
    expect(d.status).toBe('refunded');
    expect(d.refunds.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)).toBe(d.totalFen);
    expect(d.timeline.at(-1)).toMatchObject({ fromStatus: 'paid', toStatus: 'refunded' });
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({
      sold: 0,
      allocated: 0,
    });
    await refused(
      () => refund(order.id, { reason: 'again', whole: true }),
      409,
      'orders.refund_closed',
      'params.id',
    );
  });

  it('refunds a whole sandbox-paid order through the sandbox provider', async () => {
    const sale = await oneItemSale({ stock: 10, priceFen: 1250 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 4 }], { pay: 'sandbox' });
    // The sandbox makes its own reference; a typed one is refused.
    await refused(
      () => refund(order.id, { reason: '顾客不要了', whole: true, reference: 'typed' }),
      400,
      'orders.reference_not_accepted',
      'body.reference',
    );
    const res = await refund(order.id, { reason: '顾客不要了', whole: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().refund).toMatchObject({
      provider: 'sandbox',
      amountFen: 5000,
      fullyRefunded: true,
      lines: [{ quantity: 4, amountFen: 5000 }],
    });
    expect(res.json().refund.reference).toMatch(/^SANDBOX-R-/);
    expect(await statusOf(order.id)).toBe('refunded');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 0,
      on_hand: 10,
      allocated: 0,
      available: 10,
    });
  });
});

describe('stock goes back only for goods never shipped', () => {
  it('returns a confirmed order’s units, ships only what is left, and refunds shipped goods as money only', async () => {
    const sale = await oneItemSale({ stock: 50, limit: 10 });
    const o1 = await placePaid(sale, [{ itemId: sale.itemId, quantity: 3 }]);
    const o2 = await placePaid(sale, [{ itemId: sale.itemId, quantity: 2 }]);
    // At the cutoff the paid orders are confirmed.
    deps().clock.advance(4 * 3_600_000);
    await advanceCampaigns(deps());
    await deps().bus.drain();
    await login();
    expect(await statusOf(o1.id)).toBe('confirmed');

    const before = await refund(o1.id, {
      reason: '截单后退一件',
      lines: [{ orderLineId: o1.lines[0]?.id, quantity: 1 }],
    });
    expect(before.statusCode, before.body).toBe(201);
    expect(await statusOf(o1.id)).toBe('confirmed');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 4,
      on_hand: 50,
      allocated: 4,
      available: 46,
    });

    const shipped = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
    expect(shipped.json()).toEqual({ shipped: 2 });
    // Four units left the warehouse, not five: the refunded one stayed on sale.
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 4,
      on_hand: 46,
      allocated: 0,
      available: 46,
    });

    const movementsBefore = await q('SELECT count(*)::int AS n FROM stock_movements');
    const after = await refund(o2.id, {
      reason: '破损',
      lines: [{ orderLineId: o2.lines[0]?.id, quantity: 1 }],
    });
    expect(after.statusCode, after.body).toBe(201);
    expect(await statusOf(o2.id)).toBe('shipped');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 4,
      on_hand: 46,
      allocated: 0,
      available: 46,
    });
    expect(await bought(sale.itemId)).toEqual(expect.arrayContaining([2, 2]));
    expect(await q('SELECT count(*)::int AS n FROM stock_movements')).toEqual(movementsBefore);
    expect((await detail(o2.id)).timeline.at(-1).note).not.toContain('back in stock');

    // Delivered, picked up, completed: the last unit is refunded from completed and the order ends refunded.
    await call(t, admin, 'POST', '/api/orders/deliver', {
      campaignId: sale.campaignId,
      pickupPointId: sale.pickupPointId,
    });
    const [{ pickup_code: code } = { pickup_code: '' }] = await q<{ pickup_code: string }>(
      'SELECT pickup_code FROM orders WHERE id = $1',
      [o2.id],
    );
    await call(t, admin, 'POST', '/api/orders/verify-pickup', {
      pickupPointId: sale.pickupPointId,
      pickupCode: code,
    });
    expect((await call(t, admin, 'POST', `/api/orders/${o2.id}/complete`)).statusCode).toBe(204);
    const last = await refund(o2.id, { reason: '售后', whole: true });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json().refund).toMatchObject({ amountFen: 990, fullyRefunded: true });
    expect(await statusOf(o2.id)).toBe('refunded');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({
      on_hand: 46,
      available: 46,
    });
  });

  it('gives a sold-out item and the customer’s limit back, and the item sells again', async () => {
    const sale = await oneItemSale({ cap: 2, limit: 2, stock: 10 });
    const phone = newPhone();
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 2 }], { phone });
    expect((await place(sale, newPhone(), [{ itemId: sale.itemId, quantity: 1 }])).statusCode).toBe(409);
    expectError(await place(sale, phone, [{ itemId: sale.itemId, quantity: 1 }]), 409, 'orders.sold_out');

    const res = await refund(order.id, {
      reason: '退一件',
      lines: [{ orderLineId: order.lines[0]?.id, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({ sold: 1 });
    expect(await bought(sale.itemId, phone)).toEqual([1]);
    // The intake's in-memory sold-out mark lasts a second; then the returned unit sells again, to
    // the same customer (whose limit counts only what they still hold), and only once.
    deps().clock.advance(1_001);
    const again = await place(sale, phone, [{ itemId: sale.itemId, quantity: 1 }]);
    expect(again.statusCode, again.body).toBe(201);
    expectError(
      await place(sale, newPhone(), [{ itemId: sale.itemId, quantity: 1 }]),
      409,
      'orders.sold_out',
    );
    expect(await bought(sale.itemId, phone)).toEqual([2]);
  });
});

describe('idempotency', () => {
  it('answers a replay with the first refund, and refuses the key with a different request', async () => {
    const sale = await oneItemSale({ stock: 10 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 3 }]);
    const other = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }]);
    const k = key();
    const body = { reason: '重复提交', lines: [{ orderLineId: order.lines[0]?.id, quantity: 1 }] };
    const first = await refund(order.id, body, k);
    expect(first.statusCode, first.body).toBe(201);
    const replay = await refund(order.id, body, k);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await q('SELECT count(*)::int AS n FROM order_refunds WHERE order_id = $1', [order.id])).toEqual([
      { n: 1 },
    ]);
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({ sold: 3 });

    await refused(
      () => refund(order.id, { ...body, reason: '另一个原因' }, k),
      422,
      'orders.idempotency_key_reused',
      'headers.idempotency-key',
    );
    await refused(
      () => refund(other.id, { reason: '重复提交', whole: true }, k),
      422,
      'orders.idempotency_key_reused',
      'headers.idempotency-key',
    );
    // A replay still answers after the order changed (here: refunded in full by another request).
    expect((await refund(order.id, { reason: '余下', whole: true })).statusCode).toBe(201);
    expect((await refund(order.id, body, k)).json()).toEqual(first.json());
  });

  it('refunds once when the same request arrives twice at the same moment', async () => {
    const sale = await oneItemSale({ stock: 10 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 3 }]);
    const k = key();
    const body = { reason: '双击', lines: [{ orderLineId: order.lines[0]?.id, quantity: 2 }] };
    const [a, b] = await Promise.all([refund(order.id, body, k), refund(order.id, body, k)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().refund.id).toBe(b.json().refund.id);
    expect((await detail(order.id)).lines[0].refundedQuantity).toBe(2);
  });
});

describe('concurrency', () => {
  it('lets one of two refunds of the last units through and refuses the other', async () => {
    const sale = await twoItemSale();
    const order = await placePaid(sale, [
      { itemId: sale.itemId, quantity: 2 },
      { itemId: sale.item2.itemId, quantity: 1 },
    ]);
    const a = lineOf(order, sale.itemId);
    const body = (reason: string) => ({ reason, lines: [{ orderLineId: a, quantity: 2 }] });
    const results = await Promise.all([refund(order.id, body('一')), refund(order.id, body('二'))]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 422]);
    const loser = results.find((r) => r.statusCode === 422);
    if (loser) expectError(loser, 422, 'orders.refund_exceeds_remaining', 'body.lines.0.quantity');
    expect(await q('SELECT refunded_quantity FROM order_lines WHERE id = $1', [a])).toEqual([
      { refunded_quantity: 2 },
    ]);
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({
      sold: 0,
      allocated: 0,
    });
    expect(await statusOf(order.id)).toBe('paid');

    // Two whole-order refunds at once: one takes what is left and ends the order, the other finds it closed.
    const whole = await Promise.all([
      refund(order.id, { reason: '整单一', whole: true }),
      refund(order.id, { reason: '整单二', whole: true }),
    ]);
    expect(whole.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await statusOf(order.id)).toBe('refunded');
    expect(await q('SELECT count(*)::int AS n FROM order_refunds WHERE order_id = $1', [order.id])).toEqual([
      { n: 2 },
    ]);
  });
});

describe('refunds during a sale', () => {
  it('run beside the intake’s batches and cancels without a deadlock, and the counters add up', async () => {
    const sale = await twoItemSale({ cap: 200, limit: 10 });
    const both = [
      { itemId: sale.itemId, quantity: 2 },
      { itemId: sale.item2.itemId, quantity: 1 },
    ];
    const paid = await Promise.all(Array.from({ length: 12 }, () => placePaid(sale, both)));
    const work: Promise<Res>[] = [];
    for (const [i, o] of paid.entries()) {
      work.push(place(sale, newPhone(), both));
      if (i % 3 === 2)
        work.push(call(t, admin, 'POST', `/api/orders/${o.id}/cancel`, { reason: '并发取消' }));
      else
        work.push(
          refund(o.id, {
            reason: '并发退款',
            lines: o.lines.map((l) => ({ orderLineId: l.id, quantity: 1 })),
          }),
        );
    }
    const answers = await Promise.all(work);
    for (const a of answers) expect([201, 204], a.body).toContain(a.statusCode);
    // Whatever the interleaving: sold = units held by live orders = allocated stock.
    for (const [itemId, skuId] of [
      [sale.itemId, sale.skuId],
      [sale.item2.itemId, sale.item2.skuId],
    ] as const) {
      const [held] = await q<{ n: number }>(
        `SELECT coalesce(sum(l.quantity - l.refunded_quantity), 0)::int AS n FROM order_lines l
         JOIN orders o ON o.id = l.order_id WHERE l.campaign_item_id = $1 AND o.status <> 'cancelled'`,
        [itemId],
      );
      const c = await counters(itemId, skuId, sale.warehouseId);
      expect(c.sold).toBe(held?.n);
      expect(c.allocated).toBe(held?.n);
    }
  });
});

describe('cancelling a paid order', () => {
  it('records the money not yet refunded as one refund, and puts the rest back on sale', async () => {
    const sale = await oneItemSale({ stock: 10, limit: 5 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 3 }]);
    const part = await refund(order.id, {
      reason: '先退一件',
      lines: [{ orderLineId: order.lines[0]?.id, quantity: 1 }],
    });
    expect(part.statusCode, part.body).toBe(201);
    const cancel = await call(t, admin, 'POST', `/api/orders/${order.id}/cancel`, { reason: '顾客电话取消' });
    expect(cancel.statusCode, cancel.body).toBe(204);

    expect(await statusOf(order.id)).toBe('cancelled');
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toEqual({
      sold: 0,
      on_hand: 10,
      allocated: 0,
      available: 10,
    });
    expect(await bought(sale.itemId)).toEqual([0]);
    const d = await detail(order.id);
    expect(
      d.refunds.map((r: { kind: string; amountFen: number; fullyRefunded: boolean }) => [
        r.kind,
        r.amountFen,
        r.fullyRefunded,
      ]),
    ).toEqual([
      ['refund', 990, false],
      ['cancel', 1980, true],
    ]);
    expect(d.refunds[1].provider).toBe('offline');
    expect(d.lines[0].refundedQuantity).toBe(3);
    expect(d.timeline.at(-1).note).toContain('refund due');
    expect(d.timeline.at(-1).toStatus).toBe('cancelled');
    expect((await refundEvents(order.id)).map((e) => [e.amountFen, e.fully])).toEqual([
      [990, false],
      [1980, true],
    ]);
    // Nothing is left to refund on a cancelled order.
    await refused(
      () => refund(order.id, { reason: 'x', whole: true }),
      409,
      'orders.refund_closed',
      'params.id',
    );
  });

  it('makes no refund when an unpaid order is cancelled', async () => {
    const sale = await oneItemSale({ stock: 10 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }], { pay: 'none' });
    expect((await call(t, admin, 'POST', `/api/orders/${order.id}/cancel`, { reason: 'x' })).statusCode).toBe(
      204,
    );
    expect(await q('SELECT count(*)::int AS n FROM order_refunds WHERE order_id = $1', [order.id])).toEqual([
      { n: 0 },
    ]);
    expect(await counters(sale.itemId, sale.skuId, sale.warehouseId)).toMatchObject({
      sold: 0,
      available: 10,
    });
  });
});

describe('bad input: a 4xx naming the field, and nothing written', () => {
  it('refuses every malformed or impossible refund', async () => {
    const sale = await twoItemSale();
    const order = await placePaid(sale, [
      { itemId: sale.itemId, quantity: 2 },
      { itemId: sale.item2.itemId, quantity: 1 },
    ]);
    const other = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }]);
    const unpaid = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }], { pay: 'none' });
    const cancelled = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }], { pay: 'none' });
    await call(t, admin, 'POST', `/api/orders/${cancelled.id}/cancel`, { reason: 'x' });
    const a = lineOf(order, sale.itemId);
    const one = (orderLineId: string, quantity: number) => ({
      reason: '测试',
      lines: [{ orderLineId, quantity }],
    });

    await refused(
      () => refund('ord_00000000000000000000000000', one(a, 1)),
      404,
      'orders.not_found',
      'params.id',
    );
    await refused(
      () => refund(order.id, one('oln_nope', 1)),
      400,
      'orders.refund_line_not_in_order',
      'body.lines.0.orderLineId',
    );
    await refused(
      () => refund(order.id, one(other.lines[0]?.id ?? '', 1)),
      400,
      'orders.refund_line_not_in_order',
      'body.lines.0.orderLineId',
    );
    await refused(
      () => refund(order.id, one(a, 0)),
      400,
      'orders.refund_quantity_invalid',
      'body.lines.0.quantity',
    );
    await refused(
      () => refund(order.id, one(a, -1)),
      400,
      'orders.refund_quantity_invalid',
      'body.lines.0.quantity',
    );
    await refused(
      () => refund(order.id, one(a, 3)),
      422,
      'orders.refund_exceeds_remaining',
      'body.lines.0.quantity',
    );
    await refused(
      () =>
        refund(order.id, {
          reason: '重复',
          lines: [
            { orderLineId: a, quantity: 1 },
            { orderLineId: a, quantity: 1 },
          ],
        }),
      400,
      'orders.refund_line_duplicate',
      'body.lines.1.orderLineId',
    );
    await refused(
      () => refund(unpaid.id, { reason: 'x', whole: true }),
      409,
      'orders.refund_not_paid',
      'params.id',
    );
    await refused(
      () => refund(cancelled.id, { reason: 'x', whole: true }),
      409,
      'orders.refund_closed',
      'params.id',
    );
    await refused(
      () => refund(order.id, { lines: [{ orderLineId: a, quantity: 1 }] }),
      400,
      'request.invalid',
      'body.reason',
    );
    await refused(
      () => refund(order.id, { ...one(a, 1), reason: '   ' }),
      400,
      'orders.refund_reason_required',
      'body.reason',
    );
    await refused(
      () => refund(order.id, one(a, 1), null),
      400,
      'orders.idempotency_key_required',
      'headers.idempotency-key',
    );
    await refused(
      () => refund(order.id, one(a, 1), 'short'),
      400,
      'orders.idempotency_key_required',
      'headers.idempotency-key',
    );
    await refused(() => refund(order.id, { reason: 'x' }), 400, 'orders.refund_lines_required', 'body.lines');
    await refused(
      () => refund(order.id, { reason: 'x', lines: [] }),
      400,
      'orders.refund_lines_required',
      'body.lines',
    );
    await refused(
      () => refund(order.id, { ...one(a, 1), whole: true }),
      400,
      'orders.refund_lines_required',
      'body.lines',
    );
    // The server prices refunds: an amount sent by the client is refused, not trusted.
    await refused(
      () => refund(order.id, { ...one(a, 1), amountFen: 1 }),
      400,
      'request.invalid',
      'body.amountFen',
    );
    await refused(
      () => refund(order.id, { reason: 'x', lines: [{ orderLineId: a, quantity: 1, amountFen: 1 }] }),
      400,
      'request.invalid',
      'body.lines.0.amountFen',
    );
    // A role without orders.refund.
    const warehouse = await sessionFor(t, ['warehouse']);
    await refused(() => refund(order.id, one(a, 1), key(), warehouse), 403, 'auth.forbidden');
  });

  it('keeps refunds append-only in the database itself', async () => {
    const sale = await oneItemSale({ stock: 10 });
    const order = await placePaid(sale, [{ itemId: sale.itemId, quantity: 1 }]);
    expect((await refund(order.id, { reason: 'x', whole: true })).statusCode).toBe(201);
    await expect(
      q(`UPDATE order_refunds SET amount_fen = 0 WHERE order_id = $1`, [order.id]),
    ).rejects.toThrow(/permission denied/);
    // Not even the tables' owner: the trigger refuses it.
    await expect(
      ownerQuery(t.tdb, `UPDATE order_refunds SET amount_fen = 0 WHERE order_id = $1`, [order.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ownerQuery(t.tdb, 'DELETE FROM order_refund_lines')).rejects.toThrow(/append-only/);
    // And a line can never carry more refunded units than it has.
    await expect(
      q('UPDATE order_lines SET refunded_quantity = quantity + 1 WHERE order_id = $1', [order.id]),
    ).rejects.toThrow(/order_lines_refunded_check/);
  });
});
