import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { makeSkus, makeWarehouse } from '../integration/inventory-support.js';

/**
 * Warehouse staff in a real browser: receive goods for a SKU (到货入库), see the stock level with the
 * SKU's catalog name, and find the receipt in the movement log.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let keeper: { username: string; password: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  keeper = await makeUser(tdb, ['warehouse']);
});

afterAll(() => server?.close());

const login = (page: Page, username: string, password: string) => logIn(page, base, username, password);

/** Opens an antd Select by its test id, types to search when asked, and clicks the matching option. */
async function choose(page: Page, testId: string, optionText: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: optionText }).click();
}

async function warehouseLabel(warehouseId: string): Promise<string> {
  const wh = await tdb.deps.pool.query<{ code: string; name: string }>(
    'SELECT code, name FROM warehouses WHERE id = $1',
    [warehouseId],
  );
  return `${wh.rows[0]?.code} ${wh.rows[0]?.name}`;
}

describe.skipIf(!browserAvailable)('inventory in Chromium', () => {
  it('receives stock for a SKU and shows the level and the movement', async () => {
    const [skuId = ''] = await makeSkus(tdb, ['2.5kg 箱装']);
    const warehouseId = await makeWarehouse(tdb);
    const whLabel = await warehouseLabel(warehouseId);

    const page = await browser.newPage();
    await login(page, keeper.username, keeper.password);
    await page.getByTestId('nav-inventory').click();
    await page.waitForURL('**/inventory');
    await page.getByTestId('stock-table').waitFor();

    // Staff find the SKU by its code through the catalog's search, as they would with a label in hand.
    const code = await tdb.deps.pool.query<{ code: string }>('SELECT code FROM catalog_skus WHERE id = $1', [
      skuId,
    ]);
    const skuCode = code.rows[0]?.code ?? '?';
    await page.getByTestId('stock-receive').click();
    await choose(page, 'stock-form-skuId', `${skuCode} · `, skuCode);
    await choose(page, 'stock-form-warehouseId', whLabel);
    await page.getByTestId('stock-form-quantity').fill('48');
    await page.getByTestId('stock-form-reason').fill('供应商到货 送货单 NO.1');
    await page.getByTestId('stock-form-submit').click();

    const row = page.getByTestId('stock-table').locator('tr', { hasText: '2.5kg 箱装' });
    await row.waitFor();
    await expect.poll(() => page.getByTestId(`stock-available-${skuId}`).textContent()).toBe('48');
    expect(await row.textContent()).toContain(whLabel.split(' ')[1] ?? '?');

    await row.getByText('流水').click();
    const movement = page.getByTestId('movements-table').locator('tr', { hasText: '供应商到货' });
    await movement.waitFor();
    const text = (await movement.textContent()) ?? '';
    expect(text).toContain('入库');
    expect(text).toContain('+48');
    expect(text).toContain(keeper.username);

    const level = await tdb.deps.pool.query<{ on_hand: string }>(
      'SELECT on_hand FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
      [skuId, warehouseId],
    );
    expect(Number(level.rows[0]?.on_hand)).toBe(48);
    await page.close();
  });

  it('refuses an adjustment without a reason in the form, then applies one with a reason', async () => {
    const [skuId = ''] = await makeSkus(tdb, ['盘点测试']);
    const whLabel = await warehouseLabel(await makeWarehouse(tdb));
    const page = await browser.newPage();
    await login(page, keeper.username, keeper.password);
    await page.goto(`${base}/inventory`);
    await page.getByTestId('stock-adjust').click();
    await choose(page, 'stock-form-skuId', skuId, skuId);
    await choose(page, 'stock-form-warehouseId', whLabel);
    await page.getByTestId('stock-form-quantity').fill('5');
    await page.getByTestId('stock-form-submit').click();
    await page.getByText('请填写调整原因').waitFor();
    await page.getByTestId('stock-form-reason').fill('盘盈');
    await page.getByTestId('stock-form-submit').click();
    await expect.poll(() => page.getByTestId(`stock-available-${skuId}`).textContent()).toBe('5');
    await page.close();
  });
});
