import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePreviousMonth,
  freezeAndSettle,
  type PlanDocument,
  runHotProducts,
  scanHotProducts,
} from '../../src/modules/commission/index.js';
import { balancesOf, checkInvariants } from '../../src/modules/ledger/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { createCampaignDirect, makeSku } from './campaigns-support.js';
import {
  activatePlanAt,
  addDailySales,
  makeLeaderAt,
  makeOrder,
  makeRegion,
  moneyCounts,
} from './commission-period-support.js';
import { makeLadder, workedExample } from './commission-support.js';
import { call, expectError, type Res } from './support.js';

/**
 * The period computations with hand-computed figures: month close (tiered whole and marginal, the
 * regional dividend of an odd pool split by weight, a manager without a leader account), the
 * hot-product ladder of a finished campaign, the recruit bonus inside and outside its window, and
 * re-runs that post nothing new. The data is arranged straight in the tables the services read.
 */

interface Run {
  id: string;
  kind: string;
  period: string;
  planVersion: number | null;
  entriesComputed: number;
  entriesNew: number;
  computedFen: number;
  newFen: number;
  transfersPosted: number;
  report: Record<string, unknown>;
}
interface Entry {
  id: string;
  key: string;
  rule: string;
  beneficiaryId: string;
  amountFen: number;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  status: string;
  text: { zh: string; en: string };
}

let t: TestApp;
let finance: Session;
let operator: Session;
const L: Record<string, string> = {};
const id = (name: string): string => L[name] ?? '';
let cityId: string;
let campaignId: string;
let skuId: string;

const TIERS = [
  { fromFen: 0, rateBps: 0 },
  { fromFen: 1_000_000, rateBps: 100 },
  { fromFen: 5_000_000, rateBps: 200 },
];

/** Moves the clock and logs in again (a session does not outlive a jump of weeks). */
async function at(iso: string): Promise<void> {
  t.tdb.deps.clock.set(iso);
  finance = await sessionFor(t, ['finance']);
  operator = await sessionFor(t, ['operator']);
}

async function ok<T>(res: Res, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function entriesWhere(
  where: string,
): Promise<
  Array<{ key: string; beneficiary_id: string; amount_fen: number; status: string; final_at: Date }>
> {
  const r = await t.tdb.deps.pool.query(
    `SELECT key, beneficiary_id, amount_fen::int AS amount_fen, status, final_at FROM commission_entries WHERE ${where} ORDER BY key`,
  );
  return r.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const { tdb } = t;
  const ladder = await makeLadder(tdb);

  tdb.deps.clock.set('2026-09-01T00:00:00Z');
  const sku = await makeSku(tdb);
  skuId = sku.id;
  const campaign = await createCampaignDirect(tdb, [sku.id]);
  campaignId = campaign.id;

  cityId = await makeRegion(tdb, '杭州市', null, 'city');
  const district = await makeRegion(tdb, '西湖区', cityId, 'district');
  const at = '2026-09-01T00:00:00Z';
  for (const name of ['A', 'B', 'C', 'M1', 'M2', 'M3']) {
    L[name] = await makeLeaderAt(tdb, {
      name: `团长${name}`,
      regionId: district,
      createdAt: at,
      levelId: ladder.putong,
    });
  }
  // Recruits approved on 1 October 10:00 Beijing time, by A and by B.
  L.R1 = await makeLeaderAt(tdb, {
    name: '新团长一',
    regionId: district,
    createdAt: '2026-10-01T02:00:00Z',
    referrerId: L.A,
    levelId: ladder.putong,
  });
  L.R2 = await makeLeaderAt(tdb, {
    name: '新团长二',
    regionId: district,
    createdAt: '2026-10-01T02:00:00Z',
    referrerId: L.B,
    levelId: ladder.putong,
  });
  // The city's managers, weights 2 : 1 : 1; the third has no leader account.
  for (const [userId, leaderId, weight] of [
    ['usr_mgr_a', id('M1'), 2],
    ['usr_mgr_b', id('M2'), 1],
    ['usr_mgr_c', null, 1],
  ] as const) {
    await tdb.deps.pool.query(
      `INSERT INTO region_managers (region_id, user_id, leader_id, weight, created_at, updated_at)
       VALUES ($1, $2, $3, $4, now(), now())`,
      [cityId, userId, leaderId, weight],
    );
  }

  // Plan A (whole tiers) from 15 September, plan B (marginal, otherwise the same) from 10 November.
  const patch: Partial<PlanDocument> = {
    tiered: { mode: 'whole', tiers: TIERS },
    regional: { rateBps: 100 },
    hotProducts: [
      {
        campaignId,
        skuId,
        steps: [
          { minUnits: 10, perUnitFen: 100 },
          { minUnits: 20, perUnitFen: 200 },
        ],
      },
    ],
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 0 },
  };
  await activatePlanAt(tdb, workedExample(ladder, { ...patch, name: '方案A' }), '2026-09-15T00:00:00Z');
  await activatePlanAt(
    tdb,
    workedExample(ladder, { ...patch, name: '方案B', tiered: { mode: 'marginal', tiers: TIERS } }),
    '2026-11-10T00:00:00Z',
  );

  // The roll-up: October A ¥60,000, B ¥30,010 with a ¥10 refund (net ¥30,000), C ¥10.01;
  // November A ¥60,000, B ¥30,000. A completion on 1 November (Beijing) is November's.
  await addDailySales(tdb, id('A'), '2026-10-05', 6_000_000);
  await addDailySales(tdb, id('B'), '2026-10-20', 3_001_000);
  await addDailySales(tdb, id('B'), '2026-10-25', 0, 1_000);
  await addDailySales(tdb, id('C'), '2026-10-03', 1_001);
  await addDailySales(tdb, id('A'), '2026-11-01', 6_000_000);
  await addDailySales(tdb, id('B'), '2026-11-15', 3_000_000);
}, 60_000);
afterAll(() => t.close());

describe('hot-product ladder (爆品阶梯奖励)', () => {
  it('waits until every order of the campaign is final, then pays the highest step on all kept units', async () => {
    const { tdb } = t;
    await at('2026-10-15T00:00:00Z');
    await tdb.deps.pool.query(
      `UPDATE campaigns SET state = 'closed', closed_at = '2026-10-10T00:00:00Z' WHERE id = $1`,
      [campaignId],
    );
    // A: 25 units, 3 refunded → 22 kept (step 20: ¥2.00 each). B: 15 units, and 5 more still out for delivery.
    await makeOrder(tdb, {
      campaignId,
      leaderId: id('A'),
      status: 'completed',
      lines: [{ skuId, quantity: 25, unitPriceFen: 1_000, refundedQuantity: 3 }],
      paidAt: '2026-10-09T01:00:00Z',
      completedAt: '2026-10-12T01:00:00Z',
    });
    await makeOrder(tdb, {
      campaignId,
      leaderId: id('B'),
      status: 'completed',
      lines: [{ skuId, quantity: 15, unitPriceFen: 1_000 }],
      paidAt: '2026-10-09T01:00:00Z',
      completedAt: '2026-10-12T01:00:00Z',
    });
    await makeOrder(tdb, {
      campaignId,
      leaderId: id('C'),
      status: 'completed',
      lines: [{ skuId, quantity: 9, unitPriceFen: 1_000 }],
      paidAt: '2026-10-09T01:00:00Z',
      completedAt: '2026-10-12T01:00:00Z',
    });
    const open = await makeOrder(tdb, {
      campaignId,
      leaderId: id('B'),
      status: 'delivered',
      lines: [{ skuId, quantity: 5, unitPriceFen: 1_000 }],
      paidAt: '2026-10-09T02:00:00Z',
    });

    const before = await moneyCounts(tdb);
    const notYet = await call(t, finance, 'POST', '/api/commission/period-runs/hot-products', { campaignId });
    expect(expectError(notYet, 409, 'commission.campaign_not_finished', 'body.campaignId').detail).toMatch(
      /1 order\(s\) are not completed/,
    );
    // The job does not compute it either.
    expect(await scanHotProducts(tdb.deps, SYSTEM_ACTOR)).toEqual({ computed: 0, waiting: 1 });

    // Completed on the 13th: the after-sales window (7 days) runs until the 20th.
    await tdb.deps.pool.query(`UPDATE orders SET status = 'completed' WHERE id = $1`, [open.orderId]);
    await tdb.deps.pool.query(
      `INSERT INTO leader_sales_orders (order_id, leader_id, customer_id, day, gmv_fen, refunded_fen, completed_at)
       VALUES ($1, $2, 'cus_test', '2026-10-13', 5000, 0, '2026-10-13T01:00:00Z')`,
      [open.orderId, L.B],
    );
    const window = await call(t, finance, 'POST', '/api/commission/period-runs/hot-products', { campaignId });
    expect(expectError(window, 409, 'commission.campaign_not_finished').detail).toMatch(
      /after-sales window \(7 days\)/,
    );
    expect(await moneyCounts(tdb)).toEqual(before);

    await at('2026-10-21T00:00:00Z');
    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/hot-products', { campaignId }),
      201,
    );
    // A: 22 × ¥2.00 = ¥44.00; B: 20 × ¥2.00 = ¥40.00 (15 + 5 reach the second step); C: 9 < 10.
    expect(run).toMatchObject({
      kind: 'hot_product',
      period: campaignId,
      entriesComputed: 2,
      entriesNew: 2,
      newFen: 8_400,
    });
    const rows = await entriesWhere(`rule = 'hot_product'`);
    expect(rows.map((r) => [r.beneficiary_id, r.amount_fen, r.status])).toEqual(
      [
        [L.A, 4_400, 'final'],
        [L.B, 4_000, 'final'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const detail = await ok<{ entries: Entry[] }>(
      await call(t, finance, 'GET', `/api/commission/period-runs/${run.id}`),
    );
    const a = detail.entries.find((e) => e.beneficiaryId === L.A);
    expect(a).toMatchObject({ baseFen: 22_000, perUnitFen: 200 });
    expect(a?.text.zh).toMatch(/您售出 22 件，达到满 20 件一档，每件 ¥2\.00 × 22 件 = ¥44\.00$/);

    // Again: nothing new, and the daily scan leaves a computed campaign alone.
    const again = await runHotProducts(tdb.deps, SYSTEM_ACTOR, campaignId);
    expect(again).toMatchObject({ entriesComputed: 2, entriesNew: 0, newFen: 0, transfersPosted: 0 });
    expect(await scanHotProducts(tdb.deps, SYSTEM_ACTOR)).toEqual({ computed: 0, waiting: 0 });
  });
});

describe('recruit bonus (推荐奖)', () => {
  it('pays the referrer once when the recruit’s completed sales reach the threshold inside the window', async () => {
    const { tdb } = t;
    await at('2026-11-05T00:00:00Z');
    // R1: ¥1,000.00 completed on 20 October, inside the 30 days. R2: ¥500.00 inside, ¥2,000.00 after.
    const other = 'cmp_recruit_test';
    const line = (fen: number) => [{ skuId, quantity: 1, unitPriceFen: fen }];
    await makeOrder(tdb, {
      campaignId: other,
      leaderId: id('R1'),
      status: 'completed',
      lines: line(100_000),
      completedAt: '2026-10-20T04:00:00Z',
    });
    await makeOrder(tdb, {
      campaignId: other,
      leaderId: id('R2'),
      status: 'completed',
      lines: line(50_000),
      completedAt: '2026-10-15T04:00:00Z',
    });
    await makeOrder(tdb, {
      campaignId: other,
      leaderId: id('R2'),
      status: 'completed',
      lines: line(200_000),
      completedAt: '2026-11-02T04:00:00Z',
    });

    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/recruit-check', {}),
      201,
    );
    expect(run).toMatchObject({ kind: 'recruit_check', period: '2026-11-05', entriesNew: 1, newFen: 5_000 });
    expect(run.report).toMatchObject({ awarded: 1, notYet: { below_threshold: 1 } });
    const rows = await entriesWhere(`rule = 'recruit_bonus'`);
    expect(rows.map((r) => [r.key, r.beneficiary_id, r.amount_fen])).toEqual([
      [`recruit_bonus:${L.R1}`, L.A, 5_000],
    ]);
    const detail = await ok<{ entries: Entry[] }>(
      await call(t, finance, 'GET', `/api/commission/period-runs/${run.id}`),
    );
    expect(detail.entries[0]?.text.zh).toBe(
      '推荐奖：您推荐的团长 新团长一 在通过审核后 30 天内已完成销售额 ¥1,000.00，达到 ¥1,000.00，一次性奖励 ¥50.00',
    );

    // The next day: R1 was paid once; R2's sales outside the window still do not count.
    await at('2026-11-06T00:00:00Z');
    const next = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/recruit-check', {}),
      201,
    );
    expect(next).toMatchObject({ entriesComputed: 0, entriesNew: 0, transfersPosted: 0 });
    expect(await entriesWhere(`rule = 'recruit_bonus'`)).toHaveLength(1);
  });
});

describe('month close (月结)', () => {
  it('closes October under the whole plan: tiered on net GMV, the odd dividend pool split 2 : 1 : 1', async () => {
    const { tdb } = t;
    await at('2026-12-02T00:00:00Z');
    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-10' }),
      201,
    );
    // Tiered whole: A ¥60,000 × 2% = 120,000; B ¥30,000 × 1% = 30,000; C ¥10.01 is below ¥10,000.
    // Pool: ¥90,010.01 × 1% = 90,010.0 → 90,010; 2 : 1 : 1 → 45,005 / 22,502.5 / 22,502.5 →
    // largest remainder: 45,005 + 22,503 + 22,502. The third manager has no leader account: held.
    expect(run).toMatchObject({
      kind: 'month_close',
      period: '2026-10',
      planVersion: 1,
      entriesNew: 4,
      transfersPosted: 4,
    });
    expect(run.newFen).toBe(120_000 + 30_000 + 45_005 + 22_503);
    expect(run.report.held).toEqual([
      {
        regionId: cityId,
        regionName: '杭州市',
        userId: 'usr_mgr_c',
        name: 'usr_mgr_c',
        weight: 1,
        amountFen: 22_502,
      },
    ]);
    expect(run.report.regional).toMatchObject({
      pools: [{ regionId: cityId, gmvFen: 9_001_001, poolFen: 90_010 }],
    });
    const tiered = await entriesWhere(`key LIKE 'tiered:2026-10:%'`);
    expect(new Map(tiered.map((e) => [e.beneficiary_id, e.amount_fen]))).toEqual(
      new Map([
        [L.A, 120_000],
        [L.B, 30_000],
      ]),
    );
    const dividends = await entriesWhere(`key LIKE 'regional_dividend:2026-10:%'`);
    expect(dividends.map((e) => [e.key, e.beneficiary_id, e.amount_fen])).toEqual([
      [`regional_dividend:2026-10:${cityId}:usr_mgr_a`, L.M1, 45_005],
      [`regional_dividend:2026-10:${cityId}:usr_mgr_b`, L.M2, 22_503],
    ]);
    expect(dividends.reduce((a, e) => a + e.amount_fen, 0) + 22_502).toBe(90_010);
    expect([...tiered, ...dividends].every((e) => e.status === 'final')).toBe(true);
    expect((await balancesOf(tdb.deps.db, id('M1'))).pendingFen).toBe(45_005);

    const detail = await ok<{
      byRule: Array<{ rule: string; entries: number; amountFen: number }>;
      entries: Entry[];
    }>(await call(t, finance, 'GET', `/api/commission/period-runs/${run.id}`));
    expect(detail.byRule).toEqual([
      expect.objectContaining({ rule: 'regional_dividend', entries: 2, amountFen: 67_508 }),
      expect.objectContaining({ rule: 'tiered', entries: 2, amountFen: 150_000 }),
    ]);
    expect(detail.entries.find((e) => e.beneficiaryId === L.A && e.rule === 'tiered')?.text.zh).toBe(
      '阶梯佣金（2026-10，全额累进）：当月已完成直接销售额 ¥60,000.00，达到第 3 档（从 ¥50,000.00 起 2%），¥60,000.00 × 2% = ¥1,200.00',
    );
    expect(detail.entries.find((e) => e.beneficiaryId === L.M1)?.text.zh).toBe(
      '区域分红（2026-10，杭州市）：区域已完成销售额 ¥90,010.01 × 1% = 分红池 ¥900.10，您的权重 2/4（共 3 位区域经理）= ¥450.05',
    );
  });

  it('closes November under the marginal plan active at the month’s end', async () => {
    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-11' }),
      201,
    );
    expect(run.planVersion).toBe(2);
    // Marginal: A 4,000,000 × 1% + 1,000,000 × 2% = 60,000; B 2,000,000 × 1% = 20,000.
    const tiered = await entriesWhere(`key LIKE 'tiered:2026-11:%'`);
    expect(new Map(tiered.map((e) => [e.beneficiary_id, e.amount_fen]))).toEqual(
      new Map([
        [L.A, 60_000],
        [L.B, 20_000],
      ]),
    );
    // Pool ¥90,000 × 1% = 90,000 → 45,000 + 22,500 (+ 22,500 held).
    const dividends = await entriesWhere(`key LIKE 'regional_dividend:2026-11:%'`);
    expect(dividends.map((e) => e.amount_fen)).toEqual([45_000, 22_500]);
    expect(run.newFen).toBe(60_000 + 20_000 + 45_000 + 22_500);
  });

  it('posts nothing new when a month is closed again', async () => {
    const before = await moneyCounts(t.tdb);
    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-10' }),
      201,
    );
    expect(run).toMatchObject({ entriesComputed: 4, entriesNew: 0, newFen: 0, transfersPosted: 0 });
    const after = await moneyCounts(t.tdb);
    expect(after.transfers).toBe(before.transfers);
    expect(after.entries).toBe(before.entries);
    // Only the run's own record and its audit line are new.
    expect(after.runs).toBe(before.runs + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('posts a held dividend share once the manager is linked to a leader account', async () => {
    await t.tdb.deps.pool.query(`UPDATE region_managers SET leader_id = $1 WHERE user_id = 'usr_mgr_c'`, [
      L.M3,
    ]);
    const run = await ok<Run>(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-10' }),
      201,
    );
    expect(run).toMatchObject({ entriesComputed: 5, entriesNew: 1, newFen: 22_502, transfersPosted: 1 });
    const dividends = await entriesWhere(`key LIKE 'regional_dividend:2026-10:%'`);
    expect(dividends.reduce((a, e) => a + e.amount_fen, 0)).toBe(90_010);
  });

  it('settles period entries T+1 like line entries', async () => {
    const { tdb } = t;
    // Everything above became final on or before 2 December; the settlement of 2 December moves it.
    await at('2026-12-03T02:00:00Z');
    const r = await freezeAndSettle(tdb.deps, SYSTEM_ACTOR, '2026-12-02', 'manual');
    expect(r.created).toBe(true);
    const open = await entriesWhere(`cause_type = 'period' AND status <> 'settled'`);
    expect(open).toEqual([]);
    const a = await balancesOf(tdb.deps.db, id('A'));
    // A: tiered 120,000 + 60,000, hot product 4,400, recruit bonus 5,000.
    expect(a).toMatchObject({ pendingFen: 0, availableFen: 189_400 });
  });

  it('refuses a bad month clearly and writes nothing', async () => {
    const { tdb } = t;
    const before = await moneyCounts(tdb);
    expectError(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-13' }),
      400,
      'request.invalid',
      'body.month',
    );
    expectError(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2026-12' }),
      422,
      'commission.month_not_over',
      'body.month',
    );
    expectError(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', { month: '2025-01' }),
      422,
      'commission.no_plan_for_period',
      'body.month',
    );
    expectError(
      await call(t, finance, 'POST', '/api/commission/period-runs/month-close', {
        month: '2026-10',
        extra: 1,
      }),
      400,
      'request.invalid',
    );
    expectError(
      await call(t, finance, 'POST', '/api/commission/period-runs/hot-products', {
        campaignId: 'cmp_missing',
      }),
      404,
      'commission.campaign_not_found',
      'body.campaignId',
    );
    expectError(
      await call(t, operator, 'POST', '/api/commission/period-runs/month-close', { month: '2026-10' }),
      403,
      'auth.forbidden',
    );
    expect(await moneyCounts(tdb)).toEqual(before);
  });

  it('the scheduled close takes the previous business month and skips a month without a plan', async () => {
    const { tdb } = t;
    // 1 December 03:00 in Beijing is still 30 November in UTC: the previous month is November.
    tdb.deps.clock.set('2026-11-30T19:00:00Z');
    // Nothing new but November's held share, now that its manager has a leader account.
    expect(await closePreviousMonth(tdb.deps, SYSTEM_ACTOR)).toMatchObject({
      month: '2026-11',
      entriesComputed: 5,
      entriesNew: 1,
      newFen: 22_500,
      transfersPosted: 1,
    });
    tdb.deps.clock.set('2025-02-01T19:00:00Z');
    expect(await closePreviousMonth(tdb.deps, SYSTEM_ACTOR)).toEqual({
      skipped: 'no plan was active in 2025-01',
    });
    await at('2026-12-03T02:00:00Z');
  });

  it('leaves the ledger’s invariants intact', async () => {
    const report = await checkInvariants(t.tdb.deps.db, CAUSE_TYPES);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const r = await t.tdb.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from commission_period_runs`,
    );
    expect(Number(r.rows[0]?.n)).toBeGreaterThanOrEqual(8);
  });
});

describe('the leader’s earnings in the portal (收益)', () => {
  it('shows only the logged-in leader’s money and entries, each explained', async () => {
    const { tdb } = t;
    const user = await makeUser(tdb, ['leader']);
    await tdb.deps.pool.query('UPDATE leaders SET user_id = $1 WHERE id = $2', [user.id, id('A')]);
    const me = await loginAs(t.app, user.username, user.password);
    const summary = await ok<{
      availableFen: number;
      pendingFen: number;
      estimatedFen: number;
      withdrawableFen: number;
    }>(await call(t, me, 'GET', '/api/portal/earnings'));
    expect(summary).toMatchObject({
      availableFen: 189_400,
      pendingFen: 0,
      estimatedFen: 0,
      withdrawableFen: 189_400,
    });
    const list = await ok<{ items: Entry[]; total: number }>(
      await call(t, me, 'GET', '/api/portal/earnings/entries'),
    );
    expect(list.total).toBe(4);
    expect(list.items.every((e) => e.beneficiaryId === id('A') && e.status === 'settled')).toBe(true);
    expect(list.items.map((e) => e.rule).sort()).toEqual([
      'hot_product',
      'recruit_bonus',
      'tiered',
      'tiered',
    ]);
    const october = await ok<{ items: Entry[] }>(
      await call(t, me, 'GET', '/api/portal/earnings/entries?month=2026-10'),
    );
    expect(october.items.map((e) => [e.rule, e.amountFen])).toEqual(
      expect.arrayContaining([
        ['tiered', 120_000],
        ['hot_product', 4_400],
      ]),
    );
    const one = list.items[0] as Entry;
    expect(
      (await ok<Entry>(await call(t, me, 'GET', `/api/portal/earnings/entries/${one.id}`))).text,
    ).toEqual(one.text);
    // Another leader's entry is not found, not shown.
    const [other] = await entriesWhere(`beneficiary_id = '${id('B')}'`);
    const otherId = (
      await tdb.deps.pool.query<{ id: string }>('SELECT id FROM commission_entries WHERE key = $1', [
        other?.key,
      ])
    ).rows[0]?.id;
    expectError(
      await call(t, me, 'GET', `/api/portal/earnings/entries/${otherId}`),
      404,
      'commission.entry_not_found',
      'params.id',
    );
    // The withdrawal preview: the ledger's rules, and the refusal said before confirming.
    const low = await ok<{ problem: { code: string } | null; netFen: number }>(
      await call(t, me, 'GET', '/api/portal/earnings/withdrawal-preview?amountFen=500'),
    );
    expect(low.problem?.code).toBe('ledger.below_minimum');
    const fine = await ok<{ problem: unknown; feeFen: number; taxFen: number; netFen: number }>(
      await call(t, me, 'GET', '/api/portal/earnings/withdrawal-preview?amountFen=10000'),
    );
    expect(fine.problem).toBeNull();
    expect(fine.feeFen + fine.taxFen + fine.netFen).toBe(10_000);
    expectError(await call(t, finance, 'GET', '/api/portal/earnings'), 403, 'auth.forbidden');
  });
});
