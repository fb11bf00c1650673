import { type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import {
  type Counters,
  compareLevelKeys,
  findShortage,
  type LineShortage,
  levelKey,
  movementTrail,
  type ShortCounter,
  signedQuantity,
} from './movement-math.js';
import {
  checkQuantity,
  insertMovements,
  type LevelState,
  publishLevelChanges,
  type StockDeps,
} from './stock-writes.js';

/** One line of an allocation, release or shipment: `quantity` units of a SKU in a warehouse. */
export interface StockLine {
  skuId: string;
  warehouseId: string;
  /** A whole number above zero. */
  quantity: number;
  /** What the movement is for, e.g. `order` and the order id; defaults to the call's reference. */
  referenceType?: string | null | undefined;
  referenceId?: string | null | undefined;
}

export interface StockLinesOptions {
  reason?: string | null | undefined;
  referenceType?: string | null | undefined;
  referenceId?: string | null | undefined;
}

/**
 * The answer of allocate, release and ship. A shortage is an answer, not an error: the order module
 * turns it into "sold out" for that order while the rest of its batch goes on.
 */
export type StockLinesResult =
  | { ok: true; levels: LevelState[]; movementIds: string[] }
  | { ok: false; shortage: LineShortage };

type LineKind = 'allocation' | 'release' | 'shipment';

/** Per kind: which counter the lines draw on, and the guarded SET that moves the counters. */
const PLANS: Record<LineKind, { counter: ShortCounter; set: SQL; guard: SQL; action: string }> = {
  allocation: {
    counter: 'available',
    set: sql`allocated = s.allocated + v.q, available = s.available - v.q`,
    guard: sql`s.available >= v.q`,
    action: 'stock.allocate',
  },
  release: {
    counter: 'allocated',
    set: sql`allocated = s.allocated - v.q, available = s.available + v.q`,
    guard: sql`s.allocated >= v.q`,
    action: 'stock.release',
  },
  shipment: {
    counter: 'allocated',
    set: sql`on_hand = s.on_hand - v.q, allocated = s.allocated - v.q`,
    guard: sql`s.allocated >= v.q`,
    action: 'stock.ship',
  },
};

interface LevelRow extends Record<string, unknown> {
  sku_id: string;
  warehouse_id: string;
  on_hand: number;
  allocated: number;
  available: number;
  low_stock_threshold: number;
}

function toLevel(r: LevelRow): LevelState {
  return {
    skuId: r.sku_id,
    warehouseId: r.warehouse_id,
    onHand: Number(r.on_hand),
    allocated: Number(r.allocated),
    available: Number(r.available),
    lowStockThreshold: Number(r.low_stock_threshold),
  };
}

async function applyLines(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  kind: LineKind,
  lines: readonly StockLine[],
  opts: StockLinesOptions,
): Promise<StockLinesResult> {
  for (const [i, line] of lines.entries()) checkQuantity(line.quantity, `lines.${i}.quantity`);
  if (lines.length === 0) return { ok: true, levels: [], movementIds: [] };
  const plan = PLANS[kind];

  // One entry per level, sorted: every writer locks levels in (sku_id, warehouse_id) order, so two
  // calls touching the same levels queue behind each other instead of deadlocking.
  const totals = new Map<string, { skuId: string; warehouseId: string; q: number }>();
  for (const l of lines) {
    const key = levelKey(l.skuId, l.warehouseId);
    const t = totals.get(key) ?? { skuId: l.skuId, warehouseId: l.warehouseId, q: 0 };
    t.q += l.quantity;
    totals.set(key, t);
  }
  const keys = [...totals.values()].sort(compareLevelKeys);
  const values = sql.join(
    keys.map((k) => sql`(${k.skuId}::text, ${k.warehouseId}::text, ${k.q}::bigint)`),
    sql`, `,
  );

  const locked = await tx.execute<LevelRow>(sql`
    SELECT sku_id, warehouse_id, on_hand, allocated, available, low_stock_threshold
    FROM stock_levels
    WHERE (sku_id, warehouse_id) IN (SELECT v.sku_id, v.warehouse_id FROM (VALUES ${values}) AS v(sku_id, warehouse_id, q))
    ORDER BY sku_id, warehouse_id
    FOR UPDATE`);
  const levels = new Map<string, Counters>();
  for (const r of locked.rows) levels.set(levelKey(r.sku_id, r.warehouse_id), toLevel(r));
  // Deciding on the locked rows names the first line that does not fit and writes nothing, so the
  // call is all-or-nothing without a savepoint. The guarded UPDATE below is the real gate.
  const shortage = findShortage(lines, levels, plan.counter);
  if (shortage) return { ok: false, shortage };

  const updated = await tx.execute<LevelRow>(sql`
    UPDATE stock_levels s SET ${plan.set}, updated_at = ${deps.clock.now().toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(sku_id, warehouse_id, q)
    WHERE s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id AND ${plan.guard}
    RETURNING s.sku_id, s.warehouse_id, s.on_hand, s.allocated, s.available, s.low_stock_threshold`);
  if (updated.rows.length !== keys.length) {
    // Cannot happen while the rows are locked; throwing aborts the caller's transaction rather than
    // let a partial change stand.
    throw new Error(`stock ${kind}: ${updated.rows.length} of ${keys.length} levels updated under lock`);
  }

  const finals = new Map(updated.rows.map((r) => [levelKey(r.sku_id, r.warehouse_id), toLevel(r)]));
  const movements = [];
  const changes: { before: LevelState; after: LevelState }[] = [];
  const afterByLine: Counters[] = new Array(lines.length);
  for (const k of keys) {
    const key = levelKey(k.skuId, k.warehouseId);
    const final = finals.get(key);
    if (!final) throw new Error(`stock ${kind}: level ${key} missing from the update`);
    const indexes = lines.flatMap((l, i) => (levelKey(l.skuId, l.warehouseId) === key ? [i] : []));
    const quantities = indexes.map((i) => signedQuantity(kind, lines[i]?.quantity ?? 0));
    const trail = movementTrail(final, kind, quantities);
    for (const [n, i] of indexes.entries()) afterByLine[i] = trail.after[n] ?? final;
    changes.push({ before: { ...final, ...trail.before }, after: final });
  }
  for (const [i, line] of lines.entries()) {
    movements.push({
      skuId: line.skuId,
      warehouseId: line.warehouseId,
      kind,
      quantity: signedQuantity(kind, line.quantity),
      after: afterByLine[i] ?? { onHand: 0, allocated: 0, available: 0 },
      reason: opts.reason ?? null,
      referenceType: line.referenceType ?? opts.referenceType ?? null,
      referenceId: line.referenceId ?? opts.referenceId ?? null,
    });
  }
  const movementIds = await insertMovements(deps, tx, actor, movements);
  await recordAudit(tx, deps.clock, actor, {
    action: plan.action,
    entityType: 'stock',
    entityId: opts.referenceId ?? lines[0]?.referenceId ?? null,
    before: changes.map((c) => c.before),
    after: {
      levels: changes.map((c) => c.after),
      lines: lines.map((l, i) => ({
        skuId: l.skuId,
        warehouseId: l.warehouseId,
        quantity: l.quantity,
        movementId: movementIds[i],
      })),
    },
  });
  await publishLevelChanges(deps, tx, actor, kind, changes);
  return { ok: true, levels: changes.map((c) => c.after), movementIds };
}

/**
 * Allocates (占用) stock to orders: available − q, allocated + q per line, in the caller's open
 * transaction. All lines or none: a line that does not fit is returned as the shortage and nothing is
 * written. Locks are taken in (sku_id, warehouse_id) order. Call it before anything in the same
 * transaction that writes the audit log, whose chain lock must be the last lock a transaction takes.
 */
export function allocate(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  lines: readonly StockLine[],
  opts: StockLinesOptions = {},
): Promise<StockLinesResult> {
  return applyLines(deps, tx, actor, 'allocation', lines, opts);
}

/** Releases (释放) allocated stock, e.g. for a cancelled order: allocated − q, available + q. */
export function release(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  lines: readonly StockLine[],
  opts: StockLinesOptions = {},
): Promise<StockLinesResult> {
  return applyLines(deps, tx, actor, 'release', lines, opts);
}

/** Ships (出库) allocated stock: on hand − q and allocated − q; available does not move. */
export function ship(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  lines: readonly StockLine[],
  opts: StockLinesOptions = {},
): Promise<StockLinesResult> {
  return applyLines(deps, tx, actor, 'shipment', lines, opts);
}
