import { describe, expect, it } from 'vitest';
import { type BagOrder, mergeIntoBags } from './merge-bags.js';

const order = (orderId: string, customerId: string, over: Partial<BagOrder> = {}): BagOrder => ({
  orderId,
  customerId,
  pickupPointId: 'pp1',
  deliveryDate: '2026-11-27',
  pickupCode: `code-${orderId}`,
  status: 'confirmed',
  lines: [{ skuId: 'sku_a', label: '脐橙 5斤', quantity: 1 }],
  ...over,
});

describe('mergeIntoBags', () => {
  it('puts one customer’s orders for one pickup point and day into one bag, summing units per SKU', () => {
    const bags = mergeIntoBags([
      order('o1', 'c1'),
      order('o2', 'c1', {
        lines: [
          { skuId: 'sku_a', label: '脐橙 5斤', quantity: 2 },
          { skuId: 'sku_b', label: '鸡蛋 30枚', quantity: 1 },
        ],
      }),
      order('o3', 'c2'),
    ]);
    expect(bags).toHaveLength(2);
    expect(bags[0]).toMatchObject({ customerId: 'c1', orderIds: ['o1', 'o2'], units: 4 });
    // Items in pinyin order, as a Chinese pick list is read: 鸡 (jī) before 脐 (qí).
    expect(bags[0]?.items).toEqual([
      { skuId: 'sku_b', label: '鸡蛋 30枚', quantity: 1 },
      { skuId: 'sku_a', label: '脐橙 5斤', quantity: 3 },
    ]);
    expect(bags[0]?.pickupCodes).toEqual(['code-o1', 'code-o2']);
  });

  it('keeps different pickup points and delivery days apart', () => {
    const bags = mergeIntoBags([
      order('o1', 'c1'),
      order('o2', 'c1', { pickupPointId: 'pp2' }),
      order('o3', 'c1', { deliveryDate: '2026-11-28' }),
    ]);
    expect(bags.map((b) => b.orderIds)).toEqual([['o1'], ['o2'], ['o3']]);
  });

  it('gives nothing for no orders', () => {
    expect(mergeIntoBags([])).toEqual([]);
  });
});
