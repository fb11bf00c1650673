import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { expectError } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let keySeq = 0;
const key = () => `sf-key-${Date.now()}-${++keySeq}`;

async function place(sale: Sale, phone: string, quantity: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': key() },
    payload: orderBody(sale, phone, quantity),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ order: { id: string; pickupCode: string } }>().order;
}

const view = (sale: Sale, leader = sale.leaderCode, id = sale.campaignId) =>
  t.app.inject({
    method: 'GET',
    url: `/api/storefront/campaigns/${id}?leader=${encodeURIComponent(leader)}`,
  });

const myOrders = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/storefront/my-orders', payload });

async function leaderPhone(code: string): Promise<string> {
  const { rows } = await t.tdb.deps.pool.query<{ phone_enc: string }>(
    'SELECT phone_enc FROM leaders WHERE code = $1',
    [code],
  );
  return t.tdb.deps.crypto.decrypt(rows[0]?.phone_enc ?? '');
}

describe('the storefront campaign view', () => {
  it('shows the campaign, leader, pickup points and items with remaining stock, never the leader’s phone', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 10, limit: 5, priceFen: 990 });
    const before = await view(sale);
    expect(before.statusCode, before.body).toBe(200);
    const body = before.json();
    expect(body.campaign).toMatchObject({
      id: sale.campaignId,
      openForOrders: true,
      state: expect.any(String),
    });
    expect(Date.parse(body.campaign.serverNow)).toBe(t.tdb.deps.clock.now().getTime());
    expect(body.leader).toEqual({ name: expect.any(String), code: sale.leaderCode });
    expect(body.pickupPoints).toEqual([
      expect.objectContaining({
        id: sale.pickupPointId,
        name: '西湖花园 3 幢',
        address: '西湖区文三路 1 号',
      }),
    ]);
    expect(body.items).toEqual([
      expect.objectContaining({ itemId: sale.itemId, priceFen: 990, perCustomerLimit: 5, remaining: 10 }),
    ]);
    expect(body.items[0].productName.length).toBeGreaterThan(0);

    await place(sale, newPhone(), 3);
    await place(sale, newPhone(), 2);
    const after = await view(sale);
    expect(after.json().items[0].remaining).toBe(5);

    const phone = await leaderPhone(sale.leaderCode);
    expect(phone).toMatch(/^1\d{10}$/);
    expect(after.body).not.toContain(phone);
    expect(after.body).not.toMatch(/phone/i);
    // The leader code is case-insensitive, as on the order.
    expect((await view(sale, sale.leaderCode.toLowerCase())).statusCode).toBe(200);
  });

  it('answers 404 for an unknown campaign or leader, or a draft or cancelled campaign; 422 when the leader may not sell', async () => {
    const sale = await arrangeSale(t.tdb);
    expectError(await view(sale, sale.leaderCode, 'campaign_nope'), 404, 'orders.campaign_not_found');
    expectError(await view(sale, 'ZZZZZZ'), 404, 'orders.storefront_leader_not_found', 'query.leader');
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/storefront/campaigns/${sale.campaignId}` }),
      400,
      'request.invalid',
    );

    const pool = t.tdb.deps.pool;
    await pool.query(
      `UPDATE campaigns SET sell_to = 'regions', region_ids = '{region_elsewhere}' WHERE id = $1`,
      [sale.campaignId],
    );
    expectError(await view(sale), 422, 'orders.leader_may_not_sell');
    await pool.query(`UPDATE campaigns SET sell_to = 'all', region_ids = '{}' WHERE id = $1`, [
      sale.campaignId,
    ]);

    await pool.query(`UPDATE leaders SET status = 'suspended' WHERE code = $1`, [sale.leaderCode]);
    expectError(await view(sale), 404, 'orders.storefront_leader_not_found');
    await pool.query(`UPDATE leaders SET status = 'active' WHERE code = $1`, [sale.leaderCode]);

    for (const state of ['draft', 'cancelled']) {
      await pool.query('UPDATE campaigns SET state = $2 WHERE id = $1', [sale.campaignId, state]);
      expectError(await view(sale), 404, 'orders.campaign_not_found');
    }
  });
});

describe('my orders', () => {
  it('lists the phone’s orders, newest first, only with a pickup code of one of them', async () => {
    const sale = await arrangeSale(t.tdb, { priceFen: 500 });
    const phone = newPhone();
    const first = await place(sale, phone, 1);
    t.tdb.deps.clock.advance(1000);
    const second = await place(sale, phone, 2);
    const stranger = await place(sale, newPhone(), 1);

    const res = await myOrders({ phone, pickupCode: first.pickupCode });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    expect(items.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
    expect(items[0]).toMatchObject({
      status: 'pending_payment',
      totalFen: 1000,
      itemCount: 2,
      pickupCode: second.pickupCode,
      pickupPointName: '西湖花园 3 幢',
      campaignName: expect.any(String),
      lines: [expect.objectContaining({ quantity: 2, unitPriceFen: 500, amountFen: 1000 })],
    });
    expect(res.body).not.toContain(stranger.id);
    // With spaces and a country code the number is the same customer.
    expect((await myOrders({ phone: `+86 ${phone}`, pickupCode: second.pickupCode })).statusCode).toBe(200);
  });

  it('answers the same 404 for a wrong code, another customer’s code and an unknown phone', async () => {
    const sale = await arrangeSale(t.tdb);
    const phone = newPhone();
    const mine = await place(sale, phone, 1);
    const theirs = await place(sale, newPhone(), 1);
    const wrong = mine.pickupCode === '000000' ? '000001' : '000000';
    const answers = [
      await myOrders({ phone, pickupCode: wrong }),
      await myOrders({
        phone,
        pickupCode: theirs.pickupCode === mine.pickupCode ? wrong : theirs.pickupCode,
      }),
      await myOrders({ phone: newPhone(), pickupCode: mine.pickupCode }),
      await myOrders({ phone: '12345', pickupCode: mine.pickupCode }),
    ];
    const messages = answers.map((r) => expectError(r, 404, 'orders.my_orders_not_found').message);
    expect(new Set(messages).size).toBe(1);
    for (const r of answers) {
      expect(r.body).not.toContain(mine.id);
      expect(r.body).not.toContain(theirs.id);
    }
    expectError(await myOrders({ phone }), 400, 'request.invalid');
  });
});
