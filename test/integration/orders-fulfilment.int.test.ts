import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCampaigns } from '../../src/modules/campaigns/index.js';
import { registerOrderSubscribers } from '../../src/modules/orders/index.js';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError, expectNothingWritten } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
});
afterAll(() => t.close());

let seq = 0;
async function placePaid(sale: Sale, admin: Session, quantity = 1) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `ful-${Date.now()}-${++seq}` },
    payload: orderBody(sale, newPhone(), quantity),
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json().order as { id: string; pickupCode: string };
  expect(
    (await call(t, admin, 'POST', `/api/orders/${order.id}/mark-paid`, { reference: 'cash' })).statusCode,
  ).toBe(204);
  return order;
}

async function stock(sale: Sale) {
  const r = await t.tdb.deps.pool.query(
    'SELECT on_hand::int, allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
    [sale.skuId, sale.warehouseId],
  );
  return r.rows[0];
}

describe('fulfilment: ship, deliver, verify the pickup code, complete', () => {
  it('takes a campaign from the warehouse to the customer’s hands', async () => {
    const sale = await arrangeSale(t.tdb, { stock: 50 });
    let admin = await sessionFor(t, ['admin']);
    const a = await placePaid(sale, admin, 2);
    const b = await placePaid(sale, admin, 3);
    // At the cutoff the paid orders are confirmed (campaign.closed → orders.confirm-at-cutoff).
    t.tdb.deps.clock.advance(4 * 3_600_000);
    await advanceCampaigns(t.tdb.deps);
    await t.tdb.deps.bus.drain();
    admin = await sessionFor(t, ['admin']);

    const shipped = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
    expect(shipped.json()).toEqual({ shipped: 2 });
    expect(await stock(sale)).toEqual({ on_hand: 45, allocated: 0, available: 45 });

    const delivered = await call(t, admin, 'POST', '/api/orders/deliver', {
      campaignId: sale.campaignId,
      pickupPointId: sale.pickupPointId,
    });
    expect(delivered.json()).toEqual({ delivered: 2 });

    // The leader of this pickup point verifies a's code; a leader of another point cannot.
    const leaderUser = await makeUser(t.tdb, ['leader']);
    await t.tdb.deps.pool.query('UPDATE leaders SET user_id = $1 WHERE code = $2', [
      leaderUser.id,
      sale.leaderCode,
    ]);
    const own = await loginAs(t.app, leaderUser.username, leaderUser.password);
    const stranger = await sessionFor(t, ['leader']);
    expectError(
      await call(t, stranger, 'POST', '/api/orders/verify-pickup', {
        pickupPointId: sale.pickupPointId,
        pickupCode: a.pickupCode,
      }),
      400,
      'orders.pickup_point_invalid',
      'body.pickupPointId',
    );
    expectError(
      await call(t, own, 'POST', '/api/orders/verify-pickup', {
        pickupPointId: sale.pickupPointId,
        pickupCode: a.pickupCode === '000000' ? '000001' : '000000',
      }),
      400,
      'orders.pickup_code_invalid',
      'body.pickupCode',
    );
    const verified = await call(t, own, 'POST', '/api/orders/verify-pickup', {
      pickupPointId: sale.pickupPointId,
      pickupCode: a.pickupCode,
    });
    expect(verified.json().orderIds).toContain(a.id);
    // A code works once.
    const again = await call(t, own, 'POST', '/api/orders/verify-pickup', {
      pickupPointId: sale.pickupPointId,
      pickupCode: a.pickupCode,
    });
    expect(again.statusCode === 400 || !again.json().orderIds.includes(a.id)).toBe(true);

    expect((await call(t, admin, 'POST', `/api/orders/${a.id}/complete`, {})).statusCode).toBe(204);
    expectError(
      await call(t, admin, 'POST', `/api/orders/${b.id}/complete`, {}),
      409,
      'orders.illegal_transition',
    );
    const detail = (await call(t, admin, 'GET', `/api/orders/${a.id}`)).json();
    expect(detail.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'pending_payment',
      'paid',
      'confirmed',
      'shipped',
      'delivered',
      'picked_up',
      'completed',
    ]);
  });

  it('refuses a leader without a login link and a malformed code', async () => {
    const sale = await arrangeSale(t.tdb);
    const leader = await sessionFor(t, ['leader']);
    expectError(
      await call(t, leader, 'POST', '/api/orders/verify-pickup', {
        pickupPointId: sale.pickupPointId,
        pickupCode: '12ab56',
      }),
      400,
      'request.invalid',
      'body.pickupCode',
    );
    expectError(
      await call(t, leader, 'POST', '/api/orders/ship', { campaignId: sale.campaignId }),
      403,
      'auth.forbidden',
    );
  });

  it('answers an unknown campaign or pickup point with 404 naming the field, and moves nothing', async () => {
    const sale = await arrangeSale(t.tdb, { stock: 5 });
    const admin = await sessionFor(t, ['admin']);
    const missingCampaign = 'cmp_00000000000000000000000000';
    const missingPoint = 'pp_00000000000000000000000000';
    const cases: Array<[string, object, string, string]> = [
      ['/api/orders/ship', { campaignId: missingCampaign }, 'orders.campaign_not_found', 'body.campaignId'],
      [
        '/api/orders/deliver',
        { campaignId: missingCampaign, pickupPointId: sale.pickupPointId },
        'orders.campaign_not_found',
        'body.campaignId',
      ],
      [
        '/api/orders/deliver',
        { campaignId: sale.campaignId, pickupPointId: missingPoint },
        'orders.pickup_point_not_found',
        'body.pickupPointId',
      ],
    ];
    for (const [url, body, code, field] of cases) {
      const res = await expectNothingWritten(t.tdb, () => call(t, admin, 'POST', url, body));
      expectError(res, 404, code, field);
    }
    // A campaign that exists with nothing to move is still a 200 with a count of 0.
    const none = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
    expect(none.json()).toEqual({ shipped: 0 });
  });
});

describe('an order paid after the cutoff, within its payment window', () => {
  async function place(sale: Sale, quantity = 1) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': `late-${Date.now()}-${++seq}` },
      payload: orderBody(sale, newPhone(), quantity),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().order as { id: string };
  }
  const statusOf = async (id: string) =>
    (await t.tdb.deps.pool.query('SELECT status FROM orders WHERE id = $1', [id])).rows[0]?.status;

  it('is confirmed on payment and ships with its campaign, also in a later run after the first', async () => {
    const sale = await arrangeSale(t.tdb, { stock: 50 });
    // Ten minutes before the cutoff (the campaign is live from 1 h to 5 h after it was made, the
    // clock stands at 1 h 1 min): one order paid at once, two left to pay after the cutoff.
    t.tdb.deps.clock.advance((3 * 60 + 49) * 60_000);
    let admin = await sessionFor(t, ['admin']);
    const early = await placePaid(sale, admin);
    const late = await place(sale, 2);
    const later = await place(sale, 3);
    t.tdb.deps.clock.advance(15 * 60_000);
    await advanceCampaigns(t.tdb.deps);
    await t.tdb.deps.bus.drain();
    expect(await statusOf(early.id)).toBe('confirmed');
    expect(await statusOf(late.id)).toBe('pending_payment');

    // Paid 5 minutes after the cutoff, 20 minutes into its 30-minute window: confirmed at once.
    admin = await sessionFor(t, ['admin']);
    const paid = await call(t, admin, 'POST', `/api/orders/${late.id}/mark-paid`, { reference: 'late-1' });
    expect(paid.statusCode, paid.body).toBe(204);
    expect(await statusOf(late.id)).toBe('confirmed');
    await t.tdb.deps.bus.drain();
    const shipped = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
    expect(shipped.json()).toEqual({ shipped: 2 });
    expect(await stock(sale)).toEqual({ on_hand: 47, allocated: 3, available: 44 });

    // The campaign has shipped once; a payment still within its window ships in the next run.
    t.tdb.deps.clock.advance(5 * 60_000);
    const paidLater = await call(t, admin, 'POST', `/api/orders/${later.id}/mark-paid`, {
      reference: 'late-2',
    });
    expect(paidLater.statusCode, paidLater.body).toBe(204);
    expect(await statusOf(later.id)).toBe('confirmed');
    const again = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
    expect(again.json()).toEqual({ shipped: 1 });
    expect(await stock(sale)).toEqual({ on_hand: 44, allocated: 0, available: 44 });

    const detail = (await call(t, admin, 'GET', `/api/orders/${late.id}`)).json();
    expect(detail.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'pending_payment',
      'paid',
      'confirmed',
      'shipped',
    ]);
    // Confirmed once: the cutoff's subscriber, delivered again, finds nothing paid to confirm.
    const audit = await t.tdb.deps.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'order.confirmed'",
      [late.id],
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('stays paid until the cutoff when paid before it', async () => {
    const sale = await arrangeSale(t.tdb, { stock: 5 });
    const admin = await sessionFor(t, ['admin']);
    const order = await placePaid(sale, admin);
    expect(await statusOf(order.id)).toBe('paid');
  });
});
