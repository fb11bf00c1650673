import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaders } from '../../src/modules/leaders/index.js';
import {
  clawbackTransfersTx,
  postTransfersTx,
  requestWithdrawalTx,
  saveWithdrawalSettingsTx,
  setPayoutAccountTx,
} from '../../src/modules/ledger/index.js';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { localMonth } from '../../src/platform/business-time.js';
import { systemClock } from '../../src/platform/clock.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { fund, makeLeader } from '../integration/ledger-support.js';

/**
 * Finance in a real browser: approve a leader's withdrawal, gather it into a payout batch, mark the
 * line paid, see the month's statement, and run the invariant check.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
const actor: Actor = { ...SYSTEM_ACTOR, actorName: 'e2e' };

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
});
afterAll(() => server?.close());

describe.skipIf(!browserAvailable)('finance in Chromium', () => {
  it('approves a withdrawal, pays it in a batch and shows it on the statement', async () => {
    // The data is arranged on the test clock set to now, since the server reads the real clock.
    tdb.deps.clock.set(systemClock.now());
    const leaderId = await makeLeader(tdb, '财务测试');
    const [{ code = '' } = {}] = await tdb.deps.db
      .select({ code: leaders.code })
      .from(leaders)
      .where(eq(leaders.id, leaderId));
    await fund(tdb, leaderId, { availableFen: 50_000, pendingFen: 8_000 });
    const withdrawalId = await tdb.deps.db.transaction(async (tx) => {
      await saveWithdrawalSettingsTx(tdb.deps, tx, actor, {
        minAmountFen: 1_000,
        feeFixedFen: 200,
        feeBps: 0,
        dailyCountLimit: 3,
        taxBps: 0,
      });
      await setPayoutAccountTx(tdb.deps, tx, actor, leaderId, {
        method: 'bank',
        payeeName: '李四',
        account: '6222021234567890999',
        bankName: '招商银行杭州分行',
      });
      const { withdrawal } = await requestWithdrawalTx(tdb.deps, tx, actor, leaderId, {
        amountFen: 12_000,
        idempotencyKey: 'e2e-finance-1',
      });
      return withdrawal.id;
    });

    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-finance').click();
    await page.waitForURL('**/finance');

    // 提现审核: the request waits in the queue; approve it.
    await page.getByTestId('finance-tab-withdrawals').click();
    const approve = page.getByTestId(`withdrawal-approve-${withdrawalId}`);
    await approve.waitFor();
    expect(await page.getByTestId('withdrawals-table').textContent()).toContain('¥118.00');
    await approve.click();
    await page.getByTestId('withdrawal-approve-confirm').click();
    await approve.waitFor({ state: 'detached' });

    // 打款批次: gather approved bank withdrawals, mark the line paid.
    await page.getByTestId('finance-tab-payouts').click();
    await page.getByTestId('batch-create').click();
    await page.getByTestId('batch-create-submit').click();
    const lines = page.getByTestId('batch-lines');
    await lines.getByTestId('line-status-1').waitFor();
    expect(await lines.textContent()).toContain('**** 0999');
    await lines.getByTestId('line-paid-1').click();
    await page.getByTestId('line-paid-reference').fill('CMB-20260301-01');
    await page.getByTestId('line-paid-confirm').click();
    // The server's answer, then the re-fetched line. On a loaded machine (the whole suite beside a
    // browser on two cores) the answer alone has taken longer than the polls' 10 s.
    await page.getByText('已标记为已打款').waitFor({ timeout: 30_000 });
    await expect.poll(() => lines.getByTestId('line-status-1').textContent()).toBe('已打款');
    expect(await page.getByTestId('batch-export').getAttribute('href')).toMatch(/\/export$/);

    // 对账单: this month shows the opening money, the withdrawal, its fee and the payout.
    const month = localMonth(new Date());
    await page.goto(`${base}/finance?tab=statements&leaderId=${leaderId}&month=${month}`);
    const summary = page.getByTestId('statement-summary');
    await summary.waitFor();
    expect(await page.getByTestId('statement-title').textContent()).toContain(code);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('提现');
    expect(text).toContain('¥118.00');
    expect(text).toContain('已打款');
    // Closing: 500.00 + 80.00 − 120.00 = ¥460.00.
    expect(text).toContain('¥460.00');
    expect(await page.getByTestId('statement-export').getAttribute('href')).toContain(`month=${month}`);

    // 账务校验: everything adds up.
    await page.getByTestId('finance-tab-invariants').click();
    await page.getByTestId('invariants-run').click();
    await page.getByTestId('invariants-ok').waitFor();
    await page.close();
  });

  it('shows what a leader owes and the net in the review queue, and warns on approval', async () => {
    tdb.deps.clock.set(systemClock.now());
    const leaderId = await makeLeader(tdb, '欠款测试');
    await fund(tdb, leaderId, { availableFen: 10_000 });
    const withdrawalId = await tdb.deps.db.transaction(async (tx) => {
      await saveWithdrawalSettingsTx(tdb.deps, tx, actor, {
        minAmountFen: 1_000,
        feeFixedFen: 0,
        feeBps: 0,
        dailyCountLimit: 3,
        taxBps: 0,
        withdrawWhileOwed: false,
      });
      await setPayoutAccountTx(tdb.deps, tx, actor, leaderId, {
        method: 'wechat',
        payeeName: '王五',
        account: 'wxid_e2e_owed',
        bankName: null,
      });
      const { withdrawal } = await requestWithdrawalTx(tdb.deps, tx, actor, leaderId, {
        amountFen: 8_000,
        idempotencyKey: 'e2e-finance-owed',
      });
      // A refund after settlement claws back ¥50.00: ¥20.00 from available, ¥30.00 owed.
      const legs = await clawbackTransfersTx(tx, tdb.deps.clock, [
        {
          leaderId,
          amountFen: 5_000,
          key: `e2e:${leaderId}:claw`,
          causeType: 'demo_opening',
          causeId: 'e2e',
        },
      ]);
      await postTransfersTx(tx, tdb.deps.clock, legs);
      return withdrawal.id;
    });

    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.goto(`${base}/finance`);
    await page.getByTestId('finance-tab-withdrawals').click();
    const owed = page.getByTestId(`withdrawal-owed-${withdrawalId}`);
    await owed.waitFor();
    const header = (await page.getByTestId('withdrawals-table').locator('thead').textContent()) ?? '';
    expect(header).toContain('欠款');
    expect(header).toContain('可提现 − 欠款');
    expect(await owed.textContent()).toBe('¥30.00');
    expect(await page.getByTestId(`withdrawal-net-${withdrawalId}`).textContent()).toContain('30.00');
    expect(await page.getByTestId(`withdrawal-net-${withdrawalId}`).textContent()).toContain('-');
    await page.getByTestId(`withdrawal-approve-${withdrawalId}`).click();
    const warning = page.getByTestId('withdrawal-approve-owed');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('¥30.00');
    expect(await warning.textContent()).toContain('不能审核通过');
    await page.close();
  });
});
