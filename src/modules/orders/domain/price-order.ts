/**
 * Checks an order request against its campaign and prices it, in memory, before it joins a batch.
 * The server prices: whatever price a client sends is never read. What can only be decided under the
 * batch's locks (caps, stock, limits across orders) is left to `allocateBatch`.
 */
export interface CampaignItemForPricing {
  id: string;
  skuId: string;
  priceFen: number;
  perCustomerLimit: number;
}

export interface RequestedItem {
  itemId: string;
  quantity: number;
}

export interface PricedLine {
  itemId: string;
  skuId: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export type PriceResult =
  | { ok: true; lines: PricedLine[]; totalFen: number; itemCount: number }
  | {
      ok: false;
      code: 'orders.item_not_in_campaign' | 'orders.duplicate_item' | 'orders.limit_exceeded';
      field: string;
    };

export function priceOrder(
  items: readonly CampaignItemForPricing[],
  requested: readonly RequestedItem[],
): PriceResult {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const lines: PricedLine[] = [];
  for (const [n, r] of requested.entries()) {
    const item = byId.get(r.itemId);
    if (!item) return { ok: false, code: 'orders.item_not_in_campaign', field: `body.items.${n}.itemId` };
    if (seen.has(r.itemId))
      return { ok: false, code: 'orders.duplicate_item', field: `body.items.${n}.itemId` };
    seen.add(r.itemId);
    // Above the limit can never succeed, whatever else happens, so it is refused before queueing.
    if (r.quantity > item.perCustomerLimit) {
      return { ok: false, code: 'orders.limit_exceeded', field: `body.items.${n}.quantity` };
    }
    lines.push({
      itemId: item.id,
      skuId: item.skuId,
      quantity: r.quantity,
      unitPriceFen: item.priceFen,
      amountFen: item.priceFen * r.quantity,
    });
  }
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  const itemCount = lines.reduce((a, l) => a + l.quantity, 0);
  return { ok: true, lines, totalFen, itemCount };
}
