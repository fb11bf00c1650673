import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPaidOrders, markPaid } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody } from '../integration/orders-support.js';

/**
 * Finance in a real browser opens a paid order in the order center, refunds one unit of its line,
 * sees the amount the server will charge back before confirming, and then the refund, the line's
 * refunded quantity and the timeline in the order's detail.
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

describe.skipIf(!browserAvailable)('refunds in the order center, in Chromium', () => {
  it('refunds one unit of a line and shows the refund', async () => {
    // The sale is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const sale = await arrangeSale(tdb, { priceFen: 1500, stock: 20 });
    const placed = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-refund-${Date.now()}` },
      body: JSON.stringify(orderBody(sale, newPhone(), 3)),
    });
    expect(placed.status).toBe(201);
    const orderId = ((await placed.json()) as { order: { id: string } }).order.id;
    await markPaid(tdb.deps, SYSTEM_ACTOR, orderId, { provider: 'offline', reference: '转账 0001' });

    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-orders').click();
    await page.waitForURL('**/orders');
    const row = page.getByTestId('orders-table').locator('tr.ant-table-row').first();
    await row.waitFor();
    await row.click();
    const drawer = page.getByTestId('order-detail');
    await drawer.getByTestId('order-status-paid').waitFor();
    // A paid order: refund is offered; the fulfilment steps of later statuses are not.
    expect(await drawer.getByTestId('order-ship').count()).toBe(0);
    await drawer.getByTestId('order-refund').click();

    const modal = page.getByTestId('refund-modal');
    await modal.waitFor();
    await modal.getByTestId('refund-qty-0').fill('1');
    await expect.poll(() => modal.getByTestId('refund-amount').textContent()).toBe('¥15.00');
    // The reason is required: submitting without one writes nothing.
    await page.getByTestId('refund-submit').click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    await modal.getByTestId('refund-reason').fill('少货一份');
    await modal.getByTestId('refund-reference').fill('退款流水 778');
    await page.getByTestId('refund-submit').click();

    await drawer.getByTestId('order-refunds').waitFor();
    await expect.poll(() => drawer.getByTestId('order-refund-amount').first().textContent()).toBe('¥15.00');
    expect(await drawer.getByTestId('order-refunds').textContent()).toContain('退款流水 778');
    await expect.poll(() => drawer.getByTestId('order-line-refunded-0').textContent()).toBe('1');
    await expect.poll(() => drawer.getByTestId('order-timeline').textContent()).toContain('少货一份');
    // Two of three units remain: the order stays paid.
    await drawer.getByTestId('order-status-paid').waitFor();

    const stored = await tdb.deps.pool.query(
      'SELECT amount_fen::int, reference FROM order_refunds WHERE order_id = $1',
      [orderId],
    );
    expect(stored.rows).toEqual([{ amount_fen: 1500, reference: '退款流水 778' }]);
    await page.close();
  });

  it('takes a confirmed order through ship, delivery, pickup and completion from its detail', async () => {
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const sale = await arrangeSale(tdb, { priceFen: 800, stock: 20 });
    const placed = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-steps-${Date.now()}` },
      body: JSON.stringify(orderBody(sale, newPhone(), 1)),
    });
    expect(placed.status).toBe(201);
    const orderId = ((await placed.json()) as { order: { id: string } }).order.id;
    await markPaid(tdb.deps, SYSTEM_ACTOR, orderId, { provider: 'offline', reference: 'cash' });
    // What the campaign's cutoff does (the campaign.closed subscriber), without waiting for it.
    await tdb.deps.db.transaction((tx) => confirmPaidOrders(tdb.deps, tx, sale.campaignId));

    const operator = await makeUser(tdb, ['operator']);
    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.goto(`${base}/orders`);
    const row = page.getByTestId('orders-table').locator('tr.ant-table-row', { hasText: '¥8.00' }).first();
    await row.waitFor();
    await row.click();
    const drawer = page.getByTestId('order-detail');
    const steps: [string, string, string][] = [
      ['confirmed', 'order-ship', 'shipped'],
      ['shipped', 'order-deliver', 'delivered'],
      ['delivered', 'order-verify-pickup', 'picked_up'],
      ['picked_up', 'order-complete', 'completed'],
    ];
    for (const [from, button, to] of steps) {
      await drawer.getByTestId(`order-status-${from}`).waitFor();
      // Only the step legal in this status is offered.
      for (const [, other] of steps)
        expect(await drawer.getByTestId(other).count()).toBe(other === button ? 1 : 0);
      await drawer.getByTestId(button).click();
      await page.getByTestId('order-step-text').waitFor();
      await page.getByTestId('order-step-submit').click();
      await drawer.getByTestId(`order-status-${to}`).waitFor();
    }
    // A completed order can still be refunded (after-sales); it can no longer be cancelled.
    expect(await drawer.getByTestId('order-refund').count()).toBe(1);
    expect(await drawer.getByTestId('order-cancel').count()).toBe(0);
    await page.close();
  });
});
