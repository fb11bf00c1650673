import { and, eq, gte, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { inventoryError } from './inventory.errors.js';
import { stockLevels } from './inventory.tables.js';
import { addCounters, deltasOf } from './movement-math.js';
import {
  checkQuantity,
  insertMovements,
  type LevelState,
  levelColumns,
  publishLevelChanges,
  requireSku,
  requireWarehouse,
  type StockDeps,
} from './stock-writes.js';

export interface ReceiveInput {
  skuId: string;
  warehouseId: string;
  /** Units received, a whole number above zero. */
  quantity: number;
  reason?: string | null | undefined;
  referenceType?: string | null | undefined;
  referenceId?: string | null | undefined;
}

export interface AdjustInput {
  skuId: string;
  warehouseId: string;
  /** Signed change of on hand (盘盈 +, 盘亏 −), never zero. */
  quantity: number;
  reason: string;
}

export interface StockChange {
  level: LevelState;
  movementId: string;
}

const levelKeyOf = (skuId: string, warehouseId: string) =>
  and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId));

/**
 * Adds `quantity` to on hand and available, creating the level on first use. One atomic upsert: two
 * receipts of the same SKU at once both land, with no read in between.
 */
async function addOnHand(deps: StockDeps, tx: Tx, skuId: string, warehouseId: string, quantity: number) {
  const now = deps.clock.now();
  const [row] = await tx
    .insert(stockLevels)
    .values({ skuId, warehouseId, onHand: quantity, allocated: 0, available: quantity, updatedAt: now })
    .onConflictDoUpdate({
      target: [stockLevels.skuId, stockLevels.warehouseId],
      set: {
        onHand: sql`${stockLevels.onHand} + excluded.on_hand`,
        available: sql`${stockLevels.available} + excluded.available`,
        updatedAt: now,
      },
    })
    .returning(levelColumns);
  if (!row) throw new Error('stock level upsert returned no row');
  return row;
}

function beforeOf(after: LevelState, kind: 'receipt' | 'adjustment', quantity: number): LevelState {
  return { ...after, ...addCounters(after, deltasOf(kind, quantity), -1) };
}

/** 到货入库: goods arrived in a warehouse. Runs in the caller's transaction (the demo seed uses this). */
export async function receiveStockTx(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  input: ReceiveInput,
): Promise<StockChange> {
  checkQuantity(input.quantity, 'body.quantity');
  await requireWarehouse(tx, input.warehouseId, 'body.warehouseId', { active: true });
  await requireSku(tx, input.skuId, 'body.skuId');
  const after = await addOnHand(deps, tx, input.skuId, input.warehouseId, input.quantity);
  const reason = input.reason?.trim() || null;
  const [movementId = ''] = await insertMovements(deps, tx, actor, [
    { ...input, kind: 'receipt', reason, after },
  ]);
  const before = beforeOf(after, 'receipt', input.quantity);
  await recordAudit(tx, deps.clock, actor, {
    action: 'stock.receive',
    entityType: 'stock_level',
    entityId: `${input.skuId}@${input.warehouseId}`,
    before,
    after: { ...after, movementId, quantity: input.quantity, reason },
  });
  await publishLevelChanges(deps, tx, actor, 'receipt', [{ before, after }]);
  return { level: after, movementId };
}

export function receiveStock(deps: Deps, actor: Actor, input: ReceiveInput): Promise<StockChange> {
  return deps.db.transaction((tx) => receiveStockTx(deps, tx, actor, input));
}

/**
 * 盘点调整: on hand found to differ from the books. A decrease may not take on hand below what is
 * allocated to orders (that would mean promising goods that are not there): the guarded UPDATE
 * refuses it atomically, and the level is read only afterwards, to say why.
 */
export async function adjustStockTx(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  input: AdjustInput,
): Promise<StockChange> {
  checkQuantity(input.quantity, 'body.quantity', true);
  const reason = input.reason.trim();
  if (!reason) throw inventoryError('inventory.reason_required', { field: 'body.reason' });
  await requireWarehouse(tx, input.warehouseId, 'body.warehouseId');
  await requireSku(tx, input.skuId, 'body.skuId');
  let after: LevelState | undefined;
  if (input.quantity > 0) {
    after = await addOnHand(deps, tx, input.skuId, input.warehouseId, input.quantity);
  } else {
    const take = -input.quantity;
    [after] = await tx
      .update(stockLevels)
      .set({
        onHand: sql`${stockLevels.onHand} - ${take}`,
        available: sql`${stockLevels.available} - ${take}`,
        updatedAt: deps.clock.now(),
      })
      .where(and(levelKeyOf(input.skuId, input.warehouseId), gte(stockLevels.available, take)))
      .returning(levelColumns);
  }
  if (!after) {
    const [level] = await tx
      .select(levelColumns)
      .from(stockLevels)
      .where(levelKeyOf(input.skuId, input.warehouseId));
    throw inventoryError('inventory.below_allocated', {
      field: 'body.quantity',
      detail: `on hand ${level?.onHand ?? 0}, allocated ${level?.allocated ?? 0}, change ${input.quantity}`,
    });
  }
  const [movementId = ''] = await insertMovements(deps, tx, actor, [
    { ...input, kind: 'adjustment', reason, after },
  ]);
  const before = beforeOf(after, 'adjustment', input.quantity);
  await recordAudit(tx, deps.clock, actor, {
    action: 'stock.adjust',
    entityType: 'stock_level',
    entityId: `${input.skuId}@${input.warehouseId}`,
    before,
    after: { ...after, movementId, quantity: input.quantity, reason },
  });
  await publishLevelChanges(deps, tx, actor, 'adjustment', [{ before, after }]);
  return { level: after, movementId };
}

export function adjustStock(deps: Deps, actor: Actor, input: AdjustInput): Promise<StockChange> {
  return deps.db.transaction((tx) => adjustStockTx(deps, tx, actor, input));
}

export interface ThresholdInput {
  skuId: string;
  warehouseId: string;
  lowStockThreshold: number;
}

/**
 * Sets the low-stock threshold (预警阈值) of a level, creating an empty level if the SKU was never
 * stocked there, so a threshold can be set before the first delivery. The threshold is not a counter;
 * it is changed under the row lock so the audit's before/after are exact.
 */
export async function setThresholdTx(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  input: ThresholdInput,
): Promise<LevelState> {
  if (!Number.isSafeInteger(input.lowStockThreshold) || input.lowStockThreshold < 0)
    throw inventoryError('inventory.invalid_quantity', {
      field: 'body.lowStockThreshold',
      detail: String(input.lowStockThreshold),
    });
  await requireWarehouse(tx, input.warehouseId, 'params.warehouseId', { asNotFound: true });
  await requireSku(tx, input.skuId, 'params.skuId', true);
  const now = deps.clock.now();
  await tx
    .insert(stockLevels)
    .values({ skuId: input.skuId, warehouseId: input.warehouseId, updatedAt: now })
    .onConflictDoNothing();
  const [before] = await tx
    .select(levelColumns)
    .from(stockLevels)
    .where(levelKeyOf(input.skuId, input.warehouseId))
    .for('update');
  const [after] = await tx
    .update(stockLevels)
    .set({ lowStockThreshold: input.lowStockThreshold, updatedAt: now })
    .where(levelKeyOf(input.skuId, input.warehouseId))
    .returning(levelColumns);
  if (!before || !after) throw new Error('stock level vanished under its lock');
  await recordAudit(tx, deps.clock, actor, {
    action: 'stock.set_threshold',
    entityType: 'stock_level',
    entityId: `${input.skuId}@${input.warehouseId}`,
    before: { lowStockThreshold: before.lowStockThreshold },
    after: { lowStockThreshold: after.lowStockThreshold },
  });
  await publishLevelChanges(deps, tx, actor, 'threshold', [{ before, after }]);
  return after;
}

export function setThreshold(deps: Deps, actor: Actor, input: ThresholdInput): Promise<LevelState> {
  return deps.db.transaction((tx) => setThresholdTx(deps, tx, actor, input));
}
