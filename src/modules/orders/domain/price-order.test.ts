import { describe, expect, it } from 'vitest';
import { priceOrder } from './price-order.js';

const items = [
  { id: 'A', skuId: 'sku_a', priceFen: 1990, perCustomerLimit: 3 },
  { id: 'B', skuId: 'sku_b', priceFen: 500, perCustomerLimit: 10 },
];

describe('priceOrder', () => {
  it('prices every line with the campaign price and sums the total', () => {
    const r = priceOrder(items, [
      { itemId: 'A', quantity: 2 },
      { itemId: 'B', quantity: 5 },
    ]);
    expect(r).toEqual({
      ok: true,
      lines: [
        { itemId: 'A', skuId: 'sku_a', quantity: 2, unitPriceFen: 1990, amountFen: 3980 },
        { itemId: 'B', skuId: 'sku_b', quantity: 5, unitPriceFen: 500, amountFen: 2500 },
      ],
      totalFen: 6480,
      itemCount: 7,
    });
  });

  it.each([
    [[{ itemId: 'Z', quantity: 1 }], 'orders.item_not_in_campaign', 'body.items.0.itemId'],
    [
      [
        { itemId: 'A', quantity: 1 },
        { itemId: 'A', quantity: 1 },
      ],
      'orders.duplicate_item',
      'body.items.1.itemId',
    ],
    [[{ itemId: 'A', quantity: 4 }], 'orders.limit_exceeded', 'body.items.0.quantity'],
  ])('refuses %j with %s on %s', (requested, code, field) => {
    expect(priceOrder(items, requested)).toEqual({ ok: false, code, field });
  });

  it('ignores anything but item and quantity (a client price is never read)', () => {
    const r = priceOrder(items, [
      { itemId: 'B', quantity: 1, priceFen: 1 } as { itemId: string; quantity: number },
    ]);
    expect(r.ok && r.totalFen).toBe(500);
  });
});
