import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError } from './support.js';

/**
 * The order intake judges every order by the risk policy (风控规则) held in memory: an order that
 * trips a check is accepted on hold (stock kept, a hold in the review queue) instead of going to
 * payment. And a leader who has not signed the current agreement cannot sell.
 */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
});
afterAll(() => t.close());

let seq = 0;
function place(body: object) {
  seq += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `risk-intake-${Date.now()}-${seq}` },
    payload: body,
  });
}

async function setPolicy(policy: object) {
  const res = await call(t, admin, 'PUT', '/api/risk/policy', policy);
  expect(res.statusCode, res.body).toBe(200);
}

async function holdOf(orderId: string) {
  const r = await t.tdb.deps.pool.query<{ status: string; reasons: { code: string }[] }>(
    'SELECT status, reasons FROM risk_holds WHERE order_id = $1',
    [orderId],
  );
  return r.rows[0];
}

describe('risk checks at intake', () => {
  let sale: Sale;
  beforeAll(async () => {
    sale = await arrangeSale(t.tdb, { cap: 1000, limit: 50, stock: 1000 });
    // Arranging a sale moves the test clock past the admin's idle timeout: log in again.
    admin = await sessionFor(t, ['admin']);
  });
  afterAll(() =>
    setPolicy({ enabled: false, maxQuantityPerOrder: null, maxOrdersPerPhonePerCampaign: null }),
  );

  it('holds an order above the quantity limit, keeping its stock, and lets a smaller one through', async () => {
    await setPolicy({ enabled: true, maxQuantityPerOrder: 5, maxOrdersPerPhonePerCampaign: null });
    const big = await place(orderBody(sale, newPhone(), 6));
    expect(big.statusCode, big.body).toBe(201);
    const held = big.json().order;
    expect(held.status).toBe('on_hold');
    expect((await holdOf(held.id))?.reasons.map((r) => r.code)).toEqual(['quantity_over_limit']);
    const timeline = await t.tdb.deps.pool.query(
      'SELECT to_status, note FROM order_events WHERE order_id = $1',
      [held.id],
    );
    expect(timeline.rows[0]).toMatchObject({ to_status: 'on_hold' });
    expect(timeline.rows[0]?.note).toContain('6');
    const small = await place(orderBody(sale, newPhone(), 5));
    expect(small.json().order.status).toBe('pending_payment');
    const sold = await t.tdb.deps.pool.query('SELECT sold::int FROM campaign_items WHERE id = $1', [
      sale.itemId,
    ]);
    expect(sold.rows[0]?.sold).toBe(11);
  });

  it('holds the orders of one phone past N in a campaign, also when they arrive together', async () => {
    await setPolicy({ enabled: true, maxQuantityPerOrder: null, maxOrdersPerPhonePerCampaign: 2 });
    const phone = newPhone();
    const results = await Promise.all(Array.from({ length: 5 }, () => place(orderBody(sale, phone, 1))));
    const statuses = results.map((r) => r.json().order.status).sort();
    expect(statuses).toEqual(['on_hold', 'on_hold', 'on_hold', 'pending_payment', 'pending_payment']);
    const counted = await t.tdb.deps.pool.query(
      'SELECT orders FROM order_customer_campaign_counts WHERE phone_hash = $1 AND campaign_id = $2',
      [t.tdb.deps.crypto.hash(phone), sale.campaignId],
    );
    expect(counted.rows[0]?.orders).toBe(5);
  });

  it('holds orders from a blocked phone and to a blocked address', async () => {
    await setPolicy({ enabled: true, maxQuantityPerOrder: null, maxOrdersPerPhonePerCampaign: null });
    const phone = newPhone();
    const blocked = await call(t, admin, 'POST', '/api/risk/blocklist', {
      kind: 'phone',
      value: phone,
      reason: 'chargebacks',
    });
    expect(blocked.statusCode, blocked.body).toBe(201);
    const res = await place(orderBody(sale, phone, 1));
    expect(res.json().order.status).toBe('on_hold');
    expect((await holdOf(res.json().order.id))?.reasons.map((r) => r.code)).toEqual(['blocked_phone']);

    const address = await call(t, admin, 'POST', '/api/risk/blocklist', {
      kind: 'address',
      value: '文三路1号',
      reason: 'fake pickup point',
    });
    expect(address.statusCode, address.body).toBe(201);
    const other = await place(orderBody(sale, newPhone(), 1));
    expect(other.json().order.status).toBe('on_hold');
    expect((await holdOf(other.json().order.id))?.reasons.map((r) => r.code)).toEqual(['blocked_address']);
  });

  it('holds nothing once the policy is switched off', async () => {
    await setPolicy({ enabled: false, maxQuantityPerOrder: 1, maxOrdersPerPhonePerCampaign: 1 });
    const res = await place(orderBody(sale, newPhone(), 3));
    expect(res.json().order.status).toBe('pending_payment');
  });
});

describe('the leader agreement', () => {
  it('refuses orders through a leader who has not signed the current agreement', async () => {
    const sale = await arrangeSale(t.tdb);
    const leader = await t.tdb.deps.pool.query<{ id: string }>('SELECT id FROM leaders WHERE code = $1', [
      sale.leaderCode,
    ]);
    // A current agreement the leader has not signed (this file's database is its own; the template
    // stays, which is why this test runs last).
    await t.tdb.deps.pool.query(
      `INSERT INTO agreement_templates (id, version, title, body, body_sha256, published_at, published_by,
                                        effective_at)
       VALUES ('agt_TESTUNSIGNED0000000000000', 900001, 'T', 'text', 'x', $1, 'test', $1)`,
      [t.tdb.deps.clock.now().toISOString()],
    );
    expect(leader.rows[0]?.id).toBeTruthy();
    expectError(
      await place(orderBody(sale, newPhone(), 1)),
      422,
      'orders.leader_agreement_unsigned',
      'body.leaderCode',
    );
  });
});
