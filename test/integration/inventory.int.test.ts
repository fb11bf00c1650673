import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import {
  inventoryCounts,
  levelFromMovements,
  levelOf,
  makeSkus,
  makeWarehouse,
} from './inventory-support.js';
import { call, expectError, type Res } from './support.js';

interface LevelItem {
  skuId: string;
  skuCode: string | null;
  spec: string | null;
  productName: string | null;
  warehouseId: string;
  warehouseName: string;
  onHand: number;
  allocated: number;
  available: number;
  lowStockThreshold: number;
  lowStock: boolean;
}
interface MovementItem {
  id: string;
  skuId: string;
  kind: string;
  quantity: number;
  reason: string | null;
  actorName: string | null;
  onHandAfter: number;
  availableAfter: number;
  skuCode: string | null;
  createdAt: string;
}

let t: TestApp;
let admin: Session;
let keeper: Session;
let wh: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
  keeper = await sessionFor(t, ['warehouse']);
  wh = await makeWarehouse(t.tdb);
});
afterAll(() => t.close());

/** Runs a refused request and checks no inventory row, counter, audit record or event was written. */
async function refused(fn: () => Promise<Res>): Promise<Res> {
  const before = await inventoryCounts(t.tdb);
  const res = await fn();
  expect(await inventoryCounts(t.tdb)).toEqual(before);
  return res;
}

const receive = (body: object, as: Session = keeper) => call(t, as, 'POST', '/api/stock/receive', body);
const adjust = (body: object, as: Session = keeper) => call(t, as, 'POST', '/api/stock/adjust', body);

describe('receiving stock (到货入库)', () => {
  it('adds to on hand and available, records a movement with the actor, audits and publishes', async () => {
    const [sku = ''] = await makeSkus(t.tdb, ['1kg']);
    const first = await receive({ skuId: sku, warehouseId: wh, quantity: 30, reason: '供应商到货' });
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json<{ level: LevelItem; movementId: string }>();
    expect(body.level).toMatchObject({ onHand: 30, allocated: 0, available: 30 });
    expect(isId('stockMovement', body.movementId)).toBe(true);
    const second = await receive({ skuId: sku, warehouseId: wh, quantity: 12 });
    expect(second.json<{ level: LevelItem }>().level.onHand).toBe(42);

    const levels = await call(t, admin, 'GET', `/api/stock-levels?skuId=${sku}`);
    const item = levels.json<{ items: LevelItem[]; total: number }>().items[0];
    expect(item).toMatchObject({ skuId: sku, spec: '1kg', onHand: 42, available: 42, warehouseId: wh });
    expect(item?.skuCode).toMatch(/^SKU-INV-/);
    expect(item?.productName).toMatch(/测试商品/);

    const moves = await call(t, admin, 'GET', `/api/stock-movements?skuId=${sku}`);
    const items = moves.json<{ items: MovementItem[] }>().items;
    expect(items.map((m) => [m.kind, m.quantity, m.onHandAfter])).toEqual([
      ['receipt', 12, 42],
      ['receipt', 30, 30],
    ]);
    expect(items[1]?.reason).toBe('供应商到货');
    expect(items[1]?.actorName).toBe(keeper.user.username);

    const audit = await call(t, admin, 'GET', `/api/audit?action=stock.receive&entityId=${sku}@${wh}`);
    expect(audit.json<{ total: number }>().total).toBe(2);
    const events = await t.tdb.deps.pool.query<{ payload: { available: number } }>(
      "SELECT payload FROM outbox_events WHERE type = 'stock.changed' AND aggregate_id = $1 ORDER BY id",
      [sku],
    );
    expect(events.rows.map((e) => e.payload.available)).toEqual([30, 42]);
  });

  it('refuses bad input with a 4xx naming the field and writes nothing', async () => {
    const [sku = ''] = await makeSkus(t.tdb);
    const inactive = await makeWarehouse(t.tdb, 'inactive');
    const ok = { skuId: sku, warehouseId: wh, quantity: 5 };
    const cases: Array<[object, number, string, string]> = [
      [{ ...ok, quantity: 0 }, 400, 'request.invalid', 'body.quantity'],
      [{ ...ok, quantity: -3 }, 400, 'request.invalid', 'body.quantity'],
      [{ ...ok, quantity: 1.5 }, 400, 'request.invalid', 'body.quantity'],
      [{ ...ok, quantity: '5' }, 400, 'request.invalid', 'body.quantity'],
      [{ skuId: sku, warehouseId: wh }, 400, 'request.invalid', 'body.quantity'],
      [{ ...ok, skuId: 'sku_00000000000000000000000000' }, 400, 'inventory.unknown_sku', 'body.skuId'],
      [
        { ...ok, warehouseId: 'wh_00000000000000000000000000' },
        400,
        'inventory.unknown_warehouse',
        'body.warehouseId',
      ],
      [{ ...ok, warehouseId: inactive }, 422, 'inventory.warehouse_inactive', 'body.warehouseId'],
      [{ ...ok, price: 100 }, 400, 'request.invalid', 'body.price'],
    ];
    for (const [payload, status, code, field] of cases) {
      expectError(await refused(() => receive(payload)), status, code, field);
    }
    expect(await levelOf(t.tdb, sku, wh)).toBeNull();
  });
});

describe('adjusting stock (盘点调整)', () => {
  it('moves on hand either way with a reason, and refuses to go below what is allocated', async () => {
    const [sku = ''] = await makeSkus(t.tdb);
    await receive({ skuId: sku, warehouseId: wh, quantity: 10 });
    const down = await adjust({ skuId: sku, warehouseId: wh, quantity: -4, reason: '破损 2 箱' });
    expect(down.statusCode, down.body).toBe(201);
    expect(down.json<{ level: LevelItem }>().level).toMatchObject({ onHand: 6, available: 6 });
    const up = await adjust({ skuId: sku, warehouseId: wh, quantity: 1, reason: '盘盈' });
    expect(up.json<{ level: LevelItem }>().level.onHand).toBe(7);
    // Allocate 5 the way the order module will, then try to count below it.
    await t.tdb.deps.pool.query(
      'UPDATE stock_levels SET allocated = allocated + 5, available = available - 5 WHERE sku_id = $1',
      [sku],
    );
    const res = await refused(() => adjust({ skuId: sku, warehouseId: wh, quantity: -3, reason: '盘亏' }));
    const error = expectError(res, 422, 'inventory.below_allocated', 'body.quantity');
    expect(error.detail).toContain('allocated 5');
    const exact = await adjust({ skuId: sku, warehouseId: wh, quantity: -2, reason: '盘亏' });
    expect(exact.json<{ level: LevelItem }>().level).toMatchObject({ onHand: 5, allocated: 5, available: 0 });
  });

  it('requires a reason and a non-zero whole quantity; writes nothing otherwise', async () => {
    const [sku = ''] = await makeSkus(t.tdb);
    await receive({ skuId: sku, warehouseId: wh, quantity: 10 });
    const ok = { skuId: sku, warehouseId: wh, quantity: -1, reason: '盘亏' };
    const { reason: _r, ...noReason } = ok;
    const cases: Array<[object, number, string, string]> = [
      [noReason, 400, 'request.invalid', 'body.reason'],
      [{ ...ok, reason: '' }, 400, 'request.invalid', 'body.reason'],
      [{ ...ok, reason: '   ' }, 400, 'inventory.reason_required', 'body.reason'],
      [{ ...ok, quantity: 0 }, 400, 'inventory.invalid_quantity', 'body.quantity'],
      [{ ...ok, quantity: 0.5 }, 400, 'request.invalid', 'body.quantity'],
      [{ ...ok, quantity: -11 }, 422, 'inventory.below_allocated', 'body.quantity'],
      [{ ...ok, skuId: 'nope' }, 400, 'inventory.unknown_sku', 'body.skuId'],
      [{ ...ok, warehouseId: 'nope' }, 400, 'inventory.unknown_warehouse', 'body.warehouseId'],
    ];
    for (const [payload, status, code, field] of cases) {
      expectError(await refused(() => adjust(payload)), status, code, field);
    }
    expect(await levelOf(t.tdb, sku, wh)).toEqual({ onHand: 10, allocated: 0, available: 10 });
    expect(await levelFromMovements(t.tdb, sku, wh)).toEqual({ onHand: 10, allocated: 0, available: 10 });
  });
});

describe('low-stock threshold (库存预警)', () => {
  it('sets the threshold, flags the level low, filters on it, and publishes stock.low once per crossing', async () => {
    const [sku = ''] = await makeSkus(t.tdb);
    const url = `/api/stock-levels/${sku}/${wh}`;
    // A threshold can be set before the first delivery.
    const set = await call(t, keeper, 'PATCH', url, { lowStockThreshold: 5 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<LevelItem>()).toMatchObject({ onHand: 0, lowStockThreshold: 5 });
    const lowEvents = async () =>
      (
        await t.tdb.deps.pool.query(
          "SELECT 1 FROM outbox_events WHERE type = 'stock.low' AND aggregate_id = $1",
          [sku],
        )
      ).rowCount;
    // Setting a threshold on an empty level is itself a crossing.
    expect(await lowEvents()).toBe(1);
    await receive({ skuId: sku, warehouseId: wh, quantity: 8 });
    await adjust({ skuId: sku, warehouseId: wh, quantity: -2, reason: '破损' });
    expect(await lowEvents()).toBe(1);
    await adjust({ skuId: sku, warehouseId: wh, quantity: -2, reason: '破损' });
    expect(await lowEvents()).toBe(2);
    await adjust({ skuId: sku, warehouseId: wh, quantity: -1, reason: '破损' });
    expect(await lowEvents()).toBe(2);

    const low = await call(t, admin, 'GET', `/api/stock-levels?lowStock=true&warehouseId=${wh}`);
    const items = low.json<{ items: LevelItem[] }>().items;
    expect(items.map((i) => i.skuId)).toContain(sku);
    expect(items.every((i) => i.lowStock && i.available < i.lowStockThreshold)).toBe(true);
  });

  it('answers 404 for an unknown SKU or warehouse and 400 for a bad threshold, writing nothing', async () => {
    const [sku = ''] = await makeSkus(t.tdb);
    const cases: Array<[string, object, number, string, string]> = [
      [
        `/api/stock-levels/nope/${wh}`,
        { lowStockThreshold: 1 },
        404,
        'inventory.sku_not_found',
        'params.skuId',
      ],
      [
        `/api/stock-levels/${sku}/nope`,
        { lowStockThreshold: 1 },
        404,
        'inventory.warehouse_not_found',
        'params.warehouseId',
      ],
      [
        `/api/stock-levels/${sku}/${wh}`,
        { lowStockThreshold: -1 },
        400,
        'request.invalid',
        'body.lowStockThreshold',
      ],
      [`/api/stock-levels/${sku}/${wh}`, {}, 400, 'request.invalid', 'body.lowStockThreshold'],
    ];
    for (const [url, payload, status, code, field] of cases) {
      expectError(await refused(() => call(t, keeper, 'PATCH', url, payload)), status, code, field);
    }
  });
});

describe('listing', () => {
  it('pages stock levels and filters movements by kind, warehouse and date', async () => {
    const wh2 = await makeWarehouse(t.tdb);
    const made = await makeSkus(t.tdb, ['a', 'b', 'c']);
    t.tdb.deps.clock.advance(60_000);
    const since = t.tdb.deps.clock.now().toISOString();
    for (const sku of made) await receive({ skuId: sku, warehouseId: wh2, quantity: 3 });
    await adjust({ skuId: made[0] ?? '', warehouseId: wh2, quantity: -1, reason: '样品' });

    const seen: string[] = [];
    for (const page of [1, 2]) {
      const res = await call(t, admin, 'GET', `/api/stock-levels?warehouseId=${wh2}&page=${page}&pageSize=2`);
      const body = res.json<{ items: LevelItem[]; total: number }>();
      expect(body.total).toBe(3);
      seen.push(...body.items.map((i) => i.skuId));
    }
    expect(seen.sort()).toEqual([...made].sort());
    const two = await call(t, admin, 'GET', `/api/stock-levels?skuId=${made[0]}&skuId=${made[2]}`);
    expect(two.json<{ total: number }>().total).toBe(2);

    const adj = await call(t, admin, 'GET', `/api/stock-movements?warehouseId=${wh2}&kind=adjustment`);
    expect(adj.json<{ items: MovementItem[] }>().items.map((m) => m.quantity)).toEqual([-1]);
    const all = await call(t, admin, 'GET', `/api/stock-movements?warehouseId=${wh2}&from=${since}`);
    expect(all.json<{ total: number }>().total).toBe(4);
    const before = await call(
      t,
      admin,
      'GET',
      `/api/stock-movements?warehouseId=${wh2}&to=2020-01-01T00:00:00Z`,
    );
    expect(before.json<{ total: number }>().total).toBe(0);
    expectError(
      await call(t, admin, 'GET', '/api/stock-movements?kind=theft'),
      400,
      'request.invalid',
      'query.kind',
    );
    expectError(
      await call(t, admin, 'GET', '/api/stock-movements?from=yesterday'),
      400,
      'request.invalid',
      'query.from',
    );
  });
});

describe('warehouses (仓库)', () => {
  it('creates, renames and deactivates a warehouse, refusing a duplicate code and an unknown region', async () => {
    const created = await call(t, keeper, 'POST', '/api/warehouses', {
      code: 'wh-sh-02',
      name: '上海二号仓',
      address: '上海市浦东新区 2 号',
    });
    expect(created.statusCode, created.body).toBe(201);
    const w = created.json<{ id: string; code: string; status: string }>();
    expect(w).toMatchObject({ code: 'WH-SH-02', status: 'active' });
    expectError(
      await refused(() =>
        call(t, keeper, 'POST', '/api/warehouses', { code: 'WH-SH-02', name: 'x', address: 'y' }),
      ),
      409,
      'inventory.warehouse_code_taken',
      'body.code',
    );
    expectError(
      await refused(() =>
        call(t, keeper, 'POST', '/api/warehouses', {
          code: 'WH-X',
          name: 'x',
          address: 'y',
          regionId: 'reg_x',
        }),
      ),
      400,
      'inventory.unknown_region',
      'body.regionId',
    );
    expectError(
      await refused(() =>
        call(t, keeper, 'POST', '/api/warehouses', { code: 'WH-Y', name: '  ', address: 'y' }),
      ),
      400,
      'request.invalid',
      'body.name',
    );
    const patched = await call(t, keeper, 'PATCH', `/api/warehouses/${w.id}`, {
      name: '上海 2 号仓',
      status: 'inactive',
    });
    expect(patched.json()).toMatchObject({ name: '上海 2 号仓', status: 'inactive', code: 'WH-SH-02' });
    expectError(
      await refused(() => call(t, keeper, 'PATCH', '/api/warehouses/wh_nope', { name: 'x' })),
      404,
      'inventory.warehouse_not_found',
      'params.id',
    );
    const list = await call(t, admin, 'GET', '/api/warehouses');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(w.id);
    const audit = await call(t, admin, 'GET', `/api/audit?entityId=${w.id}`);
    expect(audit.json<{ total: number }>().total).toBe(2);
  });
});

describe('who may do what', () => {
  it('lets finance read stock but not receive, adjust, set thresholds or create warehouses', async () => {
    const finance = await sessionFor(t, ['finance']);
    const [sku = ''] = await makeSkus(t.tdb);
    expect((await call(t, finance, 'GET', '/api/stock-levels')).statusCode).toBe(200);
    expect((await call(t, finance, 'GET', '/api/stock-movements')).statusCode).toBe(200);
    const writes: Array<[string, string, object]> = [
      ['POST', '/api/stock/receive', { skuId: sku, warehouseId: wh, quantity: 1 }],
      ['POST', '/api/stock/adjust', { skuId: sku, warehouseId: wh, quantity: 1, reason: 'x' }],
      ['PATCH', `/api/stock-levels/${sku}/${wh}`, { lowStockThreshold: 1 }],
      ['POST', '/api/warehouses', { code: 'WH-FIN', name: 'x', address: 'y' }],
      ['PATCH', `/api/warehouses/${wh}`, { name: 'x' }],
    ];
    for (const [method, url, payload] of writes) {
      const res = await refused(() => call(t, finance, method as 'POST', url, payload));
      expectError(res, 403, 'auth.forbidden');
    }
    const leader = await sessionFor(t, ['leader']);
    expectError(await call(t, leader, 'GET', '/api/stock-levels'), 403, 'auth.forbidden');
  });
});
