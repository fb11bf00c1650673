import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCampaigns } from '../../src/modules/campaigns/index.js';
import { expireUnpaidOrders, orderPages, registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError } from './support.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
});

/** Arranging a sale moves the test clock past the sale's start, so the admin logs in afterwards. */
async function sale(opts: Parameters<typeof arrangeSale>[1] = {}): Promise<Sale> {
  const s = await arrangeSale(t.tdb, opts);
  admin = await sessionFor(t, ['admin']);
  return s;
}
afterAll(() => t.close());

let seq = 0;
async function place(sale: Sale, phone: string, quantity = 1) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `life-${Date.now()}-${++seq}` },
    payload: orderBody(sale, phone, quantity),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().order.id as string;
}

async function state(sale: Sale, orderId: string) {
  const db = t.tdb.deps.pool;
  const o = await db.query('SELECT status FROM orders WHERE id = $1', [orderId]);
  const item = await db.query('SELECT sold FROM campaign_items WHERE id = $1', [sale.itemId]);
  const stock = await db.query(
    'SELECT allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
    [sale.skuId, sale.warehouseId],
  );
  return { status: o.rows[0]?.status, sold: item.rows[0]?.sold, ...stock.rows[0] };
}

const detail = async (id: string) => (await call(t, admin, 'GET', `/api/orders/${id}`)).json();

describe('the order lifecycle', () => {
  it('records an offline payment with its reference and shows it on the timeline', async () => {
    const s = await sale({ stock: 100 });
    const id = await place(s, newPhone(), 2);
    expect(
      (await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: '微信转账 0042' }))
        .statusCode,
    ).toBe(204);
    const d = await detail(id);
    expect(d.status).toBe('paid');
    expect(d.payments).toMatchObject([
      { provider: 'offline', amountFen: d.totalFen, reference: '微信转账 0042' },
    ]);
    expect(d.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual(['pending_payment', 'paid']);
    expect(d.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expectError(
      await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: 'again' }),
      409,
      'orders.illegal_transition',
    );
  });

  it('lets the customer cancel before paying, giving the stock and the limit back', async () => {
    const s = await sale({ stock: 10, limit: 2 });
    const phone = newPhone();
    const id = await place(s, phone, 2);
    expect(await state(s, id)).toMatchObject({ sold: 2, allocated: 2, available: 8 });
    expectError(
      await call(t, null, 'POST', `/api/orders/${id}/customer-cancel`, { phone: newPhone() }),
      404,
      'orders.not_found',
    );
    expect((await call(t, null, 'POST', `/api/orders/${id}/customer-cancel`, { phone })).statusCode).toBe(
      204,
    );
    expect(await state(s, id)).toEqual({ status: 'cancelled', sold: 0, allocated: 0, available: 10 });
    // The per-customer limit counts only what the customer still holds.
    await place(s, phone, 2);
  });

  it('pays through the sandbox only for the order’s own customer, and then refuses a customer cancel', async () => {
    const s = await sale();
    const phone = newPhone();
    const id = await place(s, phone);
    expectError(
      await call(t, null, 'POST', `/api/orders/${id}/sandbox-pay`, { phone: newPhone() }),
      404,
      'orders.not_found',
    );
    expect((await call(t, null, 'POST', `/api/orders/${id}/sandbox-pay`, { phone })).statusCode).toBe(204);
    expect((await detail(id)).payments[0].provider).toBe('sandbox');
    expectError(
      await call(t, null, 'POST', `/api/orders/${id}/customer-cancel`, { phone }),
      409,
      'orders.illegal_transition',
    );
  });

  it('lets an operator cancel a paid order: stock returns and the timeline says a refund is due', async () => {
    const s = await sale({ stock: 5 });
    const id = await place(s, newPhone());
    await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: 'cash' });
    expect(
      (await call(t, admin, 'POST', `/api/orders/${id}/cancel`, { reason: '顾客电话要求取消' })).statusCode,
    ).toBe(204);
    expect(await state(s, id)).toEqual({ status: 'cancelled', sold: 0, allocated: 0, available: 5 });
    const last = (await detail(id)).timeline.at(-1);
    expect(last.note).toContain('refund due');
  });

  it('cancels unpaid orders when their payment deadline passes', async () => {
    const s = await sale({ stock: 5 });
    const unpaid = await place(s, newPhone());
    const paid = await place(s, newPhone());
    await call(t, admin, 'POST', `/api/orders/${paid}/mark-paid`, { reference: 'cash' });
    // Orders of earlier tests may be due already; this one is not.
    await expireUnpaidOrders(t.tdb.deps);
    expect((await state(s, unpaid)).status).toBe('pending_payment');
    t.tdb.deps.clock.advance(31 * 60_000);
    expect((await expireUnpaidOrders(t.tdb.deps)).cancelled).toBeGreaterThanOrEqual(1);
    expect((await state(s, unpaid)).status).toBe('cancelled');
    expect((await state(s, paid)).status).toBe('paid');
    expect(await state(s, paid)).toMatchObject({ sold: 1, allocated: 1, available: 4 });
  });

  it('gives each order its campaign’s payment window (付款时限) and expires it then', async () => {
    const s = await sale({ stock: 5 });
    await t.tdb.deps.pool.query('UPDATE campaigns SET payment_minutes = 10 WHERE id = $1', [s.campaignId]);
    const id = await place(s, newPhone());
    const d = await detail(id);
    expect(new Date(d.paymentDueAt).getTime() - new Date(d.placedAt).getTime()).toBe(10 * 60_000);
    t.tdb.deps.clock.advance(9 * 60_000);
    await expireUnpaidOrders(t.tdb.deps);
    expect((await state(s, id)).status).toBe('pending_payment');
    t.tdb.deps.clock.advance(61_000);
    await expireUnpaidOrders(t.tdb.deps);
    expect(await state(s, id)).toMatchObject({ status: 'cancelled', sold: 0, available: 5 });
  });

  it('expires a flash sale’s whole unpaid tail in one run, round after round, oldest deadline first', async () => {
    const s = await sale({ stock: 20 });
    await expireUnpaidOrders(t.tdb.deps); // orders of earlier tests
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await place(s, newPhone()));
    expect(await state(s, ids[0] ?? '')).toMatchObject({ sold: 7, allocated: 7, available: 13 });
    t.tdb.deps.clock.advance(31 * 60_000);

    // No budget left after the first round: that round's 3 (the oldest deadlines), the rest next run.
    const first = await expireUnpaidOrders(t.tdb.deps, { batch: 3, budgetMs: 0 });
    expect(first).toEqual({ cancelled: 3, rounds: 1 });
    const statuses = async () =>
      (
        await t.tdb.deps.pool.query<{ id: string; status: string }>(
          'SELECT id, status FROM orders WHERE id = ANY($1::text[])',
          [ids],
        )
      ).rows;
    const afterFirst = new Map((await statuses()).map((r) => [r.id, r.status]));
    expect(ids.map((id) => afterFirst.get(id))).toEqual([
      ...Array(3).fill('cancelled'),
      ...Array(4).fill('pending_payment'),
    ]);

    // With time left it goes on until none is due: 3 + 1 orders, and a round that finds 0.
    expect(await expireUnpaidOrders(t.tdb.deps, { batch: 3 })).toEqual({ cancelled: 4, rounds: 2 });
    expect((await statuses()).every((r) => r.status === 'cancelled')).toBe(true);
    expect(await state(s, ids[0] ?? '')).toMatchObject({ sold: 0, allocated: 0, available: 20 });
  });

  it('expires beside new orders and payments: each order paid or cancelled, every counter agreeing', async () => {
    const s = await sale({ stock: 200, limit: 10 });
    await expireUnpaidOrders(t.tdb.deps); // orders of earlier tests
    const phones = Array.from({ length: 6 }, () => newPhone());
    const due: string[] = [];
    for (let i = 0; i < 24; i++) due.push(await place(s, phones[i % 6] ?? '', 1 + (i % 2)));
    t.tdb.deps.clock.advance(31 * 60_000);

    const payers = due.filter((_, i) => i % 5 === 0);
    const [expired, , paid] = await Promise.all([
      expireUnpaidOrders(t.tdb.deps, { batch: 4 }),
      Promise.all(Array.from({ length: 10 }, (_, i) => place(s, phones[i % 6] ?? ''))),
      Promise.all(
        payers.map((id) => call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: 'race' })),
      ),
    ]);
    const { rows } = await t.tdb.deps.pool.query<{ id: string; status: string; units: number }>(
      `SELECT o.id, o.status, sum(l.quantity)::int AS units FROM orders o JOIN order_lines l ON l.order_id = o.id
       WHERE l.campaign_item_id = $1 GROUP BY o.id, o.status`,
      [s.itemId],
    );
    const status = new Map(rows.map((r) => [r.id, r.status]));
    // A payment that came first keeps its order; one that came after the expiry is refused.
    for (const [i, id] of payers.entries()) {
      const res = paid[i];
      if (res?.statusCode === 204) expect(status.get(id)).toBe('paid');
      else {
        expect(res?.statusCode).toBe(409);
        expect(status.get(id)).toBe('cancelled');
      }
    }
    for (const id of due.filter((id) => !payers.includes(id))) expect(status.get(id)).toBe('cancelled');
    expect(expired.cancelled).toBe(rows.filter((r) => r.status === 'cancelled').length);
    expect(rows.filter((r) => r.status === 'pending_payment')).toHaveLength(10);

    const live = rows.filter((r) => r.status !== 'cancelled').reduce((a, r) => a + r.units, 0);
    const [first] = due;
    expect(await state(s, first ?? '')).toMatchObject({ sold: live, allocated: live, available: 200 - live });
    const bought = await t.tdb.deps.pool.query<{ n: number }>(
      'SELECT coalesce(sum(bought), 0)::int AS n FROM order_customer_item_counts WHERE campaign_item_id = $1',
      [s.itemId],
    );
    expect(bought.rows[0]?.n).toBe(live);
    const released = await t.tdb.deps.pool.query<{ n: number }>(
      `SELECT coalesce(sum(quantity), 0)::int AS n FROM stock_movements
       WHERE kind = 'release' AND reference_id = ANY($1::text[])`,
      [rows.filter((r) => r.status === 'cancelled').map((r) => r.id)],
    );
    expect(released.rows[0]?.n).toBe(
      rows.filter((r) => r.status === 'cancelled').reduce((a, r) => a + r.units, 0),
    );
  });

  it('confirms paid orders when their campaign closes at the cutoff, through the campaign.closed event', async () => {
    const s = await sale();
    const id = await place(s, newPhone());
    await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: 'cash' });
    t.tdb.deps.clock.advance(4 * 3_600_000);
    await advanceCampaigns(t.tdb.deps);
    await t.tdb.deps.bus.drain();
    admin = await sessionFor(t, ['admin']);
    const d = await detail(id);
    expect(d.status).toBe('confirmed');
    expect(d.timeline.at(-1)).toMatchObject({
      fromStatus: 'paid',
      toStatus: 'confirmed',
      note: 'campaign cutoff',
    });
  });

  it('lists orders by status, campaign and phone, masked, and refuses a malformed phone filter', async () => {
    const s = await sale();
    const phone = newPhone();
    const id = await place(s, phone);
    const byPhone = (await call(t, admin, 'GET', `/api/orders?phone=${phone}`)).json();
    expect(byPhone.items.map((o: { id: string }) => o.id)).toEqual([id]);
    expect(JSON.stringify(byPhone)).not.toContain(phone);
    const byCampaign = (
      await call(t, admin, 'GET', `/api/orders?campaignId=${s.campaignId}&status=pending_payment`)
    ).json();
    expect(byCampaign.total).toBe(1);
    expectError(
      await call(t, admin, 'GET', '/api/orders?phone=123'),
      400,
      'orders.phone_invalid',
      'query.phone',
    );
  });

  it('exports the filtered list as xlsx with masked phones and a total', async () => {
    const s = await sale();
    const phone = newPhone();
    await place(s, phone, 2);
    await place(s, newPhone(), 1);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/orders/export?campaignId=${s.campaignId}`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/orders-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(1 + 2 + 1);
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).not.toContain(phone);
    expect(text).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(text).toContain('合计 Total: 2');
    const footer = ws?.getRow(4);
    expect(footer?.getCell(10).value).toBe(3);
    const amounts = [2, 3].map((n) => Number(ws?.getRow(n).getCell(11).value));
    expect(Number(footer?.getCell(11).value)).toBeCloseTo((amounts[0] ?? 0) + (amounts[1] ?? 0), 2);
    expect(ws?.getRow(1).getCell(1).value).toBe('订单号 Order');

    // A malformed phone filter is refused before anything is sent.
    expectError(
      await call(t, admin, 'GET', '/api/orders/export?phone=123'),
      400,
      'orders.phone_invalid',
      'query.phone',
    );
  });

  it('pages the export by (placed_at, id): every order once, in the list’s order, ties included', async () => {
    const s = await sale({ stock: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await place(s, newPhone()));
    // Orders of one batch share their placed_at, to the microsecond: make ties, and one that differs
    // from them only below the millisecond (a JavaScript Date would lose it).
    await t.tdb.deps.pool.query(
      `UPDATE orders SET placed_at = CASE WHEN id = ANY($2::text[]) THEN '2026-03-01 10:00:00.123456+00'::timestamptz
                                          ELSE '2026-03-01 10:00:00.123999+00'::timestamptz END
       WHERE id = ANY($1::text[])`,
      [ids, ids.slice(0, 5)],
    );
    const listed = (
      await call(t, admin, 'GET', `/api/orders?campaignId=${s.campaignId}&pageSize=100`)
    ).json();
    const expected = listed.items.map((o: { id: string }) => o.id);
    expect(expected).toHaveLength(7);
    for (const size of [1, 2, 3, 7, 100]) {
      const seen: string[] = [];
      await orderPages(
        t.tdb.deps.crypto,
        { campaignId: s.campaignId },
        size,
      )(t.tdb.deps.db, async (page) => {
        expect(page.length).toBeLessThanOrEqual(size);
        seen.push(...page.map((o) => o.id));
      });
      expect(seen, `page size ${size}`).toEqual(expected);
    }
  });

  it('merges a customer’s paid orders at one pickup point and day into one bag (合单)', async () => {
    const s = await sale();
    const phone = newPhone();
    const first = await place(s, phone, 1);
    const second = await place(s, phone, 2);
    const other = await place(s, newPhone(), 1);
    const cancelled = await place(s, phone, 1);
    await call(t, admin, 'POST', `/api/orders/${cancelled}/cancel`, { reason: 'test' });
    for (const id of [first, second, other]) {
      const paid = await call(t, admin, 'POST', `/api/orders/${id}/mark-paid`, { reference: `转账 ${id}` });
      expect(paid.statusCode, paid.body).toBe(204);
    }
    // Unpaid orders may still expire or be cancelled: they are not packed, not even into a paid bag.
    const unpaid = await place(s, phone, 1);
    await place(s, newPhone(), 1);
    const day = (
      await t.tdb.deps.pool.query('SELECT delivery_date::text AS d FROM campaigns WHERE id = $1', [
        s.campaignId,
      ])
    ).rows[0]?.d;
    const res = await call(
      t,
      admin,
      'GET',
      `/api/orders/bags?pickupPointId=${s.pickupPointId}&deliveryDate=${day}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const bags = res.json().items as { orderIds: string[]; units: number; phoneMasked: string }[];
    expect(bags).toHaveLength(2);
    const mine = bags.find((b) => b.orderIds.includes(first));
    expect(mine?.orderIds.sort()).toEqual([first, second].sort());
    expect(mine?.units).toBe(3);
    expect(bags.flatMap((b) => b.orderIds)).not.toContain(unpaid);
    expect(mine?.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expectError(
      await call(t, admin, 'GET', `/api/orders/bags?pickupPointId=${s.pickupPointId}&deliveryDate=tomorrow`),
      400,
      'request.invalid',
      'query.deliveryDate',
    );
  });
});
