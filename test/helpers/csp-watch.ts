import type { Browser, BrowserContext, ConsoleMessage } from 'playwright-core';
import { afterEach } from 'vitest';

/**
 * Browser tests run under the server's Content-Security-Policy, and a page the policy breaks must
 * fail its test rather than pass with a half-working page. Chromium reports every blocked script,
 * style, image or connection twice: as a "Refused to ..." console error and as a
 * `securitypolicyviolation` event, which an init script turns into a console error too. Both land
 * in `violations`; the `afterEach` below fails the test that caused them.
 */
const violations: string[] = [];

const CSP_MESSAGE =
  /Content Security Policy|Refused to (load|execute|apply|connect|frame|create)|^csp-violation /;

function listen(context: BrowserContext): void {
  context.on('console', (msg: ConsoleMessage) => {
    if (CSP_MESSAGE.test(msg.text())) violations.push(`${msg.page()?.url() ?? '?'}: ${msg.text()}`);
  });
}

/** Makes every page of `browser` report CSP violations; returns the same browser. */
export function watchCsp(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  // Browser.newPage opens its page in a context of its own through this.newContext, so wrapping
  // newContext covers both ways tests open pages.
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    // A string, not a function: this file is compiled without the DOM types the page script uses.
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      console.error('csp-violation ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)'));
    });`);
    listen(context);
    return context;
  };
  return browser;
}

/** Takes the violations seen so far (a test that provokes one on purpose checks and clears them). */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}

afterEach(() => {
  if (violations.length === 0) return;
  const seen = violations.splice(0);
  throw new Error(`the page broke the Content-Security-Policy:\n${seen.join('\n')}`);
});
