import { products, skus } from '../../src/modules/catalog/index.js';
import { warehouses } from '../../src/modules/inventory/index.js';
import { newId } from '../../src/platform/ids.js';
import type { TestDb } from '../helpers/test-db.js';

let n = 0;

/**
 * Inserts a product with SKUs straight into the catalog tables: the inventory tests need SKUs to
 * exist, not the catalog's use-cases (which another module owns and tests).
 */
export async function makeSkus(tdb: TestDb, specs: string[] = ['500g']): Promise<string[]> {
  n += 1;
  const now = tdb.deps.clock.now();
  const productId = newId('product');
  await tdb.deps.db.insert(products).values({
    id: productId,
    code: `P-INV-${n}-${Math.random().toString(36).slice(2, 7)}`,
    name: `测试商品 ${n}`,
    unit: '份',
    status: 'on_sale',
    createdAt: now,
    updatedAt: now,
  });
  const rows = specs.map((spec, i) => ({
    id: newId('sku'),
    productId,
    code: `SKU-INV-${n}-${i}-${Math.random().toString(36).slice(2, 7)}`,
    spec,
    listPriceFen: 1990,
    costPriceFen: 1200,
    createdAt: now,
    updatedAt: now,
  }));
  await tdb.deps.db.insert(skus).values(rows);
  return rows.map((r) => r.id);
}

export async function makeWarehouse(tdb: TestDb, status: 'active' | 'inactive' = 'active'): Promise<string> {
  n += 1;
  const id = newId('warehouse');
  await tdb.deps.db.insert(warehouses).values({
    id,
    code: `WH-T${n}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    name: `测试仓 ${n}`,
    address: '杭州市测试路 1 号',
    status,
    createdAt: tdb.deps.clock.now(),
  });
  return id;
}

/** The counters of one level straight from the table, or null when it has none. */
export async function levelOf(tdb: TestDb, skuId: string, warehouseId: string) {
  const r = await tdb.deps.pool.query<{ on_hand: string; allocated: string; available: string }>(
    'SELECT on_hand, allocated, available FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
    [skuId, warehouseId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return { onHand: Number(row.on_hand), allocated: Number(row.allocated), available: Number(row.available) };
}

/**
 * The counters a level should have according to its movements alone (see deltasOf): the proof that
 * no counter moved without a movement.
 */
export async function levelFromMovements(tdb: TestDb, skuId: string, warehouseId: string) {
  const r = await tdb.deps.pool.query<{ on_hand: string; allocated: string; available: string }>(
    `SELECT
       coalesce(sum(CASE WHEN kind IN ('receipt', 'adjustment', 'shipment') THEN quantity ELSE 0 END), 0) AS on_hand,
       coalesce(sum(CASE WHEN kind IN ('allocation', 'release') THEN -quantity
                         WHEN kind = 'shipment' THEN quantity ELSE 0 END), 0) AS allocated,
       coalesce(sum(CASE WHEN kind = 'shipment' THEN 0 ELSE quantity END), 0) AS available
     FROM stock_movements WHERE sku_id = $1 AND warehouse_id = $2`,
    [skuId, warehouseId],
  );
  const row = r.rows[0];
  return {
    onHand: Number(row?.on_hand ?? 0),
    allocated: Number(row?.allocated ?? 0),
    available: Number(row?.available ?? 0),
  };
}

export const INVENTORY_TABLES = ['stock_levels', 'stock_movements', 'warehouses'] as const;

export async function inventoryCounts(tdb: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...INVENTORY_TABLES, 'audit_log', 'outbox_events']) {
    const r = await tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = r.rows[0]?.n ?? -1;
  }
  // Counters too: a refused request must not have moved any.
  const sums = await tdb.deps.pool.query<{ s: string }>(
    'SELECT coalesce(sum(on_hand * 1000003 + allocated * 1009 + low_stock_threshold), 0)::text AS s FROM stock_levels',
  );
  out.levelChecksum = Number(sums.rows[0]?.s ?? 0);
  return out;
}
