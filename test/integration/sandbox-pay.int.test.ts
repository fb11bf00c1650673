import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PAY_LIMITS, sandboxPay } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody } from './orders-support.js';
import { expectError, expectNothingWritten } from './support.js';

/**
 * The sandbox payment (沙箱支付) marks an order paid without money: it exists only when
 * PAYMENT_SANDBOX turns it on (the demo and the other tests do), and its attempts are throttled per
 * order and per address.
 */
let off: TestApp;
let on: TestApp;
beforeAll(async () => {
  off = await createTestApp({ config: { paymentSandbox: false } });
  on = await createTestApp();
});
afterAll(async () => {
  await off?.close();
  await on?.close();
});

let seq = 0;
/** A pending order of a fresh sale on `t`, and the phone that proves it is the customer's. */
async function pendingOrder(t: TestApp): Promise<{ id: string; phone: string }> {
  const s = await arrangeSale(t.tdb, { stock: 100 });
  const phone = newPhone();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `sandbox-${Date.now()}-${++seq}` },
    payload: orderBody(s, phone),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().order.id as string, phone };
}

async function orderState(t: TestApp, id: string) {
  const o = await t.tdb.deps.pool.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [id]);
  const p = await t.tdb.deps.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM order_payments WHERE order_id = $1',
    [id],
  );
  return { status: o.rows[0]?.status, payments: p.rows[0]?.n };
}

const pay = (t: TestApp, id: string, phone: string, address = '203.0.113.1') =>
  t.app.inject({
    method: 'POST',
    url: `/api/orders/${id}/sandbox-pay`,
    headers: { 'x-forwarded-for': address },
    payload: { phone },
  });

describe('the sandbox payment turned off (the default)', () => {
  it('does not exist: 404, and the order stays unpaid with nothing written', async () => {
    const { id, phone } = await pendingOrder(off);
    const res = await expectNothingWritten(off.tdb, () => pay(off, id, phone));
    expectError(res, 404, 'route.not_found');
    expect(await orderState(off, id)).toEqual({ status: 'pending_payment', payments: 0 });
  });

  it('tells the storefront not to offer it', async () => {
    const res = await off.app.inject({ method: 'GET', url: '/api/storefront/payment-options' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sandbox: false });
  });

  it('refuses in the service too, for any caller other than the route', async () => {
    const { id, phone } = await pendingOrder(off);
    await expect(sandboxPay(off.tdb.deps, SYSTEM_ACTOR, id, phone)).rejects.toMatchObject({
      code: 'orders.payment_sandbox_off',
    });
    expect(await orderState(off, id)).toEqual({ status: 'pending_payment', payments: 0 });
  });
});

describe('the sandbox payment turned on (PAYMENT_SANDBOX=true)', () => {
  it('pays the order of the customer who proves it by phone', async () => {
    const { id, phone } = await pendingOrder(on);
    expect((await pay(on, id, phone, '203.0.113.10')).statusCode).toBe(204);
    expect(await orderState(on, id)).toEqual({ status: 'paid', payments: 1 });
    const options = await on.app.inject({ method: 'GET', url: '/api/storefront/payment-options' });
    expect(options.json()).toEqual({ sandbox: true });
  });

  it('throttles attempts per order, from any address: the next try is 429 even with the right phone', async () => {
    const { id, phone } = await pendingOrder(on);
    const { max } = SANDBOX_PAY_LIMITS.perOrder;
    for (let i = 0; i < max; i++) {
      // Guesses of the phone number, each from another address.
      expectError(await pay(on, id, newPhone(), `198.51.100.${i + 1}`), 404, 'orders.not_found');
    }
    const res = await expectNothingWritten(on.tdb, () => pay(on, id, phone, '198.51.100.99'));
    expectError(res, 429, 'auth.rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await orderState(on, id)).toEqual({ status: 'pending_payment', payments: 0 });
    // Another order is not held back by this one's count.
    const other = await pendingOrder(on);
    expect((await pay(on, other.id, other.phone, '198.51.100.98')).statusCode).toBe(204);
  });

  it('throttles attempts per address, across orders', async () => {
    const address = '192.0.2.77';
    const { max } = SANDBOX_PAY_LIMITS.perAddress;
    for (let i = 0; i < max; i++) {
      const res = await pay(on, `ord_nosuch${i}`, newPhone(), address);
      expect(res.statusCode, res.body).toBe(404);
    }
    const { id, phone } = await pendingOrder(on);
    expectError(await pay(on, id, phone, address), 429, 'auth.rate_limited');
    expect(await orderState(on, id)).toEqual({ status: 'pending_payment', payments: 0 });
    // The same order from another address goes through.
    expect((await pay(on, id, phone, '192.0.2.78')).statusCode).toBe(204);
  });
});
