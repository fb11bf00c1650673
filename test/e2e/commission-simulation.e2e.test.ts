import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../src/platform/money.js';
import { browserAvailable } from '../helpers/browser.js';
import { seedDemoOnRealClock } from '../helpers/demo.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * Finance in Chromium: simulates the demo's draft plan (v2, a richer peer bonus) over the last 30
 * days of paid orders and reads the same figures the API gives, with nothing posted; then opens the
 * period runs (月结) the demo made and reads why an entry and a leader's month are what they are.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
const DAY = 86_400_000;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  await seedDemoOnRealClock(tdb);
}, 240_000);
afterAll(() => server?.close());

const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const transfers = async () =>
  Number(
    (await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_transfers')).rows[0]?.n,
  );

describe.skipIf(!browserAvailable)('commission simulation and period runs in Chromium', () => {
  it('simulates the draft over the last 30 days, shows the API’s figures and posts nothing', async () => {
    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, base, finance.username, finance.password);
    const now = Date.now();
    const from = day(now - 30 * DAY);
    const to = day(now);
    await page.goto(`${base}/commission/simulation?from=${from}&to=${to}`);
    await page.getByTestId('simulation-page').waitFor();
    // The demo's draft (v2) is chosen once the plans have loaded.
    await page.getByTestId('simulation-page').getByText('v2 ', { exact: false }).waitFor();
    const before = await transfers();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-result').waitFor({ timeout: 30_000 });

    const plans = await (await page.request.get(`${base}/api/commission/plans`)).json();
    const draft = (plans.items as Array<{ id: string; status: string; version: number }>).find(
      (p) => p.status === 'draft',
    );
    expect(draft?.version).toBe(2);
    const api = await (
      await page.request.post(`${base}/api/commission/simulations`, {
        data: { planId: draft?.id, from, to },
        headers: { 'x-csrf-token': await csrfOf(page) },
      })
    ).json();
    expect(api.totals.lines).toBeGreaterThan(10);
    expect(await page.getByTestId('sim-draft-total').textContent()).toBe(String(api.draft.totalFen));
    expect(await page.getByTestId('sim-diff-total').textContent()).toBe(String(api.diff.totalFen));
    // v2 only raises the peer bonus (10% → 15%, two generations): the direct cost is unchanged.
    const direct = api.byRule.find((r: { rule: string }) => r.rule === 'direct');
    expect(direct.draftFen).toBe(direct.baselineFen);
    expect(api.diff.totalFen).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('sim-rule-direct-draft').textContent()).toBe(formatFen(direct.draftFen));
    await page.getByTestId('sim-top').locator('tbody tr').first().waitFor();
    expect(await transfers()).toBe(before);
    await page.screenshot({ path: '/tmp/commission-simulation.png', fullPage: true });
    await page.close();
  });

  it('lists the demo’s period runs and explains an entry and a leader’s month', async () => {
    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-commission-periods').click();
    await page.waitForURL('**/commission/period-runs');
    const runs = await (await page.request.get(`${base}/api/commission/period-runs`)).json();
    const monthClose = (runs.items as Array<{ id: string; kind: string }>).find(
      (r) => r.kind === 'month_close',
    );
    if (!monthClose) throw new Error('the demo closed no month');
    await page.getByTestId(`period-run-open-${monthClose.id}`).click();
    const detail = page.getByTestId('period-run-detail');
    await detail.waitFor();
    await page.getByTestId('period-rule-tiered').waitFor();
    await page.getByTestId('period-rule-regional_dividend').waitFor();
    // The `region` login has no leader account: its share of the 杭州市 pool is held.
    expect(await page.getByTestId('period-held').textContent()).toContain('杭州区域经理');
    const first = detail.getByTestId('why-sentence').first();
    expect(await first.textContent()).toMatch(/^(阶梯佣金|区域分红)（\d{4}-\d{2}/);
    await page.screenshot({ path: '/tmp/commission-period-runs.png', fullPage: true });

    // Why one entry: its sentence again, with its ledger transfer (commission expense → pending).
    await detail.locator('[data-testid^="entry-why-"]').first().click();
    await page.getByTestId('entry-why-sentence').waitFor();
    expect(await page.getByTestId('entry-why-sentence').textContent()).toBe(await first.textContent());
    await page.getByTestId('entry-why').getByText('company:commission_expense').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('entry-why').waitFor({ state: 'hidden' });

    // A leader's month: every entry of the month with its sentence, totals per rule.
    await detail.locator('[data-testid^="period-leader-"]').first().click();
    await page.getByTestId('leader-why').waitFor();
    await page.getByTestId('leader-why').getByTestId('why-by-rule').waitFor();
    expect(await page.getByTestId('leader-why').getByTestId('why-sentence').count()).toBeGreaterThan(0);
    await page.close();
  });
});

/** The session's CSRF token, as the console keeps it (from /api/auth/me). */
async function csrfOf(page: import('playwright-core').Page): Promise<string> {
  const me = await (await page.request.get(`${base}/api/auth/me`)).json();
  return me.csrfToken as string;
}
