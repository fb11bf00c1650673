import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/** The built console as the server hands it out (no browser needed). */
let tdb: TestDb;
let app: App;
beforeAll(async () => {
  tdb = await createTestDb();
  app = await buildApp(tdb.deps, { serveWeb: true });
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('serving the console', () => {
  it('answers every console route with index.html, uncached', async () => {
    for (const url of ['/', '/login', '/users', '/audit?page=2']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
      // The page is served under the security headers (the browser tests run under the same policy).
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('serves the hashed assets the page links to, cacheable', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).body;
    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
    expect(asset).toBeDefined();
    const res = await app.inject({ method: 'GET', url: asset ?? '' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps 404 for a missing file and for an unknown API route', async () => {
    for (const url of ['/assets/missing.js', '/api/nope', '/favicon-nope.ico']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('route.not_found');
    }
  });
});
