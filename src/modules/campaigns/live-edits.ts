import { localDate } from '../../platform/business-time.js';
import type { CampaignState } from './campaign-state.js';
import {
  type CampaignItemInput,
  itemProblems,
  MAX_PRICE_FEN,
  MAX_STOCK_CAP,
  type Problem,
  type SkuFacts,
} from './campaign-validation.js';

/**
 * Validation of the changes an operator may make to a campaign that is already selling (scheduled or
 * live), as plain values. A draft is edited whole (PUT); once published, only these named changes
 * are allowed, each checked here and applied by one guarded statement in the service.
 */

/** The states, as the clock reads them, in which the live edits apply. */
const EDITABLE_LIVE: readonly CampaignState[] = ['scheduled', 'live'];

/** Whether the campaign (in its state by the clock) takes live edits. */
export function liveEditProblems(stateByClock: CampaignState): Problem[] {
  if (EDITABLE_LIVE.includes(stateByClock)) return [];
  return [{ code: 'campaigns.not_live', field: 'params.id', detail: `state is ${stateByClock}` }];
}

function wholeIn(n: number, min: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= min && n <= max;
}

/**
 * A new cap (限量) for an item that has sold `sold`: raising is always allowed, lowering down to what
 * has been sold. The service applies it with `WHERE sold <= new cap`, so a sale that lands between
 * this check and the update still cannot leave more sold than the cap.
 */
export function capProblems(sold: number, stockCap: number): Problem[] {
  if (!wholeIn(stockCap, 1, MAX_STOCK_CAP)) {
    return [
      {
        code: 'campaigns.invalid_item',
        field: 'body.stockCap',
        detail: `stockCap must be a whole number from 1 to ${MAX_STOCK_CAP}, got ${String(stockCap)}`,
      },
    ];
  }
  if (stockCap < sold) {
    return [
      { code: 'campaigns.cap_below_sold', field: 'body.stockCap', detail: `${stockCap} < sold ${sold}` },
    ];
  }
  return [];
}

/** A corrected campaign price (改价) for orders placed from now on. */
export function priceProblems(priceFen: number): Problem[] {
  if (wholeIn(priceFen, 0, MAX_PRICE_FEN)) return [];
  return [
    {
      code: 'campaigns.invalid_item',
      field: 'body.priceFen',
      detail: `priceFen must be a whole number from 0 to ${MAX_PRICE_FEN}, got ${String(priceFen)}`,
    },
  ];
}

/**
 * Items added to a selling campaign (添加商品): each valid as in a draft, and none of a SKU the
 * campaign already sells (change that item's cap or price instead).
 */
export function addItemsProblems(
  items: readonly CampaignItemInput[],
  existingSkuIds: ReadonlySet<string>,
  skus: ReadonlyMap<string, SkuFacts>,
): Problem[] {
  const problems: Problem[] = [];
  if (items.length === 0)
    problems.push({ code: 'campaigns.no_items', field: 'body.items', detail: 'no items' });
  items.forEach((item, i) => {
    if (existingSkuIds.has(item.skuId)) {
      problems.push({
        code: 'campaigns.duplicate_sku',
        field: `body.items.${i}.skuId`,
        detail: `${item.skuId} is already in the campaign`,
      });
    }
  });
  problems.push(...itemProblems(items, skus));
  return problems;
}

export interface CampaignTimes {
  cutoffAt: Date;
  endsAt: Date;
  deliveryDate: string;
}

/**
 * A later cutoff (延长截单). The end moves with the cutoff when the cutoff passes it (the table keeps
 * cutoff ≤ end), and the delivery date must still not precede the cutoff's date. Returns the times
 * to store, or the problems. Shortening is not an extension: closing early (提前结束) is.
 */
export function extendCutoff(
  current: CampaignTimes,
  wanted: { cutoffAt: Date; endsAt?: Date | undefined; deliveryDate?: string | undefined },
  now: Date,
): { ok: true; times: CampaignTimes } | { ok: false; problems: Problem[] } {
  const cutoff = wanted.cutoffAt.getTime();
  if (Number.isNaN(cutoff) || cutoff <= now.getTime()) {
    return {
      ok: false,
      problems: [
        {
          code: 'campaigns.cutoff_passed',
          field: 'body.cutoffAt',
          detail: Number.isNaN(cutoff)
            ? 'cutoffAt is not a time'
            : `cutoff ${wanted.cutoffAt.toISOString()} is not after now ${now.toISOString()}`,
        },
      ],
    };
  }
  if (cutoff <= current.cutoffAt.getTime()) {
    return {
      ok: false,
      problems: [
        {
          code: 'campaigns.cutoff_not_later',
          field: 'body.cutoffAt',
          detail: `${wanted.cutoffAt.toISOString()} is not after ${current.cutoffAt.toISOString()}`,
        },
      ],
    };
  }
  const endsAt = wanted.endsAt ?? (current.endsAt.getTime() >= cutoff ? current.endsAt : new Date(cutoff));
  const deliveryDate = wanted.deliveryDate ?? current.deliveryDate;
  const problems: Problem[] = [];
  if (endsAt.getTime() < cutoff) {
    problems.push({
      code: 'campaigns.times_out_of_order',
      field: 'body.endsAt',
      detail: 'endsAt must not be before cutoffAt',
    });
  }
  if (deliveryDate < localDate(wanted.cutoffAt)) {
    problems.push({
      code: 'campaigns.delivery_before_cutoff',
      field: 'body.deliveryDate',
      detail: `${deliveryDate} is before the cutoff date ${localDate(wanted.cutoffAt)}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, times: { cutoffAt: wanted.cutoffAt, endsAt, deliveryDate } };
}
