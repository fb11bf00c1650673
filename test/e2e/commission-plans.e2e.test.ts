import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftTx } from '../../src/modules/commission/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { type Ladder, makeLadder, workedExample } from '../integration/commission-support.js';

/**
 * Finance in a real browser opens a draft commission plan, sees the worked example computed by the
 * server's engine beside the form, changes a rate and sees the example change, sees an overflowing
 * rate refused under its input, and activates the plan; the database holds the edited rate.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let finance: { username: string; password: string };
let ladder: Ladder;
let planId: string;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  finance = await makeUser(tdb, ['finance']);
  ladder = await makeLadder(tdb);
  const row = await tdb.deps.db.transaction((tx) =>
    createDraftTx(tdb.deps, tx, SYSTEM_ACTOR, { document: workedExample(ladder) }),
  );
  planId = row.id;
});

afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('commission plans in Chromium', () => {
  it('edits a draft rate, sees the preview change, and activates the plan', async () => {
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-commission').click();
    await page.waitForURL('**/commission');
    await page.getByTestId('plans-table').getByTestId('plan-status-draft').waitFor();
    await page.getByTestId('plan-open-v1').click();
    await page.getByTestId('plan-title').getByText('v1 · 示例方案').waitFor();

    // The worked example: L0 普通 ¥10.00, L1 银牌 ¥4.00, L2 银牌 peer ¥0.40, L3 金牌 ¥3.00.
    const amount = (i: number) => page.getByTestId(`preview-entry-${i}-amount`).textContent();
    await expect.poll(() => amount(0), { timeout: 10_000 }).toBe('¥10.00');
    expect([await amount(1), await amount(2), await amount(3)]).toEqual(['¥4.00', '¥0.40', '¥3.00']);
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('合计 ¥17.40');
    await page.getByTestId('plan-description').getByText('普通团长：实付金额的 10%。').waitFor();

    // 普通's direct rate 10% → 12%: the example's first line becomes ¥12.00, the description follows.
    const direct = page.getByTestId('plan-level-0-directRateBps');
    await direct.fill('12');
    await expect.poll(() => amount(0), { timeout: 10_000 }).toBe('¥12.00');
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('合计 ¥19.40');
    await page.getByTestId('plan-description').getByText('普通团长：实付金额的 12%。').waitFor();

    // 95% would let the chain pass 100% of the amount paid: said under the input, before saving.
    await direct.fill('95');
    await page.getByText('分佣链上的比例合计可能超过实付金额的 100%').waitFor();
    await direct.fill('12');
    // The error leaves once the next preview (after a short pause in typing) finds no problem.
    await expect
      .poll(() => page.getByText('分佣链上的比例合计可能超过实付金额的 100%').count(), { timeout: 10_000 })
      .toBe(0);

    await page.getByTestId('plan-activate').click();
    await page.getByTestId('plan-activate-confirm').click();
    await page.getByTestId('plan-status-active').waitFor();
    await page.getByTestId('plan-readonly').waitFor();

    const rows = await tdb.deps.pool.query<{ status: string; rate: number }>(
      `SELECT status, (document->'levels'->0->>'directRateBps')::int AS rate FROM commission_plans WHERE id = $1`,
      [planId],
    );
    expect(rows.rows).toEqual([{ status: 'active', rate: 1200 }]);
    const activations = await tdb.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM commission_plan_activations WHERE plan_id = $1',
      [planId],
    );
    expect(activations.rows[0]?.n).toBe(1);
    await page.close();
  });
});
