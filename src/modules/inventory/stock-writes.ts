import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import { cte, executeParts, NO_PARTS, type StatementParts } from '../../platform/db/statement-parts.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import type { NewEvent } from '../../platform/outbox/index.js';
import { findSkus } from '../catalog/index.js';
import { inventoryError } from './inventory.errors.js';
import { type MovementKind, stockLevels, stockMovements, warehouses } from './inventory.tables.js';
import { type Counters, crossedIntoLow } from './movement-math.js';

/** What the stock use-cases need from the platform: the clock and the event bus. */
export type StockDeps = Pick<Deps, 'clock' | 'bus'>;

/** One stock level as the use-cases return it. */
export interface LevelState extends Counters {
  skuId: string;
  warehouseId: string;
  lowStockThreshold: number;
}

export const levelColumns = {
  skuId: stockLevels.skuId,
  warehouseId: stockLevels.warehouseId,
  onHand: stockLevels.onHand,
  allocated: stockLevels.allocated,
  available: stockLevels.available,
  lowStockThreshold: stockLevels.lowStockThreshold,
};

export interface MovementInput {
  skuId: string;
  warehouseId: string;
  kind: MovementKind;
  quantity: number;
  after: Counters;
  reason?: string | null | undefined;
  referenceType?: string | null | undefined;
  referenceId?: string | null | undefined;
}

/** Appends movements in one statement; returns their ids in input order. */
export async function insertMovements(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  inputs: readonly MovementInput[],
): Promise<string[]> {
  const { parts, ids } = movementParts(deps, actor, inputs);
  await executeParts(tx, parts);
  return ids;
}

/** The movements as a part of a bigger statement (see `StatementParts`), with their ids in input order. */
export function movementParts(
  deps: StockDeps,
  actor: Actor,
  inputs: readonly MovementInput[],
  name = 'movements',
): { parts: StatementParts; ids: string[] } {
  if (inputs.length === 0) return { parts: NO_PARTS, ids: [] };
  const now = deps.clock.now();
  const rows = inputs.map((m) => ({
    id: newId('stockMovement'),
    skuId: m.skuId,
    warehouseId: m.warehouseId,
    kind: m.kind,
    quantity: m.quantity,
    reason: m.reason ?? null,
    actorId: actor.actorId,
    actorName: actor.actorName,
    referenceType: m.referenceType ?? null,
    referenceId: m.referenceId ?? null,
    onHandAfter: m.after.onHand,
    allocatedAfter: m.after.allocated,
    availableAfter: m.after.available,
    requestId: actor.requestId,
  }));
  // One statement with array parameters: an order batch allocates hundreds of lines at once.
  const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
  const body = sql`
    INSERT INTO ${stockMovements} (id, sku_id, warehouse_id, kind, quantity, reason, actor_id, actor_name,
      reference_type, reference_id, on_hand_after, allocated_after, available_after, request_id, created_at)
    SELECT i, s, w, k, q, r, ai, an, rt, ri, oh, al, av, rq, ${now.toISOString()}::timestamptz
    FROM unnest(${col('id')}::text[], ${col('skuId')}::text[], ${col('warehouseId')}::text[], ${col('kind')}::text[],
                ${col('quantity')}::bigint[], ${col('reason')}::text[], ${col('actorId')}::text[], ${col('actorName')}::text[],
                ${col('referenceType')}::text[], ${col('referenceId')}::text[], ${col('onHandAfter')}::bigint[],
                ${col('allocatedAfter')}::bigint[], ${col('availableAfter')}::bigint[], ${col('requestId')}::text[])
      AS v(i, s, w, k, q, r, ai, an, rt, ri, oh, al, av, rq)`;
  return { parts: { ctes: [cte(name, body)], outputs: [] }, ids: rows.map((r) => r.id) };
}

/**
 * Tells the rest of the system a level changed (`stock.changed`, one per level per call, carrying the
 * new counters) and, when the change takes the level below its threshold, `stock.low` once.
 */
export async function publishLevelChanges(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  kind: MovementKind | 'threshold',
  changes: readonly { before: LevelState; after: LevelState }[],
): Promise<void> {
  // One statement for all of them: an order batch moves many levels at once.
  await deps.bus.publishMany(tx, levelChangeEvents(actor, kind, changes));
}

/** The events of `publishLevelChanges`, for a caller that writes them in a statement of its own. */
export function levelChangeEvents(
  actor: Actor,
  kind: MovementKind | 'threshold',
  changes: readonly { before: LevelState; after: LevelState }[],
): (NewEvent & { requestId: string | null })[] {
  const events: (NewEvent & { requestId: string | null })[] = [];
  for (const { before, after } of changes) {
    const payload = {
      skuId: after.skuId,
      warehouseId: after.warehouseId,
      kind,
      onHand: after.onHand,
      allocated: after.allocated,
      available: after.available,
      lowStockThreshold: after.lowStockThreshold,
    };
    events.push({
      type: 'stock.changed',
      aggregateType: 'sku',
      aggregateId: after.skuId,
      payload,
      requestId: actor.requestId,
    });
    const crossed = crossedIntoLow(
      { available: before.available, threshold: before.lowStockThreshold },
      { available: after.available, threshold: after.lowStockThreshold },
    );
    if (crossed) {
      events.push({
        type: 'stock.low',
        aggregateType: 'sku',
        aggregateId: after.skuId,
        payload: {
          skuId: after.skuId,
          warehouseId: after.warehouseId,
          available: after.available,
          lowStockThreshold: after.lowStockThreshold,
        },
        requestId: actor.requestId,
      });
    }
  }
  return events;
}

/** Refuses an unknown SKU, naming the field it came from. */
export async function requireSku(tx: Tx, skuId: string, field: string, asNotFound = false): Promise<void> {
  const [sku] = await findSkus(tx, [skuId]);
  if (!sku)
    throw inventoryError(asNotFound ? 'inventory.sku_not_found' : 'inventory.unknown_sku', {
      field,
      detail: skuId,
    });
}

/** Refuses an unknown warehouse (and, for stock coming in, an inactive one). */
export async function requireWarehouse(
  tx: Tx,
  warehouseId: string,
  field: string,
  opts: { active?: boolean; asNotFound?: boolean } = {},
): Promise<void> {
  const [wh] = await tx
    .select({ status: warehouses.status })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  if (!wh)
    throw inventoryError(opts.asNotFound ? 'inventory.warehouse_not_found' : 'inventory.unknown_warehouse', {
      field,
      detail: warehouseId,
    });
  if (opts.active && wh.status !== 'active')
    throw inventoryError('inventory.warehouse_inactive', { field, detail: warehouseId });
}

export function checkQuantity(quantity: number, field: string, allowNegative = false): void {
  const ok = Number.isSafeInteger(quantity) && (allowNegative ? quantity !== 0 : quantity > 0);
  if (!ok) throw inventoryError('inventory.invalid_quantity', { field, detail: String(quantity) });
}
