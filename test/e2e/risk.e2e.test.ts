import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, type Sale } from '../integration/orders-support.js';
import { placeOrder, putOnHold } from '../integration/risk-support.js';

/**
 * A reviewer in a real browser works the risk review queue (风控审核): approves one held order with a
 * note and rejects another with a reason; the orders move on (to payment, to cancelled with their
 * stock back). Then sets the policy and blocks a phone on the rules page (风控规则).
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
let sale: Sale;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  // The sale is arranged on the test clock set to now, since the server reads the real clock.
  tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
  sale = await arrangeSale(tdb, { stock: 20, priceFen: 1500 });
});
afterAll(() => server?.close());

const status = async (orderId: string) =>
  (await tdb.deps.pool.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId]))
    .rows[0]?.status;

describe.skipIf(!browserAvailable)('risk review in Chromium', () => {
  it('approves one held order and rejects another with a reason', async () => {
    const app = server?.app;
    if (!app) throw new Error('no server');
    const approvePhone = newPhone();
    const toApprove = await placeOrder(app, sale, approvePhone, 2);
    await putOnHold(tdb, toApprove, sale.campaignId, [
      { code: 'too_many_orders', detail: '6 orders of this phone in the campaign > limit 5' },
    ]);
    const toReject = await placeOrder(app, sale, newPhone(), 4);
    await putOnHold(tdb, toReject, sale.campaignId, [
      { code: 'blocked_phone', detail: 'the phone number is on the blocklist' },
    ]);

    const reviewer = await makeUser(tdb, ['operator']);
    const page = await browser.newPage();
    await logIn(page, base, reviewer.username, reviewer.password);
    await page.getByTestId('nav-risk-review').click();
    await page.waitForURL('**/risk/review');
    const table = page.getByTestId('risk-holds-table');
    await table.getByTestId(`risk-approve-${toApprove}`).waitFor();
    // The reasons in the reader's language, with the numbers.
    await table.getByText('该手机号本活动第 6 单，超过上限 5 单').waitFor();
    await table.getByText(`${approvePhone.slice(0, 3)}****${approvePhone.slice(7)}`).waitFor();

    await table.getByTestId(`risk-approve-${toApprove}`).click();
    await page.getByTestId('risk-decision-reason').fill('老客户，电话已核实');
    await page.getByTestId('risk-decision-submit').click();
    await expect.poll(() => table.getByTestId(`risk-approve-${toApprove}`).count()).toBe(0);
    expect(await status(toApprove)).toBe('pending_payment');

    await table.getByTestId(`risk-reject-${toReject}`).click();
    // A rejection needs a reason: the form says so and nothing is sent.
    await page.getByTestId('risk-decision-submit').click();
    await page.getByText('请填写拒绝原因').waitFor();
    expect(await status(toReject)).toBe('on_hold');
    await page.getByTestId('risk-decision-reason').fill('黄牛囤货');
    await page.getByTestId('risk-decision-submit').click();
    await expect.poll(() => table.getByTestId(`risk-reject-${toReject}`).count()).toBe(0);
    expect(await status(toReject)).toBe('cancelled');
    const stock = await tdb.deps.pool.query<{ allocated: number; available: number }>(
      'SELECT allocated::int, available::int FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
      [sale.skuId, sale.warehouseId],
    );
    expect(stock.rows[0]).toEqual({ allocated: 2, available: 18 });

    // Every decision, shown with who made it and why.
    await page.getByTestId('risk-filter-status').click();
    await page.locator('.ant-select-dropdown:visible').getByText('全部', { exact: true }).click();
    await table.getByText('老客户，电话已核实', { exact: false }).waitFor();
    await table.getByText('黄牛囤货', { exact: false }).waitFor();
    expect(await table.getByTestId('risk-hold-status-approved').count()).toBe(1);
    expect(await table.getByTestId('risk-hold-status-rejected').count()).toBe(1);
    await page.close();
  });

  it('saves the policy and blocks a phone on the rules page', async () => {
    const admin = await makeUser(tdb, ['admin']);
    const page = await browser.newPage();
    await logIn(page, base, admin.username, admin.password);
    await page.getByTestId('nav-risk-settings').click();
    await page.waitForURL('**/risk/settings');
    await page.getByTestId('risk-policy-max-quantity').fill('20');
    await page.getByTestId('risk-policy-max-orders').fill('3');
    await page.getByTestId('risk-policy-save').click();
    await expect.poll(() => page.getByTestId('risk-policy-updated').textContent()).toContain(admin.username);
    const policy = await tdb.deps.pool.query(
      'SELECT enabled, max_quantity_per_order, max_orders_per_phone_per_campaign FROM risk_policy',
    );
    expect(policy.rows).toEqual([
      { enabled: true, max_quantity_per_order: 20, max_orders_per_phone_per_campaign: 3 },
    ]);

    await page.getByTestId('risk-tab-blocklist').click();
    await page.getByTestId('risk-block-add').click();
    // A malformed number: the server's error shows under the field.
    await page.getByTestId('risk-block-value').fill('1380013');
    await page.getByTestId('risk-block-reason').fill('恶意下单');
    await page.getByTestId('risk-block-submit').click();
    await page.getByText('手机号格式不正确', { exact: false }).waitFor();
    await page.getByTestId('risk-block-value').fill('138 0013 8000');
    await page.getByTestId('risk-block-submit').click();
    await page.getByTestId('risk-blocklist-table').getByText('138****8000').waitFor();
    const blocked = await tdb.deps.pool.query('SELECT value FROM risk_blocklist WHERE removed_at IS NULL');
    expect(blocked.rows).toEqual([{ value: tdb.deps.crypto.hash('13800138000') }]);
    await page.close();
  });
});
