import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInventoryDemo } from '../../src/demo/inventory.seed.js';
import {
  allocate,
  receiveStockTx,
  release,
  type StockLine,
  ship,
  shippingWarehouses,
} from '../../src/modules/inventory/index.js';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { EventBus } from '../../src/platform/outbox/event-bus.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import {
  inventoryCounts,
  levelFromMovements,
  levelOf,
  makeSkus,
  makeWarehouse,
} from './inventory-support.js';

/**
 * The stock use-cases the order module calls inside its own transactions, and the database rules
 * that back them: the CHECK on the counters, the append-only movement log, and no overselling under
 * many concurrent connections.
 */
let tdb: TestDb;
let wh: string;
const actor: Actor = { ...SYSTEM_ACTOR, actorName: 'order-flusher' };

beforeAll(async () => {
  tdb = await createTestDb();
  wh = await makeWarehouse(tdb);
});
afterAll(() => tdb.close());

async function stocked(quantity: number, specs = ['500g']): Promise<string[]> {
  const ids = await makeSkus(tdb, specs);
  await tdb.deps.db.transaction(async (tx) => {
    for (const skuId of ids) await receiveStockTx(tdb.deps, tx, actor, { skuId, warehouseId: wh, quantity });
  });
  return ids;
}

const inTx = <T>(fn: Parameters<typeof tdb.deps.db.transaction<T>>[0]) => tdb.deps.db.transaction(fn);
const line = (skuId: string, quantity: number, referenceId = 'ord_1'): StockLine => ({
  skuId,
  warehouseId: wh,
  quantity,
  referenceType: 'order',
  referenceId,
});

async function expectBalanced(skuId: string) {
  expect(await levelFromMovements(tdb, skuId, wh)).toEqual(await levelOf(tdb, skuId, wh));
}

describe('the database backs the code', () => {
  it('refuses a negative available, a broken identity and negative counters even through raw SQL', async () => {
    const [sku = ''] = await stocked(3);
    const bad = [
      'UPDATE stock_levels SET available = available - 4, allocated = allocated + 4 WHERE sku_id = $1',
      'UPDATE stock_levels SET available = available - 1 WHERE sku_id = $1',
      'UPDATE stock_levels SET on_hand = -1, available = -1 WHERE sku_id = $1',
      'UPDATE stock_levels SET allocated = -1, available = on_hand + 1 WHERE sku_id = $1',
    ];
    for (const q of bad) {
      await expect(tdb.deps.pool.query(q, [sku])).rejects.toMatchObject({
        code: '23514',
        constraint: 'stock_levels_counters_check',
      });
    }
    expect(await levelOf(tdb, sku, wh)).toEqual({ onHand: 3, allocated: 0, available: 3 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of stock movements: to the app by privilege, to the owner by trigger', async () => {
    const [sku = ''] = await stocked(2);
    const owner = new pg.Pool({ connectionString: tdb.adminUrl, max: 1 });
    try {
      for (const q of [
        'UPDATE stock_movements SET quantity = 100 WHERE sku_id = $1',
        'DELETE FROM stock_movements WHERE sku_id = $1',
      ]) {
        await expect(tdb.deps.pool.query(q, [sku])).rejects.toThrow(/permission denied/);
        await expect(owner.query(q, [sku])).rejects.toThrow(/append-only/);
      }
      await expect(tdb.deps.pool.query('TRUNCATE stock_movements CASCADE')).rejects.toThrow(
        /permission denied/,
      );
      await expect(owner.query('TRUNCATE stock_movements CASCADE')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    await expectBalanced(sku);
  });

  it('refuses a movement whose sign does not match its kind, or an adjustment without a reason', async () => {
    const [sku = ''] = await stocked(2);
    const insert = (kind: string, quantity: number, reason: string | null) =>
      tdb.deps.pool.query(
        `INSERT INTO stock_movements (id, sku_id, warehouse_id, kind, quantity, reason, on_hand_after,
           allocated_after, available_after, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0, now())`,
        [`mov_test_${kind}_${quantity}`, sku, wh, kind, quantity, reason],
      );
    await expect(insert('receipt', -1, null)).rejects.toMatchObject({
      constraint: 'stock_movements_sign_check',
    });
    await expect(insert('allocation', 1, null)).rejects.toMatchObject({
      constraint: 'stock_movements_sign_check',
    });
    await expect(insert('adjustment', 1, ' ')).rejects.toMatchObject({
      constraint: 'stock_movements_reason_check',
    });
  });
});

describe('allocate, release and ship', () => {
  it('allocates many lines at once, moving available to allocated, one movement per line', async () => {
    const [a = '', b = ''] = await stocked(10, ['a', 'b']);
    const result = await inTx((tx) =>
      allocate(tdb.deps, tx, actor, [line(a, 3, 'ord_A'), line(b, 10, 'ord_A'), line(a, 2, 'ord_B')]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.movementIds).toHaveLength(3);
    expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 10, allocated: 5, available: 5 });
    expect(await levelOf(tdb, b, wh)).toEqual({ onHand: 10, allocated: 10, available: 0 });
    const moves = await tdb.deps.pool.query<{
      quantity: number;
      available_after: number;
      reference_id: string;
    }>(
      "SELECT quantity, available_after, reference_id FROM stock_movements WHERE sku_id = $1 AND kind = 'allocation' ORDER BY id",
      [a],
    );
    // The movements show the state after each line even though one statement moved the level.
    expect(moves.rows.map((m) => [Number(m.quantity), Number(m.available_after), m.reference_id])).toEqual([
      [-3, 7, 'ord_A'],
      [-2, 5, 'ord_B'],
    ]);
    await expectBalanced(a);
    await expectBalanced(b);
  });

  it('is all-or-nothing: a line that does not fit is returned and nothing at all is written', async () => {
    const [a = '', b = ''] = await stocked(5, ['a', 'b']);
    const before = await inventoryCounts(tdb);
    const result = await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 2), line(b, 4), line(b, 2)]));
    expect(result).toEqual({
      ok: false,
      shortage: { lineIndex: 2, skuId: b, warehouseId: wh, requested: 2, remaining: 1, counter: 'available' },
    });
    expect(await inventoryCounts(tdb)).toEqual(before);
    // A SKU never stocked in the warehouse has nothing to allocate.
    const [never = ''] = await makeSkus(tdb);
    const none = await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 1), line(never, 1)]));
    expect(none.ok ? null : none.shortage.lineIndex).toBe(1);
    expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 5, allocated: 0, available: 5 });
  });

  it('releases and ships only what is allocated, all-or-nothing, keeping movements equal to counters', async () => {
    const [a = '', b = ''] = await stocked(10, ['a', 'b']);
    await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 6), line(b, 4)]));
    const tooMuch = await inTx((tx) => release(tdb.deps, tx, actor, [line(a, 2), line(b, 5)]));
    expect(tooMuch.ok ? null : tooMuch.shortage).toMatchObject({
      lineIndex: 1,
      counter: 'allocated',
      remaining: 4,
    });
    expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 10, allocated: 6, available: 4 });

    const released = await inTx((tx) => release(tdb.deps, tx, actor, [line(a, 2)]));
    expect(released.ok).toBe(true);
    expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 10, allocated: 4, available: 6 });

    const overShip = await inTx((tx) => ship(tdb.deps, tx, actor, [line(a, 4), line(b, 5)]));
    expect(overShip.ok).toBe(false);
    const shipped = await inTx((tx) => ship(tdb.deps, tx, actor, [line(a, 4), line(b, 4)]));
    expect(shipped.ok).toBe(true);
    expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 6, allocated: 0, available: 6 });
    expect(await levelOf(tdb, b, wh)).toEqual({ onHand: 6, allocated: 0, available: 6 });
    await expectBalanced(a);
    await expectBalanced(b);
  });

  it('rolls back with the caller’s transaction: nothing stays when the caller fails afterwards', async () => {
    const [a = ''] = await stocked(5);
    const before = await inventoryCounts(tdb);
    await expect(
      inTx(async (tx) => {
        const r = await allocate(tdb.deps, tx, actor, [line(a, 3)]);
        expect(r.ok).toBe(true);
        throw new Error('order insert failed');
      }),
    ).rejects.toThrow('order insert failed');
    expect(await inventoryCounts(tdb)).toEqual(before);
  });

  it('refuses a zero, negative or fractional line quantity as bad input', async () => {
    const [a = ''] = await stocked(5);
    for (const q of [0, -1, 1.5]) {
      await expect(
        inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 1), line(a, q)])),
      ).rejects.toMatchObject({
        code: 'inventory.invalid_quantity',
        field: 'lines.1.quantity',
      });
    }
  });

  it('publishes stock.changed per level and stock.low once when available crosses below the threshold', async () => {
    const [a = ''] = await stocked(10);
    await tdb.deps.pool.query('UPDATE stock_levels SET low_stock_threshold = 5 WHERE sku_id = $1', [a]);
    const count = async (type: string) =>
      (
        await tdb.deps.pool.query('SELECT 1 FROM outbox_events WHERE type = $1 AND aggregate_id = $2', [
          type,
          a,
        ])
      ).rowCount ?? 0;
    const changedBefore = await count('stock.changed');
    await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 3), line(a, 1)]));
    expect(await count('stock.changed')).toBe(changedBefore + 1);
    expect(await count('stock.low')).toBe(0);
    await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 2)]));
    expect(await count('stock.low')).toBe(1);
    await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 1)]));
    expect(await count('stock.low')).toBe(1);
    await inTx((tx) => release(tdb.deps, tx, actor, [line(a, 5)]));
    await inTx((tx) => allocate(tdb.deps, tx, actor, [line(a, 5)]));
    expect(await count('stock.low')).toBe(2);
  });
});

describe('under concurrency', () => {
  it('50 parallel allocations of 1 against 20 available on separate connections: exactly 20 succeed', async () => {
    const [a = ''] = await stocked(20);
    // A pool of its own, large enough that every allocation holds a real connection at once.
    const database = openDatabase(tdb.url, { max: 50 });
    const bus = new EventBus(database.db, database.pool, tdb.deps.clock, tdb.deps.log);
    const deps = { clock: tdb.deps.clock, bus };
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          database.db.transaction((tx) => allocate(deps, tx, actor, [line(a, 1, `ord_${i}`)])),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(20);
      expect(results.filter((r) => !r.ok)).toHaveLength(30);
      expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 20, allocated: 20, available: 0 });
      await expectBalanced(a);
      const moves = await tdb.deps.pool.query(
        "SELECT 1 FROM stock_movements WHERE sku_id = $1 AND kind = 'allocation'",
        [a],
      );
      expect(moves.rowCount).toBe(20);
    } finally {
      await database.close();
    }
  });

  it('does not deadlock when calls lock the same levels listed in opposite orders', async () => {
    const [a = '', b = ''] = await stocked(100, ['a', 'b']);
    const database = openDatabase(tdb.url, { max: 20 });
    const bus = new EventBus(database.db, database.pool, tdb.deps.clock, tdb.deps.log);
    const deps = { clock: tdb.deps.clock, bus };
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          database.db.transaction((tx) =>
            allocate(deps, tx, actor, i % 2 ? [line(a, 1), line(b, 1)] : [line(b, 1), line(a, 1)]),
          ),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await levelOf(tdb, a, wh)).toEqual({ onHand: 100, allocated: 40, available: 60 });
      expect(await levelOf(tdb, b, wh)).toEqual({ onHand: 100, allocated: 40, available: 60 });
    } finally {
      await database.close();
    }
  });
});

describe('which warehouse ships a SKU (发货仓)', () => {
  it('takes the campaign’s warehouse when it names one, else the first active one by code', async () => {
    const [first, second, closed] = [
      await makeWarehouse(tdb),
      await makeWarehouse(tdb),
      await makeWarehouse(tdb),
    ];
    const [both, onlySecond, onlyClosed, none] = await makeSkus(tdb, ['a', 'b', 'c', 'd']);
    await tdb.deps.db.transaction(async (tx) => {
      for (const [skuId, warehouseId] of [
        [both, second],
        [both, first],
        [onlySecond, second],
        [onlyClosed, closed],
      ] as const) {
        await receiveStockTx(tdb.deps, tx, actor, { skuId: skuId ?? '', warehouseId, quantity: 5 });
      }
    });
    // Stock received while it was open, then closed (停用).
    await tdb.deps.pool.query(`UPDATE warehouses SET status = 'inactive' WHERE id = $1`, [closed]);
    const skus = [both, onlySecond, onlyClosed, none].map((s) => s ?? '');
    expect(Object.fromEntries(await shippingWarehouses(tdb.deps.db, skus, null))).toEqual({
      [both ?? '']: first,
      [onlySecond ?? '']: second,
    });
    expect(Object.fromEntries(await shippingWarehouses(tdb.deps.db, skus, second))).toEqual({
      [both ?? '']: second,
      [onlySecond ?? '']: second,
    });
    // A named warehouse that is inactive ships nothing, even what it stocks.
    expect((await shippingWarehouses(tdb.deps.db, skus, closed)).size).toBe(0);
    expect((await shippingWarehouses(tdb.deps.db, [], null)).size).toBe(0);
  });
});

describe('the demo seed', () => {
  it('receives stock through the use-case and sets thresholds, leaving some SKUs low', async () => {
    const ids = await makeSkus(tdb, ['1', '2', '3', '4', '5', '6']);
    const demoWh = await makeWarehouse(tdb);
    await tdb.deps.db.transaction((tx) =>
      seedInventoryDemo(tdb.deps, tx, { warehouseId: demoWh, skuIds: ids }),
    );
    for (const skuId of ids) {
      const level = await levelOf(tdb, skuId, demoWh);
      expect(level?.onHand).toBeGreaterThan(0);
      expect(await levelFromMovements(tdb, skuId, demoWh)).toEqual(level);
    }
    const low = await tdb.deps.pool.query(
      'SELECT 1 FROM stock_levels WHERE warehouse_id = $1 AND available < low_stock_threshold',
      [demoWh],
    );
    expect(low.rowCount).toBe(1);
  });
});
