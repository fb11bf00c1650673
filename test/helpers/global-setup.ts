import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { ensureAppRole, grantAppRole, withClient } from '../../src/platform/db/roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL with the maintenance database; test files create their databases through it. */
    pgAdminUrl: string;
    /** Name of the migrated template database each test file clones. */
    pgTemplate: string;
    /** The role the app under test logs in as (not a superuser), granted as the server grants its own. */
    pgAppLogin: { user: string; password: string };
  }
}

/**
 * The application's role in tests: tests run the app as a role that cannot switch the append-only
 * triggers off, as the server does, while their setup and tampering use the admin connection. Roles
 * are cluster-wide and CI may run two suites at once on one server, so the name and password are
 * fixed (creating it again, or setting the same password again, changes nothing for the other run),
 * and apart from the server's own `tuanflow_app`, whose password a test run must never change.
 */
export const TEST_APP_LOGIN = { user: 'tuanflow_test_app', password: 'tuanflow-test-app' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Starts one PostgreSQL for the whole run (embedded, on a free port, fsync off because the cluster is
 * thrown away) unless TEST_DATABASE_URL names a server, then migrates a template database once.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-test-pg-'));
    const pgServer = await startEmbeddedPostgres({
      dir,
      port: await freePort(),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    adminUrl = pgServer.adminUrl;
    stop = async () => {
      await pgServer.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = `tf_tmpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(adminUrl, template);
  await runMigrations(withDatabase(adminUrl, template));
  await withClient(adminUrl, (c) => ensureAppRole(c, TEST_APP_LOGIN.user, TEST_APP_LOGIN.password));
  // Grants live in the database, so the clones of the template carry them.
  await withClient(withDatabase(adminUrl, template), (c) => grantAppRole(c, TEST_APP_LOGIN.user));
  project.provide('pgAppLogin', TEST_APP_LOGIN);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      // Drop every database this run made (the template and the per-file clones).
      const dbs = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'tf_%' AND datname LIKE $1",
        [`%${template.slice('tf_tmpl_'.length)}%`],
      );
      for (const { datname } of dbs.rows)
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    await stop();
  };
}
