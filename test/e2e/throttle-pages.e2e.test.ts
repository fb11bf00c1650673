import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import { newPhone } from '../integration/orders-support.js';

/** A person who is throttled after failed tries reads on the page when to come back. */
let server: E2eServer | undefined;
beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
});
afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('pages after too many failed tries', () => {
  it('the order look-up page says in minutes when to try again', async () => {
    const s = server as E2eServer;
    const phone = newPhone();
    const page = await s.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${s.base}/h5/my-orders`);
    await page.getByTestId('h5-lookup-phone').fill(phone);
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('h5-lookup-code').fill(String(100_000 + i));
      // Each look-up waits for its answer: a click on a loading button would be ignored.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/storefront/my-orders')),
        page.getByTestId('h5-lookup-submit').click(),
      ]);
      if (i < 5) await expect.poll(() => page.getByTestId('h5-error').textContent()).toContain('未找到');
    }
    await expect
      .poll(() => page.getByTestId('h5-error').textContent())
      .toBe('尝试次数过多，请 30 分钟后再试');
    await page.close();
  });

  it('the login page counts the wait down and keeps the button off until it is over', async () => {
    const s = server as E2eServer;
    const u = await makeUser(s.tdb, ['operator']);
    const page = await s.browser.newPage({ locale: 'zh-CN' });
    // The page's clock is held, so the countdown moves only when the test says so.
    await page.clock.install();
    await page.goto(`${s.base}/login`);
    await page.getByTestId('login-username').fill(u.username);
    await page.getByTestId('login-password').fill('wrong-password');
    const free = s.tdb.deps.config.loginMaxFailures;
    // Each click waits for its answer: a click while the button is still loading would be ignored.
    const attempt = () =>
      Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByTestId('login-submit').click(),
      ]);
    for (let i = 0; i < free; i++) {
      await attempt();
      await page.getByTestId('login-error').waitFor();
    }
    await attempt();
    await expect
      .poll(() => page.getByTestId('login-wait').textContent())
      .toBe('登录失败次数过多，请 1 秒后再试');
    expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
    await page.clock.runFor(1500);
    await expect.poll(() => page.getByTestId('login-submit').isDisabled()).toBe(false);
    expect(await page.getByTestId('login-wait').count()).toBe(0);
    await page.close();
  });
});
