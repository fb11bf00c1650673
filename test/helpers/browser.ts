import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. Playwright never downloads one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Without Chromium the browser tests are skipped on a developer's machine, with a warning; in CI
 * (CI=true) a missing browser is a failure, because `.ci/run` installs it.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
if (!existsSync(CHROMIUM_PATH) && process.env.CI !== 'true') {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The flags keep Chromium off the network this machine does not have.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
