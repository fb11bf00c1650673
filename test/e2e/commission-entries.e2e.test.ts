import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import {
  accrueOrdersTx,
  activatePlanTx,
  createDraftTx,
  recordOrderProgressTx,
} from '../../src/modules/commission/index.js';
import { createLeaderTx, regions } from '../../src/modules/leaders/index.js';
import { markPaid } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { addDays, localDate } from '../../src/platform/business-time.js';
import { systemClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';
import { makeLadder, workedExample } from '../integration/commission-support.js';
import { arrangeSale, newPhone } from '../integration/orders-support.js';

/**
 * Finance in a real browser on the money path (佣金明细, 佣金结算): opens an entry of the worked
 * example and reads why it earned its fen, then settles yesterday by hand and sees the batch with
 * each leader's part. The data is arranged in the past on the test clock (the plan active 20 days
 * ago, the order paid 10 days ago and picked up 9 days ago), so its entries are due by now.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
let arrange: App;
let orderId: string;
let directEntryId: string;
let directKey: string;
const DAY = 86_400_000;

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  const now = systemClock.now().getTime();
  const { deps } = tdb;
  deps.clock.set(new Date(now - 20 * DAY));
  const ladder = await makeLadder(tdb);
  await deps.db.transaction(async (tx) => {
    const draft = await createDraftTx(deps, tx, SYSTEM_ACTOR, { document: workedExample(ladder) });
    await activatePlanTx(deps, tx, SYSTEM_ACTOR, draft.id);
  });
  const regionId = newId('region');
  await deps.db.insert(regions).values({
    id: regionId,
    code: `E2E${Date.now() % 100000}`,
    name: '西湖区',
    level: 'district',
    createdAt: deps.clock.now(),
  });
  // The worked example's chain 普通 → 银牌 → 银牌 → 金牌, created 20 days ago.
  const ids: string[] = [];
  const points: string[] = [];
  const codes: string[] = [];
  for (const [i, name] of ['金牌周', '银牌吴', '银牌郑', '普通王'].entries()) {
    const row = await deps.db.transaction((tx) =>
      createLeaderTx(deps, tx, SYSTEM_ACTOR, {
        name,
        phone: newPhone(),
        regionId,
        referrerId: ids[i - 1] ?? null,
        pickupPoint: { name: `${name}自提点`, address: '文三路 1 号' },
      }),
    );
    ids.push(row.id);
    codes.push(row.code);
    const pp = await deps.pool.query<{ id: string }>('SELECT id FROM pickup_points WHERE leader_id = $1', [
      row.id,
    ]);
    points.push(pp.rows[0]?.id ?? '');
  }
  const levelOf = [ladder.gold, ladder.silver, ladder.silver];
  for (const [i, levelId] of levelOf.entries()) {
    await deps.pool.query(
      `INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause, reason)
       VALUES ($1, $2, $3, $4, $5, 'override', 'e2e')`,
      [newId('leaderLevelChange'), ids[i], ladder.putong, levelId, deps.clock.now()],
    );
  }
  // Ten days ago: a ¥100.00 order through 普通王's link, paid offline.
  deps.clock.set(new Date(now - 10 * DAY - 62 * 60_000));
  const sale = await arrangeSale(tdb, { priceFen: 10_000, limit: 5 });
  arrange = await buildApp(deps, { serveWeb: false, loginPerMinute: 1000 });
  const placePaid = async (name: string, reference: string) => {
    const res = await arrange.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': `e2e-commission-${reference}-${Date.now()}` },
      payload: {
        campaignId: sale.campaignId,
        leaderCode: codes[3],
        pickupPointId: points[3],
        customer: { phone: newPhone(), name },
        items: [{ itemId: sale.itemId, quantity: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id: string = res.json().order.id;
    await markPaid(deps, SYSTEM_ACTOR, id, { provider: 'offline', reference });
    return id;
  };
  orderId = await placePaid('小陈', 'E2E-0001');
  // A second order accrued in the same call: 普通王's two direct entries travel in one transfer.
  // It is never picked up, so it stays estimated and out of the settlement below.
  const second = await placePaid('小林', 'E2E-0002');
  await deps.db.transaction((tx) => accrueOrdersTx(deps, tx, [orderId, second]));
  // Picked up and completed nine days ago: its after-sales window closed two days ago.
  const picked = new Date(now - 9 * DAY);
  await deps.db.transaction((tx) =>
    recordOrderProgressTx(tx, picked, [{ orderId, pickedUpAt: picked, completedAt: picked }]),
  );
  const direct = await deps.pool.query<{ id: string; key: string }>(
    `SELECT id, key FROM commission_entries WHERE order_id = $1 AND rule = 'direct'`,
    [orderId],
  );
  directEntryId = direct.rows[0]?.id ?? '';
  directKey = direct.rows[0]?.key ?? '';
});
afterAll(async () => {
  await arrange?.close();
  await server?.close();
});

describe.skipIf(!browserAvailable)('commission entries and settlements in Chromium', () => {
  it('shows an entry’s explanation', async () => {
    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-commission-entries').click();
    await page.waitForURL('**/commission/entries');
    await page.getByTestId('entries-filter-order').fill(orderId);
    await page.getByTestId('entries-search').click();
    const table = page.getByTestId('entries-table');
    await table.getByTestId(`entry-open-${directEntryId}`).waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(4);
    await page.getByTestId('entries-sums').getByText('¥17.40', { exact: false }).waitFor();
    await table.getByTestId(`entry-open-${directEntryId}`).click();
    const why = page.getByTestId('entry-explanation');
    await why.waitFor();
    expect(await why.textContent()).toContain('直接佣金');
    expect(await why.textContent()).toContain('¥100.00 × 10%');
    expect(await page.getByTestId('entry-amount').textContent()).toBe('¥10.00');
    await page.getByTestId('entry-transfers').getByText('company:commission_expense').waitFor();
    // The entry's own accrual transfer, keyed by its cause: order line, rule, chain position, leader.
    const transfers = page.getByTestId('entry-transfers');
    await transfers.getByText('¥10.00').waitFor();
    await transfers.getByText(`accrual:${directKey}`).waitFor();
    expect(await page.getByTestId('entry-share').count()).toBe(0);
    await page.close();
  });

  it('settles yesterday by hand and shows the batch', async () => {
    const finance = await makeUser(tdb, ['finance']);
    const page = await browser.newPage();
    await logIn(page, base, finance.username, finance.password);
    await page.getByTestId('nav-commission-settlements').click();
    await page.waitForURL('**/commission/settlements');
    await page.getByTestId('settlement-run').click();
    await page.getByTestId('settlement-run-submit').click();
    const yesterday = addDays(localDate(systemClock.now()), -1);
    const table = page.getByTestId('settlements-table');
    await table.getByTestId(`settlement-open-${yesterday}`).waitFor();
    const rows = await tdb.deps.pool.query<{ settled_fen: number; leader_count: number }>(
      'SELECT settled_fen::int, leader_count FROM commission_settlements WHERE day = $1',
      [yesterday],
    );
    expect(rows.rows).toEqual([{ settled_fen: 1740, leader_count: 4 }]);
    await table.getByText('¥17.40').waitFor();
    await table.getByTestId(`settlement-open-${yesterday}`).click();
    const leaders = page.getByTestId('settlement-leaders');
    await leaders.getByText('普通王', { exact: false }).waitFor();
    await leaders.getByText('¥10.00').first().waitFor();
    const statuses = await tdb.deps.pool.query<{ status: string }>(
      'SELECT DISTINCT status FROM commission_entries WHERE order_id = $1',
      [orderId],
    );
    expect(statuses.rows).toEqual([{ status: 'settled' }]);
    await page.close();
  });
});
