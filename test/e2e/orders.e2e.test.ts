import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody } from '../integration/orders-support.js';

/**
 * An operator in a real browser finds a customer's new order in the order center, opens it, records
 * the offline payment and sees the status and the timeline change.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
});
afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('order center in Chromium', () => {
  it('shows a new order and records its offline payment', async () => {
    // The sale is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const sale = await arrangeSale(tdb, { priceFen: 1500 });
    const phone = newPhone();
    const placed = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}` },
      body: JSON.stringify(orderBody(sale, phone, 2)),
    });
    expect(placed.status).toBe(201);
    const operator = await makeUser(tdb, ['admin']);
    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.getByTestId('nav-orders').click();
    await page.waitForURL('**/orders');
    const row = page.getByTestId('orders-table').locator('tr.ant-table-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('¥30.00');
    expect(await row.textContent()).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    await row.click();
    await page.getByTestId('order-mark-paid').click();
    await page.getByTestId('order-action-text').fill('转账 20261125-01');
    await page.getByTestId('order-action-submit').click();
    await page.getByTestId('order-detail').getByTestId('order-status-paid').waitFor();
    await expect
      .poll(() => page.getByTestId('order-timeline').textContent())
      .toContain('offline: 转账 20261125-01');
    await page.close();
  });
});
