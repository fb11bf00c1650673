import type { Browser, Page } from 'playwright-core';
import { type App, buildApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import type { Config } from '../../src/platform/config.js';
import { launchChromium } from './browser.js';
import { watchCsp } from './csp-watch.js';
import { createTestDb, type TestDb } from './test-db.js';

/** The real server with the built console on a free port, a fresh database, and Chromium. */
export interface E2eServer {
  tdb: TestDb;
  app: App;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

/** `config` overrides the tests' settings (test-db.ts), e.g. `{ paymentSandbox: false }`. */
export async function startE2eServer(config: Partial<Config> = {}): Promise<E2eServer> {
  const tdb = await createTestDb(config);
  // The browser runs in real time, so the server it talks to reads the system clock.
  const app = await buildApp({ ...tdb.deps, clock: systemClock }, { serveWeb: true, loginPerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  // Every page the tests open reports Content-Security-Policy violations, failing the test.
  const browser = watchCsp(await launchChromium());
  return {
    tdb,
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
      await tdb.close();
    },
  };
}

/** Logs in through the login page and waits for the console's welcome card. */
export async function logIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome-card').waitFor();
}
