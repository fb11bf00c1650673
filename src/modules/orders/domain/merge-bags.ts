/**
 * Order merging (合单): a customer's orders for the same pickup point and delivery day go into one
 * bag, so the leader hands over one bag however many campaigns the customer ordered from. Pure: the
 * query supplies the orders, this groups them and sums the units per SKU.
 */
/**
 * The orders that go into a bag: paid and not yet handed over. \`paid\` and \`confirmed\` are packed at
 * the warehouse, \`shipped\` is on its way and \`delivered\` waits at the pickup point, so the bag list
 * is the same sheet from packing to hand-over. An unpaid order (\`on_hold\`, \`pending_payment\`) may
 * still expire or be cancelled and must not be packed; \`picked_up\` and \`completed\` have been handed
 * over already; \`cancelled\` and \`refunded\` have nothing left to hand over.
 */
export const BAG_STATUSES = ['paid', 'confirmed', 'shipped', 'delivered'] as const;

export interface BagOrder {
  orderId: string;
  customerId: string;
  pickupPointId: string;
  deliveryDate: string;
  pickupCode: string;
  status: string;
  lines: readonly { skuId: string; label: string; quantity: number }[];
}

export interface Bag {
  customerId: string;
  pickupPointId: string;
  deliveryDate: string;
  orderIds: string[];
  pickupCodes: string[];
  items: { skuId: string; label: string; quantity: number }[];
  units: number;
}

export function mergeIntoBags(orders: readonly BagOrder[]): Bag[] {
  const bags = new Map<string, Bag>();
  for (const o of orders) {
    const key = `${o.customerId}|${o.pickupPointId}|${o.deliveryDate}`;
    let bag = bags.get(key);
    if (!bag) {
      bag = {
        customerId: o.customerId,
        pickupPointId: o.pickupPointId,
        deliveryDate: o.deliveryDate,
        orderIds: [],
        pickupCodes: [],
        items: [],
        units: 0,
      };
      bags.set(key, bag);
    }
    bag.orderIds.push(o.orderId);
    if (!bag.pickupCodes.includes(o.pickupCode)) bag.pickupCodes.push(o.pickupCode);
    for (const l of o.lines) {
      const item = bag.items.find((i) => i.skuId === l.skuId);
      if (item) item.quantity += l.quantity;
      else bag.items.push({ skuId: l.skuId, label: l.label, quantity: l.quantity });
      bag.units += l.quantity;
    }
  }
  // Stable for the printed list: by customer, then items by label.
  return [...bags.values()]
    .map((b) => ({ ...b, items: [...b.items].sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')) }))
    .sort((a, b) => a.customerId.localeCompare(b.customerId));
}
