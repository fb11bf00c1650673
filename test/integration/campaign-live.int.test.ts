import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { registerCampaignLiveSubscribers } from '../../src/modules/campaigns/index.js';
import { receiveStock } from '../../src/modules/inventory/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { loginAs, makeUser, type Session } from '../helpers/test-app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody } from './orders-support.js';
import { expectError } from './support.js';

interface SseEvent {
  event: string;
  data: unknown;
}

/** One open stream read with node's http client: its parsed events, comments, and whether it ended. */
interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  ended: boolean;
  close(): void;
}

function openStream(base: string, path: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, (res) => {
      const stream: Stream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        ended: false,
        close: () => req.destroy(),
      };
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let name = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) name = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) stream.events.push({ event: name, data: JSON.parse(data) });
        }
      });
      const done = () => {
        stream.ended = true;
      };
      res.on('end', done);
      res.on('close', done);
      resolve(stream);
    });
    req.on('error', reject);
  });
}

let tdb: TestDb;
let app: App;
let base: string;
let keySeq = 0;
const place = (body: object) =>
  app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `live-test-${Date.now()}-${++keySeq}` },
    payload: body,
  });

beforeAll(async () => {
  tdb = await createTestDb();
  // A long poll: the updates these tests see come from the intake telling the hub, not from the poll.
  registerCampaignLiveSubscribers(tdb.deps, { pollMs: 60_000 });
  app = await buildApp(tdb.deps, { serveWeb: false, loginPerMinute: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('GET /api/campaigns/:id/live', () => {
  it('sends a snapshot, then the new sold count once the orders’ batch has committed', async () => {
    const sale = await arrangeSale(tdb, { cap: 50 });
    const stream = await openStream(base, `/api/campaigns/${sale.campaignId}/live`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['cache-control']).toBe('no-cache');
      await vi.waitFor(() => expect(stream.events.length).toBeGreaterThan(0), { timeout: 5000 });
      expect(stream.events[0]).toEqual({
        event: 'snapshot',
        data: {
          campaignId: sale.campaignId,
          serverNow: tdb.deps.clock.now().toISOString(),
          state: 'live',
          items: [{ itemId: sale.itemId, sold: 0, cap: 50, remaining: 50 }],
        },
      });

      expect((await place(orderBody(sale, newPhone(), 2))).statusCode).toBe(201);
      expect((await place(orderBody(sale, newPhone(), 3))).statusCode).toBe(201);
      await vi.waitFor(
        () =>
          expect(stream.events.at(-1)).toEqual({
            event: 'item',
            data: { itemId: sale.itemId, sold: 5, cap: 50, remaining: 45 },
          }),
        { timeout: 5000 },
      );
      // Throttled: never more item events than changes.
      expect(stream.events.filter((e) => e.event === 'item').length).toBeLessThanOrEqual(2);
    } finally {
      stream.close();
    }
  });

  it('counts what the shipping warehouse has, and pushes a receipt of stock', async () => {
    // A cap of 50, but only 3 in the warehouse: 3 can be bought, not 50.
    const sale = await arrangeSale(tdb, { cap: 50, stock: 3 });
    const stream = await openStream(base, `/api/campaigns/${sale.campaignId}/live`);
    try {
      await vi.waitFor(() => expect(stream.events.length).toBeGreaterThan(0), { timeout: 5000 });
      expect(stream.events[0]?.data).toMatchObject({
        items: [{ itemId: sale.itemId, sold: 0, cap: 50, remaining: 3 }],
      });
      expect((await place(orderBody(sale, newPhone(), 2))).statusCode).toBe(201);
      await vi.waitFor(
        () =>
          expect(stream.events.at(-1)).toEqual({
            event: 'item',
            data: { itemId: sale.itemId, sold: 2, cap: 50, remaining: 1 },
          }),
        { timeout: 5000 },
      );
      // Goods arrive: the stock event marks the campaign dirty (the poll is a minute away).
      await receiveStock(tdb.deps, SYSTEM_ACTOR, {
        skuId: sale.skuId,
        warehouseId: sale.warehouseId,
        quantity: 10,
      });
      await tdb.deps.bus.drain();
      await vi.waitFor(
        () =>
          expect(stream.events.at(-1)).toEqual({
            event: 'item',
            data: { itemId: sale.itemId, sold: 2, cap: 50, remaining: 11 },
          }),
        { timeout: 5000 },
      );
    } finally {
      stream.close();
    }
  });

  it('answers 404 as JSON for a campaign that does not exist', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/campaigns/cmp_missing/live' });
    expectError(res, 404, 'campaigns.not_found');
  });
});

describe('GET /api/orders/stats', () => {
  it('counts today’s orders and their amount, for one campaign or all', async () => {
    const sale = await arrangeSale(tdb, { cap: 50, priceFen: 1000 });
    const other = await arrangeSale(tdb, { cap: 50, priceFen: 500 });
    expect((await place(orderBody(sale, newPhone(), 2))).statusCode).toBe(201);
    expect((await place(orderBody(sale, newPhone(), 1))).statusCode).toBe(201);
    expect((await place(orderBody(other, newPhone(), 1))).statusCode).toBe(201);
    const u = await makeUser(tdb, ['admin']);
    const reader: Session = await loginAs(app, u.username, u.password);
    const one = await app.inject({
      method: 'GET',
      url: `/api/orders/stats?campaignId=${sale.campaignId}`,
      headers: reader.headers,
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      orders: 2,
      gmvFen: 3000,
      pendingPayment: 2,
      paid: 0,
      confirmed: 0,
      cancelled: 0,
    });
    const all = await app.inject({ method: 'GET', url: '/api/orders/stats', headers: reader.headers });
    expect(all.statusCode).toBe(200);
    const body = all.json<{ orders: number; gmvFen: number }>();
    expect(body.orders).toBeGreaterThanOrEqual(3);
    expect(body.gmvFen).toBeGreaterThanOrEqual(3500);

    // Tomorrow (Asia/Shanghai) starts a new day of counters.
    tdb.deps.clock.advance(24 * 3600_000);
    const again = await loginAs(app, u.username, u.password);
    const tomorrow = await app.inject({
      method: 'GET',
      url: `/api/orders/stats?campaignId=${sale.campaignId}`,
      headers: again.headers,
    });
    expect(tomorrow.json()).toMatchObject({ orders: 0, gmvFen: 0 });
  });

  it('needs orders.read', async () => {
    expectError(await app.inject({ method: 'GET', url: '/api/orders/stats' }), 401, 'auth.unauthenticated');
    const u = await makeUser(tdb, ['leader']);
    const leader = await loginAs(app, u.username, u.password);
    expectError(
      await app.inject({ method: 'GET', url: '/api/orders/stats', headers: leader.headers }),
      403,
      'auth.forbidden',
    );
  });
});

describe('closing the app', () => {
  it('ends open streams, so shutdown does not hang', async () => {
    const sale = await arrangeSale(tdb);
    const stream = await openStream(base, `/api/campaigns/${sale.campaignId}/live`);
    await vi.waitFor(() => expect(stream.events.length).toBe(1), { timeout: 5000 });
    await app.close();
    await vi.waitFor(() => expect(stream.ended).toBe(true), { timeout: 5000 });
  });
});
