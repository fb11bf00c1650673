import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken, userCount } from '../../src/platform/auth/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import type { TestDb } from '../helpers/test-db.js';

/** The one-time setup link of a company without users, in a real browser: one admin, then the login. */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
});

afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('the setup page in Chromium', () => {
  it('creates the first administrator through the link, who then logs in; the link is spent', async () => {
    expect(await userCount(tdb.deps.db)).toBe(0);
    // The server the browser talks to reads the system clock; the link is issued on the same one.
    const token = await issueSetupToken({ ...tdb.deps, clock: systemClock });
    const page = await browser.newPage();
    await page.goto(`${base}/setup#token=${token}`);
    await page.getByTestId('setup-username').fill('owner');
    await page.getByTestId('setup-display-name').fill('王老板');
    await page.getByTestId('setup-password').fill('Harbour-lantern-42');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('setup-done').waitFor();
    expect(await userCount(tdb.deps.db)).toBe(1);
    await logIn(page, base, 'owner', 'Harbour-lantern-42');

    // The same link again: refused, with the reason in Chinese.
    const again = await browser.newPage();
    await again.goto(`${base}/setup#token=${token}`);
    await again.getByTestId('setup-username').fill('second');
    await again.getByTestId('setup-display-name').fill('第二');
    await again.getByTestId('setup-password').fill('Harbour-lantern-43');
    await again.getByTestId('setup-submit').click();
    await expect.poll(() => again.getByTestId('setup-error').textContent()).toContain('首个管理员已创建');
    expect(await userCount(tdb.deps.db)).toBe(1);
    await page.close();
    await again.close();
  });
});
