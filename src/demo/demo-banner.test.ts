import { describe, expect, it } from 'vitest';
import { demoBanner } from './seed.js';

describe('the start banner', () => {
  it('says loudly, first, when the sandbox payment is on', () => {
    const banner = demoBanner('http://localhost:3000', null, true);
    const lines = banner.split('\n');
    expect(lines[2]).toContain('SANDBOX PAYMENT IS ON (PAYMENT_SANDBOX=true)');
    expect(banner).toContain('沙箱支付已开启');
    expect(banner.indexOf('SANDBOX PAYMENT IS ON')).toBeLessThan(banner.indexOf('is ready'));
  });

  it('says nothing of the sandbox when it is off', () => {
    expect(demoBanner('http://localhost:3000')).not.toMatch(/SANDBOX|沙箱/);
    expect(demoBanner('http://localhost:3000', '/h5/c/x?leader=A', false)).not.toMatch(/SANDBOX|沙箱/);
  });
});
