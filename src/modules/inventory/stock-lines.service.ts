import { type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import {
  combineParts,
  executeParts,
  NO_PARTS,
  type StatementParts,
} from '../../platform/db/statement-parts.js';
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
  levelChangeEvents,
  type MovementInput,
  movementParts,
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

/** One entry per level with the summed quantity, sorted: every writer locks levels in this order. */
function levelTotals(lines: readonly StockLine[]) {
  const totals = new Map<string, { skuId: string; warehouseId: string; q: number }>();
  for (const l of lines) {
    const key = levelKey(l.skuId, l.warehouseId);
    const t = totals.get(key) ?? { skuId: l.skuId, warehouseId: l.warehouseId, q: 0 };
    t.q += l.quantity;
    totals.set(key, t);
  }
  return [...totals.values()].sort(compareLevelKeys);
}

/** The guarded UPDATE of `kind` on the levels in `keys`, returning the rows it changed (maybe fewer). */
function updateLevelsSql(
  deps: StockDeps,
  kind: LineKind,
  keys: readonly { skuId: string; warehouseId: string; q: number }[],
): SQL {
  const plan = PLANS[kind];
  return sql`
    UPDATE stock_levels s SET ${plan.set}, updated_at = ${deps.clock.now().toISOString()}::timestamptz
    FROM unnest(${sql.param(keys.map((k) => k.skuId))}::text[], ${sql.param(keys.map((k) => k.warehouseId))}::text[],
                ${sql.param(keys.map((k) => k.q))}::bigint[]) AS v(sku_id, warehouse_id, q)
    WHERE s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id AND ${plan.guard}
    RETURNING s.sku_id, s.warehouse_id, s.on_hand, s.allocated, s.available, s.low_stock_threshold`;
}

async function updateLevels(
  deps: StockDeps,
  tx: Tx,
  kind: LineKind,
  keys: readonly { skuId: string; warehouseId: string; q: number }[],
): Promise<LevelRow[]> {
  return (await tx.execute<LevelRow>(updateLevelsSql(deps, kind, keys))).rows;
}

/** What the lines leave behind once the levels moved: a movement per line with the counters after it. */
function planRecord(
  kind: LineKind,
  lines: readonly StockLine[],
  keys: readonly { skuId: string; warehouseId: string }[],
  updated: readonly LevelRow[],
  opts: StockLinesOptions,
): { movements: MovementInput[]; changes: { before: LevelState; after: LevelState }[] } {
  const finals = new Map(updated.map((r) => [levelKey(r.sku_id, r.warehouse_id), toLevel(r)]));
  const changes: { before: LevelState; after: LevelState }[] = [];
  const afterByLine: Counters[] = new Array(lines.length);
  const linesByLevel = new Map<string, number[]>();
  for (const [i, l] of lines.entries()) {
    const key = levelKey(l.skuId, l.warehouseId);
    linesByLevel.set(key, [...(linesByLevel.get(key) ?? []), i]);
  }
  for (const k of keys) {
    const key = levelKey(k.skuId, k.warehouseId);
    const final = finals.get(key);
    if (!final) throw new Error(`stock ${kind}: level ${key} missing from the update`);
    const indexes = linesByLevel.get(key) ?? [];
    const quantities = indexes.map((i) => signedQuantity(kind, lines[i]?.quantity ?? 0));
    const trail = movementTrail(final, kind, quantities);
    for (const [n, i] of indexes.entries()) afterByLine[i] = trail.after[n] ?? final;
    changes.push({ before: { ...final, ...trail.before }, after: final });
  }
  const movements = lines.map((line, i) => ({
    skuId: line.skuId,
    warehouseId: line.warehouseId,
    kind,
    quantity: signedQuantity(kind, line.quantity),
    after: afterByLine[i] ?? { onHand: 0, allocated: 0, available: 0 },
    reason: opts.reason ?? null,
    referenceType: line.referenceType ?? opts.referenceType ?? null,
    referenceId: line.referenceId ?? opts.referenceId ?? null,
  }));
  return { movements, changes };
}

/**
 * After the levels moved: one movement per line with the counters after it, the audit record (unless
 * the caller audits the business action itself) and the stock events.
 */
async function recordLines(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  kind: LineKind,
  lines: readonly StockLine[],
  keys: readonly { skuId: string; warehouseId: string }[],
  updated: readonly LevelRow[],
  opts: StockLinesOptions & { audit: boolean },
): Promise<{ levels: LevelState[]; movementIds: string[] }> {
  const { movements, changes } = planRecord(kind, lines, keys, updated, opts);
  const movementIds = await insertMovements(deps, tx, actor, movements);
  if (opts.audit) {
    await recordAudit(tx, deps.clock, actor, {
      action: PLANS[kind].action,
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
  }
  await publishLevelChanges(deps, tx, actor, kind, changes);
  return { levels: changes.map((c) => c.after), movementIds };
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
  const keys = levelTotals(lines);

  // Locked in (sku_id, warehouse_id) order, so two calls touching the same levels queue behind each
  // other instead of deadlocking.
  const locked = await tx.execute<LevelRow>(sql`
    SELECT s.sku_id, s.warehouse_id, s.on_hand, s.allocated, s.available, s.low_stock_threshold
    FROM stock_levels s
    JOIN unnest(${sql.param(keys.map((k) => k.skuId))}::text[], ${sql.param(keys.map((k) => k.warehouseId))}::text[])
      AS v(sku_id, warehouse_id) ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
    ORDER BY s.sku_id, s.warehouse_id
    FOR UPDATE OF s`);
  const levels = new Map<string, Counters>();
  for (const r of locked.rows) levels.set(levelKey(r.sku_id, r.warehouse_id), toLevel(r));
  // Deciding on the locked rows names the first line that does not fit and writes nothing, so the
  // call is all-or-nothing without a savepoint. The guarded UPDATE below is the real gate.
  const shortage = findShortage(lines, levels, PLANS[kind].counter);
  if (shortage) return { ok: false, shortage };

  const updated = await updateLevels(deps, tx, kind, keys);
  if (updated.length !== keys.length) {
    // Cannot happen while the rows are locked; throwing aborts the caller's transaction rather than
    // let a partial change stand.
    throw new Error(`stock ${kind}: ${updated.length} of ${keys.length} levels updated under lock`);
  }
  return {
    ok: true,
    ...(await recordLines(deps, tx, actor, kind, lines, keys, updated, { ...opts, audit: true })),
  };
}

/** A stock level as the guarded UPDATE returns it (see `guardedAllocation`). */
export type AllocatedLevelRow = LevelRow;

/**
 * `allocateGuarded` in pieces, for a caller that folds it into statements of its own (the order
 * intake's hot section is two statements for everything it locks and writes). `update` is the
 * guarded UPDATE, a CTE body returning the levels after it; `record` takes the rows it returned and
 * gives the movements and the stock events as statement parts, or null when a level is missing from
 * them (it no longer had the units: the caller must roll back and decide again under locks).
 */
export function guardedAllocation(
  deps: StockDeps,
  actor: Actor,
  lines: readonly StockLine[],
  opts: StockLinesOptions = {},
): {
  update: SQL | null;
  record(updated: readonly LevelRow[], name?: string): { parts: StatementParts; levels: LevelState[] } | null;
} {
  for (const [i, line] of lines.entries()) checkQuantity(line.quantity, `lines.${i}.quantity`);
  const keys = levelTotals(lines);
  return {
    update: keys.length ? updateLevelsSql(deps, 'allocation', keys) : null,
    record(updated, name = 'stock') {
      if (keys.length === 0) return { parts: NO_PARTS, levels: [] };
      if (updated.length !== keys.length) return null;
      const { movements, changes } = planRecord('allocation', lines, keys, updated, opts);
      return {
        parts: combineParts(
          movementParts(deps, actor, movements, `${name}_movements`).parts,
          deps.bus.publishParts(levelChangeEvents(actor, 'allocation', changes), `${name}_events`).parts,
        ),
        levels: changes.map((c) => c.after),
      };
    },
  };
}

/**
 * Allocates stock the caller has already decided fits: the order intake decides a whole batch from
 * counters it read without locking them, so that the hot rows are held only for the writes. One
 * guarded UPDATE, no lock taken first. Returns null when a level no longer has the units (another
 * transaction took them since the caller read): some levels may then have moved, so the caller must
 * roll back (its savepoint) and decide again under locks. Writes the movements and the stock events;
 * no audit record of its own, because the caller audits the business action (the order's placement
 * names every line, SKU, warehouse and quantity).
 */
export async function allocateGuarded(
  deps: StockDeps,
  tx: Tx,
  actor: Actor,
  lines: readonly StockLine[],
  opts: StockLinesOptions = {},
): Promise<LevelState[] | null> {
  const g = guardedAllocation(deps, actor, lines, opts);
  const updated = g.update ? (await tx.execute<LevelRow>(g.update)).rows : [];
  const done = g.record(updated);
  if (!done) return null;
  await executeParts(tx, done.parts);
  return done.levels;
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
