import { and, asc, count, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { findSkus, type SkuSummary } from '../catalog/index.js';
import { type MovementKind, stockLevels, stockMovements, warehouses } from './inventory.tables.js';
import { isLow } from './movement-math.js';

/** What a person sees of a SKU next to its stock; null fields when the catalog no longer has it. */
function skuView(sku: SkuSummary | undefined) {
  return {
    skuCode: sku?.skuCode ?? null,
    spec: sku?.spec ?? null,
    productName: sku?.productName ?? null,
    unit: sku?.unit ?? null,
  };
}

async function skuMap(db: Executor, ids: readonly string[]): Promise<Map<string, SkuSummary>> {
  const found = await findSkus(db, [...new Set(ids)]);
  return new Map(found.map((s) => [s.skuId, s]));
}

export interface StockLevelQuery {
  warehouseId?: string | undefined;
  skuId?: string[] | undefined;
  lowStock?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Stock levels with warehouse and SKU names; `lowStock` keeps only levels below their threshold. */
export async function listStockLevels(db: Executor, q: StockLevelQuery) {
  const where: SQL[] = [];
  if (q.warehouseId) where.push(eq(stockLevels.warehouseId, q.warehouseId));
  if (q.skuId && q.skuId.length > 0) where.push(inArray(stockLevels.skuId, q.skuId));
  if (q.lowStock) where.push(lt(stockLevels.available, stockLevels.lowStockThreshold));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        level: stockLevels,
        warehouseCode: warehouses.code,
        warehouseName: warehouses.name,
      })
      .from(stockLevels)
      .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
      .where(cond)
      .orderBy(asc(stockLevels.skuId), asc(warehouses.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stockLevels).where(cond),
  ]);
  const skus = await skuMap(
    db,
    rows.map((r) => r.level.skuId),
  );
  return {
    items: rows.map(({ level, warehouseCode, warehouseName }) => ({
      skuId: level.skuId,
      ...skuView(skus.get(level.skuId)),
      warehouseId: level.warehouseId,
      warehouseCode,
      warehouseName,
      onHand: level.onHand,
      allocated: level.allocated,
      available: level.available,
      lowStockThreshold: level.lowStockThreshold,
      lowStock: isLow(level.available, level.lowStockThreshold),
      updatedAt: level.updatedAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

export interface MovementQuery {
  skuId?: string | undefined;
  warehouseId?: string | undefined;
  kind?: MovementKind | undefined;
  referenceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** The movement log, newest first. */
export async function listMovements(db: Executor, q: MovementQuery) {
  const where: SQL[] = [];
  if (q.skuId) where.push(eq(stockMovements.skuId, q.skuId));
  if (q.warehouseId) where.push(eq(stockMovements.warehouseId, q.warehouseId));
  if (q.kind) where.push(eq(stockMovements.kind, q.kind));
  if (q.referenceId) where.push(eq(stockMovements.referenceId, q.referenceId));
  if (q.from) where.push(gte(stockMovements.createdAt, new Date(q.from)));
  if (q.to) where.push(lte(stockMovements.createdAt, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ m: stockMovements, warehouseCode: warehouses.code, warehouseName: warehouses.name })
      .from(stockMovements)
      .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
      .where(cond)
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stockMovements).where(cond),
  ]);
  const skus = await skuMap(
    db,
    rows.map((r) => r.m.skuId),
  );
  return {
    items: rows.map(({ m, warehouseCode, warehouseName }) => ({
      id: m.id,
      skuId: m.skuId,
      ...skuView(skus.get(m.skuId)),
      warehouseId: m.warehouseId,
      warehouseCode,
      warehouseName,
      kind: m.kind,
      quantity: m.quantity,
      reason: m.reason,
      actorId: m.actorId,
      actorName: m.actorName,
      referenceType: m.referenceType,
      referenceId: m.referenceId,
      onHandAfter: m.onHandAfter,
      allocatedAfter: m.allocatedAfter,
      availableAfter: m.availableAfter,
      createdAt: m.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/**
 * Which warehouse ships each of `skuIds` (发货仓): the campaign's own warehouse when it names one (a SKU
 * that warehouse does not stock, or an inactive warehouse, gets none), otherwise the first active
 * warehouse by code that stocks the SKU. The order intake allocates from it; the demo seeds write
 * their past orders the same way.
 */
export async function shippingWarehouses(
  db: Executor,
  skuIds: readonly string[],
  campaignWarehouseId: string | null,
): Promise<Map<string, string>> {
  const stock = await shippingStock(db, skuIds, campaignWarehouseId);
  return new Map([...stock].map(([skuId, s]) => [skuId, s.warehouseId]));
}

/**
 * `shippingWarehouses` with what each of them has available (可用) of the SKU: what a customer can
 * really buy is never more than that, whatever the campaign's cap says. A SKU no warehouse ships is
 * missing from the map (nothing available).
 */
export async function shippingStock(
  db: Executor,
  skuIds: readonly string[],
  campaignWarehouseId: string | null,
): Promise<Map<string, { warehouseId: string; available: number }>> {
  const out = new Map<string, { warehouseId: string; available: number }>();
  if (skuIds.length === 0) return out;
  const stocked = await db
    .select({
      skuId: stockLevels.skuId,
      warehouseId: stockLevels.warehouseId,
      available: stockLevels.available,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(
      and(
        inArray(stockLevels.skuId, [...new Set(skuIds)]),
        eq(warehouses.status, 'active'),
        campaignWarehouseId ? eq(warehouses.id, campaignWarehouseId) : undefined,
      ),
    )
    .orderBy(asc(warehouses.code));
  for (const s of stocked) {
    if (!out.has(s.skuId)) out.set(s.skuId, { warehouseId: s.warehouseId, available: s.available });
  }
  return out;
}
