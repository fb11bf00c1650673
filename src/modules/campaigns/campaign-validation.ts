import { localDate } from '../../platform/business-time.js';
import type { CampaignsErrorCode } from './campaigns.errors.js';
import { skuLabel } from './sku-label.js';

/**
 * Validation of a campaign's content as plain values: the service looks the SKUs and regions up and
 * passes what it found; this decides. Problems name the request field the way the HTTP layer does
 * (`body.items.1.priceFen`), so the console can put the message under the right input.
 */

export const MAX_PRICE_FEN = 100_000_000; // ¥1,000,000 per unit: far above any group-buying price.
export const MAX_STOCK_CAP = 10_000_000;

export interface CampaignItemInput {
  skuId: string;
  priceFen: number;
  stockCap: number;
  perCustomerLimit: number;
  sortOrder?: number | undefined;
}

export interface CampaignInput {
  code: string;
  name: string;
  coverUrl?: string | undefined;
  description?: string | undefined;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  /** A calendar date, `YYYY-MM-DD`, in the business time zone. */
  deliveryDate: string;
  sellTo: 'all' | 'regions';
  regionIds: string[];
  /** 发货仓: the warehouse the items are allocated from; null or absent for the first that stocks each SKU. */
  warehouseId?: string | null | undefined;
  /** 付款时限 in minutes; absent for the default. */
  paymentMinutes?: number | undefined;
  items: CampaignItemInput[];
}

/** What validation needs to know of a SKU the catalog returned. */
export interface SkuFacts {
  skuId: string;
  skuStatus: 'active' | 'inactive';
  productStatus: 'draft' | 'on_sale' | 'off_sale';
  /** The product's name and the SKU's spec, to name it in a refusal (an operator reads it). */
  productName?: string | undefined;
  spec?: string | undefined;
}

export interface Problem {
  code: CampaignsErrorCode;
  field: string;
  detail: string;
}

/**
 * A SKU can go into a campaign when it is active and its product has not been taken off sale (下架).
 * A product still in draft may be launched through a campaign: publishing the campaign is what puts
 * it in front of customers.
 */
export function isSellable(sku: SkuFacts): boolean {
  return sku.skuStatus === 'active' && sku.productStatus !== 'off_sale';
}

function isWholeInRange(n: number, min: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= min && n <= max;
}

/** Each item's problems: unknown, unsellable or repeated SKUs, and values out of range. */
export function itemProblems(
  items: readonly CampaignItemInput[],
  skus: ReadonlyMap<string, SkuFacts>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const at = `body.items.${i}`;
    const earlier = seen.get(item.skuId);
    const sku = skus.get(item.skuId);
    // Refusals name the product and the item's place in the form (#1 is the first), never an id.
    if (earlier !== undefined) {
      problems.push({
        code: 'campaigns.duplicate_sku',
        field: `${at}.skuId`,
        detail: `${skuLabel(sku)} #${earlier + 1} #${i + 1}`.trim(),
      });
    }
    seen.set(item.skuId, i);
    if (!sku) problems.push({ code: 'campaigns.sku_not_found', field: `${at}.skuId`, detail: item.skuId });
    else if (!isSellable(sku)) {
      problems.push({
        code: 'campaigns.sku_inactive',
        field: `${at}.skuId`,
        detail: skuLabel(sku) || `#${i + 1}`,
      });
    }
    const ranges: Array<[keyof CampaignItemInput, number, number]> = [
      ['priceFen', 0, MAX_PRICE_FEN],
      ['stockCap', 1, MAX_STOCK_CAP],
      ['perCustomerLimit', 1, MAX_STOCK_CAP],
    ];
    for (const [name, min, max] of ranges) {
      const value = item[name];
      if (typeof value !== 'number' || !isWholeInRange(value, min, max)) {
        problems.push({
          code: 'campaigns.invalid_item',
          field: `${at}.${name}`,
          detail: `${name} must be a whole number from ${min} to ${max}, got ${String(value)}`,
        });
      }
    }
  });
  return problems;
}

/**
 * Every problem of a campaign's content, in the order a person would fix them: times first, then
 * the audience, then each item. An empty list means the content may be stored as a draft.
 */
export function validateCampaign(
  input: CampaignInput,
  facts: {
    skus: ReadonlyMap<string, SkuFacts>;
    knownRegionIds: ReadonlySet<string>;
    /** The active warehouses among the one asked for (empty when none was). */
    activeWarehouseIds?: ReadonlySet<string>;
  },
): Problem[] {
  const problems: Problem[] = [];
  const start = input.startsAt.getTime();
  const cutoff = input.cutoffAt.getTime();
  const end = input.endsAt.getTime();
  if (!(start < cutoff)) {
    problems.push({
      code: 'campaigns.times_out_of_order',
      field: 'body.cutoffAt',
      detail: 'cutoffAt must be after startsAt',
    });
  }
  if (!(cutoff <= end)) {
    problems.push({
      code: 'campaigns.times_out_of_order',
      field: 'body.endsAt',
      detail: 'endsAt must not be before cutoffAt',
    });
  }
  if (!Number.isNaN(cutoff) && input.deliveryDate < localDate(input.cutoffAt)) {
    problems.push({
      code: 'campaigns.delivery_before_cutoff',
      field: 'body.deliveryDate',
      detail: `${input.deliveryDate} is before the cutoff date ${localDate(input.cutoffAt)}`,
    });
  }
  if (input.sellTo === 'regions' && input.regionIds.length === 0) {
    problems.push({
      code: 'campaigns.regions_required',
      field: 'body.regionIds',
      detail: 'no region chosen',
    });
  }
  input.regionIds.forEach((id, i) => {
    if (!facts.knownRegionIds.has(id))
      problems.push({ code: 'campaigns.region_not_found', field: `body.regionIds.${i}`, detail: id });
  });
  if (input.warehouseId && !facts.activeWarehouseIds?.has(input.warehouseId)) {
    problems.push({
      code: 'campaigns.warehouse_not_found',
      field: 'body.warehouseId',
      detail: `${input.warehouseId} is not an active warehouse`,
    });
  }
  problems.push(...itemProblems(input.items, facts.skus));
  return problems;
}

/** What scheduling adds to a valid draft: something to sell, and a cutoff still ahead. */
export function scheduleProblems(c: { cutoffAt: Date; itemCount: number }, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (c.itemCount === 0) problems.push({ code: 'campaigns.no_items', field: 'items', detail: 'no items' });
  if (c.cutoffAt.getTime() <= now.getTime()) {
    problems.push({
      code: 'campaigns.cutoff_passed',
      field: 'cutoffAt',
      detail: `cutoff ${c.cutoffAt.toISOString()} is not after now ${now.toISOString()}`,
    });
  }
  return problems;
}
