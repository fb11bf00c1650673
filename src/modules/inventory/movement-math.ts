import type { MovementKind } from './inventory.tables.js';

/** The three counters of a stock level; `available` is always `onHand - allocated`. */
export interface Counters {
  onHand: number;
  allocated: number;
  available: number;
}

/**
 * How a movement of `kind` with signed `quantity` moves each counter. The sign convention is the one
 * the stock_movements CHECK enforces: receipt and release are positive, allocation and shipment are
 * negative, an adjustment is either. Allocation takes from available into allocated; release gives
 * it back; shipment removes allocated goods from on hand.
 */
export function deltasOf(kind: MovementKind, quantity: number): Counters {
  switch (kind) {
    case 'receipt':
    case 'adjustment':
      return { onHand: quantity, allocated: 0, available: quantity };
    case 'allocation':
      return { onHand: 0, allocated: -quantity, available: quantity };
    case 'release':
      return { onHand: 0, allocated: -quantity, available: quantity };
    case 'shipment':
      return { onHand: quantity, allocated: quantity, available: 0 };
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown movement kind ${String(unreachable)}`);
    }
  }
}

/** The signed quantity a movement stores for an unsigned amount moved. */
export function signedQuantity(kind: Exclude<MovementKind, 'adjustment'>, amount: number): number {
  return kind === 'receipt' || kind === 'release' ? amount : -amount;
}

export function addCounters(a: Counters, b: Counters, times = 1): Counters {
  return {
    onHand: a.onHand + times * b.onHand,
    allocated: a.allocated + times * b.allocated,
    available: a.available + times * b.available,
  };
}

/**
 * The counters after each movement of one level, given the counters after the last one. A call that
 * moves one level several times (two lines of one order) updates it in one statement; this recovers
 * the state between the lines, which is exact because the row stays locked until the transaction ends.
 * Returns the counters before the first movement and after each.
 */
export function movementTrail(
  final: Counters,
  kind: MovementKind,
  quantities: readonly number[],
): { before: Counters; after: Counters[] } {
  let before = final;
  for (const q of quantities) before = addCounters(before, deltasOf(kind, q), -1);
  const after: Counters[] = [];
  let current = before;
  for (const q of quantities) {
    current = addCounters(current, deltasOf(kind, q));
    after.push(current);
  }
  return { before, after };
}

/** A level is low when its available quantity is below a positive threshold; 0 means "no alert". */
export function isLow(available: number, threshold: number): boolean {
  return threshold > 0 && available < threshold;
}

/**
 * True when a change takes a level from not-low to low, which is when `stock.low` is published: once
 * per crossing, not on every sale while it stays low. A new threshold counts as a change too.
 */
export function crossedIntoLow(
  before: { available: number; threshold: number },
  after: { available: number; threshold: number },
): boolean {
  return !isLow(before.available, before.threshold) && isLow(after.available, after.threshold);
}

export interface PlanLine {
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export type ShortCounter = 'available' | 'allocated';

export interface LineShortage {
  lineIndex: number;
  skuId: string;
  warehouseId: string;
  requested: number;
  /** What the level had left for this line after the earlier lines of the same call. */
  remaining: number;
  counter: ShortCounter;
}

export const levelKey = (skuId: string, warehouseId: string): string => `${skuId}\u0000${warehouseId}`;

/**
 * Decides, from the locked levels, whether every line of a call fits: allocation draws on
 * `available`, release and shipment on `allocated`. Lines are taken in the caller's order, so the
 * shortage names the first line that does not fit. A missing level has nothing.
 */
export function findShortage(
  lines: readonly PlanLine[],
  levels: ReadonlyMap<string, Counters>,
  counter: ShortCounter,
): LineShortage | null {
  const left = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    const key = levelKey(line.skuId, line.warehouseId);
    const remaining = left.get(key) ?? levels.get(key)?.[counter] ?? 0;
    if (line.quantity > remaining) {
      return {
        lineIndex: i,
        skuId: line.skuId,
        warehouseId: line.warehouseId,
        requested: line.quantity,
        remaining,
        counter,
      };
    }
    left.set(key, remaining - line.quantity);
  }
  return null;
}

/** Orders levels the way every writer locks them, so two calls never wait on each other in a cycle. */
export function compareLevelKeys(
  a: { skuId: string; warehouseId: string },
  b: { skuId: string; warehouseId: string },
): number {
  if (a.skuId !== b.skuId) return a.skuId < b.skuId ? -1 : 1;
  if (a.warehouseId !== b.warehouseId) return a.warehouseId < b.warehouseId ? -1 : 1;
  return 0;
}
