import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertCustomerByPhoneTx } from '../../src/modules/customers/index.js';
import { listAudit } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/** Customers' phones show masked; an operator cannot reveal one, an admin can and the view is audited. */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let operator: { username: string; password: string };
let admin: { username: string; password: string };
let customerId: string;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  operator = await makeUser(tdb, ['operator']);
  admin = await makeUser(tdb, ['admin']);
  const { deps } = tdb;
  ({ customerId } = await deps.db.transaction((tx) =>
    upsertCustomerByPhoneTx(deps, tx, { phone: '13912345678', name: '钱阿姨' }),
  ));
});

afterAll(() => server?.close());

const login = (page: Page, username: string, password: string) => logIn(page, base, username, password);

describe.skipIf(!browserAvailable)('customers in Chromium', () => {
  it('shows an operator the masked phone and no way to reveal it', async () => {
    const page = await browser.newPage();
    await login(page, operator.username, operator.password);
    await page.getByTestId('nav-customers').click();
    await page.waitForURL('**/customers');
    const cell = page.getByTestId(`customer-phone-${customerId}`);
    await expect.poll(() => cell.textContent()).toBe('139****5678');
    await page.getByTestId('customers-table').getByText('钱阿姨').waitFor();
    expect(await page.getByTestId(`customer-reveal-${customerId}`).count()).toBe(0);
    expect(await page.content()).not.toContain('13912345678');
    await page.close();
  });

  it('lets an admin reveal the number, which is audited', async () => {
    const page = await browser.newPage();
    await login(page, admin.username, admin.password);
    await page.goto(`${base}/customers`);
    const cell = page.getByTestId(`customer-phone-${customerId}`);
    await expect.poll(() => cell.textContent()).toBe('139****5678');
    const before = (await listAudit(tdb.deps.db, { action: 'customer.phone_viewed', page: 1, pageSize: 10 }))
      .total;
    await page.getByTestId(`customer-reveal-${customerId}`).click();
    await expect.poll(() => cell.textContent()).toBe('13912345678');
    const after = await listAudit(tdb.deps.db, { action: 'customer.phone_viewed', page: 1, pageSize: 10 });
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({ entityId: customerId, actorName: admin.username });
    await page.close();
  });

  it('finds a customer by the full phone number', async () => {
    const page = await browser.newPage();
    await login(page, operator.username, operator.password);
    await page.goto(`${base}/customers`);
    await page.getByTestId('customers-search').locator('input').fill('139-1234-5678');
    await page.getByTestId('customers-search').locator('input').press('Enter');
    await page.getByTestId('customers-table').getByText('钱阿姨').waitFor();
    await page.getByTestId('customers-search').locator('input').fill('13900000000');
    await page.getByTestId('customers-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('customers-table').getByText('钱阿姨').count()).toBe(0);
    await page.close();
  });
});
