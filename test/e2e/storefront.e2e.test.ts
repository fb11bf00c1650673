import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustStock } from '../../src/modules/inventory/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, startE2eServer } from '../helpers/e2e-server.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody, type Sale } from '../integration/orders-support.js';

/**
 * A customer on a phone opens a leader's share link, orders, sees the pickup code and pays with the
 * sandbox; a sold-out item cannot be added.
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

async function sale(opts: Parameters<typeof arrangeSale>[1]): Promise<Sale> {
  // The sale is arranged on the test clock set to now, since the server reads the real clock.
  tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
  return arrangeSale(tdb, opts);
}

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  return context.newPage();
}

describe.skipIf(!browserAvailable)('the customer H5 page in Chromium', () => {
  it('orders 2 of an item through a share link, shows the pickup code and pays with the sandbox', async () => {
    const s = await sale({ priceFen: 1500, cap: 20, limit: 5 });
    const page = await phonePage();
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=${s.leaderCode}`);
    await page.getByTestId('h5-item-0-remaining').waitFor();
    expect(await page.getByTestId('h5-item-0-remaining').textContent()).toBe('仅剩 20 件');
    await page.getByTestId('h5-item-0-plus').click();
    await page.getByTestId('h5-item-0-plus').click();
    expect(await page.getByTestId('h5-cart-total').textContent()).toContain('¥30.00');
    await page.getByTestId('h5-cart-checkout').click();
    await page.getByTestId('h5-checkout-pickup').waitFor();
    await page.getByTestId('h5-checkout-phone').fill(newPhone());
    await page.getByTestId('h5-checkout-name').fill('小陈');
    await page.getByTestId('h5-checkout-submit').click();
    const code = page.getByTestId('h5-order-pickup-code');
    await code.waitFor();
    expect((await code.textContent())?.trim()).toMatch(/^\d{6}$/);
    expect(await page.getByTestId('h5-order-status').textContent()).toBe('待付款');
    expect(await page.getByTestId('h5-sandbox-pay').textContent()).toContain('沙箱支付 (测试)');
    await page.getByTestId('h5-sandbox-pay').click();
    await expect.poll(() => page.getByTestId('h5-order-status').textContent()).toBe('已付款');
    // The order is remembered on this device.
    await page.goto(`${base}/h5/my-orders`);
    await page.getByText(/提货码 \d{6}/).waitFor();
    // The campaign page shows the stock that is left.
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=${s.leaderCode}`);
    await expect.poll(() => page.getByTestId('h5-item-0-remaining').textContent()).toBe('仅剩 18 件');
    // Another customer's order shows up without a reload (live stream or polling).
    const other = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-sf-live-${Date.now()}` },
      body: JSON.stringify(orderBody(s, newPhone(), 1)),
    });
    expect(other.status).toBe(201);
    await expect
      .poll(() => page.getByTestId('h5-item-0-remaining').textContent(), { timeout: 8000 })
      .toBe('仅剩 17 件');
    await page.screenshot({ path: '/tmp/h5-campaign.png' });
    await page.context().close();
  });

  it('shows what the warehouse can really give, not the campaign cap, and follows a stock change', async () => {
    // A cap of 80 with 3 in the shipping warehouse: the page promised 80 before.
    const s = await sale({ cap: 80, limit: 5, stock: 3 });
    const page = await phonePage();
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=${s.leaderCode}`);
    await page.getByTestId('h5-item-0-remaining').waitFor();
    expect(await page.getByTestId('h5-item-0-remaining').textContent()).toBe('仅剩 3 件');
    // The warehouse counts its shelf and finds none (盘亏): the open page says so without a reload.
    await adjustStock(tdb.deps, SYSTEM_ACTOR, {
      skuId: s.skuId,
      warehouseId: s.warehouseId,
      quantity: -3,
      reason: '盘亏',
    });
    await expect
      .poll(() => page.getByTestId('h5-item-0-remaining').textContent(), { timeout: 8000 })
      .toBe('已售罄');
    expect(await page.getByTestId('h5-item-0-plus').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('shows a sold-out item as 已售罄 with its + disabled', async () => {
    const s = await sale({ cap: 1, limit: 1 });
    const placed = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-sf-${Date.now()}` },
      body: JSON.stringify(orderBody(s, newPhone(), 1)),
    });
    expect(placed.status).toBe(201);
    const page = await phonePage();
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=${s.leaderCode}`);
    await page.getByTestId('h5-item-0-remaining').waitFor();
    expect(await page.getByTestId('h5-item-0-remaining').textContent()).toBe('已售罄');
    expect(await page.getByTestId('h5-item-0-plus').isDisabled()).toBe(true);
    expect(await page.getByTestId('h5-cart-checkout').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('shows the server’s refusal for an unknown leader', async () => {
    const s = await sale({});
    const page = await phonePage();
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=NOSUCH1`);
    await page.getByTestId('h5-error').waitFor();
    expect(await page.getByTestId('h5-error').textContent()).toContain('团长不存在');
    await page.context().close();
  });
});
