import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { expectError } from './support.js';

/** The customer's order look-up by phone and pickup code cannot be guessed through. */
let t: TestApp;
let sale: Sale;
beforeAll(async () => {
  t = await createTestApp();
  sale = await arrangeSale(t.tdb, { cap: 100, limit: 5 });
});
afterAll(() => t.close());

let keySeq = 0;
async function place(phone: string): Promise<string> {
  keySeq += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `mo-throttle-${Date.now()}-${keySeq}` },
    payload: orderBody(sale, phone, 1),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ order: { pickupCode: string } }>().order.pickupCode;
}

const lookUp = (phone: string, pickupCode: string, address: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/storefront/my-orders',
    payload: { phone, pickupCode },
    remoteAddress: address,
  });

/** A six-digit code that is not `code`. */
const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

describe('the order look-up by pickup code', () => {
  it('locks a phone after 5 misses, from any address, for 30 minutes, then lets the right code in', async () => {
    const phone = newPhone();
    const code = await place(phone);
    for (let i = 0; i < 5; i++) {
      expectError(
        await lookUp(phone, wrongFor(code, i), `198.51.100.${i + 1}`),
        404,
        'orders.my_orders_not_found',
      );
    }
    const locking = await lookUp(phone, wrongFor(code, 9), '198.51.100.9');
    const error = expectError(locking, 429, 'orders.my_orders_throttled');
    expect(locking.headers['retry-after']).toBe('1800');
    expect(error.messageZh).toBe('查询失败次数过多，请在以下秒数之后再试：1800');
    // Even the right code, from a fresh address, waits out the lock.
    expectError(await lookUp(phone, code, '203.0.113.1'), 429, 'orders.my_orders_throttled');
    t.tdb.deps.clock.advance(30 * 60_000);
    const found = await lookUp(phone, code, '203.0.113.1');
    expect(found.statusCode, found.body).toBe(200);
    // The right code forgot the misses: the customer is not locked by their own earlier typing.
    expectError(await lookUp(phone, wrongFor(code, 20), '203.0.113.1'), 404, 'orders.my_orders_not_found');
  });

  it('answers a phone that has no orders exactly like one that has, lock included', async () => {
    const known = newPhone();
    await place(known);
    const unknown = newPhone();
    const seen = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let i = 0; i < 7; i++) {
      for (const [which, phone, address] of [
        ['known', known, '198.51.100.70'],
        ['unknown', unknown, '198.51.100.71'],
      ] as const) {
        const res = await lookUp(phone, '000000', address);
        const body = res.json<{ error: { requestId?: string } }>();
        delete body.error.requestId;
        seen[which].push({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, body });
      }
    }
    expect(seen.unknown).toEqual(seen.known);
    expect(seen.known.at(-1)).toMatchObject({ status: 429 });
  });

  it('slows down one address trying many phones, with growing waits', async () => {
    const address = '198.51.100.80';
    for (let i = 0; i < 10; i++) {
      expectError(await lookUp(newPhone(), '123456', address), 404, 'orders.my_orders_not_found');
    }
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await lookUp(newPhone(), '123456', address);
      expectError(res, 429, 'orders.my_orders_throttled');
      waits.push(String(res.headers['retry-after']));
      t.tdb.deps.clock.advance(Number(res.headers['retry-after']) * 1000);
    }
    expect(waits).toEqual(['1', '2', '4']);
    // Another address is not affected.
    const phone = newPhone();
    const code = await place(phone);
    expect((await lookUp(phone, code, '198.51.100.81')).statusCode).toBe(200);
  });

  it('checks only 6 of 20 concurrent guesses at one phone', async () => {
    const phone = newPhone();
    const code = await place(phone);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lookUp(phone, wrongFor(code, i), `198.51.100.${100 + i}`)),
    );
    const statuses = burst.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(404), ...Array(15).fill(429)]);
    const { rows } = await t.tdb.deps.pool.query<{ failures: number }>(
      "SELECT failures FROM attempt_throttles WHERE scope = 'my_orders.phone' AND key = $1",
      [t.tdb.deps.crypto.hash(phone)],
    );
    expect(rows).toEqual([{ failures: 6 }]);
  });

  it('stores no phone number in the throttle, only its keyed hash', async () => {
    const phone = newPhone();
    await lookUp(phone, '654321', '198.51.100.90');
    const { rows } = await t.tdb.deps.pool.query<{ key: string }>(
      "SELECT key FROM attempt_throttles WHERE scope = 'my_orders.phone'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).not.toContain(phone.slice(-8));
    expect(rows.map((r) => r.key)).toContain(t.tdb.deps.crypto.hash(phone));
  });
});
