import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/platform/audit/index.js';
import { isId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { type CampaignJson, campaignBody, campaignSnapshot, makeSku } from './campaigns-support.js';
import { makeWarehouse } from './inventory-support.js';
import { call, expectError, type Res } from './support.js';

interface Item {
  id: string;
  skuId: string;
  skuCode: string | null;
  productName: string | null;
  priceFen: number;
  stockCap: number;
  perCustomerLimit: number;
  sortOrder: number;
  sold: number;
}
interface Detail {
  id: string;
  code: string;
  name: string;
  state: string;
  sellTo: string;
  regionIds: string[];
  warehouseId: string | null;
  paymentMinutes: number;
  warehouseName: string | null;
  closeReason: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  items: Item[];
  serverNow: string;
  openForOrders: boolean;
}

const HOUR = 3_600_000;

let t: TestApp;
let op: Session;
let warehouse: Session;
let sku1: { id: string; code: string };
let sku2: { id: string; code: string };
let inactive: { id: string; code: string };
let offSale: { id: string; code: string };
let regionId: string;
let shipFrom: string;
let closedWarehouse: string;

beforeAll(async () => {
  t = await createTestApp();
  op = await sessionFor(t, ['operator']);
  warehouse = await sessionFor(t, ['warehouse']);
  sku1 = await makeSku(t.tdb);
  sku2 = await makeSku(t.tdb);
  inactive = await makeSku(t.tdb, { skuStatus: 'inactive' });
  offSale = await makeSku(t.tdb, { productStatus: 'off_sale' });
  shipFrom = await makeWarehouse(t.tdb);
  closedWarehouse = await makeWarehouse(t.tdb, 'inactive');
  regionId = 'reg_01JTESTREGION0000000000000';
  await t.tdb.deps.pool.query(
    `INSERT INTO regions (id, code, name, level, created_at) VALUES ($1, '330100', '杭州市', 'city', now())`,
    [regionId],
  );
});
afterAll(() => t.close());

async function create(body: CampaignJson, session: Session = op): Promise<Detail> {
  const res = await call(t, session, 'POST', '/api/campaigns', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

const act = (id: string, action: 'schedule' | 'close' | 'cancel', payload?: object) =>
  call(t, op, 'POST', `/api/campaigns/${id}/${action}`, payload);

/** Runs a refused request and checks that no campaign, item, audit record or event changed. */
async function refused(fn: () => Promise<Res>): Promise<Res> {
  const before = await campaignSnapshot(t.tdb);
  const res = await fn();
  expect(await campaignSnapshot(t.tdb)).toEqual(before);
  return res;
}

describe('creating and reading campaigns', () => {
  it('creates a draft with items, audited and announced, and shows it with sold / cap', async () => {
    const body = campaignBody(t.tdb, [sku1.id, sku2.id]);
    const c = await create(body);
    expect(isId('campaign', c.id)).toBe(true);
    expect(c).toMatchObject({ code: body.code, name: body.name, state: 'draft', openForOrders: false });
    expect(c.items.map((i) => [i.skuId, i.skuCode, i.priceFen, i.stockCap, i.sold, i.sortOrder])).toEqual([
      [sku1.id, sku1.code, 990, 100, 0, 0],
      [sku2.id, sku2.code, 991, 100, 0, 1],
    ]);
    expect(c.serverNow).toBe(t.tdb.deps.clock.now().toISOString());

    const audit = await listAudit(t.tdb.deps.db, { entityId: c.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => [a.action, a.actorName])).toEqual([['campaign.create', op.user.username]]);
    const ev = await t.tdb.deps.pool.query('SELECT type FROM outbox_events WHERE aggregate_id = $1', [c.id]);
    expect(ev.rows).toEqual([{ type: 'campaign.created' }]);

    const read = await call(t, warehouse, 'GET', `/api/campaigns/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Detail>().items).toHaveLength(2);
  });

  it('keeps a payment window (付款时限) per campaign, 30 minutes unless set', async () => {
    expect((await create(campaignBody(t.tdb, [sku1.id]))).paymentMinutes).toBe(30);
    const c = await create(campaignBody(t.tdb, [sku1.id], { paymentMinutes: 15 }));
    expect(c.paymentMinutes).toBe(15);
    const res = await call(t, op, 'PUT', `/api/campaigns/${c.id}`, {
      ...campaignBody(t.tdb, [sku1.id], { paymentMinutes: 120 }),
      code: c.code,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().paymentMinutes).toBe(120);
  });

  it('names a shipping warehouse (发货仓), or none for each SKU’s first', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id], { warehouseId: shipFrom }));
    expect(c.warehouseId).toBe(shipFrom);
    expect(c.warehouseName).toMatch(/^测试仓 /);
    const res = await call(t, op, 'PUT', `/api/campaigns/${c.id}`, {
      ...campaignBody(t.tdb, [sku1.id]),
      code: c.code,
      warehouseId: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ warehouseId: null, warehouseName: null });
    // Without the field at all: none.
    expect((await create(campaignBody(t.tdb, [sku1.id]))).warehouseId).toBeNull();
  });

  it('lists with filters by state, search and date window, with totals', async () => {
    const a = await create(campaignBody(t.tdb, [sku1.id], { name: '端午粽子节' }));
    const b = await create(campaignBody(t.tdb, [sku1.id, sku2.id], { name: '中秋月饼团' }, 72));
    expect((await act(b.id, 'schedule')).statusCode).toBe(200);

    type ListBody = {
      items: Array<{ id: string; state: string; itemCount: number; capTotal: number }>;
      total: number;
    };
    const list = async (query: string) => {
      const res = await call(t, warehouse, 'GET', `/api/campaigns?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ListBody>();
    };
    expect((await list('q=粽子')).items.map((i) => i.id)).toEqual([a.id]);
    expect((await list(`q=${encodeURIComponent(b.code)}`)).items.map((i) => i.id)).toEqual([b.id]);
    const scheduled = await list('state=scheduled');
    expect(scheduled.items.map((i) => i.id)).toContain(b.id);
    expect(scheduled.items.every((i) => i.state === 'scheduled')).toBe(true);
    const inB = await list('q=中秋');
    expect(inB.items[0]).toMatchObject({ itemCount: 2, capTotal: 200 });
    // Three days ahead only b's window overlaps.
    const now = t.tdb.deps.clock.now().getTime();
    const from = new Date(now + 70 * HOUR).toISOString();
    const to = new Date(now + 74 * HOUR).toISOString();
    const window = await list(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(window.items.map((i) => i.id)).toEqual([b.id]);
    expectError(
      await call(t, warehouse, 'GET', '/api/campaigns?state=paused'),
      400,
      'request.invalid',
      'query.state',
    );
  });

  it('answers 404 for an unknown campaign', async () => {
    expectError(await call(t, op, 'GET', '/api/campaigns/cmp_nope'), 404, 'campaigns.not_found', 'params.id');
    expectError(await act('cmp_nope', 'schedule'), 404, 'campaigns.not_found', 'params.id');
  });
});

describe('editing drafts', () => {
  it('replaces a draft’s content, keeping the ids of items whose SKU stays', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id, sku2.id]));
    const body = campaignBody(t.tdb, [sku2.id], {
      code: c.code,
      name: '改名后的活动',
      sellTo: 'regions',
      regionIds: [regionId],
    });
    body.items = [{ skuId: sku2.id, priceFen: 500, stockCap: 7, perCustomerLimit: 1 }];
    const res = await call(t, op, 'PUT', `/api/campaigns/${c.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Detail>();
    expect(after).toMatchObject({ name: '改名后的活动', sellTo: 'regions', regionIds: [regionId] });
    // The detail names the regions it sells to, for readers who may not list regions themselves.
    expect(after).toMatchObject({ regions: [{ id: regionId, code: '330100', name: '杭州市' }] });
    expect((await call(t, op, 'GET', `/api/campaigns/${c.id}`)).json<Detail>()).toMatchObject({
      regions: [{ id: regionId, name: '杭州市' }],
    });
    expect(after.items.map((i) => [i.id, i.priceFen, i.stockCap])).toEqual([
      [c.items.find((i) => i.skuId === sku2.id)?.id, 500, 7],
    ]);
    const audit = await listAudit(t.tdb.deps.db, {
      entityId: c.id,
      action: 'campaign.update',
      page: 1,
      pageSize: 5,
    });
    expect(audit.items).toHaveLength(1);
    expect((audit.items[0]?.before as { items?: unknown[] } | undefined)?.items).toHaveLength(2);
  });

  it('refuses a code another campaign uses', async () => {
    const a = await create(campaignBody(t.tdb, [sku1.id]));
    const b = await create(campaignBody(t.tdb, [sku1.id]));
    const dup = await refused(() =>
      call(t, op, 'POST', '/api/campaigns', campaignBody(t.tdb, [sku1.id], { code: a.code })),
    );
    expectError(dup, 409, 'campaigns.code_taken', 'body.code');
    const edit = await refused(() =>
      call(t, op, 'PUT', `/api/campaigns/${b.id}`, campaignBody(t.tdb, [sku1.id], { code: a.code })),
    );
    expectError(edit, 409, 'campaigns.code_taken', 'body.code');
  });

  it('refuses to edit a scheduled or live campaign', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id]));
    expect((await act(c.id, 'schedule')).statusCode).toBe(200);
    const res = await refused(() =>
      call(t, op, 'PUT', `/api/campaigns/${c.id}`, campaignBody(t.tdb, [sku1.id])),
    );
    expectError(res, 409, 'campaigns.not_editable');

    const live = await create(campaignBody(t.tdb, [sku1.id], {}, -1));
    const scheduled = (await act(live.id, 'schedule')).json<Detail>();
    expect(scheduled.state).toBe('live');
    const edit = await refused(() =>
      call(t, op, 'PUT', `/api/campaigns/${live.id}`, campaignBody(t.tdb, [sku2.id])),
    );
    expect(expectError(edit, 409, 'campaigns.not_editable').detail).toContain('live');
  });
});

describe('bad input: a 4xx naming the field, nothing written', () => {
  const cases: Array<[string, () => CampaignJson, number, string, string]> = [
    [
      'unknown SKU',
      () => campaignBody(t.tdb, [sku1.id, 'sku_missing']),
      400,
      'campaigns.sku_not_found',
      'body.items.1.skuId',
    ],
    [
      'inactive SKU',
      () => campaignBody(t.tdb, [inactive.id]),
      422,
      'campaigns.sku_inactive',
      'body.items.0.skuId',
    ],
    [
      'product off sale',
      () => campaignBody(t.tdb, [sku1.id, offSale.id]),
      422,
      'campaigns.sku_inactive',
      'body.items.1.skuId',
    ],
    [
      'duplicate SKU',
      () => campaignBody(t.tdb, [sku1.id, sku1.id]),
      400,
      'campaigns.duplicate_sku',
      'body.items.1.skuId',
    ],
    [
      'negative price',
      () => {
        const b = campaignBody(t.tdb, [sku1.id, sku2.id]);
        b.items[1] = { skuId: sku2.id, priceFen: -1, stockCap: 1, perCustomerLimit: 1 };
        return b;
      },
      400,
      'request.invalid',
      'body.items.1.priceFen',
    ],
    [
      'zero cap',
      () => {
        const b = campaignBody(t.tdb, [sku1.id]);
        b.items[0] = { skuId: sku1.id, priceFen: 1, stockCap: 0, perCustomerLimit: 1 };
        return b;
      },
      400,
      'request.invalid',
      'body.items.0.stockCap',
    ],
    [
      'zero limit',
      () => {
        const b = campaignBody(t.tdb, [sku1.id]);
        b.items[0] = { skuId: sku1.id, priceFen: 1, stockCap: 5, perCustomerLimit: 0 };
        return b;
      },
      400,
      'request.invalid',
      'body.items.0.perCustomerLimit',
    ],
    [
      'cutoff before start',
      () => {
        const b = campaignBody(t.tdb, [sku1.id]);
        return { ...b, cutoffAt: b.startsAt };
      },
      400,
      'campaigns.times_out_of_order',
      'body.cutoffAt',
    ],
    [
      'end before cutoff',
      () => {
        const b = campaignBody(t.tdb, [sku1.id]);
        return { ...b, endsAt: b.startsAt };
      },
      400,
      'campaigns.times_out_of_order',
      'body.endsAt',
    ],
    [
      'delivery before cutoff',
      () => campaignBody(t.tdb, [sku1.id], { deliveryDate: '2026-02-01' }),
      400,
      'campaigns.delivery_before_cutoff',
      'body.deliveryDate',
    ],
    [
      'time without zone',
      () => campaignBody(t.tdb, [sku1.id], { startsAt: '2026-03-01 10:00' }),
      400,
      'request.invalid',
      'body.startsAt',
    ],
    [
      'regions without any',
      () => campaignBody(t.tdb, [sku1.id], { sellTo: 'regions' }),
      400,
      'campaigns.regions_required',
      'body.regionIds',
    ],
    [
      'unknown region',
      () => campaignBody(t.tdb, [sku1.id], { sellTo: 'regions', regionIds: [regionId, 'reg_nope'] }),
      400,
      'campaigns.region_not_found',
      'body.regionIds.1',
    ],
    [
      'unknown warehouse',
      () => campaignBody(t.tdb, [sku1.id], { warehouseId: 'wh_missing' }),
      400,
      'campaigns.warehouse_not_found',
      'body.warehouseId',
    ],
    [
      'warehouse out of use',
      () => campaignBody(t.tdb, [sku1.id], { warehouseId: closedWarehouse }),
      400,
      'campaigns.warehouse_not_found',
      'body.warehouseId',
    ],
    [
      'bad code',
      () => campaignBody(t.tdb, [sku1.id], { code: 'has space' }),
      400,
      'request.invalid',
      'body.code',
    ],
    [
      'a payment window of 0 minutes',
      () => campaignBody(t.tdb, [sku1.id], { paymentMinutes: 0 }),
      400,
      'request.invalid',
      'body.paymentMinutes',
    ],
    [
      'a payment window over a day',
      () => campaignBody(t.tdb, [sku1.id], { paymentMinutes: 1441 }),
      400,
      'request.invalid',
      'body.paymentMinutes',
    ],
  ];

  it.each(cases)('create with %s', async (_name, body, status, code, field) => {
    const res = await refused(() => call(t, op, 'POST', '/api/campaigns', body()));
    expectError(res, status, code, field);
  });

  it('refuses the same mistakes when editing a draft', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id]));
    for (const [name, body, status, code, field] of cases) {
      // Each body gets the draft's own code, except where the code is the mistake.
      const payload = field === 'body.code' ? body() : { ...body(), code: c.code };
      const res = await refused(() => call(t, op, 'PUT', `/api/campaigns/${c.id}`, payload));
      expect(res.statusCode, name).toBe(status);
      expectError(res, status, code, field);
    }
  });

  it('refuses to schedule a draft with zero items or a passed cutoff', async () => {
    const empty = await create(campaignBody(t.tdb, []));
    expectError(await refused(() => act(empty.id, 'schedule')), 422, 'campaigns.no_items', 'items');
    const past = await create(campaignBody(t.tdb, [sku1.id], {}, -10));
    expectError(await refused(() => act(past.id, 'schedule')), 422, 'campaigns.cutoff_passed', 'cutoffAt');
  });

  it('refuses to schedule a draft whose SKU was deactivated since it was saved', async () => {
    const s = await makeSku(t.tdb);
    const c = await create(campaignBody(t.tdb, [sku1.id, s.id]));
    await t.tdb.deps.pool.query(`UPDATE catalog_skus SET status = 'inactive' WHERE id = $1`, [s.id]);
    expectError(await refused(() => act(c.id, 'schedule')), 422, 'campaigns.sku_inactive', 'items.1.skuId');
  });

  it('refuses to schedule a draft whose warehouse was taken out of use since it was saved', async () => {
    const w = await makeWarehouse(t.tdb);
    const c = await create(campaignBody(t.tdb, [sku1.id], { warehouseId: w }));
    await t.tdb.deps.pool.query(`UPDATE warehouses SET status = 'inactive' WHERE id = $1`, [w]);
    expectError(
      await refused(() => act(c.id, 'schedule')),
      400,
      'campaigns.warehouse_not_found',
      'warehouseId',
    );
  });
});

describe('transitions', () => {
  it('schedules, then closes early with a reason once live', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id]));
    const s = await act(c.id, 'schedule');
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json<Detail>()).toMatchObject({ state: 'scheduled', openForOrders: false });
    // Not live yet: closing early is not a move a scheduled campaign can make.
    const early = expectError(
      await refused(() => act(c.id, 'close', { reason: '缺货' })),
      409,
      'campaigns.illegal_transition',
    );
    expect(early.detail).toBe('from scheduled to closed');

    t.tdb.deps.clock.advance(90 * 60_000);
    const closed = await act(c.id, 'close', { reason: '供应商断货' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Detail>()).toMatchObject({
      state: 'closed',
      closeReason: '供应商断货',
      openForOrders: false,
    });
    const audit = await listAudit(t.tdb.deps.db, { entityId: c.id, page: 1, pageSize: 10 });
    // The start passed before anyone ran the tick, so the system moved it live first, then the operator closed it.
    expect(audit.items.map((a) => [a.action, a.actorName]).reverse()).toEqual([
      ['campaign.create', op.user.username],
      ['campaign.schedule', op.user.username],
      ['campaign.live', 'system'],
      ['campaign.close', op.user.username],
    ]);
    const ev = await t.tdb.deps.pool.query(
      'SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id',
      [c.id],
    );
    expect(ev.rows.map((r: { type: string }) => r.type)).toEqual([
      'campaign.created',
      'campaign.scheduled',
      'campaign.live',
      'campaign.closed',
    ]);
    expect(ev.rows[3]?.payload).toMatchObject({
      from: 'live',
      to: 'closed',
      by: 'operator',
      reason: '供应商断货',
    });
    expectError(await refused(() => act(c.id, 'cancel', {})), 409, 'campaigns.illegal_transition');
    expectError(await refused(() => act(c.id, 'schedule')), 409, 'campaigns.illegal_transition');
  });

  it('cancels drafts and scheduled campaigns, but not live ones', async () => {
    const d = await create(campaignBody(t.tdb, [sku1.id]));
    const cd = await act(d.id, 'cancel', { reason: '重复创建' });
    expect(cd.json<Detail>()).toMatchObject({ state: 'cancelled', closeReason: '重复创建' });
    expect(cd.json<Detail>().cancelledAt).not.toBeNull();

    const s = await create(campaignBody(t.tdb, [sku1.id], {}, 5));
    await act(s.id, 'schedule');
    expect((await act(s.id, 'cancel', {})).json<Detail>().state).toBe('cancelled');
    expectError(await refused(() => act(s.id, 'cancel', {})), 409, 'campaigns.illegal_transition');

    const l = await create(campaignBody(t.tdb, [sku1.id], {}, -1));
    await act(l.id, 'schedule');
    const e = expectError(await refused(() => act(l.id, 'cancel', {})), 409, 'campaigns.illegal_transition');
    expect(e.detail).toBe('from live to cancelled');
  });

  it('needs a reason to close early', async () => {
    const l = await create(campaignBody(t.tdb, [sku1.id], {}, -1));
    await act(l.id, 'schedule');
    expectError(await refused(() => act(l.id, 'close', {})), 400, 'request.invalid', 'body.reason');
    expectError(
      await refused(() => act(l.id, 'close', { reason: '   ' })),
      400,
      'request.invalid',
      'body.reason',
    );
  });
});

describe('access', () => {
  it('lets the warehouse read campaigns but not change them', async () => {
    const c = await create(campaignBody(t.tdb, [sku1.id]));
    expect((await call(t, warehouse, 'GET', '/api/campaigns')).statusCode).toBe(200);
    expect((await call(t, warehouse, 'GET', `/api/campaigns/${c.id}`)).statusCode).toBe(200);
    const writes: Array<[string, string, object | undefined]> = [
      ['POST', '/api/campaigns', campaignBody(t.tdb, [sku1.id])],
      ['PUT', `/api/campaigns/${c.id}`, campaignBody(t.tdb, [sku1.id])],
      ['POST', `/api/campaigns/${c.id}/schedule`, undefined],
      ['POST', `/api/campaigns/${c.id}/close`, { reason: 'x' }],
      ['POST', `/api/campaigns/${c.id}/cancel`, {}],
    ];
    for (const [method, url, body] of writes) {
      const res = await refused(() => call(t, warehouse, method as 'POST' | 'PUT', url, body));
      expectError(res, 403, 'auth.forbidden');
    }
    const leader = await sessionFor(t, ['leader']);
    expectError(await call(t, leader, 'GET', '/api/campaigns'), 403, 'auth.forbidden');
    expectError(await call(t, null, 'GET', '/api/campaigns'), 401, 'auth.unauthenticated');
  });
});
