import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError, expectNothingWritten } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const valid = { username: 'would_be', displayName: 'W', password: 'long-enough-1', roles: ['operator'] };

/** Bugs found by the first test sessions, each pinned by the test that found it. */
describe('regressions', () => {
  it('a wrong scalar type in a JSON body is refused (roles: "admin")', async () => {
    const admin = await sessionFor(t, ['admin']);
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'POST', '/api/users', { ...valid, roles: 'admin' }),
    );
    expectError(res, 400, 'request.invalid', 'body.roles');
  });
  it('a role without the permission gets 403 even for an empty body', async () => {
    const leader = await sessionFor(t, ['leader']);
    expectError(await call(t, leader, 'POST', '/api/users', {}), 403, 'auth.forbidden');
  });
  it('an anonymous caller gets 401 even for an empty body', async () => {
    expectError(await call(t, null, 'PATCH', '/api/users/usr_x', {}), 401, 'auth.unauthenticated');
  });
  it('two admins demoting each other at once leave one admin', async () => {
    for (let round = 0; round < 5; round++) {
      await t.tdb.deps.pool.query(`UPDATE users SET roles = '{operator}' WHERE 'admin' = ANY(roles)`);
      const a = await sessionFor(t, ['admin']);
      const b = await sessionFor(t, ['admin']);
      await Promise.all([
        call(t, a, 'PATCH', `/api/users/${b.user.id}`, { roles: ['operator'] }),
        call(t, b, 'PATCH', `/api/users/${a.user.id}`, { roles: ['operator'] }),
      ]);
      const n = await t.tdb.deps.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND status = 'active'`,
      );
      expect(n.rows[0]?.n, `round ${round}`).toBe(1);
    }
  });
  it('a bad query parameter is named query.pageSize', async () => {
    const admin = await sessionFor(t, ['admin']);
    expectError(
      await call(t, admin, 'GET', '/api/users?pageSize=0'),
      400,
      'request.invalid',
      'query.pageSize',
    );
  });
});
