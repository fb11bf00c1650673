import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPaid } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { arrangeSale, newPhone, orderBody, type Sale } from '../integration/orders-support.js';

/**
 * 合单 in the console (issue 16, part 5): a warehouse clerk picks a pickup point and a delivery day
 * and sees one bag per customer with the pickup codes, paid orders only, on a sheet made to print.
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

let seq = 0;
async function place(sale: Sale, phone: string, quantity: number) {
  const res = await fetch(`${base}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `bags-${Date.now()}-${++seq}` },
    body: JSON.stringify(orderBody(sale, phone, quantity)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { order: { id: string; pickupCode: string } }).order;
}

describe.skipIf(!browserAvailable)('merged bags page in Chromium', () => {
  it('lists the paid orders of a pickup point and day, one bag per customer', async () => {
    // The sale is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(new Date(systemClock.now().getTime() - 61 * 60_000 - 1000));
    const sale = await arrangeSale(tdb, { priceFen: 1200 });
    const phone = newPhone();
    const first = await place(sale, phone, 1);
    const second = await place(sale, phone, 2);
    const other = await place(sale, newPhone(), 1);
    const unpaid = await place(sale, newPhone(), 3);
    for (const o of [first, second, other]) {
      await markPaid(tdb.deps, SYSTEM_ACTOR, o.id, { provider: 'offline', reference: `转账 ${o.id}` });
    }
    const day = (
      await tdb.deps.pool.query<{ d: string }>(
        'SELECT delivery_date::text AS d FROM campaigns WHERE id = $1',
        [sale.campaignId],
      )
    ).rows[0]?.d;
    const clerk = await makeUser(tdb, ['warehouse']);

    const page = await browser.newPage();
    await logIn(page, base, clerk.username, clerk.password);
    await page.getByTestId('nav-order-bags').click();
    await page.waitForURL('**/orders/bags');
    await page.getByTestId('bags-point').click();
    await page.keyboard.type(sale.leaderCode);
    await page.locator('.ant-select-item-option').first().waitFor();
    await page.locator('.ant-select-item-option').first().click();
    const picker = page.getByTestId('bags-day');
    await picker.click();
    await picker.fill(day ?? '');
    await picker.press('Enter');

    await expect.poll(() => page.getByTestId('bags-summary').textContent()).toBe('共 2 袋，4 件');
    const title = await page.getByTestId('bags-title').textContent();
    expect(title).toContain(`配送日 ${day}`);
    const codes = await page.getByTestId('bag-codes').allTextContents();
    expect(codes).toHaveLength(2);
    const mine = codes.find((c) => c.includes(first.pickupCode)) ?? '';
    if (first.pickupCode !== second.pickupCode) expect(mine).toContain(second.pickupCode);
    expect(codes.join(' ')).toContain(other.pickupCode);
    // The unpaid order may still expire: it is not packed.
    expect(codes.join(' ')).not.toContain(unpaid.pickupCode);
    const table = await page.getByTestId('bags-table').textContent();
    expect(table).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(table).toContain('× 3');
    // The printed sheet leaves out the menu and the pickers.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('bags-point').isVisible()).toBe(false);
    expect(await page.getByTestId('bags-table').isVisible()).toBe(true);
    await page.close();
  });
});
