import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertCustomerByPhoneTx } from '../../src/modules/customers/index.js';
import { listAudit } from '../../src/platform/audit/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError } from './support.js';

interface Customer {
  id: string;
  phoneMasked: string;
  name: string | null;
  defaultPickupPointId: string | null;
}

let t: TestApp;
let operator: Session;
let finance: Session;
let warehouse: Session;
let admin: Session;
let regionManager: Session;
let wangId: string;

async function upsert(phone: string, name: string | null, pickupPointId: string | null = null) {
  const { deps } = t.tdb;
  return deps.db.transaction((tx) => upsertCustomerByPhoneTx(deps, tx, { phone, name, pickupPointId }));
}

async function auditCount(action: string): Promise<number> {
  return (await listAudit(t.tdb.deps.db, { action, page: 1, pageSize: 200 })).total;
}

beforeAll(async () => {
  t = await createTestApp();
  [operator, finance, warehouse, admin, regionManager] = await Promise.all([
    sessionFor(t, ['operator']),
    sessionFor(t, ['finance']),
    sessionFor(t, ['warehouse']),
    sessionFor(t, ['admin']),
    sessionFor(t, ['region_manager']),
  ]);
  wangId = (await upsert('13812341234', '王阿姨', 'pp_demo_1')).customerId;
  await upsert('13900001111', '李叔', null);
  await upsert('15000002222', null, null);
});
afterAll(() => t.close());

describe('listing customers', () => {
  it('shows every staff role masked phones only', async () => {
    for (const s of [operator, finance, warehouse, admin]) {
      const res = await call(t, s, 'GET', '/api/customers');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: Customer[]; total: number }>();
      expect(body.total).toBe(3);
      expect(res.body).not.toContain('13812341234');
      expect(body.items.find((c) => c.id === wangId)).toMatchObject({
        phoneMasked: '138****1234',
        name: '王阿姨',
        defaultPickupPointId: 'pp_demo_1',
      });
    }
  });

  it('searches by a full phone in any spelling, or by name', async () => {
    const ids = async (q: string) =>
      (await call(t, operator, 'GET', `/api/customers?q=${encodeURIComponent(q)}`))
        .json<{ items: Customer[] }>()
        .items.map((c) => c.id);
    expect(await ids('+86 138-1234-1234')).toEqual([wangId]);
    expect(await ids('王')).toEqual([wangId]);
    expect(await ids('13700000000')).toEqual([]);
    // A partial number is a name search, which finds nothing: only whole numbers are hashed.
    expect(await ids('1234')).toEqual([]);
  });

  it('shows a region manager without a region no customer (数据范围)', async () => {
    const res = await call(t, regionManager, 'GET', '/api/customers');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
    expectError(await call(t, regionManager, 'GET', `/api/customers/${wangId}`), 404, 'customers.not_found');
  });

  it('shows one customer masked, and 404 for an unknown id', async () => {
    const res = await call(t, warehouse, 'GET', `/api/customers/${wangId}`);
    expect(res.json<Customer>().phoneMasked).toBe('138****1234');
    expectError(
      await call(t, operator, 'GET', '/api/customers/cus_missing'),
      404,
      'customers.not_found',
      'params.id',
    );
  });
});

describe('revealing a phone', () => {
  it.each([
    ['admin', () => admin],
    ['finance', () => finance],
    ['warehouse', () => warehouse],
  ])('gives %s the full number and records customer.phone_viewed', async (_role, session) => {
    const before = await auditCount('customer.phone_viewed');
    const res = await call(t, session(), 'POST', `/api/customers/${wangId}/reveal-phone`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: wangId, phone: '13812341234' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await auditCount('customer.phone_viewed')).toBe(before + 1);
    const [last] = (await listAudit(t.tdb.deps.db, { action: 'customer.phone_viewed', page: 1, pageSize: 1 }))
      .items;
    expect(last).toMatchObject({ entityType: 'customer', entityId: wangId, actorId: session().user.id });
    // The audit log records that the number was seen, not the number.
    expect(JSON.stringify(last)).not.toContain('13812341234');
  });

  it.each([
    ['operator', () => operator],
    ['region_manager', () => regionManager],
  ])('refuses %s with 403 and records nothing', async (_role, session) => {
    const before = await auditCount('customer.phone_viewed');
    const res = await call(t, session(), 'POST', `/api/customers/${wangId}/reveal-phone`, {});
    expectError(res, 403, 'auth.forbidden');
    expect(res.body).not.toContain('13812341234');
    expect(await auditCount('customer.phone_viewed')).toBe(before);
  });

  it('needs the CSRF token like any write, and 404s an unknown customer without an audit record', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${wangId}/reveal-phone`,
      headers: { cookie: admin.cookie },
      payload: {},
    });
    expectError(res, 403, 'auth.csrf_failed');
    const before = await auditCount('customer.phone_viewed');
    expectError(
      await call(t, admin, 'POST', '/api/customers/cus_missing/reveal-phone', {}),
      404,
      'customers.not_found',
    );
    expect(await auditCount('customer.phone_viewed')).toBe(before);
  });

  it('answers customers.phone_unreadable (never a wrong number) when the key cannot open the row', async () => {
    const { customerId } = await upsert('18600001111', '坏数据', null);
    const other = (await upsert('18600002222', null, null)).customerId;
    // Simulates a row the current key cannot open: another row's token with its IV replaced.
    await t.tdb.deps.pool.query(
      `UPDATE customers SET phone_enc = (SELECT regexp_replace(phone_enc, ':[^:]+:', ':AAAAAAAAAAAAAAAAAAAAAA:') FROM customers WHERE id = $2) WHERE id = $1`,
      [customerId, other],
    );
    const res = await call(t, admin, 'POST', `/api/customers/${customerId}/reveal-phone`, {});
    expectError(res, 500, 'customers.phone_unreadable');
    const list = await call(t, admin, 'GET', `/api/customers/${customerId}`);
    expect(list.json<Customer>().phoneMasked).toBe('***********');
  });
});

describe('access', () => {
  it('refuses leaders and customers the list', async () => {
    for (const role of ['leader', 'customer'] as const) {
      const s = await sessionFor(t, [role]);
      expectError(await call(t, s, 'GET', '/api/customers'), 403, 'auth.forbidden');
    }
  });
});
