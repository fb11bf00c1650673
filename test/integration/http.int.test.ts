import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { createTestApp, loginAs, makeUser, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('serves the document and the UI at /docs', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const body = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/audit', '/api/auth/login']),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('request ids', () => {
  it('answers with a generated request id, or the caller’s when it is well-formed', async () => {
    const generated = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
    const given = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'lb-123.abc' },
    });
    expect(given.headers['x-request-id']).toBe('lb-123.abc');
    const hostile = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'a b\nc' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^req_/);
  });

  it('puts the request id on every log line written while handling the request', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    const logged: App = await buildApp({ ...t.tdb.deps, log }, { serveWeb: false });
    try {
      const u = await makeUser(t.tdb, ['admin']);
      const s = await loginAs(logged, u.username, u.password);
      const res = await logged.inject({
        method: 'GET',
        url: '/api/users?pageSize=0',
        headers: { cookie: s.cookie },
      });
      expect(res.statusCode).toBe(400);
      const id = res.headers['x-request-id'];
      const mine = lines.filter((l) => l.reqId === id);
      // The incoming line, the refusal with its code, and the completion line.
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.some((l) => l.code === 'request.invalid')).toBe(true);
      expect(lines.filter((l) => 'req' in l || 'res' in l).every((l) => typeof l.reqId === 'string')).toBe(
        true,
      );
    } finally {
      await logged.close();
    }
  });
});

describe('client addresses behind proxies', () => {
  async function loginIp(hops: number): Promise<string | null> {
    const app = await createTestApp({ config: { trustProxyHops: hops } });
    try {
      const u = await makeUser(app.tdb, ['operator']);
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.7' },
        payload: { username: u.username, password: u.password },
      });
      expect(res.statusCode).toBe(200);
      const r = await app.tdb.deps.pool.query<{ ip: string | null }>(
        "SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1",
      );
      return r.rows[0]?.ip ?? null;
    } finally {
      await app.close();
    }
  }

  it('ignores X-Forwarded-For by default, so a client cannot pick its own address', async () => {
    expect(await loginIp(0)).toBe('127.0.0.1');
  });

  it('believes it for the configured number of proxy hops', async () => {
    expect(await loginIp(1)).toBe('203.0.113.7');
  });
});
