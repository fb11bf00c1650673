import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * An operator in a real browser creates a leader with their first pickup point; the database holds
 * a generated code, the coordinates, and the phone only encrypted.
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
    `INSERT INTO regions (id, code, name, level, created_at) VALUES ('reg_01JE2EXIHU0000000000000000', '330106', '西湖区', 'district', now())`,
  );
});

afterAll(() => server?.close());

const login = (page: Page, username: string, password: string) => logIn(page, base, username, password);

/** A new page, logged in as the operator, with the new-leader form open and its own fields filled. */
async function newLeaderForm(name: string, phone: string): Promise<Page> {
  const page = await browser.newPage();
  await login(page, operator.username, operator.password);
  await page.goto(`${base}/leaders`);
  await page.getByTestId('leader-create').click();
  await page.getByTestId('leader-form-name').fill(name);
  await page.getByTestId('leader-form-phone').fill(phone);
  await page.getByTestId('leader-form-region').click();
  await page.locator('.ant-select-dropdown').getByText('西湖区（330106）').first().click();
  return page;
}

describe.skipIf(!browserAvailable)('leaders in Chromium', () => {
  it('creates a leader with a pickup point, shows the masked phone, and lists the pickup point', async () => {
    const page = await browser.newPage();
    await login(page, operator.username, operator.password);
    await page.getByTestId('nav-leaders').click();
    await page.waitForURL('**/leaders');
    await page.getByTestId('leaders-table').waitFor();

    await page.getByTestId('leader-create').click();
    await page.getByTestId('leader-form-name').fill('周团长');
    await page.getByTestId('leader-form-phone').fill('138 1234 5678');
    await page.getByTestId('leader-form-region').click();
    await page.locator('.ant-select-dropdown').getByText('西湖区（330106）').first().click();
    await page.getByTestId('leader-form-pp-name').fill('文三路菜鸟驿站');
    await page.getByTestId('leader-form-pp-address').fill('杭州市西湖区文三路 200 号');
    await page.getByTestId('leader-form-pp-latitude').fill('30.2775');
    await page.getByTestId('leader-form-pp-longitude').fill('120.1302');
    await page.getByTestId('leader-form-pp-openingHours').fill('08:00-21:00');
    await page.getByTestId('leader-form-submit').click();

    const table = page.getByTestId('leaders-table');
    await table.getByText('周团长').waitFor();
    await table.getByText('138****5678').waitFor();

    const { rows } = await tdb.deps.pool.query<{ id: string; code: string; phone_enc: string }>(
      `SELECT id, code, phone_enc FROM leaders WHERE name = '周团长'`,
    );
    expect(rows).toHaveLength(1);
    const leader = rows[0];
    expect(leader?.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(leader?.phone_enc).not.toContain('13812345678');
    expect(tdb.deps.crypto.decrypt(leader?.phone_enc ?? '')).toBe('13812345678');
    await page
      .getByTestId(`leader-code-${leader?.id}`)
      .getByText(leader?.code ?? '')
      .waitFor();

    const pp = await tdb.deps.pool.query<{
      name: string;
      latitude: string;
      longitude: string;
      opening_hours: string;
    }>('SELECT name, latitude, longitude, opening_hours FROM pickup_points WHERE leader_id = $1', [
      leader?.id,
    ]);
    expect(pp.rows).toEqual([
      {
        name: '文三路菜鸟驿站',
        latitude: '30.277500',
        longitude: '120.130200',
        opening_hours: '08:00-21:00',
      },
    ]);

    // Expanding the row shows the pickup point.
    await table.locator('.ant-table-row-expand-icon').first().click();
    await page.getByTestId(`pickup-points-${leader?.id}`).getByText('文三路菜鸟驿站').waitFor();
    await page.close();
  });

  it('names the field when the server refuses a phone another leader has', async () => {
    const page = await newLeaderForm('重复手机号', '13812345678');
    await page.getByTestId('leader-form-pp-name').fill('某点');
    await page.getByTestId('leader-form-pp-address').fill('某地址');
    await page.getByTestId('leader-form-submit').click();
    await page.getByText('该手机号已被其他团长使用').waitFor();
    const { rows } = await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM leaders');
    expect(rows[0]?.n).toBe(1);
    await page.close();
  });

  it('creates a leader under a referrer found by searching (推荐人)', async () => {
    const page = await newLeaderForm('吴团长', '13912345678');
    const { rows: found } = await tdb.deps.pool.query<{ id: string; code: string }>(
      `SELECT id, code FROM leaders WHERE name = '周团长'`,
    );
    const referrer = found[0];
    expect(referrer).toBeDefined();
    await page.getByTestId('leader-form-referrer').click();
    await page.keyboard.type('周团长');
    await page.locator('.ant-select-dropdown').getByText(`周团长（${referrer?.code}）`).click();
    await page.getByTestId('leader-form-pp-name').fill('古荡新村自提点');
    await page.getByTestId('leader-form-pp-address').fill('杭州市西湖区古荡新村 3 幢');
    await page.getByTestId('leader-form-submit').click();
    await page.getByText('已保存').first().waitFor();

    const { rows } = await tdb.deps.pool.query<{ referrer_id: string | null; periods: number }>(
      `SELECT l.referrer_id,
              (SELECT count(*)::int FROM leader_referrer_periods p WHERE p.leader_id = l.id AND p.referrer_id = l.referrer_id) AS periods
       FROM leaders l WHERE l.name = '吴团长'`,
    );
    expect(rows).toEqual([{ referrer_id: referrer?.id, periods: 1 }]);
    await page.close();
  });
});
