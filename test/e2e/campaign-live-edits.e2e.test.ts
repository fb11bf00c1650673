import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale } from '../integration/orders-support.js';

/**
 * An operator changes a live campaign's cap and price on its detail page (修改限量 / 改价) while a
 * customer has the campaign's H5 page open: the console shows the new cap, and the customer's page
 * shows the new remaining and price without a reload, sooner than its 5-second poll would.
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

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  return context.newPage();
}

describe.skipIf(!browserAvailable)('editing a live campaign in Chromium', () => {
  it('raises the cap and corrects the price; the customer page follows at once', async () => {
    // The sale is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const sale = await arrangeSale(tdb, { cap: 20, limit: 5, priceFen: 1500 });
    const operator = await makeUser(tdb, ['operator']);

    const phone = await phonePage();
    await phone.goto(`${base}/h5/c/${sale.campaignId}?leader=${sale.leaderCode}`);
    await expect.poll(() => phone.getByTestId('h5-item-0-remaining').textContent()).toBe('仅剩 20 件');
    await phone.getByText('¥15.00').first().waitFor();

    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.goto(`${base}/campaigns?id=${sale.campaignId}`);
    await expect.poll(() => page.getByTestId('campaign-sold-0').textContent()).toBe('0 / 20');

    await page.getByTestId('campaign-item-cap-0').click();
    await page.getByTestId('live-edit-stockCap').fill('35');
    await page.getByTestId('live-edit-submit').click();
    await expect.poll(() => page.getByTestId('campaign-sold-0').textContent()).toBe('0 / 35');
    await expect
      .poll(() => phone.getByTestId('h5-item-0-remaining').textContent(), { timeout: 4000 })
      .toBe('仅剩 35 件');

    await page.getByTestId('campaign-item-price-0').click();
    await page.getByTestId('live-edit-price').fill('12');
    await page.getByTestId('live-edit-submit').click();
    await page.getByText('价格已修改').waitFor();
    await phone.getByText('¥12.00').first().waitFor({ timeout: 4000 });

    const row = await tdb.deps.pool.query<{ stock_cap: number; price_fen: number }>(
      'SELECT stock_cap, price_fen FROM campaign_items WHERE id = $1',
      [sale.itemId],
    );
    expect(row.rows[0]).toEqual({ stock_cap: 35, price_fen: 1200 });
    await page.close();
    await phone.context().close();
    // Two browsers and a login on a machine the whole suite shares: more time than one page needs.
  }, 120_000);
});
