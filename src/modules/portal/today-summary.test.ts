import { describe, expect, it } from 'vitest';
import { type DayLine, type DayOrder, summariseDay } from './today-summary.js';

function order(id: string, over: Partial<DayOrder> = {}): DayOrder {
  return {
    id,
    campaignId: 'cmp_a',
    campaignName: '水果节',
    customerId: 'cus_1',
    customerName: '王阿姨',
    phoneMasked: '139****0001',
    pickupPointName: '西湖花园',
    status: 'paid',
    totalFen: 1000,
    itemCount: 1,
    placedAt: new Date('2026-03-01T01:00:00Z'),
    ...over,
  };
}

function line(orderId: string, over: Partial<DayLine> = {}): DayLine {
  return {
    orderId,
    campaignId: 'cmp_a',
    skuId: 'sku_1',
    productName: '草莓',
    spec: '500g',
    quantity: 1,
    amountFen: 1000,
    ...over,
  };
}

describe('summariseDay', () => {
  it('is all zeros for a day without orders', () => {
    expect(summariseDay([], [])).toEqual({
      totals: { orders: 0, unpaid: 0, voided: 0, itemCount: 0, totalFen: 0, customers: 0 },
      byCampaign: [],
      byCustomer: [],
    });
  });

  it('totals by campaign and by customer, leaving cancelled and refunded orders out of the sums', () => {
    const orders = [
      order('o1'),
      order('o2', { status: 'pending_payment', totalFen: 2500, itemCount: 3 }),
      order('o3', { customerId: 'cus_2', customerName: '李先生', phoneMasked: '139****0002', totalFen: 700 }),
      order('o4', { status: 'cancelled', totalFen: 9900 }),
      order('o5', {
        campaignId: 'cmp_b',
        campaignName: '蔬菜',
        customerId: 'cus_2',
        status: 'refunded',
        totalFen: 500,
        placedAt: new Date('2026-03-01T05:00:00Z'),
      }),
    ];
    const lines = [
      line('o1'),
      line('o2', { quantity: 2, amountFen: 2000 }),
      line('o2', { skuId: 'sku_2', productName: '蓝莓', quantity: 1, amountFen: 500 }),
      line('o3', { amountFen: 700 }),
      line('o4', { quantity: 9, amountFen: 9900 }),
      line('o5', { campaignId: 'cmp_b', skuId: 'sku_3', amountFen: 500 }),
    ];
    const day = summariseDay(orders, lines);
    expect(day.totals).toEqual({
      orders: 3,
      unpaid: 1,
      voided: 2,
      itemCount: 5,
      totalFen: 4200,
      customers: 2,
    });
    expect(day.byCampaign.map((c) => [c.campaignId, c.orders, c.voided, c.totalFen, c.customers])).toEqual([
      ['cmp_a', 3, 1, 4200, 2],
      ['cmp_b', 0, 1, 0, 0],
    ]);
    expect(day.byCampaign[0]?.products).toEqual([
      { skuId: 'sku_1', productName: '草莓', spec: '500g', quantity: 4, amountFen: 3700 },
      { skuId: 'sku_2', productName: '蓝莓', spec: '500g', quantity: 1, amountFen: 500 },
    ]);
    expect(day.byCampaign[1]?.products).toEqual([]);
    // The customer with the latest order first; their own orders newest first.
    expect(day.byCustomer.map((c) => [c.customerId, c.orders, c.totalFen, c.voided])).toEqual([
      ['cus_2', 1, 700, 1],
      ['cus_1', 2, 3500, 1],
    ]);
    expect(day.byCustomer[0]?.items.map((o) => o.id)).toEqual(['o5', 'o3']);
    expect(day.byCustomer[0]?.lastOrderAt).toBe('2026-03-01T05:00:00.000Z');
    // The sums of the groups are the day's totals.
    expect(day.byCampaign.reduce((s, c) => s + c.totalFen, 0)).toBe(day.totals.totalFen);
    expect(day.byCustomer.reduce((s, c) => s + c.totalFen, 0)).toBe(day.totals.totalFen);
  });
});
