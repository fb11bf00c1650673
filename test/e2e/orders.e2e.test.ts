import ExcelJS from 'exceljs';
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
let operator: { username: string; password: string };
let placedPhone = '';

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
    placedPhone = phone;
    operator = await makeUser(tdb, ['admin']);
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
    // The timeline speaks Chinese in the Chinese console, not the stored status codes.
    const timeline = await page.getByTestId('order-timeline').textContent();
    expect(timeline).toContain('待付款 → 已付款');
    expect(timeline).not.toContain('pending_payment');
    await page.close();
  });

  it('downloads the list as xlsx (导出 Excel): every order, the phone masked, a total row', async () => {
    expect(placedPhone).not.toBe('');
    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.getByTestId('nav-orders').click();
    await page.waitForURL('**/orders');
    await page.getByTestId('orders-table').locator('tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('orders-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0];
    const total = (await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows[0]
      ?.n;
    expect(ws?.rowCount).toBe(1 + (total ?? 0) + 1);
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).toContain(`${placedPhone.slice(0, 3)}****${placedPhone.slice(7)}`);
    expect(text).not.toContain(placedPhone);
    expect(text).toContain('已付款');
    expect(text).toContain(`合计 Total: ${total}`);
    await page.close();
  });
});
