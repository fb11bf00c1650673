import { describe, expect, it } from 'vitest';
import { learn, NOTHING_KNOWN } from './fast-batch.js';

const campaign = (id: string, state = 'live') => ({
  id,
  state,
  starts_at: '2026-12-07T00:00:00Z',
  cutoff_at: '2026-12-08T00:00:00Z',
  payment_minutes: 30,
});
const item = (id: string, sold: number) => ({ id, stock_cap: 100, sold, per_customer_limit: 5 });
const level = (sku: string, available: number) => ({
  sku_id: sku,
  warehouse_id: 'wh_1',
  on_hand: 100,
  allocated: 100 - available,
  available,
  low_stock_threshold: 0,
});

describe('learn', () => {
  it('lays what a batch saw over what was known, keeping rows it did not touch', () => {
    const before = learn(NOTHING_KNOWN, {
      campaigns: [campaign('c1'), campaign('c2')],
      items: [item('i1', 10), item('i2', 20)],
      levels: [level('s1', 90), level('s2', 80)],
    });
    const after = learn(before, {
      campaigns: [campaign('c1', 'closed')],
      items: [item('i1', 12)],
      levels: [level('s1', 88)],
    });
    expect(after.campaigns.get('c1')?.state).toBe('closed');
    expect(after.campaigns.get('c2')?.state).toBe('live');
    expect(after.items.get('i1')?.sold).toBe(12);
    expect(after.items.get('i2')?.sold).toBe(20);
    expect(after.levels.get('s1|wh_1')?.available).toBe(88);
    expect(after.levels.get('s2|wh_1')?.available).toBe(80);
    // The earlier view is not changed.
    expect(before.items.get('i1')?.sold).toBe(10);
  });
});
