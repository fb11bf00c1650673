import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { makeSku } from '../integration/campaigns-support.js';
import { makeWarehouse } from '../integration/inventory-support.js';

/**
 * An operator in a real browser creates a campaign with one item, picking the SKU by searching the
 * catalog and the shipping warehouse (发货仓), then schedules it; the database holds what the form
 * said, in fen.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let operator: { username: string; password: string };
let sku: { id: string; code: string };
let warehouse: { id: string; code: string; name: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  operator = await makeUser(tdb, ['operator']);
  sku = await makeSku(tdb, { listPriceFen: 1590 });
  const warehouseId = await makeWarehouse(tdb);
  const w = await tdb.deps.pool.query<{ code: string; name: string }>(
    'SELECT code, name FROM warehouses WHERE id = $1',
    [warehouseId],
  );
  warehouse = { id: warehouseId, code: w.rows[0]?.code ?? '', name: w.rows[0]?.name ?? '' };
  // Two regions whose ids say nothing: the picker must find them by name.
  await tdb.deps.pool.query(
    `INSERT INTO regions (id, code, name, level, created_at) VALUES
       ('reg_01JE2EREGIONHZ000000000000', '330100', '杭州市', 'city', now()),
       ('reg_01JE2EREGIONNB000000000000', '330200', '宁波市', 'city', now())`,
  );
});

afterAll(() => server?.close());

const login = (page: Page, username: string, password: string) => logIn(page, base, username, password);

describe.skipIf(!browserAvailable)('campaigns in Chromium', () => {
  it('creates a campaign with one item and schedules it', async () => {
    const page = await browser.newPage();
    await login(page, operator.username, operator.password);
    await page.getByTestId('nav-campaigns').click();
    await page.waitForURL('**/campaigns');
    await page.getByTestId('campaigns-table').waitFor();

    await page.getByTestId('campaign-create').click();
    await page.getByTestId('campaign-form-name').fill('周末水果节');
    const code = await page.getByTestId('campaign-form-code').inputValue();
    expect(code).toMatch(/^T\d{8}-\d{6}$/);

    await page.getByTestId('campaign-item-0-skuId').click();
    await page.keyboard.type(sku.code);
    await page.locator('.ant-select-dropdown').getByText(sku.code).click();
    await page.getByTestId('campaign-item-0-price').fill('9.9');
    await page.getByTestId('campaign-item-0-stockCap').fill('50');
    await page.getByTestId('campaign-item-0-perCustomerLimit').fill('2');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByTestId('campaign-form-warehouseId').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(`${warehouse.code} · ${warehouse.name}`)
      .click();
    // 指定区域: typing a region's name finds it (the picker once searched the hidden ids).
    await page.getByTestId('campaign-form-sellTo').getByText('指定区域').click();
    await page.getByTestId('campaign-form-regionIds').click();
    await page.keyboard.type('杭州');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(['杭州市 (330100)']);
    await options.first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    // 付款时限: a flash sale gives 15 minutes instead of the default 30.
    expect(await page.getByTestId('campaign-form-paymentMinutes').inputValue()).toBe('30');
    await page.getByTestId('campaign-form-paymentMinutes').fill('15');
    await page.getByTestId('campaign-form-submit').click();

    await page.getByTestId('campaign-title').getByText('周末水果节').waitFor();
    await expect.poll(() => page.getByTestId('campaign-detail-warehouse').textContent()).toBe(warehouse.name);
    await page.getByTestId('campaign-state-draft').waitFor();
    await expect.poll(() => page.getByTestId('campaign-sold-0').textContent()).toBe('0 / 50');
    expect(await page.getByTestId('campaign-paymentMinutes').textContent()).toBe('15 分钟');
    expect(await page.getByTestId('campaign-detail-regions').textContent()).toBe('指定区域：杭州市');

    await page.getByTestId('campaign-schedule').click();
    await page.getByTestId('campaign-schedule-confirm').click();
    await page.getByTestId('campaign-state-scheduled').waitFor();
    await page.getByTestId('campaign-countdown').waitFor();

    const rows = await tdb.deps.pool.query<{
      state: string;
      price_fen: number;
      stock_cap: number;
      sku_id: string;
      warehouse_id: string;
      payment_minutes: number;
    }>(
      `SELECT c.state, i.price_fen, i.stock_cap, i.sku_id, c.warehouse_id, c.payment_minutes
         FROM campaigns c JOIN campaign_items i ON i.campaign_id = c.id WHERE c.code = $1`,
      [code],
    );
    expect(rows.rows).toEqual([
      {
        state: 'scheduled',
        price_fen: 990,
        stock_cap: 50,
        sku_id: sku.id,
        warehouse_id: warehouse.id,
        payment_minutes: 15,
      },
    ]);

    await page.getByTestId('campaign-back').click();
    await page.getByTestId('campaigns-table').getByText(code).waitFor();
    await page.close();
  });

  it('shows the server’s reason under the field it concerns', async () => {
    const page = await browser.newPage();
    await login(page, operator.username, operator.password);
    await page.goto(`${base}/campaigns?new=1`);
    await page.getByTestId('campaign-form-name').fill('重复商品的活动');
    await page.getByTestId('campaign-item-0-remove').click();
    await page.getByTestId('campaign-item-add').click();
    await page.getByTestId('campaign-item-0-skuId').click();
    await page.keyboard.type(sku.code);
    await page.locator('.ant-select-dropdown').getByText(sku.code).click();
    await page.getByTestId('campaign-item-0-price').fill('1');
    // The first item's dropdown fades out; opening the second before it has gone shows two lists.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByTestId('campaign-item-add').click();
    await page.getByTestId('campaign-item-1-skuId').click();
    await page.keyboard.type(sku.code);
    await page.locator('.ant-select-dropdown:visible').getByText(sku.code).click();
    await page.getByTestId('campaign-item-1-price').fill('2');
    await page.getByTestId('campaign-form-submit').click();
    await page.getByText('活动商品中同一规格出现了两次').waitFor();
    const n = await tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM campaigns WHERE name = '重复商品的活动'",
    );
    expect(n.rows[0]?.n).toBe(0);
    await page.close();
  });
});
