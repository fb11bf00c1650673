import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../src/modules/catalog/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * An operator in a real browser: creates a product with two SKUs through the form and finds it in
 * the list, then imports a small sheet with one bad row, sees that row's error, and imports the rest.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let operator: { username: string; password: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  operator = await makeUser(tdb, ['operator']);
  await createCategory(tdb.deps, SYSTEM_ACTOR, { code: 'FRESH', name: '生鲜水果' });
});

afterAll(() => server?.close());

async function openCatalog(): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, base, operator.username, operator.password);
  await page.getByTestId('nav-catalog').click();
  await page.waitForURL('**/catalog');
  await page.getByTestId('catalog-table').waitFor();
  return page;
}

async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品 Products');
  ws.addRow([
    '商品编码 product_code',
    '商品名称 product_name',
    '单位 unit',
    'SKU编码 sku_code',
    '规格 spec',
    '售价(元) list_price',
    '成本价(元) cost_price',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!browserAvailable)('catalog in Chromium', () => {
  it('creates a product with two SKUs through the form and finds it in the list', async () => {
    const page = await openCatalog();
    await page.getByTestId('catalog-create').click();
    await page.getByTestId('product-form-code').fill('E2E-QC');
    await page.getByTestId('product-form-name').fill('赣南脐橙（测试）');
    await page.getByTestId('product-form-unit').fill('箱');
    await page.getByTestId('product-form-categoryId').click();
    await page.locator('.ant-select-dropdown').getByText('生鲜水果', { exact: true }).click();
    await page.getByTestId('sku-row-0-code').fill('E2E-QC-5');
    await page.getByTestId('sku-row-0-spec').fill('5斤装');
    await page.getByTestId('sku-row-0-listPrice').fill('29.9');
    await page.getByTestId('sku-row-0-costPrice').fill('18.5');
    await page.getByTestId('sku-add').click();
    await page.getByTestId('sku-row-1-code').fill('E2E-QC-10');
    await page.getByTestId('sku-row-1-spec').fill('10斤装');
    await page.getByTestId('sku-row-1-listPrice').fill('49.90');
    await page.getByTestId('sku-row-1-costPrice').fill('33');
    await page.getByTestId('product-form-submit').click();
    await page.getByText('商品已创建').waitFor();

    const table = page.getByTestId('catalog-table');
    await table.getByText('赣南脐橙（测试）').waitFor();
    await table.getByText('5斤装 ¥29.90').waitFor();
    await table.getByText('10斤装 ¥49.90').waitFor();
    const saved = await tdb.deps.pool.query<{ code: string; list_price_fen: number; cost_price_fen: number }>(
      'SELECT code, list_price_fen, cost_price_fen FROM catalog_skus ORDER BY id',
    );
    expect(saved.rows).toEqual([
      { code: 'E2E-QC-5', list_price_fen: 2990, cost_price_fen: 1850 },
      { code: 'E2E-QC-10', list_price_fen: 4990, cost_price_fen: 3300 },
    ]);

    // Searching by a SKU code finds the product; a code nobody has finds nothing.
    await page.getByTestId('catalog-search').locator('input').fill('E2E-QC-10');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    await table.getByText('赣南脐橙（测试）').waitFor();
    await page.getByTestId('catalog-search').locator('input').fill('NOBODY-HAS-THIS');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    await expect.poll(() => table.getByText('赣南脐橙（测试）').count()).toBe(0);
    await page.close();
  });

  it('imports a sheet with one bad row: shows the row error, then imports the good rows', async () => {
    const page = await openCatalog();
    await page.getByTestId('catalog-import').click();
    const file = await xlsxOf([
      ['E2E-RICE', '东北大米（测试）', '袋', 'E2E-RICE-5', '5kg', 39.9, 26],
      ['E2E-OIL', '花生油（测试）', '桶', 'E2E-OIL-5', '5L', '-3', 80],
    ]);
    await page
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({ name: 'products.xlsx', mimeType: 'application/octet-stream', buffer: file });
    const errors = page.getByTestId('import-errors');
    await errors.getByText('list_price').waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody tr').first().textContent()).toMatch(/^3list_price价格必须/);
    await page.getByTestId('import-invalid').waitFor();

    await page.getByTestId('import-valid').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新建 1 个商品');
    await page.getByTestId('import-close').click();
    await page.getByTestId('catalog-table').getByText('东北大米（测试）').waitFor();
    expect(await page.getByTestId('catalog-table').getByText('花生油（测试）').count()).toBe(0);
    await page.close();
  });
});
