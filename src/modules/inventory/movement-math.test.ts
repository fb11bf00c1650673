import { describe, expect, it } from 'vitest';
import {
  addCounters,
  compareLevelKeys,
  crossedIntoLow,
  deltasOf,
  findShortage,
  isLow,
  levelKey,
  movementTrail,
  signedQuantity,
} from './movement-math.js';

const level = (onHand: number, allocated: number) => ({ onHand, allocated, available: onHand - allocated });

describe('deltasOf', () => {
  it('keeps available = on hand − allocated for every kind and sign', () => {
    const cases = [
      ['receipt', 5],
      ['adjustment', -3],
      ['adjustment', 4],
      ['allocation', -2],
      ['release', 2],
      ['shipment', -2],
    ] as const;
    for (const [kind, q] of cases) {
      const d = deltasOf(kind, q);
      expect(d.available, kind).toBe(d.onHand - d.allocated);
    }
  });

  it('moves the right counters: allocation from available to allocated, shipment out of both', () => {
    expect(addCounters(level(10, 0), deltasOf('allocation', signedQuantity('allocation', 3)))).toEqual(
      level(10, 3),
    );
    expect(addCounters(level(10, 3), deltasOf('release', signedQuantity('release', 1)))).toEqual(
      level(10, 2),
    );
    expect(addCounters(level(10, 2), deltasOf('shipment', signedQuantity('shipment', 2)))).toEqual(
      level(8, 0),
    );
    expect(addCounters(level(8, 0), deltasOf('receipt', signedQuantity('receipt', 4)))).toEqual(level(12, 0));
  });
});

describe('movementTrail', () => {
  it('recovers the counters between lines that one statement applied together', () => {
    // Two allocation lines (3 then 4) left the level at on hand 10, allocated 7.
    const trail = movementTrail(level(10, 7), 'allocation', [-3, -4]);
    expect(trail.before).toEqual(level(10, 0));
    expect(trail.after).toEqual([level(10, 3), level(10, 7)]);
  });
});

describe('low-stock crossing', () => {
  it('treats a threshold of 0 as no alert and "low" as strictly below the threshold', () => {
    expect(isLow(0, 0)).toBe(false);
    expect(isLow(5, 5)).toBe(false);
    expect(isLow(4, 5)).toBe(true);
  });

  it('fires once when going from not-low to low, not again while it stays low, and on a raised threshold', () => {
    expect(crossedIntoLow({ available: 6, threshold: 5 }, { available: 4, threshold: 5 })).toBe(true);
    expect(crossedIntoLow({ available: 4, threshold: 5 }, { available: 3, threshold: 5 })).toBe(false);
    expect(crossedIntoLow({ available: 3, threshold: 5 }, { available: 9, threshold: 5 })).toBe(false);
    expect(crossedIntoLow({ available: 9, threshold: 5 }, { available: 9, threshold: 10 })).toBe(true);
  });
});

describe('findShortage', () => {
  const levels = new Map([
    [levelKey('sku_a', 'wh_1'), level(5, 0)],
    [levelKey('sku_b', 'wh_1'), level(2, 0)],
  ]);

  it('accepts lines that fit, counting repeated levels together', () => {
    const lines = [
      { skuId: 'sku_a', warehouseId: 'wh_1', quantity: 3 },
      { skuId: 'sku_a', warehouseId: 'wh_1', quantity: 2 },
      { skuId: 'sku_b', warehouseId: 'wh_1', quantity: 2 },
    ];
    expect(findShortage(lines, levels, 'available')).toBeNull();
  });

  it('names the first line that does not fit, with what was left for it', () => {
    const lines = [
      { skuId: 'sku_a', warehouseId: 'wh_1', quantity: 3 },
      { skuId: 'sku_b', warehouseId: 'wh_1', quantity: 1 },
      { skuId: 'sku_a', warehouseId: 'wh_1', quantity: 3 },
    ];
    expect(findShortage(lines, levels, 'available')).toEqual({
      lineIndex: 2,
      skuId: 'sku_a',
      warehouseId: 'wh_1',
      requested: 3,
      remaining: 2,
      counter: 'available',
    });
  });

  it('treats a level that does not exist as empty, and checks allocated for releases', () => {
    const missing = [{ skuId: 'sku_z', warehouseId: 'wh_1', quantity: 1 }];
    expect(findShortage(missing, levels, 'available')?.remaining).toBe(0);
    const release = [{ skuId: 'sku_a', warehouseId: 'wh_1', quantity: 1 }];
    expect(findShortage(release, levels, 'allocated')?.counter).toBe('allocated');
  });
});

describe('compareLevelKeys', () => {
  it('orders by SKU, then warehouse', () => {
    const keys = [
      { skuId: 'b', warehouseId: '1' },
      { skuId: 'a', warehouseId: '2' },
      { skuId: 'a', warehouseId: '1' },
    ].sort(compareLevelKeys);
    expect(keys.map((k) => `${k.skuId}${k.warehouseId}`)).toEqual(['a1', 'a2', 'b1']);
  });
});
