import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, startE2eServer } from '../helpers/e2e-server.js';
import { arrangeSale, newPhone } from '../integration/orders-support.js';

/**
 * A server as deployed for real use, with PAYMENT_SANDBOX off: the customer's order page offers no
 * sandbox payment and tells them to pay as the leader says.
 */
let server: E2eServer | undefined;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer({ paymentSandbox: false });
});
afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('the H5 order page with the sandbox payment off', () => {
  it('shows no sandbox button, only how to pay offline', async () => {
    if (!server) throw new Error('no server');
    const { tdb, browser, base } = server;
    // The sale is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const s = await arrangeSale(tdb, { priceFen: 1500, cap: 20, limit: 5 });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page: Page = await context.newPage();
    await page.goto(`${base}/h5/c/${s.campaignId}?leader=${s.leaderCode}`);
    await page.getByTestId('h5-item-0-plus').click();
    await page.getByTestId('h5-cart-checkout').click();
    await page.getByTestId('h5-checkout-pickup').waitFor();
    await page.getByTestId('h5-checkout-phone').fill(newPhone());
    await page.getByTestId('h5-checkout-submit').click();
    await page.getByTestId('h5-order-pickup-code').waitFor();
    expect(await page.getByTestId('h5-order-status').textContent()).toBe('待付款');
    await page.getByTestId('h5-pay-offline').waitFor();
    expect(await page.getByTestId('h5-pay-offline').textContent()).toContain('团长');
    expect(await page.getByTestId('h5-sandbox-pay').count()).toBe(0);
    // The cancel button is still there: only the payment changed.
    expect(await page.getByTestId('h5-cancel-order').count()).toBe(1);
    await context.close();
  });
});
