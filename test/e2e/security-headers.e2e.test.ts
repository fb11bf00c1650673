import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { takeCspViolations } from '../helpers/csp-watch.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';

/**
 * The pages work under the Content-Security-Policy, and the policy is really enforced: a script
 * injected into a page does not run, and the browser tests notice (every browser test fails on a
 * violation through csp-watch.ts; this file checks that the watch sees one).
 */
let server: E2eServer | undefined;
beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
});
afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('the Content-Security-Policy in Chromium', () => {
  it('refuses an injected inline script, and the browser tests see the violation', async () => {
    const s = server as E2eServer;
    const page = await s.browser.newPage();
    await page.goto(`${s.base}/login`);
    await page.getByTestId('login-username').waitFor();
    // A string: the tests are compiled without the DOM types this page script uses.
    const ran = await page.evaluate(`(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__injected = true';
      document.head.appendChild(el);
      return window.__injected === true;
    })()`);
    expect(ran).toBe(false);
    // Chromium reports it twice (a console error and the securitypolicyviolation event): take both,
    // or the watch would fail this test for the violation it provoked on purpose.
    let seen = '';
    await expect
      .poll(() => {
        seen += takeCspViolations().join('\n');
        return seen.includes('csp-violation script-src') && seen.includes('Content Security Policy');
      })
      .toBe(true);
    // A framing attempt is refused too: the page says so with its headers.
    const res = await page.request.get(`${s.base}/login`);
    expect(res.headers()['x-frame-options']).toBe('DENY');
    await page.close();
  });

  it('shows the API docs (Swagger UI) under the policy', async () => {
    const s = server as E2eServer;
    const page = await s.browser.newPage();
    await page.goto(`${s.base}/docs/`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await page.close();
  });

  it('runs the console with its injected styles and icons under the policy', async () => {
    const s = server as E2eServer;
    const admin = await makeUser(s.tdb, ['admin']);
    const page = await s.browser.newPage();
    await logIn(page, s.base, admin.username, admin.password);
    // antd styles its components with <style> elements it adds at run time: the button is styled.
    const cursor = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-testid="nav-users"]')).cursor`,
    );
    expect(cursor).toBe('pointer');
    await page.close();
  });
});
