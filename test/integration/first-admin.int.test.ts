import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerAccounts, DEMO_ACCOUNTS } from '../../src/demo/seed.js';
import {
  createAdmin,
  issueSetupToken,
  passwordProblem,
  SETUP_LINK_TTL_MS,
  userCount,
} from '../../src/platform/auth/index.js';
import { DomainError } from '../../src/platform/errors.js';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { countRows, expectError } from './support.js';

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

describe('the one-time setup link', () => {
  let s: TestApp;
  beforeAll(async () => {
    s = await createTestApp();
  });
  afterAll(async () => {
    await s.close();
  });
  const setup = (body: Record<string, string>) =>
    s.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { username: 'owner', displayName: '老板', password: 'Harbour-lantern-42', ...body },
    });

  it('refuses a wrong, replaced or expired token and a weak password, writing nothing', async () => {
    const first = await issueSetupToken(s.tdb.deps);
    const token = await issueSetupToken(s.tdb.deps);
    expect(first).not.toBeNull();
    expect(token).not.toBe(first);
    expectError(await setup({ token: 'not-the-token' }), 400, 'users.setup_link_invalid', 'body.token');
    // A new start's link replaces the previous one.
    expectError(await setup({ token: String(first) }), 400, 'users.setup_link_invalid', 'body.token');
    expectError(
      await setup({ token: String(token), password: 'short' }),
      400,
      'users.password_too_short',
      'body.password',
    );
    s.tdb.deps.clock.advance(SETUP_LINK_TTL_MS + 1000);
    expectError(await setup({ token: String(token) }), 400, 'users.setup_link_invalid', 'body.token');
    expect(await userCount(s.tdb.deps.db)).toBe(0);
  });

  it('creates exactly one admin, also for two racing requests, and is refused after', async () => {
    const token = String(await issueSetupToken(s.tdb.deps));
    const [a, b] = await Promise.all([setup({ token }), setup({ token, username: 'owner2' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const made = (a.statusCode === 201 ? a : b).json<{ username: string; roles: string[] }>();
    expect(made.roles).toEqual(['admin']);
    expect(await userCount(s.tdb.deps.db)).toBe(1);
    await loginAs(s.app, made.username, 'Harbour-lantern-42');
    expectError(await setup({ token, username: 'owner3' }), 409, 'users.setup_done');
    // No new link once a user exists.
    expect(await issueSetupToken(s.tdb.deps)).toBeNull();
    expect(await userCount(s.tdb.deps.db)).toBe(1);
  });
});
