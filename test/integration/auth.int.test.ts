import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLiveSessions } from '../../src/platform/auth/index.js';
import { createTestApp, loginAs, makeUser, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login, sessions and logout', () => {
  it('logs in, answers /me, and logs out', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const s = await loginAs(t.app, u.username, u.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: u.username, roles: ['operator'] });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.unauthenticated');
  });

  it('sets an httpOnly SameSite session cookie and never returns the password hash', async () => {
    const u = await makeUser(t.tdb, ['finance']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'tf_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.body).not.toContain('scrypt$');
  });

  it('refuses a wrong password with 401 and the same answer as an unknown user', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody_here', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
    expect(wrong.json().error.messageZh).toBe('用户名或密码错误');
  });

  it('locks the account after repeated failures, even for the right password, until the lock passes', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    for (let i = 0; i < t.tdb.deps.config.loginMaxFailures - 1; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locking = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'wrong-password' },
    });
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error.code).toBe('auth.account_locked');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(right.statusCode).toBe(429);
    t.tdb.deps.clock.advance(t.tdb.deps.config.loginLockMinutes * 60_000 + 1000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(later.statusCode).toBe(200);
  });

  it('expires an idle session and an old session', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const s = await loginAs(t.app, u.username, u.password);
    t.tdb.deps.clock.advance(t.tdb.deps.config.sessionIdleMinutes * 60_000 + 1000);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
  });

  it('keeps an active session alive by sliding its idle expiry', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const s = await loginAs(t.app, u.username, u.password);
    const idleMs = t.tdb.deps.config.sessionIdleMinutes * 60_000;
    for (let i = 0; i < 3; i++) {
      t.tdb.deps.clock.advance(idleMs - 60_000);
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
    }
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await createTestApp({ loginPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x_user', password: 'whatever1' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const u = await makeUser(t.tdb, ['admin']);
    const s = await loginAs(t.app, u.username, u.password);
    const payload = {
      username: 'csrf_victim',
      displayName: 'X',
      password: 'long-enough-1',
      roles: ['operator'],
    };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: s.cookie },
      payload,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('auth.csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: s.cookie, 'x-csrf-token': 'guess' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=csrf_victim',
      headers: { cookie: s.cookie },
    });
    expect(list.json().total).toBe(0);
  });

  it('ends every session of a user who is disabled', async () => {
    const admin = await makeUser(t.tdb, ['admin']);
    const a = await loginAs(t.app, admin.username, admin.password);
    const victim = await makeUser(t.tdb, ['operator']);
    const v1 = await loginAs(t.app, victim.username, victim.password);
    await loginAs(t.app, victim.username, victim.password);
    expect(await countLiveSessions(t.tdb.deps.db, t.tdb.deps.clock, victim.id)).toBe(2);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${victim.id}`,
      headers: a.headers,
      payload: { status: 'disabled' },
    });
    expect(res.statusCode).toBe(200);
    expect(await countLiveSessions(t.tdb.deps.db, t.tdb.deps.clock, victim.id)).toBe(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: v1.cookie } });
    expect(me.statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.username, password: victim.password },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('auth.account_disabled');
  });
});
