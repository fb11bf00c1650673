import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/seed.js';
import { checkInvariants } from '../../src/modules/ledger/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { formatFen } from '../../src/platform/money.js';
import { browserAvailable } from '../helpers/browser.js';
import { seedDemoOnRealClock } from '../helpers/demo.js';
import { type E2eServer, startE2eServer } from '../helpers/e2e-server.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * The demo leader (陈静, the `leader` login) on a phone, in the portal's 收益 tab: the amounts the
 * server holds (预估, 待结算, 可提现, 已提现), an entry with its explanation (a recruit bonus her
 * recruits' sales earned her in the demo's replayed weeks), and a withdrawal with the fee and tax
 * shown before confirming. The database holds the demo company as `npm start` loads it.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
const leader = DEMO_ACCOUNTS.find((a) => a.role === 'leader');

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  await seedDemoOnRealClock(tdb);
}, 240_000);
afterAll(() => server?.close());

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  return context.newPage();
}

// The console writes amounts as the server does (¥1,234.50).
const yuan = formatFen;

describe.skipIf(!browserAvailable)('the leader’s earnings on a phone (收益)', () => {
  it('the demo has period entries: a hot-product ladder, recruit bonuses and a closed month', async () => {
    const { rows } = await tdb.deps.pool.query<{ rule: string; n: number }>(
      `SELECT rule, count(*)::int AS n FROM commission_entries
       WHERE rule IN ('hot_product', 'recruit_bonus', 'tiered', 'regional_dividend') GROUP BY rule ORDER BY rule`,
    );
    expect(rows.map((r) => r.rule)).toEqual(['hot_product', 'recruit_bonus', 'regional_dividend', 'tiered']);
    const months = await tdb.deps.pool.query(
      `SELECT period FROM commission_period_runs WHERE kind = 'month_close'`,
    );
    expect(months.rows).toHaveLength(1);
  });

  it('shows the amounts and an entry’s explanation, and requests a withdrawal', async () => {
    if (!leader) throw new Error('no demo leader account');
    const page = await phonePage();
    await page.goto(`${base}/h5/portal`);
    await page.getByTestId('portal-login-username').fill(leader.username);
    await page.getByTestId('portal-login-password').fill(leader.password);
    await page.getByTestId('portal-login-submit').click();
    await page.getByTestId('portal-tab-earnings').click();
    await page.getByTestId('earnings-available').waitFor();

    // The four amounts are the server's.
    const summary = await (await page.request.get(`${base}/api/portal/earnings`)).json();
    expect(summary.availableFen).toBeGreaterThan(0);
    for (const [id, fen] of [
      ['estimated', summary.estimatedFen],
      ['pending', summary.pendingFen],
      ['available', summary.availableFen],
      ['paid', summary.paidOutFen],
    ] as const) {
      expect(await page.getByTestId(`earnings-${id}`).textContent(), id).toBe(yuan(fen));
    }

    // Every entry with its sentence, on screen as the server words it.
    await page.getByTestId('earnings-entry-0').waitFor();
    const entries = await (
      await page.request.get(`${base}/api/portal/earnings/entries?page=1&pageSize=20`)
    ).json();
    expect(await page.getByTestId('earnings-entry-0-text').textContent()).toBe(entries.items[0].text.zh);
    // The recruit bonus (earlier in the month, further down the list) says who, how much and why.
    const all = await (
      await page.request.get(`${base}/api/portal/earnings/entries?page=1&pageSize=100`)
    ).json();
    const bonus = (all.items as Array<{ rule: string; text: { zh: string } }>).find(
      (e) => e.rule === 'recruit_bonus',
    );
    expect(bonus?.text.zh).toMatch(
      /^推荐奖：您推荐的团长 .+ 在通过审核后 30 天内已完成销售额 ¥[\d,]+\.\d\d，达到 ¥300\.00，一次性奖励 ¥50\.00$/,
    );
    const direct = (entries.items as Array<{ rule: string; text: { zh: string } }>).findIndex(
      (e) => e.rule === 'direct',
    );
    if (direct >= 0) {
      expect(await page.getByTestId(`earnings-entry-${direct}-text`).textContent()).toMatch(
        /^订单 #[0-9A-Z]{8} 商品 .+：直接佣金（.+）：本单实付 ¥[\d,]+\.\d\d，.+ = ¥[\d,]+\.\d\d/,
      );
    }
    await page.screenshot({ path: '/tmp/leader-earnings.png' });

    // 提现: the fee, the tax and what arrives are shown before confirming.
    await page.getByTestId('earnings-withdraw').click();
    await page.getByTestId('earnings-amount').fill('12.34');
    await page.getByTestId('earnings-net').waitFor();
    const preview = await (
      await page.request.get(`${base}/api/portal/earnings/withdrawal-preview?amountFen=1234`)
    ).json();
    expect(preview.problem).toBeNull();
    expect(await page.getByTestId('earnings-fee').textContent()).toBe(yuan(preview.feeFen));
    expect(await page.getByTestId('earnings-tax').textContent()).toBe(yuan(preview.taxFen));
    expect(await page.getByTestId('earnings-net').textContent()).toBe(yuan(preview.netFen));
    expect(preview.feeFen + preview.taxFen + preview.netFen).toBe(1234);
    await page.screenshot({ path: '/tmp/leader-earnings-withdraw.png' });
    await page.getByTestId('earnings-confirm').click();
    await page.getByTestId('earnings-withdraw-sheet').waitFor({ state: 'hidden' });

    // The request is there, waiting for finance, and the money moved to 提现中.
    await page.getByTestId('earnings-tab-withdrawals').click();
    await page.getByTestId('earnings-withdrawal-0').waitFor();
    expect(await page.getByTestId('earnings-withdrawal-0').textContent()).toContain('¥12.34');
    expect(await page.getByTestId('earnings-withdrawal-0-status').textContent()).toBe('待审核');
    const rows = await tdb.deps.pool.query<{ amount_fen: string | number; status: string }>(
      `SELECT w.amount_fen, w.status FROM ledger_withdrawals w JOIN leaders l ON l.id = w.leader_id
       JOIN users u ON u.id = l.user_id WHERE u.username = $1 ORDER BY w.requested_at DESC LIMIT 1`,
      [leader.username],
    );
    expect(Number(rows.rows[0]?.amount_fen)).toBe(1234);
    expect(rows.rows[0]?.status).toBe('requested');
    const after = await (await page.request.get(`${base}/api/portal/earnings`)).json();
    expect(after.availableFen).toBe(summary.availableFen - 1234);

    // An amount below the minimum is refused before confirming, in the leader's language.
    await page.getByTestId('earnings-withdraw').click();
    await page.getByTestId('earnings-amount').fill('0.5');
    await page.getByTestId('earnings-problem').waitFor();
    expect(await page.getByTestId('earnings-problem').textContent()).toBe('提现金额低于最低提现金额');
    expect(await page.getByTestId('earnings-confirm').isDisabled()).toBe(true);

    // The statements tab shows this month's closing balance.
    await page.mouse.click(195, 60);
    await page.getByTestId('earnings-tab-statements').click();
    await page.getByTestId('earnings-statement-closing').waitFor();
    expect((await checkInvariants(tdb.deps.db, CAUSE_TYPES)).ok).toBe(true);
  });
});
