import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';

/**
 * A list page keeps its search, page and page size in the address (shared/list-params.ts): a reload
 * or a shared link shows the same rows, and the back button returns to the previous page of rows.
 */
let server: E2eServer | undefined;
let admin: { username: string; password: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  admin = await makeUser(server.tdb, ['admin']);
  // Enough audit records (one per user made) for a second page of ten.
  for (let i = 0; i < 12; i += 1) await makeUser(server.tdb, ['finance']);
});

afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('a list page bound to the address', () => {
  it('reads the page and the search from the address and writes them back', async () => {
    const s = server as E2eServer;
    const page = await s.browser.newPage();
    await logIn(page, s.base, admin.username, admin.password);
    const table = page.getByTestId('audit-table');
    // antd draws the pager beside the table, not inside the element that carries the test id.
    const activePage = page.locator('.ant-pagination-item-active');

    // A link to the second page of ten opens on it (thirteen users made: thirteen audit records).
    await page.goto(`${s.base}/audit?pageSize=10&page=2`);
    await activePage.getByText('2').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);

    // Paging writes the address; back returns to the rows before.
    await page.locator('.ant-pagination-item-1').click();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    expect(new URL(page.url()).searchParams.get('pageSize')).toBe('10');
    await page.goBack();
    await activePage.getByText('2').waitFor();

    // A filter goes to the first page and into the address; a reload keeps both the box and the rows.
    await page.getByTestId('audit-filter-action').fill('auth.login');
    await page.getByTestId('audit-search').click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'auth.login');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.reload();
    await table.getByText('auth.login').first().waitFor();
    const actions = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    for (const row of actions) expect(row).toContain('auth.login');
    expect(await page.getByTestId('audit-filter-action').inputValue()).toBe('auth.login');
    await page.close();
  });
});
