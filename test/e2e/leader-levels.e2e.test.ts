import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCompletedOrdersTx,
  createLeaderTx,
  createLevel,
  previousPeriod,
} from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * Leader levels in a real browser: an admin edits the silver level's upgrade rule (the preview
 * follows), runs the assessment now and sees the result, then opens a leader's level tab and reads
 * the change with the figure behind it, and sets another level by hand.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let admin: { username: string; password: string };
let leaderA = '';

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  admin = await makeUser(tdb, ['admin']);
  const deps = tdb.deps;
  await deps.pool.query(
    `INSERT INTO regions (id, code, name, level, created_at) VALUES ('reg_01JE2ELVXH0000000000000000', '330106', '西湖区', 'district', now())`,
  );
  await createLevel(deps, SYSTEM_ACTOR, {
    code: 'SILVER',
    nameZh: '银牌团长',
    nameEn: 'Silver leader',
    rank: 20,
    upgrade: { metric: 'ownGmvFen', op: '>=', value: 1_000_000 },
  });
  // Last month (the server runs on the real clock): 甲团长 sold ¥2,000.
  const last = previousPeriod(new Date(), 'month');
  await deps.db.transaction(async (tx) => {
    const make = (name: string, phone: string, referrerId: string | null) =>
      createLeaderTx(deps, tx, SYSTEM_ACTOR, {
        name,
        phone,
        regionId: 'reg_01JE2ELVXH0000000000000000',
        referrerId,
        pickupPoint: { name: `${name}自提点`, address: '测试路 1 号' },
      });
    const a = await make('甲团长', '13600000001', null);
    leaderA = a.id;
    await make('乙团长', '13600000002', a.id);
    await addCompletedOrdersTx(tx, [
      {
        orderId: 'ord_e2e_levels_1',
        leaderId: a.id,
        customerId: 'cus_e2e_levels_1',
        totalFen: 200_000,
        completedAt: new Date(`${last.start}T12:00:00+08:00`),
      },
    ]);
  });
});

afterAll(() => server?.close());

const login = (page: Page) => logIn(page, base, admin.username, admin.password);

describe.skipIf(!browserAvailable)('leader levels in Chromium', () => {
  it('edits a rule with its preview, runs the assessment, and shows the leader’s level history', async () => {
    const page = await browser.newPage();
    await login(page);
    await page.getByTestId('nav-leader-levels').click();
    await page.waitForURL('**/leaders/levels');
    await page.getByTestId('level-upgrade-SILVER').getByText('上月个人完成GMV ≥ ¥10,000').waitFor();
    await page.getByTestId('level-upgrade-REGULAR').getByText('无（仅可手动调整）').waitFor();

    await page.getByTestId('level-edit-SILVER').click();
    const value = page.getByTestId('level-rule-upgrade-cond-0-value');
    await value.fill('1000');
    await page.getByTestId('level-rule-upgrade-preview').getByText('上月个人完成GMV ≥ ¥1,000').waitFor();
    await page.getByTestId('level-form-submit').click();
    await page.getByTestId('level-upgrade-SILVER').getByText('上月个人完成GMV ≥ ¥1,000').waitFor();
    const saved = await tdb.deps.pool.query(`SELECT upgrade_rule FROM leader_levels WHERE code = 'SILVER'`);
    expect(saved.rows[0]?.upgrade_rule).toEqual({ metric: 'ownGmvFen', op: '>=', value: 100_000 });

    await page.getByTestId('level-run-now').click();
    await page.getByTestId('level-run-confirm').click();
    await page
      .getByTestId('level-run-result')
      .getByText(/升级 1，降级 0/)
      .waitFor();
    await page.getByTestId('level-runs-table').getByText('手动').waitFor();

    await page.goto(`${base}/leaders/${leaderA}?tab=levels`);
    await page.getByTestId('leader-level-current').getByText('银牌团长').waitFor();
    const history = page.getByTestId('level-history-table');
    await history.getByText('自动考核').waitFor();
    await history.getByText('考核期个人完成GMV ≥ ¥1,000').waitFor();
    await history.getByText('实际 ¥2,000', { exact: false }).waitFor();
    await page.getByTestId('level-progress').waitFor();
    await page.close();
  });

  it('sets a level by hand with a reason, and the history shows it', async () => {
    const page = await browser.newPage();
    await login(page);
    await page.goto(`${base}/leaders/${leaderA}?tab=levels`);
    await page.getByTestId('leader-level-current').getByText('银牌团长').waitFor();
    await page.getByTestId('level-override').click();
    await page.getByTestId('level-override-level').click();
    await page.locator('.ant-select-dropdown').getByText('普通团长（REGULAR）').click();
    await page.getByTestId('level-override-reason').fill('违规降级');
    await page.getByTestId('level-override-submit').click();
    await page.getByTestId('leader-level-current').getByText('普通团长').waitFor();
    await page.getByTestId('level-history-table').getByText('违规降级').waitFor();
    const audit = await tdb.deps.pool.query(
      `SELECT after FROM audit_log WHERE action = 'leader.level_override' AND entity_id = $1`,
      [leaderA],
    );
    expect(audit.rows[0]?.after.reason).toBe('违规降级');
    await page.close();
  });
});
