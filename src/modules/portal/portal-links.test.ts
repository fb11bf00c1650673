import { describe, expect, it } from 'vitest';
import { invitePath, sharePath } from './portal-links.js';

describe('share and invite links', () => {
  it('carries the leader code the storefront and the application page read', () => {
    expect(sharePath('cmp_01ABC', 'K7QW2M')).toBe('/h5/c/cmp_01ABC?leader=K7QW2M');
    expect(invitePath('K7QW2M')).toBe('/h5/apply?ref=K7QW2M');
  });

  it('escapes what a URL cannot carry as is', () => {
    expect(sharePath('a/b', 'X Y')).toBe('/h5/c/a%2Fb?leader=X%20Y');
  });
});
