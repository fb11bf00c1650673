/**
 * What a customer can really buy of a campaign item now (the remaining number the customer page and
 * the live stream show): what is left under the campaign's cap, but never more than the shipping
 * warehouse (发货仓) has available. The cap alone would promise units the warehouse cannot give, and
 * checkout would then refuse them.
 */
export function buyableNow(item: { cap: number; sold: number }, warehouseAvailable: number): number {
  return Math.max(0, Math.min(item.cap - item.sold, warehouseAvailable));
}
