import type { SkuSummary } from '../catalog/index.js';
import type { campaignItems, campaigns } from './campaigns.tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignItemRow = typeof campaignItems.$inferSelect;

/** A campaign as the API shows it: times as ISO strings, nothing internal left out on purpose. */
export function campaignView(c: CampaignRow) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    coverUrl: c.coverUrl,
    description: c.description,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    cutoffAt: c.cutoffAt.toISOString(),
    deliveryDate: c.deliveryDate,
    state: c.state,
    sellTo: c.sellTo,
    regionIds: c.regionIds,
    warehouseId: c.warehouseId,
    paymentMinutes: c.paymentMinutes,
    closeReason: c.closeReason,
    closedAt: c.closedAt?.toISOString() ?? null,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

/** An item with what the catalog says of its SKU (null when the SKU has since disappeared). */
export function itemView(i: CampaignItemRow, sku: SkuSummary | undefined) {
  return {
    id: i.id,
    skuId: i.skuId,
    skuCode: sku?.skuCode ?? null,
    productName: sku?.productName ?? null,
    spec: sku?.spec ?? null,
    unit: sku?.unit ?? null,
    listPriceFen: sku?.listPriceFen ?? null,
    priceFen: i.priceFen,
    stockCap: i.stockCap,
    perCustomerLimit: i.perCustomerLimit,
    sortOrder: i.sortOrder,
    sold: i.sold,
  };
}
export type CampaignItemView = ReturnType<typeof itemView>;

/** What the audit log keeps of a campaign: its content, so before/after shows what an edit changed. */
export function auditView(c: CampaignRow, items?: readonly CampaignItemRow[]) {
  const { createdAt: _c, updatedAt: _u, ...rest } = campaignView(c);
  return items
    ? {
        ...rest,
        items: items.map((i) => ({
          skuId: i.skuId,
          priceFen: i.priceFen,
          stockCap: i.stockCap,
          perCustomerLimit: i.perCustomerLimit,
          sortOrder: i.sortOrder,
        })),
      }
    : rest;
}
