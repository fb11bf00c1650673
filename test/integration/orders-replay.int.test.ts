import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody } from './orders-support.js';
import { expectError } from './support.js';

/**
 * A retry under an Idempotency-Key gets the first answer, even when the route would now refuse the
 * request before the intake sees it (the sold-out shortcut, a campaign past its cutoff).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let keySeq = 0;
const key = () => `replay-key-${Date.now()}-${++keySeq}`;

function place(body: object, idempotencyKey: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': idempotencyKey },
    payload: body,
  });
}

async function stored(k: string): Promise<number | null> {
  const r = await t.tdb.deps.pool.query<{ status_code: number }>(
    'SELECT status_code FROM order_requests WHERE idempotency_key = $1',
    [k],
  );
  return r.rows[0]?.status_code ?? null;
}

async function ordersOf(campaignId: string): Promise<number> {
  const r = await t.tdb.deps.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM orders WHERE campaign_id = $1',
    [campaignId],
  );
  return r.rows[0]?.n ?? -1;
}

describe('replaying an order by its Idempotency-Key', () => {
  it('after the item sold out: the winner gets its 201, the refused its own 409', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 1, limit: 1, stock: 10 });
    const [kA, kB, kC] = [key(), key(), key()];
    const bodyA = orderBody(sale, newPhone(), 1);
    const bodyB = orderBody(sale, newPhone(), 1);
    // Together, so that one batch decides both: A (first in the queue) wins, B's refusal is stored.
    const [first, refused] = await Promise.all([place(bodyA, kA), place(bodyB, kB)]);
    expect(first.statusCode, first.body).toBe(201);
    expectError(refused, 409, 'orders.sold_out');
    expect(await stored(kB)).toBe(409);
    // The item is now refused in memory, before any key is claimed: C's refusal is not stored.
    expectError(await place(orderBody(sale, newPhone(), 1), kC), 409, 'orders.sold_out');
    expect(await stored(kC)).toBeNull();

    const replayA = await place(bodyA, kA);
    expect(replayA.statusCode, replayA.body).toBe(201);
    expect(replayA.json()).toEqual(first.json());
    const replayB = await place(bodyB, kB);
    expect(replayB.statusCode).toBe(409);
    // The very first answer, with the first request's id.
    expect(replayB.json()).toEqual(refused.json());
    // Another request under a used key is refused as such, not answered with the first order.
    expectError(
      await place(orderBody(sale, newPhone(), 1), kA),
      422,
      'orders.idempotency_key_reused',
      'headers.idempotency-key',
    );
    expect(await ordersOf(sale.campaignId)).toBe(1);
  });

  it('after the campaign’s cutoff: the order placed before it still gets its 201', async () => {
    const sale = await arrangeSale(t.tdb);
    const k = key();
    const body = orderBody(sale, newPhone(), 2);
    const first = await place(body, k);
    expect(first.statusCode, first.body).toBe(201);
    t.tdb.deps.clock.advance(40 * 24 * 60 * 60_000);
    expectError(await place(orderBody(sale, newPhone(), 1), key()), 409, 'orders.campaign_not_open');
    const replay = await place(body, k);
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expectError(
      await place({ ...body, items: [{ itemId: sale.itemId, quantity: 1 }] }, k),
      422,
      'orders.idempotency_key_reused',
    );
    expect(await ordersOf(sale.campaignId)).toBe(1);
  });
});
