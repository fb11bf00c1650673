import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADER_IMPORT_COLUMNS } from '../../src/modules/leaders/index.js';
import { headerText } from '../../src/platform/imports/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * The leader import's two download buttons in a real browser: the bad rows as xlsx (the template's
 * headers and a reason), and, once the good rows are imported, the one-time passwords of the new
 * leaders' logins, downloadable once.
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
  await tdb.deps.pool.query(
    `INSERT INTO regions (id, code, name, parent_id, level, created_at)
     VALUES ('reg_01JE2EIM000000000000000000', '330106', '西湖区', NULL, 'district', now())`,
  );
});

afterAll(() => server?.close());

async function sheet(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('团长 Leaders');
  ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => headerText(c)));
  for (const r of rows) ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function downloaded(download: Download): Promise<ExcelJS.Worksheet | undefined> {
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0];
}

const row = (name: string, phone: string, over: Record<string, string | number> = {}) => ({
  name,
  phone,
  region: '330106',
  pickup_name: `${name}自提点`,
  pickup_address: '杭州市西湖区测试路 1 号',
  ...over,
});

describe.skipIf(!browserAvailable)('leader import downloads in Chromium', () => {
  it('downloads the bad rows with a reason, then the one-time passwords once', async () => {
    const page: Page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.goto(`${base}/leaders`);
    await page.getByTestId('leaders-import').click();
    const file = await sheet([row('导入甲', '13500001001'), row('导入乙', '13500001002', { capacity: -3 })]);
    await page
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({ name: 'leaders.xlsx', mimeType: 'application/octet-stream', buffer: file });
    const errors = page.getByTestId('import-errors');
    await errors.getByText('容量 capacity').waitFor();
    expect(await errors.locator('tbody tr').first().textContent()).toContain('必须 ≥ 0: -3');

    const [errorsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-download').click(),
    ]);
    const bad = await downloaded(errorsFile);
    expect(bad?.getRow(1).getCell(LEADER_IMPORT_COLUMNS.length + 1).value).toBe('错误原因 reason');
    expect(bad?.getRow(2).getCell(1).value).toBe('导入乙');
    expect(String(bad?.getRow(2).getCell(LEADER_IMPORT_COLUMNS.length + 1).value)).toContain(
      '容量 capacity：必须 ≥ 0',
    );

    await page.getByTestId('import-valid').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新建 1 位团长');
    const [loginsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-logins-download').click(),
    ]);
    const logins = await downloaded(loginsFile);
    expect(logins?.getRow(2).getCell(2).value).toBe('导入甲');
    expect(String(logins?.getRow(2).getCell(5).value)).toMatch(/^leader-/);
    expect(String(logins?.getRow(2).getCell(6).value)).toMatch(/^[A-Za-z2-9]{12}$/);
    // Downloaded once: the button gives way to the note, and the server holds no password any more.
    await page.getByTestId('import-logins-downloaded').waitFor();
    expect(await page.getByTestId('import-logins-download').count()).toBe(0);
    const left = await tdb.deps.pool.query('SELECT 1 FROM leader_import_credentials');
    expect(left.rows).toHaveLength(0);
    await page.close();
  });
});
