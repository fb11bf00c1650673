import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLiveSessions } from '../../src/platform/auth/index.js';
import { createTestApp, loginAs, makeUser, type TestApp } from '../helpers/test-app.js';
import { expectError } from './support.js';

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

/** One login attempt from a given client address. */
const attempt = (username: string, password: string, address: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });

/** What a client can observe of an answer: status, Retry-After and the body without its request id. */
async function observed(username: string, password: string, address: string) {
  const res = await attempt(username, password, address);
  const body = res.json<{ error?: { requestId?: string } }>();
  if (body.error) delete body.error.requestId;
  return { status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, body };
}

/** Fails `n` times from `address`, waiting out every delay first, so each try is really checked. */
async function failPatiently(username: string, address: string, n: number): Promise<number> {
  let throttled = 0;
  for (let i = 0; i < n; i++) {
    const res = await attempt(username, 'wrong-password', address);
    expect([401, 429]).toContain(res.statusCode);
    if (res.statusCode === 429) {
      throttled += 1;
      t.tdb.deps.clock.advance(Number(res.headers['retry-after']) * 1000);
    }
  }
  return throttled;
}

describe('login throttling', () => {
  const free = () => t.tdb.deps.config.loginMaxFailures;

  it('lets the real user in from another address while an attacker fails 50 times', async () => {
    const u = await makeUser(t.tdb, ['admin']);
    const throttled = await failPatiently(u.username, '198.51.100.66', 50);
    // The attacker was slowed down: most of the 50 tries had to wait.
    expect(throttled).toBeGreaterThan(40);
    // The attacker's address stays throttled: even the right password is not looked at from there.
    expectError(await attempt(u.username, 'wrong-password', '198.51.100.66'), 429, 'auth.login_throttled');
    expectError(await attempt(u.username, u.password, '198.51.100.66'), 429, 'auth.login_throttled');
    const real = await attempt(u.username, u.password, '203.0.113.7');
    expect(real.statusCode, real.body).toBe(200);
  });

  it('answers a known and an unknown username alike, try after try', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < free() + 3; i++) {
      known.push(await observed(u.username, 'wrong-password', '198.51.100.10'));
      unknown.push(await observed('nobody_at_all', 'wrong-password', '198.51.100.11'));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429, retryAfter: expect.any(String) });
  });

  it('doubles the wait with each failure past the free ones and says how long in both languages', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const address = '198.51.100.20';
    for (let i = 0; i < free(); i++) {
      expectError(await attempt(u.username, 'wrong-password', address), 401, 'auth.invalid_credentials');
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await attempt(u.username, 'wrong-password', address);
      const error = expectError(res, 429, 'auth.login_throttled');
      const wait = Number(res.headers['retry-after']);
      expect(error.messageZh).toBe(`登录失败次数过多，请在以下秒数之后再试：${wait}`);
      expect(error.message).toContain(String(wait));
      // While the wait lasts, even the right password is not looked at.
      t.tdb.deps.clock.advance(wait * 1000 - 1);
      expectError(await attempt(u.username, u.password, address), 429, 'auth.login_throttled');
      t.tdb.deps.clock.advance(1);
      waits.push(wait);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('forgets the pair’s failures after a successful login', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const address = '198.51.100.30';
    await failPatiently(u.username, address, free() + 1);
    t.tdb.deps.clock.advance(1000);
    expect((await attempt(u.username, u.password, address)).statusCode).toBe(200);
    for (let i = 0; i < free(); i++) {
      expectError(await attempt(u.username, 'wrong-password', address), 401, 'auth.invalid_credentials');
    }
  });

  it('slows an account down, softly, when many addresses guess it together', async () => {
    const u = await makeUser(t.tdb, ['admin']);
    // Each address counts on the account only while its own failures are free: four addresses
    // bring the account to its own free limit, and the fifth address's first failure throttles it.
    for (let a = 1; a <= 4; a++) {
      for (let i = 0; i < free(); i++) {
        expectError(
          await attempt(u.username, 'wrong-password', `192.0.2.${a}`),
          401,
          'auth.invalid_credentials',
        );
      }
    }
    expectError(await attempt(u.username, 'wrong-password', '192.0.2.5'), 429, 'auth.login_throttled');
    const fresh = await attempt(u.username, u.password, '203.0.113.99');
    expectError(fresh, 429, 'auth.login_throttled');
    expect(Number(fresh.headers['retry-after'])).toBeLessThanOrEqual(60);
    t.tdb.deps.clock.advance(60_000);
    expect((await attempt(u.username, u.password, '203.0.113.99')).statusCode).toBe(200);
  });

  it('throttles one address guessing many usernames', async () => {
    const address = '198.51.100.40';
    for (let i = 0; i < free() * 4; i++) {
      expectError(await attempt(`spray_${i}`, 'wrong-password', address), 401, 'auth.invalid_credentials');
    }
    expectError(await attempt('spray_last', 'wrong-password', address), 429, 'auth.login_throttled');
  });

  it('lets a user in at once after an admin resets the password', async () => {
    const admin = await makeUser(t.tdb, ['admin']);
    const a = await loginAs(t.app, admin.username, admin.password);
    const u = await makeUser(t.tdb, ['operator']);
    const address = '198.51.100.50';
    await failPatiently(u.username, address, free() + 4);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${u.id}/reset-password`,
      headers: a.headers,
      payload: { password: 'fresh-start-42' },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await attempt(u.username, 'fresh-start-42', address)).statusCode).toBe(200);
  });

  it.each([
    ['a known', true],
    ['an unknown', false],
  ])(
    'looks at only one of many concurrent guesses at %s username once the free failures are used up',
    async (_, known) => {
      const username = known ? (await makeUser(t.tdb, ['operator'])).username : `ghost_${Date.now()}`;
      const address = known ? '198.51.100.70' : '198.51.100.71';
      for (let i = 0; i < free(); i++) {
        expectError(await attempt(username, 'wrong-password', address), 401, 'auth.invalid_credentials');
      }
      const burst = await Promise.all(
        Array.from({ length: 8 }, (_, i) => attempt(username, `guess-${i}-pw`, address)),
      );
      expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(429));
      const { rows } = await t.tdb.deps.pool.query<{ failures: number }>(
        "SELECT failures FROM attempt_throttles WHERE scope = 'login.pair' AND key = $1",
        [`${username}|${address}`],
      );
      expect(rows).toEqual([{ failures: free() + 1 }]);
    },
  );

  it('keeps the throttle in the database, shared by every process', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    await failPatiently(u.username, '198.51.100.60', free() + 1);
    const { rows } = await t.tdb.deps.pool.query<{ scope: string; failures: number }>(
      'SELECT scope, failures FROM attempt_throttles WHERE key IN ($1, $2) ORDER BY scope',
      [u.username, `${u.username}|198.51.100.60`],
    );
    expect(rows).toEqual([
      { scope: 'login.account', failures: free() },
      { scope: 'login.pair', failures: free() + 1 },
    ]);
  });
});
