import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { call, countRows, expectError, expectNothingWritten, type Res } from './support.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
});
afterAll(() => t.close());

const validUser = {
  username: 'would_be',
  displayName: 'Would Be',
  password: 'long-enough-1',
  roles: ['operator'],
};

/** A write as the admin with a raw body and content type. */
function raw(
  url: string,
  body: string,
  contentType: string,
  method: 'POST' | 'PATCH' = 'POST',
): InjectOptions {
  return { method, url, headers: { ...admin.headers, 'content-type': contentType }, body };
}

function refused(opts: InjectOptions, app: TestApp = t): Promise<Res> {
  return expectNothingWritten(app.tdb, () => app.app.inject(opts));
}

describe('malformed and mistyped bodies', () => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const res = await refused(raw('/api/users', '{"username": "x", ', 'application/json'));
    expectError(res, 400, 'request.malformed_json', 'body');
  });

  it('answers an empty JSON body with 400 naming the body', async () => {
    expectError(await refused(raw('/api/users', '', 'application/json')), 400, 'request.invalid', 'body');
  });

  it('answers a value of the wrong type or shape with 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ ...validUser, roles: { admin: true } }, 'body.roles'],
      [{ ...validUser, displayName: { zh: '名字' } }, 'body.displayName'],
      [{ ...validUser, roles: [] }, 'body.roles'],
      [{ ...validUser, username: 'x' }, 'body.username'],
      [{ ...validUser, username: 'no spaces allowed' }, 'body.username'],
    ];
    for (const [payload, field] of cases) {
      const res = await refused({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
      expectError(res, 400, 'request.invalid', field);
    }
    const patch = await refused({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { status: 'deleted' },
    });
    expectError(patch, 400, 'request.invalid', 'body.status');
  });

  it('answers a missing required field with 400 naming it', async () => {
    for (const missing of ['username', 'displayName', 'password', 'roles'] as const) {
      const { [missing]: _gone, ...payload } = validUser;
      const res = await refused({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
      expectError(res, 400, 'request.invalid', `body.${missing}`);
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'who' },
    });
    expectError(login, 400, 'request.invalid', 'body.password');
  });

  it('answers an unknown extra property with 400 naming it', async () => {
    const res = await refused({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { ...validUser, isSuperuser: true },
    });
    expectError(res, 400, 'request.invalid', 'body.isSuperuser');
  });

  it('answers a body over the configured limit with 413 request.too_large', async () => {
    const small = await createTestApp({ config: { bodyLimitBytes: 1024 } });
    try {
      const s = await sessionFor(small, ['admin']);
      const payload = { ...validUser, displayName: '长'.repeat(600) };
      const res = await refused({ method: 'POST', url: '/api/users', headers: s.headers, payload }, small);
      expectError(res, 413, 'request.too_large');
      const fits = await call(small, s, 'POST', '/api/users', { ...validUser, displayName: 'short' });
      expect(fits.statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('answers an unsupported content type with 415', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded']) {
      const res = await refused(raw('/api/users', 'username=would_be', type));
      expectError(res, 415, 'request.unsupported_media_type');
    }
  });
});

describe('routes and query strings', () => {
  it('answers an unknown API route with 404 route.not_found', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope'],
      ['DELETE', '/api/users'],
    ] as const) {
      expectError(
        await refused({ method, url, headers: admin.headers, payload: {} }),
        404,
        'route.not_found',
      );
    }
  });

  it('answers a bad page or page size with 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['pageSize=0', 'pageSize'],
      ['pageSize=201', 'pageSize'],
      ['page=abc', 'page'],
      ['page=0', 'page'],
    ] as const) {
      const res = await call(t, admin, 'GET', `/api/users?${query}`);
      const error = expectError(res, 400, 'request.invalid');
      expect(error.field?.split('.').at(-1)).toBe(name);
      expect(error.field?.split('.')).toHaveLength(2);
    }
  });

  it('answers an invalid date in the audit filter with 400 naming it', async () => {
    for (const query of ['from=yesterday', 'to=2026-13-45T99:00:00Z', 'from=2026-03-01']) {
      const error = expectError(await call(t, admin, 'GET', `/api/audit?${query}`), 400, 'request.invalid');
      expect(error.field?.split('.').at(-1)).toBe(query.split('=')[0]);
    }
  });

  it('never answers HEAD or OPTIONS with a 500', async () => {
    const head = await call(t, admin, 'HEAD', '/api/users');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect((await call(t, null, 'HEAD', '/api/users')).statusCode).toBe(401);
    expect((await call(t, null, 'HEAD', '/healthz')).statusCode).toBe(200);
    for (const url of ['/api/users', '/api/auth/login', '*']) {
      expectError(await call(t, null, 'OPTIONS', url), 404, 'route.not_found');
    }
  });
});

describe('who may ask', () => {
  it('answers a wrong password with 401, recording only the failed attempt', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const before = { users: await countRows(t.tdb, 'users'), audit: await countRows(t.tdb, 'audit_log') };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'not-the-password' },
    });
    expectError(res, 401, 'auth.invalid_credentials');
    expect(res.cookies.find((c) => c.name === 'tf_session')).toBeUndefined();
    expect(await countRows(t.tdb, 'users')).toBe(before.users);
    const audit = await t.tdb.deps.pool.query('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect([await countRows(t.tdb, 'audit_log'), audit.rows[0]]).toEqual([
      before.audit + 1,
      { action: 'auth.login_failed' },
    ]);
  });

  it('answers a role without the permission with 403 auth.forbidden, for reads and writes', async () => {
    const leader = await sessionFor(t, ['leader']);
    expectError(await call(t, leader, 'GET', '/api/users'), 403, 'auth.forbidden');
    const write = await expectNothingWritten(t.tdb, () => call(t, leader, 'POST', '/api/users', validUser));
    expectError(write, 403, 'auth.forbidden');
  });

  it('answers an expired session with 401 auth.session_expired and writes nothing', async () => {
    const u = await makeUser(t.tdb, ['admin']);
    const s = await loginAs(t.app, u.username, u.password);
    t.tdb.deps.clock.advance(t.tdb.deps.config.sessionIdleMinutes * 60_000 + 1);
    expectError(await call(t, s, 'GET', '/api/users'), 401, 'auth.session_expired');
    const write = await expectNothingWritten(t.tdb, () => call(t, s, 'POST', '/api/users', validUser));
    expectError(write, 401, 'auth.session_expired');
  });
});
