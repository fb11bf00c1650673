import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let plain: TestApp;
let https: TestApp;
beforeAll(async () => {
  plain = await createTestApp();
  https = await createTestApp({ config: { cookieSecure: true } });
});
afterAll(async () => {
  await plain.close();
  await https.close();
});

/** The CSP as a map of directive to its sources. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  const policy = csp(res);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('connect-src'), what).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('img-src'), what).toEqual(expect.arrayContaining(['data:', 'blob:']));
}

describe('security headers', () => {
  it('are on an API answer, an error, the API docs and a missing page', async () => {
    const answers: [string, LightMyRequestResponse][] = [
      ['GET /healthz', await plain.app.inject({ method: 'GET', url: '/healthz' })],
      ['GET /api/auth/me (401)', await plain.app.inject({ method: 'GET', url: '/api/auth/me' })],
      [
        'POST /api/auth/login (400)',
        await plain.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      ],
      ['GET /docs', await plain.app.inject({ method: 'GET', url: '/docs/' })],
      ['GET /docs/json', await plain.app.inject({ method: 'GET', url: '/docs/json' })],
      ['GET /h5/missing (404)', await plain.app.inject({ method: 'GET', url: '/h5/missing' })],
    ];
    for (const [what, res] of answers) expectSecurityHeaders(res, what);
    const docs = answers.find(([what]) => what === 'GET /docs')?.[1];
    expect(docs?.statusCode).toBe(200);
    expect(docs?.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends HSTS and upgrade-insecure-requests only when cookies are Secure (HTTPS)', async () => {
    const overHttp = await plain.app.inject({ method: 'GET', url: '/healthz' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    expect(csp(overHttp).has('upgrade-insecure-requests')).toBe(false);

    const overHttps = await https.app.inject({ method: 'GET', url: '/healthz' });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(csp(overHttps).has('upgrade-insecure-requests')).toBe(true);
    expectSecurityHeaders(overHttps, 'https /healthz');
  });
});
