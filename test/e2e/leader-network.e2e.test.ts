import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRegionManagerTx, createLeaderTx } from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * The referral network in a real browser: an admin opens a leader's detail page, expands the team
 * tree, moves a leader to another referrer with a reason; a region manager sees only their region.
 */
let tdb: TestDb;
let server: E2eServer | undefined;
let browser: Browser;
let base: string;
let admin: { username: string; password: string };
let manager: { username: string; password: string };
const L: Record<'a' | 'b' | 'c' | 's', { id: string; code: string }> = {
  a: { id: '', code: '' },
  b: { id: '', code: '' },
  c: { id: '', code: '' },
  s: { id: '', code: '' },
};

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  admin = await makeUser(tdb, ['admin']);
  const mgr = await makeUser(tdb, ['region_manager']);
  manager = mgr;
  await tdb.deps.pool.query(
    `INSERT INTO regions (id, code, name, parent_id, level, created_at) VALUES
      ('reg_01JE2EHZ000000000000000000', '330100', '杭州市', NULL, 'city', now()),
      ('reg_01JE2EXH000000000000000000', '330106', '西湖区', 'reg_01JE2EHZ000000000000000000', 'district', now()),
      ('reg_01JE2EPD000000000000000000', '310115', '浦东新区', NULL, 'district', now())`,
  );
  const deps = tdb.deps;
  await deps.db.transaction(async (tx) => {
    const make = async (name: string, phone: string, regionId: string, referrerId: string | null) => {
      const row = await createLeaderTx(deps, tx, SYSTEM_ACTOR, {
        name,
        phone,
        regionId,
        referrerId,
        pickupPoint: { name: `${name}自提点`, address: '测试路 1 号' },
      });
      return { id: row.id, code: row.code };
    };
    L.a = await make('甲团长', '13500000001', 'reg_01JE2EXH000000000000000000', null);
    L.b = await make('乙团长', '13500000002', 'reg_01JE2EXH000000000000000000', L.a.id);
    L.c = await make('丙团长', '13500000003', 'reg_01JE2EXH000000000000000000', L.b.id);
    L.s = await make('沪团长', '13500000004', 'reg_01JE2EPD000000000000000000', L.a.id);
    await assignRegionManagerTx(deps, tx, SYSTEM_ACTOR, 'reg_01JE2EHZ000000000000000000', {
      userId: mgr.id,
      weight: 1,
    });
  });
});

afterAll(() => server?.close());

const login = (page: Page, u: { username: string; password: string }) =>
  logIn(page, base, u.username, u.password);

describe.skipIf(!browserAvailable)('the referral network in Chromium', () => {
  it('opens a leader, expands the team tree, and moves a leader with a reason', async () => {
    const page = await browser.newPage();
    await login(page, admin);
    await page.getByTestId('nav-leaders').click();
    await page.getByTestId(`leader-link-${L.a.code}`).click();
    await page.waitForURL(`**/leaders/${L.a.id}`);
    await page.getByTestId('leader-detail-name').getByText('甲团长').waitFor();
    await page.getByTestId('leader-tab-network').click();
    await page.getByTestId('network-upline').getByText('没有上级（顶级团长）').waitFor();
    await page.getByTestId('network-team-size').getByText('3').waitFor();

    // The first level is loaded with the page; 乙's recruits only when 乙 is expanded.
    const tree = page.getByTestId('network-tree');
    await tree.getByTestId(`team-node-${L.b.id}`).waitFor();
    await tree.getByTestId(`team-node-${L.s.id}`).waitFor();
    expect(await tree.getByTestId(`team-node-${L.c.id}`).count()).toBe(0);
    await page
      .locator('.ant-tree-treenode', { has: page.getByTestId(`team-node-${L.b.id}`) })
      .locator('.ant-tree-switcher')
      .click();
    await tree.getByTestId(`team-node-${L.c.id}`).waitFor();

    // 丙 moves from 乙 to 甲, with a reason; its page shows the new chain and the history.
    await tree.getByTestId(`team-node-${L.c.id}`).getByText('丙团长').click();
    await page.waitForURL(`**/leaders/${L.c.id}?tab=network`);
    await page.getByTestId(`upline-${L.b.id}`).waitFor();
    await page.getByTestId('network-move').click();
    await page.getByTestId('network-move-target').click();
    await page.keyboard.type('甲团长');
    await page.locator('.ant-select-dropdown').getByText(`甲团长（${L.a.code}）`).click();
    await page.getByTestId('network-move-submit').click();
    // Without a reason the form refuses to send.
    await page.getByText('请填写调整原因').waitFor();
    await page.getByTestId('network-move-reason').fill('乙团长离职，丙划归甲');
    await page.getByTestId('network-move-submit').click();
    await page.getByTestId('network-history').getByText('乙团长离职，丙划归甲').waitFor();
    await page.getByTestId(`upline-${L.a.id}`).waitFor();
    expect(await page.getByTestId(`upline-${L.b.id}`).count()).toBe(0);

    const { rows } = await tdb.deps.pool.query<{ referrer_id: string }>(
      'SELECT referrer_id FROM leaders WHERE id = $1',
      [L.c.id],
    );
    expect(rows[0]?.referrer_id).toBe(L.a.id);
    const periods = await tdb.deps.pool.query<{ cause: string; reason: string | null }>(
      'SELECT cause, reason FROM leader_referrer_periods WHERE leader_id = $1 ORDER BY valid_from',
      [L.c.id],
    );
    expect(periods.rows.map((p) => p.cause)).toEqual(['created', 'moved']);
    await page.close();
  });

  it('shows a region manager only the leaders of their region', async () => {
    const page = await browser.newPage();
    await login(page, manager);
    await page.getByTestId('nav-leaders').click();
    const table = page.getByTestId('leaders-table');
    await table.getByTestId(`leader-link-${L.a.code}`).waitFor();
    await table.getByTestId(`leader-link-${L.c.code}`).waitFor();
    expect(await table.getByTestId(`leader-link-${L.s.code}`).count()).toBe(0);
    await page.goto(`${base}/leaders/${L.s.id}`);
    await page.getByTestId('leader-not-found').waitFor();
    await page.goto(`${base}/regions`);
    await page.getByTestId('region-330106').waitFor();
    expect(await page.getByTestId('region-310115').count()).toBe(0);
    await page.close();
  });
});
