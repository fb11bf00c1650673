import { asc, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { regions } from '../leaders/index.js';
import { inventoryError } from './inventory.errors.js';
import { warehouses } from './inventory.tables.js';

type WarehouseRow = typeof warehouses.$inferSelect;

export function publicWarehouse(w: WarehouseRow) {
  return {
    id: w.id,
    code: w.code,
    name: w.name,
    address: w.address,
    regionId: w.regionId,
    status: w.status,
    createdAt: w.createdAt.toISOString(),
  };
}
export type PublicWarehouse = ReturnType<typeof publicWarehouse>;

export async function listWarehouses(db: Db) {
  const rows = await db.select().from(warehouses).orderBy(asc(warehouses.code));
  return { items: rows.map(publicWarehouse) };
}

async function checkRegion(tx: Tx, regionId: string | null | undefined): Promise<void> {
  if (!regionId) return;
  const [r] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!r) throw inventoryError('inventory.unknown_region', { field: 'body.regionId', detail: regionId });
}

export interface NewWarehouse {
  code: string;
  name: string;
  address: string;
  regionId?: string | null | undefined;
}

export async function createWarehouse(
  deps: Deps,
  actor: Actor,
  input: NewWarehouse,
): Promise<PublicWarehouse> {
  return deps.db.transaction(async (tx) => {
    await checkRegion(tx, input.regionId);
    const code = input.code.trim().toUpperCase();
    const [row] = await tx
      .insert(warehouses)
      .values({
        id: newId('warehouse'),
        code,
        name: input.name.trim(),
        address: input.address.trim(),
        regionId: input.regionId || null,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing({ target: warehouses.code })
      .returning();
    if (!row) throw inventoryError('inventory.warehouse_code_taken', { field: 'body.code', detail: code });
    const after = publicWarehouse(row);
    await recordAudit(tx, deps.clock, actor, {
      action: 'warehouse.create',
      entityType: 'warehouse',
      entityId: row.id,
      after,
    });
    await deps.bus.publish(
      tx,
      { type: 'warehouse.created', aggregateType: 'warehouse', aggregateId: row.id, payload: after },
      actor.requestId,
    );
    return after;
  });
}

export interface WarehousePatch {
  name?: string | undefined;
  address?: string | undefined;
  regionId?: string | null | undefined;
  status?: 'active' | 'inactive' | undefined;
}

/** Changes a warehouse's name, address, region or status; the code, once printed on labels, stays. */
export async function updateWarehouse(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: WarehousePatch,
): Promise<PublicWarehouse> {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(warehouses).where(eq(warehouses.id, id)).for('update');
    if (!before) throw inventoryError('inventory.warehouse_not_found', { field: 'params.id', detail: id });
    if (patch.regionId !== undefined) await checkRegion(tx, patch.regionId);
    const [row] = await tx
      .update(warehouses)
      .set({
        name: patch.name?.trim() ?? before.name,
        address: patch.address?.trim() ?? before.address,
        regionId: patch.regionId === undefined ? before.regionId : patch.regionId || null,
        status: patch.status ?? before.status,
      })
      .where(eq(warehouses.id, id))
      .returning();
    if (!row) throw inventoryError('inventory.warehouse_not_found', { field: 'params.id', detail: id });
    const after = publicWarehouse(row);
    await recordAudit(tx, deps.clock, actor, {
      action: 'warehouse.update',
      entityType: 'warehouse',
      entityId: id,
      before: publicWarehouse(before),
      after,
    });
    await deps.bus.publish(
      tx,
      { type: 'warehouse.updated', aggregateType: 'warehouse', aggregateId: id, payload: after },
      actor.requestId,
    );
    return after;
  });
}
