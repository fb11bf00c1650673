import { describe, expect, it } from 'vitest';
import { isRegionScoped } from './region-scope.js';

describe('isRegionScoped', () => {
  it('limits a region manager, unless they also hold a role that sees every region', () => {
    expect(isRegionScoped(['region_manager'])).toBe(true);
    expect(isRegionScoped(['region_manager', 'leader'])).toBe(true);
    expect(isRegionScoped(['region_manager', 'operator'])).toBe(false);
    expect(isRegionScoped(['admin'])).toBe(false);
    expect(isRegionScoped(['finance'])).toBe(false);
  });
});
