import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, helmetOptions, securityHeaders } from './security-headers.js';

describe('contentSecurityPolicy', () => {
  it('runs only our own scripts: nothing inline, no eval, no other host', () => {
    const csp = contentSecurityPolicy({ https: false });
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('asks the browser to upgrade to HTTPS only when served over HTTPS', () => {
    expect(contentSecurityPolicy({ https: false })).not.toHaveProperty('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ https: true })['upgrade-insecure-requests']).toEqual([]);
  });
});

describe('helmetOptions', () => {
  it('sends HSTS only over HTTPS and denies framing', () => {
    expect(helmetOptions({ https: false }).hsts).toBe(false);
    expect(helmetOptions({ https: true }).hsts).toMatchObject({ maxAge: 31_536_000 });
    expect(helmetOptions({ https: false }).frameguard).toEqual({ action: 'deny' });
  });
});

describe('securityHeaders', () => {
  it("are helmet's headers for our options, computed once", () => {
    const h = securityHeaders({ https: false });
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders({ https: true })['strict-transport-security']).toBe('max-age=31536000');
    expect(Object.isFrozen(h)).toBe(true);
  });
});
