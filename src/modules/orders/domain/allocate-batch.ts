/**
 * The decision at the heart of group-committed order intake: given a batch of orders in arrival
 * order and the stock, caps and per-customer purchases as locked at the start of the batch's
 * transaction, accept or refuse each order, first come first served, all or nothing per order.
 *
 * Pure: the flusher reads the counters (rows locked in a fixed order), calls this, then writes the
 * accepted orders and the summed decrements in the same transaction. Keeping the decision here means
 * it is tested exhaustively without a database, and the database's CHECK constraints are only the
 * last line of defence.
 */
export interface BatchLine {
  /** The campaign item (SKU within a campaign) being bought. */
  itemId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export interface BatchOrder {
  /** The request's own key (its idempotency key), echoed in the result. */
  key: string;
  customerId: string;
  lines: readonly BatchLine[];
}

export interface BatchState {
  /** Units the campaign may still sell per item: stock cap − sold. */
  itemRemaining: ReadonlyMap<string, number>;
  /** Per-customer limit per item. */
  itemLimit: ReadonlyMap<string, number>;
  /** Units already bought per `${customerId}|${itemId}` in committed orders. */
  customerBought: ReadonlyMap<string, number>;
  /** Available stock per `${skuId}|${warehouseId}`. */
  available: ReadonlyMap<string, number>;
}

export type Refusal =
  | { reason: 'sold_out'; itemId: string }
  | { reason: 'out_of_stock'; skuId: string; warehouseId: string }
  | { reason: 'limit_exceeded'; itemId: string; limit: number; alreadyBought: number }
  | { reason: 'unknown_item'; itemId: string };

export type OrderDecision =
  | { key: string; accepted: true }
  | { key: string; accepted: false; refusal: Refusal };

export interface BatchResult {
  decisions: OrderDecision[];
  /** Summed over accepted orders: units sold per item. */
  soldByItem: Map<string, number>;
  /** Summed over accepted orders: units allocated per `${skuId}|${warehouseId}`. */
  allocatedByStock: Map<string, number>;
  /** Items with nothing left after this batch: the intake can refuse them without a database trip. */
  soldOutItems: Set<string>;
}

export const stockKey = (skuId: string, warehouseId: string) => `${skuId}|${warehouseId}`;
export const boughtKey = (customerId: string, itemId: string) => `${customerId}|${itemId}`;

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Sums an order's lines per key, so an order naming one item twice is checked on its total. */
function totals(lines: readonly BatchLine[], keyOf: (l: BatchLine) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) add(m, keyOf(l), l.quantity);
  return m;
}

export function allocateBatch(orders: readonly BatchOrder[], state: BatchState): BatchResult {
  const remaining = new Map(state.itemRemaining);
  const available = new Map(state.available);
  const bought = new Map(state.customerBought);
  const soldByItem = new Map<string, number>();
  const allocatedByStock = new Map<string, number>();
  const decisions: OrderDecision[] = [];

  for (const order of orders) {
    const refusal = check(order, remaining, available, bought, state.itemLimit);
    if (refusal) {
      decisions.push({ key: order.key, accepted: false, refusal });
      continue;
    }
    for (const line of order.lines) {
      remaining.set(line.itemId, (remaining.get(line.itemId) ?? 0) - line.quantity);
      add(available, stockKey(line.skuId, line.warehouseId), -line.quantity);
      add(bought, boughtKey(order.customerId, line.itemId), line.quantity);
      add(soldByItem, line.itemId, line.quantity);
      add(allocatedByStock, stockKey(line.skuId, line.warehouseId), line.quantity);
    }
    decisions.push({ key: order.key, accepted: true });
  }

  const soldOutItems = new Set<string>();
  for (const [itemId, left] of remaining) if (left <= 0) soldOutItems.add(itemId);
  return { decisions, soldByItem, allocatedByStock, soldOutItems };
}

/** The first reason, in a fixed order (item, limit, cap, stock), why `order` cannot be taken now. */
function check(
  order: BatchOrder,
  remaining: ReadonlyMap<string, number>,
  available: ReadonlyMap<string, number>,
  bought: ReadonlyMap<string, number>,
  limits: ReadonlyMap<string, number>,
): Refusal | undefined {
  const perItem = totals(order.lines, (l) => l.itemId);
  for (const [itemId, qty] of perItem) {
    const left = remaining.get(itemId);
    const limit = limits.get(itemId);
    if (left === undefined || limit === undefined) return { reason: 'unknown_item', itemId };
    const already = bought.get(boughtKey(order.customerId, itemId)) ?? 0;
    if (already + qty > limit) return { reason: 'limit_exceeded', itemId, limit, alreadyBought: already };
    if (qty > left) return { reason: 'sold_out', itemId };
  }
  const perStock = totals(order.lines, (l) => stockKey(l.skuId, l.warehouseId));
  for (const [key, qty] of perStock) {
    if (qty > (available.get(key) ?? 0)) {
      const [skuId = '', warehouseId = ''] = key.split('|');
      return { reason: 'out_of_stock', skuId, warehouseId };
    }
  }
  return undefined;
}
