import { describe, expect, it } from 'vitest';
import {
  type CampaignInput,
  isSellable,
  type SkuFacts,
  scheduleProblems,
  validateCampaign,
} from './campaign-validation.js';

const sku = (skuId: string, over: Partial<SkuFacts> = {}): SkuFacts => ({
  skuId,
  skuStatus: 'active',
  productStatus: 'on_sale',
  ...over,
});
const skus = new Map<string, SkuFacts>([
  ['sku_a', sku('sku_a')],
  ['sku_b', sku('sku_b')],
  ['sku_off', sku('sku_off', { skuStatus: 'inactive' })],
  ['sku_gone', sku('sku_gone', { productStatus: 'off_sale' })],
  ['sku_new', sku('sku_new', { productStatus: 'draft' })],
]);
const facts = {
  skus,
  knownRegionIds: new Set(['reg_hz', 'reg_sh']),
  activeWarehouseIds: new Set(['wh_south']),
};

// 18:00 to 22:00 Shanghai time on 1 March; delivery the next day.
const valid: CampaignInput = {
  code: 'T0301',
  name: '周末水果节',
  startsAt: new Date('2026-03-01T10:00:00Z'),
  cutoffAt: new Date('2026-03-01T14:00:00Z'),
  endsAt: new Date('2026-03-01T15:00:00Z'),
  deliveryDate: '2026-03-02',
  sellTo: 'all',
  regionIds: [],
  items: [
    { skuId: 'sku_a', priceFen: 990, stockCap: 100, perCustomerLimit: 2 },
    { skuId: 'sku_b', priceFen: 0, stockCap: 1, perCustomerLimit: 1 },
  ],
};
const item = (i: number, over: object) => ({
  ...valid,
  items: valid.items.map((it, j) => (j === i ? { ...it, ...over } : it)),
});

describe('validateCampaign', () => {
  it('names the product in a refusal an operator reads, never the SKU id', () => {
    const named = new Map<string, SkuFacts>([
      ['sku_egg', sku('sku_egg', { productName: '土鸡蛋', spec: '30 枚装' })],
      ['sku_off', sku('sku_off', { skuStatus: 'inactive', productName: '草莓', spec: '500g' })],
    ]);
    const twice = {
      ...valid,
      items: [
        { skuId: 'sku_egg', priceFen: 990, stockCap: 10, perCustomerLimit: 2 },
        { skuId: 'sku_egg', priceFen: 990, stockCap: 10, perCustomerLimit: 2 },
        { skuId: 'sku_off', priceFen: 990, stockCap: 10, perCustomerLimit: 2 },
      ],
    };
    const problems = validateCampaign(twice, { ...facts, skus: named });
    expect(problems).toEqual([
      { code: 'campaigns.duplicate_sku', field: 'body.items.1.skuId', detail: '土鸡蛋 30 枚装 #1 #2' },
      { code: 'campaigns.sku_inactive', field: 'body.items.2.skuId', detail: '草莓 500g' },
    ]);
  });

  it('accepts a valid campaign, zero items, and a SKU whose product is still a draft', () => {
    expect(validateCampaign(valid, facts)).toEqual([]);
    expect(validateCampaign({ ...valid, items: [] }, facts)).toEqual([]);
    expect(
      validateCampaign(
        { ...valid, items: [{ skuId: 'sku_new', priceFen: 1, stockCap: 1, perCustomerLimit: 1 }] },
        facts,
      ),
    ).toEqual([]);
    expect(validateCampaign({ ...valid, sellTo: 'regions', regionIds: ['reg_hz'] }, facts)).toEqual([]);
    // A chosen warehouse that is active; none chosen.
    expect(validateCampaign({ ...valid, warehouseId: 'wh_south' }, facts)).toEqual([]);
    expect(validateCampaign({ ...valid, warehouseId: null }, facts)).toEqual([]);
    // The cutoff may be the end itself, and delivery may be the cutoff's own day.
    expect(validateCampaign({ ...valid, endsAt: valid.cutoffAt, deliveryDate: '2026-03-01' }, facts)).toEqual(
      [],
    );
  });

  const cases: Array<[string, CampaignInput, string, string]> = [
    [
      'cutoff equal to start',
      { ...valid, cutoffAt: valid.startsAt },
      'campaigns.times_out_of_order',
      'body.cutoffAt',
    ],
    [
      'cutoff before start',
      { ...valid, cutoffAt: new Date('2026-03-01T09:00:00Z') },
      'campaigns.times_out_of_order',
      'body.cutoffAt',
    ],
    [
      'end before cutoff',
      { ...valid, endsAt: new Date('2026-03-01T13:59:59Z') },
      'campaigns.times_out_of_order',
      'body.endsAt',
    ],
    // 16:30Z is 00:30 on 2 March in Shanghai, so delivery on 1 March is before the cutoff date.
    [
      'delivery before the cutoff date in Shanghai',
      {
        ...valid,
        cutoffAt: new Date('2026-03-01T16:30:00Z'),
        endsAt: new Date('2026-03-01T17:00:00Z'),
        deliveryDate: '2026-03-01',
      },
      'campaigns.delivery_before_cutoff',
      'body.deliveryDate',
    ],
    [
      'regions with none chosen',
      { ...valid, sellTo: 'regions', regionIds: [] },
      'campaigns.regions_required',
      'body.regionIds',
    ],
    [
      'unknown region',
      { ...valid, sellTo: 'regions', regionIds: ['reg_hz', 'reg_nope'] },
      'campaigns.region_not_found',
      'body.regionIds.1',
    ],
    [
      'a warehouse that is not active (or does not exist)',
      { ...valid, warehouseId: 'wh_closed' },
      'campaigns.warehouse_not_found',
      'body.warehouseId',
    ],
    ['unknown SKU', item(1, { skuId: 'sku_zz' }), 'campaigns.sku_not_found', 'body.items.1.skuId'],
    ['inactive SKU', item(0, { skuId: 'sku_off' }), 'campaigns.sku_inactive', 'body.items.0.skuId'],
    ['product off sale', item(1, { skuId: 'sku_gone' }), 'campaigns.sku_inactive', 'body.items.1.skuId'],
    ['duplicate SKU', item(1, { skuId: 'sku_a' }), 'campaigns.duplicate_sku', 'body.items.1.skuId'],
    ['negative price', item(1, { priceFen: -1 }), 'campaigns.invalid_item', 'body.items.1.priceFen'],
    ['fractional price', item(0, { priceFen: 9.5 }), 'campaigns.invalid_item', 'body.items.0.priceFen'],
    ['zero cap', item(0, { stockCap: 0 }), 'campaigns.invalid_item', 'body.items.0.stockCap'],
    [
      'zero limit',
      item(1, { perCustomerLimit: 0 }),
      'campaigns.invalid_item',
      'body.items.1.perCustomerLimit',
    ],
  ];
  it.each(cases)('refuses %s', (_name, input, code, field) => {
    const problems = validateCampaign(input, facts);
    expect(problems[0]).toMatchObject({ code, field });
  });

  it('lists every problem, times first', () => {
    const problems = validateCampaign(
      {
        ...valid,
        cutoffAt: valid.startsAt,
        items: [{ skuId: 'sku_zz', priceFen: -1, stockCap: 0, perCustomerLimit: 1 }],
      },
      facts,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'body.cutoffAt',
      'body.items.0.skuId',
      'body.items.0.priceFen',
      'body.items.0.stockCap',
    ]);
  });
});

describe('scheduleProblems', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it.each([
    [{ cutoffAt: new Date('2026-03-01T14:00:00Z'), itemCount: 1 }, []],
    [{ cutoffAt: new Date('2026-03-01T14:00:00Z'), itemCount: 0 }, ['campaigns.no_items']],
    [{ cutoffAt: now, itemCount: 3 }, ['campaigns.cutoff_passed']],
    [
      { cutoffAt: new Date('2026-03-01T11:00:00Z'), itemCount: 0 },
      ['campaigns.no_items', 'campaigns.cutoff_passed'],
    ],
  ])('%j → %j', (c, codes) => {
    expect(scheduleProblems(c, now).map((p) => p.code)).toEqual(codes);
  });
});

describe('helpers', () => {
  it.each([
    [sku('x'), true],
    [sku('x', { productStatus: 'draft' }), true],
    [sku('x', { productStatus: 'off_sale' }), false],
    [sku('x', { skuStatus: 'inactive' }), false],
  ])('isSellable(%j) is %s', (s, ok) => {
    expect(isSellable(s)).toBe(ok);
  });
});
