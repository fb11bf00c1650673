import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLiveSessions } from '../../src/platform/auth/index.js';
import { createTestApp, loginAs, makeUser, type TestApp } from '../helpers/test-app.js';
import { call, expectError, expectNothingWritten } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('changing my own password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const u = await makeUser(t.tdb, ['finance']);
    const here = await loginAs(t.app, u.username, u.password);
    const elsewhere = await loginAs(t.app, u.username, u.password);
    const res = await call(t, here, 'POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'brand-new-pass-1',
    });
    expect(res.statusCode).toBe(204);
    expect((await call(t, here, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(t, elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await countLiveSessions(t.tdb.deps.db, t.tdb.deps.clock, u.id)).toBe(1);
    await expect(loginAs(t.app, u.username, u.password)).rejects.toThrow(/401/);
    await loginAs(t.app, u.username, 'brand-new-pass-1');
    const audit = await t.tdb.deps.pool.query(
      "SELECT actor_id FROM audit_log WHERE action = 'user.change_password' AND entity_id = $1",
      [u.id],
    );
    expect(audit.rows).toEqual([{ actor_id: u.id }]);
  });

  it('refuses a wrong current password, a short or unchanged new one, and writes nothing', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const s = await loginAs(t.app, u.username, u.password);
    const cases: [object, string, string][] = [
      [
        { currentPassword: 'wrong-one-123', newPassword: 'brand-new-pass-2' },
        'users.wrong_current_password',
        'body.currentPassword',
      ],
      [{ currentPassword: u.password, newPassword: 'short' }, 'users.password_too_short', 'body.newPassword'],
      [
        { currentPassword: u.password, newPassword: 'iloveyou123' },
        'users.password_too_common',
        'body.newPassword',
      ],
      [
        { currentPassword: u.password, newPassword: `my-${u.username.toUpperCase()}-pw` },
        'users.password_contains_username',
        'body.newPassword',
      ],
      [
        { currentPassword: u.password, newPassword: u.password },
        'users.password_unchanged',
        'body.newPassword',
      ],
      [{ currentPassword: u.password }, 'request.invalid', 'body.newPassword'],
    ];
    for (const [body, code, field] of cases) {
      const res = await expectNothingWritten(t.tdb, () =>
        call(t, s, 'POST', '/api/auth/change-password', body),
      );
      expectError(res, 400, code, field);
    }
    await loginAs(t.app, u.username, u.password);
  });

  it('slows down guessing the current password with a session that is not yours', async () => {
    const u = await makeUser(t.tdb, ['operator']);
    const s = await loginAs(t.app, u.username, u.password);
    // From an address of its own: the in-memory limit of 10 a minute per address is not what is tested.
    const guess = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: s.headers,
        payload: { currentPassword, newPassword: 'taken-over-77' },
        remoteAddress: '198.51.100.200',
      });
    for (let i = 0; i < 5; i++)
      expectError(await guess(`guess-${i}-long`), 400, 'users.wrong_current_password');
    const slowed = await guess('guess-6-long');
    const error = expectError(slowed, 429, 'users.password_change_throttled');
    expect(slowed.headers['retry-after']).toBe('1');
    expect(error.messageZh).toBe('当前密码错误次数过多，请在以下秒数之后再试：1');
    // While the wait lasts even the right password is refused; after it, the right one works.
    expectError(await guess(u.password), 429, 'users.password_change_throttled');
    t.tdb.deps.clock.advance(1000);
    expect((await guess(u.password)).statusCode).toBe(204);
  });

  it('needs a login and the CSRF token', async () => {
    const body = { currentPassword: 'x-long-enough', newPassword: 'y-long-enough' };
    expectError(await call(t, null, 'POST', '/api/auth/change-password', body), 401, 'auth.unauthenticated');
    const u = await makeUser(t.tdb, ['leader']);
    const s = await loginAs(t.app, u.username, u.password);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie: s.cookie },
      payload: body,
    });
    expectError(res, 403, 'auth.csrf_failed');
  });
});
