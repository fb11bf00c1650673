import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/platform/logger.js';
import type { TestApp } from '../helpers/test-app.js';
import { sessionFor } from '../helpers/test-app.js';
import { createTestDb } from '../helpers/test-db.js';
import { arrangeSale, orderBody } from './orders-support.js';
import { call } from './support.js';

/**
 * Personal data: phone numbers searched for stay out of the server log, and every export of
 * personal data is in the audit log with its filter (phone numbers masked there too).
 */
const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const tdb = await createTestDb();
  // The server's own logger (its serializers), writing into `lines` instead of stdout.
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ logLevel: 'info' }, sink);
  const app = await buildApp({ ...tdb.deps, log }, { serveWeb: false, loginPerMinute: 10_000 });
  t = {
    app,
    tdb,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
});
afterAll(() => t?.close());

const PHONE = '13812345678';

async function auditRows(action: string) {
  const r = await t.tdb.deps.pool.query<{
    actor_id: string | null;
    entity_id: string | null;
    after: unknown;
  }>('SELECT actor_id, entity_id, after FROM audit_log WHERE action = $1 ORDER BY seq', [action]);
  return r.rows;
}

describe('phone numbers and the server log', () => {
  it('logs a search by phone with the number masked, on every route and in every form', async () => {
    const op = await sessionFor(t, ['admin']);
    lines.length = 0;
    expect((await call(t, op, 'GET', `/api/orders?phone=${PHONE}`)).statusCode).toBe(200);
    expect((await call(t, op, 'GET', `/api/customers?q=%2B86%20${PHONE}`)).statusCode).toBe(200);
    expect((await call(t, op, 'GET', `/api/leaders?q=${PHONE}`)).statusCode).toBe(200);
    // A refused request is logged too.
    expect((await call(t, op, 'GET', `/api/orders?phone=${PHONE}&status=nonsense`)).statusCode).toBe(400);
    const log = lines.join('\n');
    // The requests were logged (so the check below can fail), each with the number masked.
    expect(log).toContain('/api/orders?phone=138****5678');
    expect(log).toContain('/api/customers?q=138****5678');
    expect(log).toContain('/api/leaders?q=138****5678');
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain('12345678');
  });
});

describe('exports of personal data are audited', () => {
  it('records an order export with its filter (phone masked) before it is sent, and its rows after', async () => {
    const sale = await arrangeSale(t.tdb);
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': `pd-${Date.now()}` },
      payload: orderBody(sale, PHONE),
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const op = await sessionFor(t, ['operator']);
    lines.length = 0;
    const res = await call(t, op, 'GET', `/api/orders/export?campaignId=${sale.campaignId}&phone=${PHONE}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditRows('order.exported')).toEqual([
      {
        actor_id: op.user.id,
        entity_id: null,
        after: { filter: { campaignId: sale.campaignId, phone: '138****5678' } },
      },
    ]);
    await expect
      .poll(() => auditRows('order.export_finished'))
      .toEqual([{ actor_id: op.user.id, entity_id: null, after: { rows: 1 } }]);
    expect(lines.join('\n')).not.toContain(PHONE);
  });

  it('records a leaders export with its filter', async () => {
    const op = await sessionFor(t, ['operator']);
    const res = await call(t, op, 'GET', '/api/leaders/export?status=active');
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditRows('leader.exported')).toEqual([
      { actor_id: op.user.id, entity_id: null, after: { filter: { status: 'active' } } },
    ]);
    await expect
      .poll(async () => (await auditRows('leader.export_finished')).map((r) => r.actor_id))
      .toEqual([op.user.id]);
  });

  it('writes no export record when the export is refused', async () => {
    const op = await sessionFor(t, ['operator']);
    const before = (await auditRows('order.exported')).length;
    expect((await call(t, op, 'GET', '/api/orders/export?status=nonsense')).statusCode).toBe(400);
    expect(await auditRows('order.exported')).toHaveLength(before);
  });
});
