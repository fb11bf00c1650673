import { describe, expect, it } from 'vitest';
import type { SkuFacts } from './campaign-validation.js';
import {
  addItemsProblems,
  capProblems,
  extendCutoff,
  liveEditProblems,
  priceProblems,
} from './live-edits.js';

const codes = (problems: ReadonlyArray<{ code: string; field: string }>) =>
  problems.map((p) => [p.code, p.field]);

describe('liveEditProblems', () => {
  it('allows scheduled and live campaigns only', () => {
    expect(liveEditProblems('live')).toEqual([]);
    expect(liveEditProblems('scheduled')).toEqual([]);
    for (const s of ['draft', 'closed', 'fulfilled', 'cancelled'] as const) {
      expect(codes(liveEditProblems(s))).toEqual([['campaigns.not_live', 'params.id']]);
    }
  });
});

describe('capProblems', () => {
  it('raises freely and lowers down to sold, not below', () => {
    expect(capProblems(40, 500)).toEqual([]);
    expect(capProblems(40, 40)).toEqual([]);
    expect(codes(capProblems(40, 39))).toEqual([['campaigns.cap_below_sold', 'body.stockCap']]);
  });
  it('refuses a cap out of range', () => {
    expect(codes(capProblems(0, 0))).toEqual([['campaigns.invalid_item', 'body.stockCap']]);
    expect(codes(capProblems(0, 1.5))).toEqual([['campaigns.invalid_item', 'body.stockCap']]);
  });
});

describe('priceProblems', () => {
  it('takes a whole fen amount from 0', () => {
    expect(priceProblems(0)).toEqual([]);
    expect(priceProblems(1290)).toEqual([]);
    expect(codes(priceProblems(-1))).toEqual([['campaigns.invalid_item', 'body.priceFen']]);
    expect(codes(priceProblems(9.5))).toEqual([['campaigns.invalid_item', 'body.priceFen']]);
  });
});

describe('addItemsProblems', () => {
  const facts: SkuFacts = { skuId: 'sku_b', skuStatus: 'active', productStatus: 'on_sale' };
  const skus = new Map([['sku_b', facts]]);
  const item = (skuId: string) => ({ skuId, priceFen: 990, stockCap: 10, perCustomerLimit: 2 });
  it('takes a new sellable SKU', () => {
    expect(addItemsProblems([item('sku_b')], new Set(['sku_a']), skus)).toEqual([]);
  });
  it('refuses a SKU the campaign already sells, an unknown one and an empty list', () => {
    expect(codes(addItemsProblems([item('sku_a')], new Set(['sku_a']), skus))).toEqual([
      ['campaigns.duplicate_sku', 'body.items.0.skuId'],
      ['campaigns.sku_not_found', 'body.items.0.skuId'],
    ]);
    expect(codes(addItemsProblems([], new Set(), skus))).toEqual([['campaigns.no_items', 'body.items']]);
  });
});

describe('extendCutoff', () => {
  const now = new Date('2026-03-01T11:00:00Z');
  const current = {
    cutoffAt: new Date('2026-03-01T14:00:00Z'),
    endsAt: new Date('2026-03-01T15:00:00Z'),
    deliveryDate: '2026-03-03',
  };
  it('moves the cutoff later and keeps the end when it still follows', () => {
    const r = extendCutoff(current, { cutoffAt: new Date('2026-03-01T14:30:00Z') }, now);
    expect(r).toEqual({
      ok: true,
      times: { ...current, cutoffAt: new Date('2026-03-01T14:30:00Z') },
    });
  });
  it('moves the end with a cutoff that passes it', () => {
    const later = new Date('2026-03-01T20:00:00Z');
    const r = extendCutoff(current, { cutoffAt: later }, now);
    expect(r).toEqual({ ok: true, times: { cutoffAt: later, endsAt: later, deliveryDate: '2026-03-03' } });
  });
  it('refuses a cutoff in the past, one not later than now’s, and a delivery before it', () => {
    const past = extendCutoff(current, { cutoffAt: new Date('2026-03-01T10:00:00Z') }, now);
    expect(past.ok ? [] : codes(past.problems)).toEqual([['campaigns.cutoff_passed', 'body.cutoffAt']]);
    const earlier = extendCutoff(current, { cutoffAt: new Date('2026-03-01T13:00:00Z') }, now);
    expect(earlier.ok ? [] : codes(earlier.problems)).toEqual([
      ['campaigns.cutoff_not_later', 'body.cutoffAt'],
    ]);
    // 2026-03-03T17:00Z is 4 March in Shanghai, after the delivery date.
    const tooLate = extendCutoff(current, { cutoffAt: new Date('2026-03-03T17:00:00Z') }, now);
    expect(tooLate.ok ? [] : codes(tooLate.problems)).toEqual([
      ['campaigns.delivery_before_cutoff', 'body.deliveryDate'],
    ]);
    const endFirst = extendCutoff(
      current,
      { cutoffAt: new Date('2026-03-01T16:00:00Z'), endsAt: new Date('2026-03-01T15:30:00Z') },
      now,
    );
    expect(endFirst.ok ? [] : codes(endFirst.problems)).toEqual([
      ['campaigns.times_out_of_order', 'body.endsAt'],
    ]);
  });
});
