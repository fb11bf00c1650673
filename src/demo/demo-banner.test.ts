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

describe('the accounts the start banner lists', () => {
  const url = 'http://localhost:3000';

  it('lists the demo accounts and the leader password where they exist', () => {
    const banner = demoBanner(url, null, false, 'demo');
    expect(banner).toContain('Demo accounts 演示账号');
    expect(banner).toContain('admin12345');
    expect(banner).toContain('log in as leader /');
    expect(banner).not.toContain('npm run admin');
  });

  it('lists no demo account on an empty database, and tells how to create the first admin', () => {
    const banner = demoBanner(url, null, false, 'none');
    expect(banner).not.toContain('演示账号');
    expect(banner).not.toContain('admin12345');
    expect(banner).not.toContain('log in as leader');
    expect(banner).toContain('npm run admin -- create --username <name>');
    expect(banner).toContain(`${url}/h5/portal`);
  });

  it('lists neither where the company has its own users', () => {
    const banner = demoBanner(url, null, false, 'other');
    expect(banner).not.toContain('演示账号');
    expect(banner).not.toContain('12345');
    expect(banner).not.toContain('npm run admin');
  });
});

describe('the setup link of an empty company', () => {
  it('shows the one-time link first, then the command', () => {
    const link = 'http://localhost:3000/setup#token=abc';
    const banner = demoBanner('http://localhost:3000', null, false, 'none', link);
    expect(banner).toContain(`打开一次性设置链接: ${link}`);
    expect(banner.indexOf(link)).toBeLessThan(banner.indexOf('npm run admin -- create'));
  });
});
