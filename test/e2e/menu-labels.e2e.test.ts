import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';

/**
 * Every side-menu label is read whole, in both languages: an administrator sees every page, so the
 * longest labels are all on screen. A label cut by the menu's ellipsis is wider (scrollWidth) than the
 * box it is shown in (clientWidth).
 */
let server: E2eServer | undefined;
let admin: { username: string; password: string };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  admin = await makeUser(server.tdb, ['admin']);
});

afterAll(() => server?.close());

/** The menu items whose text does not fit, with their widths, so a failure names the label. */
async function cutLabels(page: Page): Promise<string[]> {
  return page
    .locator('.ant-layout-sider .ant-menu-item .ant-menu-title-content')
    .evaluateAll((items) =>
      items
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => `${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`),
    );
}

describe.skipIf(!browserAvailable)('side menu labels in Chromium', () => {
  it('fit in Chinese and in English, and each carries its name as a tooltip', async () => {
    const s = server as E2eServer;
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, admin.username, admin.password);
    const items = page.locator('.ant-layout-sider .ant-menu-item');
    expect(await items.count()).toBeGreaterThan(15);
    expect(await cutLabels(page)).toEqual([]);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-users').textContent()).toMatch(/Users/);
    expect(await cutLabels(page)).toEqual([]);
    // The name is also the link's title, shown on hover should a wider font cut it after all.
    expect(await page.getByTestId('nav-commission-periods').getAttribute('title')).toMatch(/Month close/);
    await page.close();
  });
});
