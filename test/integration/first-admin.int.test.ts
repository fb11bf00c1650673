import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerAccounts, DEMO_ACCOUNTS } from '../../src/demo/seed.js';
import { createAdmin, passwordProblem, userCount } from '../../src/platform/auth/index.js';
import { DomainError } from '../../src/platform/errors.js';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { countRows } from './support.js';

/** `npm run admin -- create` (scripts/admin.ts) on a company started without demo data. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the first administrator', () => {
  it('starts with no user: the banner lists no demo account and asks for the first admin', async () => {
    expect(await userCount(t.tdb.deps.db)).toBe(0);
    expect(await bannerAccounts(t.tdb.deps)).toBe('none');
  });

  it('creates an admin with a generated password the rules accept, who can log in and manage users', async () => {
    const { user, password, generated } = await createAdmin(t.tdb.deps, {
      username: 'Boss',
      displayName: '王总',
    });
    expect(generated).toBe(true);
    expect(passwordProblem(password, 'boss')).toBeNull();
    expect(user).toMatchObject({ username: 'boss', displayName: '王总', roles: ['admin'] });
    const s = await loginAs(t.app, 'boss', password);
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.tdb.deps.pool.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE action = 'user.create' AND entity_id = $1`,
      [user.id],
    );
    expect(audit.rows).toEqual([{ actor_name: 'npm run admin' }]);
    // Users exist now, but not the demo ones: the banner lists none of them.
    expect(await bannerAccounts(t.tdb.deps)).toBe('other');
  });

  it('refuses a given password that breaks the rules, and a taken username, writing nothing', async () => {
    const before = await countRows(t.tdb, 'users');
    for (const [input, code] of [
      [{ username: 'chief', password: 'short1' }, 'users.password_too_short'],
      [{ username: 'chief', password: 'chief-2026-x' }, 'users.password_contains_username'],
      [{ username: 'boss', password: 'Kx7-long-enough' }, 'users.username_taken'],
    ] as const) {
      const err = await createAdmin(t.tdb.deps, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(code);
    }
    expect(await countRows(t.tdb, 'users')).toBe(before);
  });

  it('lists the demo accounts once they all exist', async () => {
    for (const a of DEMO_ACCOUNTS.filter((d) => d.username !== 'boss'))
      await createAdmin(t.tdb.deps, { username: a.username });
    expect(await bannerAccounts(t.tdb.deps)).toBe('demo');
  });
});
