import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { RiskPolicyCache, recordHoldsTx, registerRiskSubscribers } from '../../src/modules/risk/index.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, type Sale } from './orders-support.js';
import { placeOrder, putOnHold } from './risk-support.js';
import { call, expectError, expectNothingWritten, type Res } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
  registerRiskSubscribers(t.tdb.deps);
});
afterAll(() => t.close());

const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.tdb.deps.pool.query<T>(text, params)).rows;

/** Rows of the risk tables, to show a refused request changed none of them. */
async function riskSnapshot() {
  return {
    policy: await q('SELECT * FROM risk_policy'),
    blocklist: await q('SELECT * FROM risk_blocklist ORDER BY id'),
    holds: await q('SELECT * FROM risk_holds ORDER BY order_id'),
  };
}

/** A refused request: the answer, and nothing written anywhere (platform tables and risk tables). */
async function refused(fn: () => Promise<Res>): Promise<Res> {
  const before = await riskSnapshot();
  const res = await expectNothingWritten(t.tdb, fn);
  expect(await riskSnapshot()).toEqual(before);
  return res;
}

describe('the risk policy (风控规则)', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await sessionFor(t, ['operator']);
  });

  it('starts unconfigured: checks on, every limit off', async () => {
    const res = await call(t, admin, 'GET', '/api/risk/policy');
    expect(res.json()).toEqual({
      enabled: true,
      maxQuantityPerOrder: null,
      maxOrdersPerPhonePerCampaign: null,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('saves limits, raises the version and audits the change', async () => {
    const put = await call(t, admin, 'PUT', '/api/risk/policy', {
      enabled: true,
      maxQuantityPerOrder: 50,
      maxOrdersPerPhonePerCampaign: 5,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      enabled: true,
      maxQuantityPerOrder: 50,
      maxOrdersPerPhonePerCampaign: 5,
      version: 1,
      updatedBy: admin.user.username,
    });
    const again = await call(t, admin, 'PUT', '/api/risk/policy', {
      enabled: false,
      maxQuantityPerOrder: null,
      maxOrdersPerPhonePerCampaign: 3,
    });
    expect(again.json()).toMatchObject({ enabled: false, maxQuantityPerOrder: null, version: 2 });
    expect((await call(t, admin, 'GET', '/api/risk/policy')).json()).toMatchObject({
      enabled: false,
      maxQuantityPerOrder: null,
      maxOrdersPerPhonePerCampaign: 3,
    });
    const [audit] = await q<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'risk.policy.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      before: { enabled: true, maxQuantityPerOrder: 50, maxOrdersPerPhonePerCampaign: 5 },
      after: { enabled: false, maxQuantityPerOrder: null, maxOrdersPerPhonePerCampaign: 3 },
    });
  });

  it('refuses zero or negative limits, naming the field, and writes nothing', async () => {
    const body = { enabled: true, maxQuantityPerOrder: 10, maxOrdersPerPhonePerCampaign: 3 };
    for (const [patch, field] of [
      [{ maxQuantityPerOrder: 0 }, 'body.maxQuantityPerOrder'],
      [{ maxQuantityPerOrder: -5 }, 'body.maxQuantityPerOrder'],
      [{ maxOrdersPerPhonePerCampaign: 0 }, 'body.maxOrdersPerPhonePerCampaign'],
      [{ maxOrdersPerPhonePerCampaign: -1 }, 'body.maxOrdersPerPhonePerCampaign'],
      [{ maxOrdersPerPhonePerCampaign: 2_000_000 }, 'body.maxOrdersPerPhonePerCampaign'],
    ] as const) {
      const res = await refused(() => call(t, admin, 'PUT', '/api/risk/policy', { ...body, ...patch }));
      expectError(res, 400, 'risk.limit_invalid', field);
    }
  });

  it('refuses a malformed body, naming the field, and writes nothing', async () => {
    const body = { enabled: true, maxQuantityPerOrder: 10, maxOrdersPerPhonePerCampaign: 3 };
    for (const [payload, field] of [
      [{ ...body, maxQuantityPerOrder: 2.5 }, 'body.maxQuantityPerOrder'],
      [{ ...body, maxQuantityPerOrder: '10' }, 'body.maxQuantityPerOrder'],
      [{ ...body, enabled: 'yes' }, 'body.enabled'],
      [{ enabled: true, maxQuantityPerOrder: 10 }, 'body.maxOrdersPerPhonePerCampaign'],
      [{ ...body, blockEverything: true }, 'body.blockEverything'],
    ] as const) {
      const res = await refused(() => call(t, admin, 'PUT', '/api/risk/policy', payload));
      expectError(res, 400, 'request.invalid', field);
    }
  });
});

describe('the blocklist (黑名单)', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await sessionFor(t, ['operator']);
  });

  it('blocks a phone by its keyed hash and shows it only masked', async () => {
    const res = await call(t, admin, 'POST', '/api/risk/blocklist', {
      kind: 'phone',
      value: '+86 138-0013-7700',
      reason: '恶意下单',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'phone', display: '138****7700', reason: '恶意下单' });
    expect(res.body).not.toContain('13800137700');
    const [row] = await q<{ value: string; display: string }>(
      `SELECT value, display FROM risk_blocklist WHERE id = $1`,
      [res.json().id],
    );
    // The same hash the customers module stores, so the intake's hash matches it.
    expect(row?.value).toBe(t.tdb.deps.crypto.hash('13800137700'));
    expect(JSON.stringify(await q('SELECT * FROM risk_blocklist'))).not.toContain('13800137700');
    const audit = await q<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'risk.blocklist.add' AND entity_id = $1`,
      [res.json().id],
    );
    expect(audit).toEqual([{ after: { kind: 'phone', display: '138****7700', reason: '恶意下单' } }]);
  });

  it('refuses a malformed phone, a too-short address and a duplicate, writing nothing', async () => {
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist', { kind: 'phone', value: '1380013', reason: 'x' }),
      ),
      400,
      'risk.phone_invalid',
      'body.value',
    );
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist', { kind: 'address', value: ' 3 栋 ', reason: 'x' }),
      ),
      400,
      'risk.address_too_short',
      'body.value',
    );
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist', {
          kind: 'phone',
          value: '13800137700',
          reason: 'again',
        }),
      ),
      409,
      'risk.blocklist_duplicate',
      'body.value',
    );
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist', { kind: 'email', value: 'a@b.c', reason: 'x' }),
      ),
      400,
      'request.invalid',
      'body.kind',
    );
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist', { kind: 'phone', value: '13800137701', reason: '  ' }),
      ),
      400,
      'request.invalid',
      'body.reason',
    );
  });

  it('blocks an address fragment, normalized, and lists entries newest first with a kind filter', async () => {
    const res = await call(t, admin, 'POST', '/api/risk/blocklist', {
      kind: 'address',
      value: '  幸福里 3 栋 ',
      reason: '黄牛收货点',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().display).toBe('幸福里 3 栋');
    const [row] = await q<{ value: string }>(`SELECT value FROM risk_blocklist WHERE id = $1`, [
      res.json().id,
    ]);
    expect(row?.value).toBe('幸福里3栋');
    const all = (await call(t, admin, 'GET', '/api/risk/blocklist')).json();
    expect(all.items.map((i: { kind: string }) => i.kind)).toEqual(['address', 'phone']);
    const phones = (await call(t, admin, 'GET', '/api/risk/blocklist?kind=phone')).json();
    expect(phones).toMatchObject({ total: 1, items: [{ display: '138****7700' }] });
  });

  it('removes an entry with a reason (audited); removing again is a 409; the value may be blocked again', async () => {
    const list = (await call(t, admin, 'GET', '/api/risk/blocklist?kind=phone')).json();
    const id = list.items[0].id as string;
    expectError(
      await refused(() => call(t, admin, 'POST', `/api/risk/blocklist/${id}/remove`, {})),
      400,
      'request.invalid',
      'body.reason',
    );
    const res = await call(t, admin, 'POST', `/api/risk/blocklist/${id}/remove`, { reason: '误封，已核实' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await call(t, admin, 'GET', '/api/risk/blocklist?kind=phone')).json().total).toBe(0);
    const [row] = await q<{ removed_by: string; removed_reason: string }>(
      'SELECT removed_by, removed_reason FROM risk_blocklist WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ removed_by: admin.user.username, removed_reason: '误封，已核实' });
    const audit = await q<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'risk.blocklist.remove' AND entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      {
        before: { kind: 'phone', display: '138****7700', reason: '恶意下单' },
        after: { removed: true, reason: '误封，已核实' },
      },
    ]);
    expectError(
      await refused(() => call(t, admin, 'POST', `/api/risk/blocklist/${id}/remove`, { reason: 'again' })),
      409,
      'risk.blocklist_already_removed',
      'params.id',
    );
    expectError(
      await refused(() =>
        call(t, admin, 'POST', '/api/risk/blocklist/rbl_00000000000000000000000000/remove', { reason: 'x' }),
      ),
      404,
      'risk.blocklist_not_found',
      'params.id',
    );
    const again = await call(t, admin, 'POST', '/api/risk/blocklist', {
      kind: 'phone',
      value: '13800137700',
      reason: '再次恶意下单',
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe('RiskPolicyCache', () => {
  it('refuses get() before start()', () => {
    const cache = new RiskPolicyCache(t.tdb.deps);
    expect(() => cache.get()).toThrow(/before start/);
  });

  it('reloads at once in this process and, through NOTIFY, in a second process within a second', async () => {
    const admin = await sessionFor(t, ['operator']);
    const local = new RiskPolicyCache(t.tdb.deps);
    // A second server process: its own pool and database handle on the same PostgreSQL database.
    // Its periodic check is a minute away, so only the notification can reach it in time.
    const other = openDatabase(t.tdb.url, { max: 3 });
    const remote = new RiskPolicyCache(
      { db: other.db, pool: other.pool, log: t.tdb.deps.log },
      { checkMs: 60_000 },
    );
    await local.start();
    await remote.start();
    try {
      const put = await call(t, admin, 'PUT', '/api/risk/policy', {
        enabled: true,
        maxQuantityPerOrder: 7,
        maxOrdersPerPhonePerCampaign: 2,
      });
      expect(put.statusCode).toBe(200);
      // The change service reloaded this process's cache before answering.
      expect(local.get()).toMatchObject({
        enabled: true,
        maxQuantityPerOrder: 7,
        maxOrdersPerPhonePerCampaign: 2,
      });
      await expect.poll(() => remote.get().maxQuantityPerOrder, { timeout: 1000, interval: 20 }).toBe(7);

      const phone = '13900139001';
      const added = await call(t, admin, 'POST', '/api/risk/blocklist', {
        kind: 'phone',
        value: phone,
        reason: 'x',
      });
      const hash = t.tdb.deps.crypto.hash(phone);
      expect(local.get().blockedPhoneHashes.has(hash)).toBe(true);
      await expect
        .poll(() => remote.get().blockedPhoneHashes.has(hash), { timeout: 1000, interval: 20 })
        .toBe(true);

      const address = await call(t, admin, 'POST', '/api/risk/blocklist', {
        kind: 'address',
        value: '城西 银泰 代收点',
        reason: 'x',
      });
      expect(local.get().blockedAddresses).toContain('城西银泰代收点');
      await expect
        .poll(() => remote.get().blockedAddresses.includes('城西银泰代收点'), { timeout: 1000, interval: 20 })
        .toBe(true);

      await call(t, admin, 'POST', `/api/risk/blocklist/${added.json().id}/remove`, { reason: 'ok' });
      await call(t, admin, 'POST', `/api/risk/blocklist/${address.json().id}/remove`, { reason: 'ok' });
      expect(local.get().blockedPhoneHashes.has(hash)).toBe(false);
      await expect
        .poll(() => remote.get().blockedPhoneHashes.has(hash), { timeout: 1000, interval: 20 })
        .toBe(false);
    } finally {
      await local.stop();
      await remote.stop();
      await other.close();
    }
  });

  it('catches a change it was not told about at its periodic check (the fallback)', async () => {
    const cache = new RiskPolicyCache(t.tdb.deps, { checkMs: 50 });
    await cache.start();
    try {
      const before = cache.get().maxQuantityPerOrder;
      // A write that announces nothing (as if the notification were lost).
      await t.tdb.deps.pool.query(
        'UPDATE risk_policy SET max_quantity_per_order = max_quantity_per_order + 100, version = version + 1',
      );
      await expect
        .poll(() => cache.get().maxQuantityPerOrder, { timeout: 2000, interval: 20 })
        .toBe((before ?? 0) + 100);
    } finally {
      await cache.stop();
    }
  });
});

describe('review decisions (风控审核)', () => {
  let reviewer: Session;
  let s: Sale;

  /** A fresh sale (the clock moves into its window), then the reviewer logs in. */
  async function sale(opts: Parameters<typeof arrangeSale>[1] = {}) {
    s = await arrangeSale(t.tdb, opts);
    reviewer = await sessionFor(t, ['operator']);
    return s;
  }

  async function state(orderId: string, phone: string) {
    const [order] = await q<{ status: string; payment_due_at: Date }>(
      'SELECT status, payment_due_at FROM orders WHERE id = $1',
      [orderId],
    );
    const [item] = await q<{ sold: number }>('SELECT sold FROM campaign_items WHERE id = $1', [s.itemId]);
    const [stock] = await q<{ allocated: number; available: number }>(
      'SELECT allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
      [s.skuId, s.warehouseId],
    );
    const [counter] = await q<{ bought: number }>(
      'SELECT bought FROM order_customer_item_counts WHERE phone_hash = $1 AND campaign_item_id = $2',
      [t.tdb.deps.crypto.hash(phone), s.itemId],
    );
    return { status: order?.status, sold: item?.sold, ...stock, bought: counter?.bought };
  }

  const events = (orderId: string) =>
    q<{ type: string }>('SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY created_at, id', [
      orderId,
    ]);

  it('lists the queue newest first with the order summary, a masked phone and the reasons', async () => {
    await sale();
    const phone = newPhone();
    const first = await placeOrder(t.app, s, phone, 2);
    await putOnHold(t.tdb, first, s.campaignId, [
      { code: 'blocked_phone', detail: 'the phone number is on the blocklist' },
    ]);
    t.tdb.deps.clock.advance(1000);
    const second = await placeOrder(t.app, s, newPhone(), 1);
    await putOnHold(t.tdb, second, s.campaignId);
    const res = await call(t, reviewer, 'GET', `/api/risk/holds?status=open&campaignId=${s.campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((h: { orderId: string }) => h.orderId)).toEqual([second, first]);
    expect(body.items[1]).toMatchObject({
      orderId: first,
      campaignId: s.campaignId,
      status: 'open',
      reasons: [{ code: 'blocked_phone', detail: 'the phone number is on the blocklist' }],
      decidedBy: null,
      order: {
        status: 'on_hold',
        itemCount: 2,
        totalFen: 1980,
        phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        pickupAddress: '西湖区文三路 1 号',
      },
    });
    expect(res.body).not.toContain(phone);
    const other = await call(t, reviewer, 'GET', '/api/risk/holds?campaignId=cmp_none');
    expect(other.json()).toEqual({ items: [], total: 0 });
    expectError(
      await call(t, reviewer, 'GET', '/api/risk/holds?status=maybe'),
      400,
      'request.invalid',
      'query.status',
    );
  });

  it('approves: the order goes to payment with a deadline counted from the decision', async () => {
    await sale();
    const phone = newPhone();
    const id = await placeOrder(t.app, s, phone, 2);
    await putOnHold(t.tdb, id, s.campaignId);
    t.tdb.deps.clock.advance(45 * 60_000); // longer than the 30-minute payment window
    const decidedAt = t.tdb.deps.clock.now();
    const res = await call(t, reviewer, 'POST', `/api/risk/holds/${id}/approve`, {
      reason: '老客户，已电话核实',
    });
    expect(res.statusCode, res.body).toBe(200);
    const due = new Date(decidedAt.getTime() + 30 * 60_000).toISOString();
    expect(res.json()).toEqual({
      orderId: id,
      status: 'approved',
      orderStatus: 'pending_payment',
      decidedAt: decidedAt.toISOString(),
      paymentDueAt: due,
    });
    expect(await state(id, phone)).toMatchObject({
      status: 'pending_payment',
      sold: 2,
      allocated: 2,
      bought: 2,
    });
    const detail = (await call(t, reviewer, 'GET', `/api/orders/${id}`)).json();
    expect(detail.paymentDueAt).toBe(due);
    expect(detail.timeline.at(-1)).toMatchObject({
      fromStatus: 'on_hold',
      toStatus: 'pending_payment',
      actorName: reviewer.user.username,
      note: 'risk review approved: 老客户，已电话核实',
    });
    expect((await events(id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['order.pending_payment', 'order.hold_approved']),
    );
    const audit = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('risk.hold.approve', 'order.pending_payment')`,
      [id],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['order.pending_payment', 'risk.hold.approve']);
    const [hold] = (await call(t, reviewer, 'GET', `/api/risk/holds?campaignId=${s.campaignId}`)).json()
      .items;
    expect(hold).toMatchObject({
      status: 'approved',
      decidedBy: reviewer.user.username,
      decisionReason: '老客户，已电话核实',
    });

    // Deciding again, either way, is a 409 and writes nothing.
    for (const action of ['approve', 'reject']) {
      expectError(
        await refused(() =>
          call(t, reviewer, 'POST', `/api/risk/holds/${id}/${action}`, { reason: 'again' }),
        ),
        409,
        'risk.hold_already_decided',
        'params.id',
      );
    }
    // The approved order is an ordinary one now: the customer pays it.
    const paid = await call(t, null, 'POST', `/api/orders/${id}/sandbox-pay`, { phone });
    expect(paid.statusCode, paid.body).toBe(204);
  });

  it('approves without a reason too', async () => {
    await sale();
    const id = await placeOrder(t.app, s, newPhone());
    await putOnHold(t.tdb, id, s.campaignId);
    const res = await call(t, reviewer, 'POST', `/api/risk/holds/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await call(t, reviewer, 'GET', `/api/orders/${id}`)).json();
    expect(detail.timeline.at(-1).note).toBe('risk review approved');
  });

  it('rejects with a reason: the order is cancelled and stock, sold count and the customer’s count return', async () => {
    await sale({ stock: 10, limit: 5 });
    const phone = newPhone();
    const id = await placeOrder(t.app, s, phone, 3);
    await putOnHold(t.tdb, id, s.campaignId);
    expect(await state(id, phone)).toMatchObject({
      status: 'on_hold',
      sold: 3,
      allocated: 3,
      available: 7,
      bought: 3,
    });

    for (const body of [{}, { reason: '   ' }, { reason: 'x', extra: 1 }]) {
      const res = await refused(() => call(t, reviewer, 'POST', `/api/risk/holds/${id}/reject`, body));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toMatch(/^body\.(reason|extra)$/);
    }
    const res = await call(t, reviewer, 'POST', `/api/risk/holds/${id}/reject`, { reason: '黄牛囤货' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', orderStatus: 'cancelled', paymentDueAt: null });
    expect(await state(id, phone)).toMatchObject({
      status: 'cancelled',
      sold: 0,
      allocated: 0,
      available: 10,
      bought: 0,
    });
    const detail = (await call(t, reviewer, 'GET', `/api/orders/${id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({
      fromStatus: 'on_hold',
      toStatus: 'cancelled',
      note: 'risk review rejected: 黄牛囤货',
    });
    expect((await events(id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['order.cancelled', 'order.hold_rejected']),
    );
    const [movement] = await q<{ kind: string }>(
      `SELECT kind FROM stock_movements WHERE reference_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [id],
    );
    expect(movement?.kind).toBe('release');
    expectError(
      await refused(() => call(t, reviewer, 'POST', `/api/risk/holds/${id}/reject`, { reason: 'again' })),
      409,
      'risk.hold_already_decided',
    );
    // The hold is closed by the review itself; the order.cancelled subscriber leaves it as it is.
    await t.tdb.deps.bus.drain();
    const [hold] = await q<{ status: string; decided_by: string }>(
      'SELECT status, decided_by FROM risk_holds WHERE order_id = $1',
      [id],
    );
    expect(hold).toEqual({ status: 'rejected', decided_by: reviewer.user.username });
    // The customer may order the units again.
    await placeOrder(t.app, s, phone, 5);
  });

  it('answers 404 for an order that is not on hold, and 409 for a hold whose order left on_hold', async () => {
    await sale();
    const plain = await placeOrder(t.app, s, newPhone());
    expectError(
      await refused(() => call(t, reviewer, 'POST', `/api/risk/holds/${plain}/approve`, {})),
      404,
      'risk.hold_not_found',
      'params.id',
    );
    // A hold row whose order is no longer on hold (e.g. paid): the order module refuses the move.
    await t.tdb.deps.db.transaction((tx) =>
      recordHoldsTx(tx, t.tdb.deps.clock, [{ orderId: plain, campaignId: s.campaignId, reasons: [] }]),
    );
    expectError(
      await refused(() => call(t, reviewer, 'POST', `/api/risk/holds/${plain}/reject`, { reason: 'x' })),
      409,
      'orders.illegal_transition',
    );
  });

  it('closes the hold when an operator cancels the held order in the order center', async () => {
    await sale({ stock: 10 });
    const phone = newPhone();
    const id = await placeOrder(t.app, s, phone, 2);
    await putOnHold(t.tdb, id, s.campaignId);
    const res = await call(t, reviewer, 'POST', `/api/orders/${id}/cancel`, { reason: '顾客要求取消' });
    expect(res.statusCode, res.body).toBe(204);
    await t.tdb.deps.bus.drain();
    const [hold] = (await call(t, reviewer, 'GET', `/api/risk/holds?campaignId=${s.campaignId}`)).json()
      .items;
    expect(hold).toMatchObject({ orderId: id, status: 'rejected', decidedBy: 'system' });
    expect(hold.decisionReason).toContain('order cancelled outside risk review');
    expect(await state(id, phone)).toMatchObject({
      status: 'cancelled',
      sold: 0,
      allocated: 0,
      available: 10,
    });
  });

  it('refuses to approve once the campaign has closed, writing nothing; rejecting still works', async () => {
    await sale({ stock: 10 });
    const phone = newPhone();
    const id = await placeOrder(t.app, s, phone, 1);
    await putOnHold(t.tdb, id, s.campaignId);
    t.tdb.deps.clock.advance(5 * 3_600_000); // past the cutoff (4 h after the start)
    reviewer = await sessionFor(t, ['operator']);
    expectError(
      await refused(() => call(t, reviewer, 'POST', `/api/risk/holds/${id}/approve`, {})),
      409,
      'orders.campaign_not_open',
    );
    const res = await call(t, reviewer, 'POST', `/api/risk/holds/${id}/reject`, { reason: '已截单' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await state(id, phone)).toMatchObject({ status: 'cancelled', sold: 0, available: 10 });
  });
});

describe('who may configure and review', () => {
  it('gives risk.configure and risk.review to operators and admins only', async () => {
    const s = await arrangeSale(t.tdb);
    const id = await placeOrder(t.app, s, newPhone());
    await putOnHold(t.tdb, id, s.campaignId);
    const routes: [string, string, object | undefined][] = [
      ['GET', '/api/risk/policy', undefined],
      ['PUT', '/api/risk/policy', { enabled: true, maxQuantityPerOrder: 5, maxOrdersPerPhonePerCampaign: 5 }],
      ['GET', '/api/risk/blocklist', undefined],
      ['POST', '/api/risk/blocklist', { kind: 'phone', value: '13700137000', reason: 'x' }],
      ['GET', '/api/risk/holds', undefined],
      ['POST', `/api/risk/holds/${id}/approve`, {}],
      ['POST', `/api/risk/holds/${id}/reject`, { reason: 'x' }],
    ];
    for (const role of ['finance', 'warehouse', 'region_manager', 'leader', 'customer'] as const) {
      const session = await sessionFor(t, [role]);
      for (const [method, url, body] of routes) {
        const res = await refused(() => call(t, session, method as 'GET', url, body));
        expectError(res, 403, 'auth.forbidden');
      }
    }
    for (const [method, url, body] of routes) {
      expectError(await call(t, null, method as 'GET', url, body), 401, 'auth.unauthenticated');
    }
    const operator = await sessionFor(t, ['operator']);
    expect((await call(t, operator, 'GET', '/api/risk/holds')).statusCode).toBe(200);
    expect((await call(t, operator, 'POST', `/api/risk/holds/${id}/approve`, {})).statusCode).toBe(200);
  });
});
