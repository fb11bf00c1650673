import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * The audit page in a real browser: verification anchors the head with a checkpoint, and when the
 * last records are then deleted behind the triggers' back, the page says the log was cut short and
 * where, in Chinese first.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let admin: { username: string; password: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  admin = await makeUser(tdb, ['admin']);
});

afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('audit verification in Chromium', () => {
  it('shows the last checkpoint, then a log cut short after it', async () => {
    const page = await browser.newPage();
    await logIn(page, base, admin.username, admin.password);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').getByText('auth.login').first().waitFor();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/完整|intact/i);
    await expect
      .poll(() => page.getByTestId('audit-verify-checkpoint').textContent())
      .toMatch(/检查点|checkpoint/i);

    const owner = new pg.Client({ connectionString: tdb.adminUrl });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      await owner.query('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }

    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-verify-truncation').textContent())
      .toMatch(/审计日志被截断|cut short/);
    expect(await page.getByTestId('audit-verify-result').textContent()).toMatch(/未通过|did not verify/);
    await page.close();
  });
});
