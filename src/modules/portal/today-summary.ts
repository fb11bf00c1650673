/**
 * Groups a leader's orders of one day by campaign and by customer, as plain values (the query reads
 * the rows, this decides what the numbers are). Cancelled and refunded orders are counted apart and
 * add nothing to the totals: the leader's day is what customers will actually pick up and pay for.
 */
export interface DayOrder {
  id: string;
  campaignId: string;
  campaignName: string;
  customerId: string;
  customerName: string | null;
  phoneMasked: string;
  pickupPointName: string;
  status: string;
  totalFen: number;
  itemCount: number;
  placedAt: Date;
}

export interface DayLine {
  orderId: string;
  campaignId: string;
  skuId: string;
  productName: string;
  spec: string;
  quantity: number;
  amountFen: number;
}

/** Orders that no longer count: the customer or the system called them off, or the money went back. */
export const VOID_STATUS_LIST = ['cancelled', 'refunded'] as const;
export const VOID_STATUSES: ReadonlySet<string> = new Set(VOID_STATUS_LIST);
/** Orders placed and not yet paid (or held for review before they can be). */
export const UNPAID_STATUSES: ReadonlySet<string> = new Set(['pending_payment', 'on_hold']);

export interface Totals {
  orders: number;
  unpaid: number;
  voided: number;
  itemCount: number;
  totalFen: number;
  customers: number;
}

function totalsOf(orders: readonly DayOrder[]): Totals {
  const live = orders.filter((o) => !VOID_STATUSES.has(o.status));
  return {
    orders: live.length,
    unpaid: live.filter((o) => UNPAID_STATUSES.has(o.status)).length,
    voided: orders.length - live.length,
    itemCount: live.reduce((s, o) => s + o.itemCount, 0),
    totalFen: live.reduce((s, o) => s + o.totalFen, 0),
    customers: new Set(live.map((o) => o.customerId)).size,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function summariseDay(orders: readonly DayOrder[], lines: readonly DayLine[]) {
  const voidIds = new Set(orders.filter((o) => VOID_STATUSES.has(o.status)).map((o) => o.id));
  const linesByCampaign = groupBy(
    lines.filter((l) => !voidIds.has(l.orderId)),
    (l) => l.campaignId,
  );
  const byCampaign = [...groupBy(orders, (o) => o.campaignId).entries()].map(([campaignId, list]) => {
    const products = [...groupBy(linesByCampaign.get(campaignId) ?? [], (l) => l.skuId).values()].map(
      (ls) => ({
        skuId: ls[0]?.skuId ?? '',
        productName: ls[0]?.productName ?? '',
        spec: ls[0]?.spec ?? '',
        quantity: ls.reduce((s, l) => s + l.quantity, 0),
        amountFen: ls.reduce((s, l) => s + l.amountFen, 0),
      }),
    );
    products.sort((a, b) => b.quantity - a.quantity || a.productName.localeCompare(b.productName));
    return { campaignId, campaignName: list[0]?.campaignName ?? '', ...totalsOf(list), products };
  });
  byCampaign.sort((a, b) => b.totalFen - a.totalFen || a.campaignName.localeCompare(b.campaignName));

  const byCustomer = [...groupBy(orders, (o) => o.customerId).entries()].map(([customerId, list]) => {
    const sorted = [...list].sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
    const t = totalsOf(list);
    return {
      customerId,
      customerName: sorted[0]?.customerName ?? null,
      phoneMasked: sorted[0]?.phoneMasked ?? '',
      orders: t.orders,
      unpaid: t.unpaid,
      voided: t.voided,
      itemCount: t.itemCount,
      totalFen: t.totalFen,
      lastOrderAt: (sorted[0]?.placedAt ?? new Date(0)).toISOString(),
      items: sorted.map((o) => ({
        id: o.id,
        campaignId: o.campaignId,
        campaignName: o.campaignName,
        pickupPointName: o.pickupPointName,
        status: o.status,
        totalFen: o.totalFen,
        itemCount: o.itemCount,
        placedAt: o.placedAt.toISOString(),
      })),
    };
  });
  byCustomer.sort(
    (a, b) => b.lastOrderAt.localeCompare(a.lastOrderAt) || a.customerId.localeCompare(b.customerId),
  );

  return { totals: totalsOf(orders), byCampaign, byCustomer };
}
