import { describe, expect, it } from 'vitest';
import { buyableNow } from './buyable.js';

describe('buyableNow', () => {
  it('is the cap left while the warehouse has more', () => {
    expect(buyableNow({ cap: 100, sold: 20 }, 500)).toBe(80);
  });
  it('is the warehouse’s available when it has less than the cap left', () => {
    expect(buyableNow({ cap: 100, sold: 20 }, 7)).toBe(7);
    expect(buyableNow({ cap: 100, sold: 20 }, 0)).toBe(0);
  });
  it('is never negative', () => {
    expect(buyableNow({ cap: 10, sold: 10 }, 5)).toBe(0);
    expect(buyableNow({ cap: 10, sold: 12 }, 5)).toBe(0);
    expect(buyableNow({ cap: 10, sold: 0 }, -3)).toBe(0);
  });
});
