import { type App, type AppOptions, buildApp } from '../../src/app.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createUser, type PublicUser, type Role } from '../../src/platform/auth/index.js';
import type { Config } from '../../src/platform/config.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  app: App;
  tdb: TestDb;
  close(): Promise<void>;
}

/** The real Fastify app on a fresh database, driven through inject() (no port). */
export async function createTestApp(
  opts: { loginPerMinute?: number; config?: Partial<Config>; modules?: AppOptions['modules'] } = {},
): Promise<TestApp> {
  const tdb = await createTestDb(opts.config);
  const app = await buildApp(tdb.deps, {
    serveWeb: false,
    loginPerMinute: opts.loginPerMinute ?? 10_000,
    ...(opts.modules ? { modules: opts.modules } : {}),
  });
  return {
    app,
    tdb,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

let counter = 0;

/** Creates a user directly through the service (not the API), for arranging a test. */
export async function makeUser(
  tdb: TestDb,
  roles: Role[],
  password = 'correct-horse-1',
): Promise<PublicUser & { password: string }> {
  counter += 1;
  const user = await createUser(tdb.deps, SYSTEM_ACTOR, {
    username: `${roles[0] ?? 'user'}_${counter}_${Math.random().toString(36).slice(2, 6)}`.replace(
      /[^a-z0-9_]/g,
      '',
    ),
    displayName: `Test ${roles.join('+')}`,
    password,
    roles,
  });
  return { ...user, password };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated write (cookie + CSRF token). */
  headers: Record<string, string>;
  user: PublicUser;
}

export async function loginAs(app: App, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tf_session');
  if (!cookie) throw new Error('login set no session cookie');
  const body = res.json() as { csrfToken: string; user: PublicUser };
  const cookieHeader = `tf_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf: body.csrfToken,
    user: body.user,
    headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken },
  };
}

/** Makes a user with `roles` and logs them in. */
export async function sessionFor(t: TestApp, roles: Role[]): Promise<Session> {
  const u = await makeUser(t.tdb, roles);
  return loginAs(t.app, u.username, u.password);
}
