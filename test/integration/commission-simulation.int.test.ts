import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/modules/commission/index.js';
import { newId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { makeSku } from './campaigns-support.js';
import {
  activatePlanAt,
  makeDraft,
  makeLeaderAt,
  makeOrder,
  makeRegion,
  moneyCounts,
} from './commission-period-support.js';
import { type Ladder, makeLadder, workedExample } from './commission-support.js';
import { call, expectError, type Res } from './support.js';

/**
 * The simulation (佣金试算) on hand-arranged October orders along the worked-example chain
 * (L0 普通, L1 银牌, L2 银牌, L3 金牌): the active plan's cost is known by hand, a draft with doubled
 * direct rates costs exactly twice on direct entries, chains and levels are those of each payment,
 * nothing is written, bad input is refused naming the field, and a month of 20,000 lines takes seconds.
 */

interface Sim {
  plan: { id: string; version: number };
  baselinePlan: { id: string } | null;
  totals: { lines: number; orders: number; leaders: number; gmvFen: number };
  hasBaseline: boolean;
  draft: { totalFen: number; lineFen: number; periodFen: number; percentOfGmv: number };
  baseline: { totalFen: number; lineFen: number; periodFen: number; percentOfGmv: number };
  diff: { totalFen: number; percentOfGmv: number };
  byRule: Array<{
    rule: string;
    draftFen: number;
    baselineFen: number;
    diffFen: number;
    draftEntries: number;
  }>;
  byLevel: Array<{ levelId: string | null; levelName: string | null; draftFen: number; baselineFen: number }>;
  topEarners: Array<{
    leaderId: string;
    name: string;
    draftFen: number;
    baselineFen: number;
    diffFen: number;
  }>;
  elapsedMs: number;
}

let t: TestApp;
let finance: Session;
let ladder: Ladder;
let activeId: string;
let doubledId: string;
let sameId: string;
let skuId: string;
const L: Record<string, string> = {};
const id = (name: string): string => L[name] ?? '';

const doubled = (l: Ladder): Partial<PlanDocument> => ({
  name: '直推翻倍',
  levels: [
    { levelId: l.putong, directRateBps: 2000, categoryRates: [], skuRates: [], skuFixed: [], teamRateBps: 0 },
    {
      levelId: l.silver,
      directRateBps: 2400,
      categoryRates: [],
      skuRates: [],
      skuFixed: [],
      teamRateBps: 400,
    },
    { levelId: l.gold, directRateBps: 3000, categoryRates: [], skuRates: [], skuFixed: [], teamRateBps: 700 },
  ],
});

async function ok<T>(res: Res, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const rule = (s: Sim, r: string) => s.byRule.find((x) => x.rule === r);

beforeAll(async () => {
  t = await createTestApp();
  const { tdb } = t;
  ladder = await makeLadder(tdb);
  tdb.deps.clock.set('2026-09-01T00:00:00Z');
  const sku = await makeSku(tdb);
  skuId = sku.id;
  const region = await makeRegion(tdb, '西湖区');
  const at = '2026-09-01T00:00:00Z';
  L.L3 = await makeLeaderAt(tdb, { name: 'L3 金牌', regionId: region, createdAt: at, levelId: ladder.gold });
  L.L2 = await makeLeaderAt(tdb, {
    name: 'L2 银牌',
    regionId: region,
    createdAt: at,
    levelId: ladder.silver,
    referrerId: id('L3'),
  });
  L.L1 = await makeLeaderAt(tdb, {
    name: 'L1 银牌',
    regionId: region,
    createdAt: at,
    levelId: ladder.silver,
    referrerId: id('L2'),
  });
  L.L0 = await makeLeaderAt(tdb, {
    name: 'L0 普通',
    regionId: region,
    createdAt: at,
    levelId: ladder.putong,
    referrerId: id('L1'),
  });
  L.X = await makeLeaderAt(tdb, {
    name: 'X 普通',
    regionId: region,
    createdAt: at,
    levelId: ladder.putong,
    referrerId: id('L1'),
  });

  activeId = await activatePlanAt(tdb, workedExample(ladder, { name: '现行方案' }), '2026-09-15T00:00:00Z');
  doubledId = await makeDraft(tdb, workedExample(ladder, doubled(ladder)));
  sameId = await makeDraft(tdb, workedExample(ladder, { name: '与现行相同' }));

  // October: ten ¥100.00 lines through L0, and one of 2 × ¥100.00 with a unit refunded.
  const line = (quantity = 1, refundedQuantity = 0) => [
    { skuId: sku.id, quantity, unitPriceFen: 10_000, refundedQuantity },
  ];
  const campaignId = 'cmp_sim_test';
  for (let i = 0; i < 10; i++) {
    await makeOrder(tdb, {
      campaignId,
      leaderId: id('L0'),
      status: 'paid',
      lines: line(),
      paidAt: `2026-10-${String(i + 2).padStart(2, '0')}T02:00:00Z`,
    });
  }
  await makeOrder(tdb, {
    campaignId,
    leaderId: id('L0'),
    status: 'completed',
    lines: line(2, 1),
    paidAt: '2026-10-12T02:00:00Z',
  });
  // Left out: cancelled, paid after the range (1 November, Beijing), never paid.
  await makeOrder(tdb, {
    campaignId,
    leaderId: id('L0'),
    status: 'cancelled',
    lines: line(),
    paidAt: '2026-10-13T02:00:00Z',
  });
  await makeOrder(tdb, {
    campaignId,
    leaderId: id('L0'),
    status: 'paid',
    lines: line(),
    paidAt: '2026-10-31T16:00:00Z',
  });
  await makeOrder(tdb, { campaignId, leaderId: id('L0'), status: 'pending_payment', lines: line() });

  // X is moved from under L1 to under L3 on 15 October: its orders before and after have other chains.
  await makeOrder(tdb, {
    campaignId,
    leaderId: id('X'),
    status: 'paid',
    lines: line(),
    paidAt: '2026-10-10T02:00:00Z',
  });
  await makeOrder(tdb, {
    campaignId,
    leaderId: id('X'),
    status: 'paid',
    lines: line(),
    paidAt: '2026-10-20T02:00:00Z',
  });
  await tdb.deps.pool.query(
    `UPDATE leader_referrer_periods SET valid_to = '2026-10-15T00:00:00Z' WHERE leader_id = $1 AND valid_to IS NULL`,
    [id('X')],
  );
  await tdb.deps.pool.query(
    `INSERT INTO leader_referrer_periods (id, leader_id, referrer_id, valid_from, cause) VALUES ($1, $2, $3, '2026-10-15T00:00:00Z', 'moved')`,
    [newId('referrerPeriod'), id('X'), id('L3')],
  );
  // L2 becomes 金牌 in November: October's orders still see it as 银牌.
  await tdb.deps.pool.query(
    `INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause) VALUES ($1, $2, $3, $4, '2026-11-01T00:00:00Z', 'override')`,
    [newId('leaderLevelChange'), id('L2'), ladder.silver, ladder.gold],
  );
  await tdb.deps.pool.query('UPDATE leaders SET level_id = $1 WHERE id = $2', [ladder.gold, id('L2')]);

  tdb.deps.clock.set('2026-11-20T00:00:00Z');
  finance = await sessionFor(t, ['finance']);
}, 60_000);
afterAll(() => t.close());

const october = (planId: string) => ({ planId, from: '2026-10-01', to: '2026-10-31' });

describe('simulation (佣金试算)', () => {
  it('recomputes the range under the active plan as the accrual would, and the doubled draft costs exactly twice on direct', async () => {
    const before = await moneyCounts(t.tdb);
    const sim = await ok<Sim>(
      await call(t, finance, 'POST', '/api/commission/simulations', october(doubledId)),
    );
    expect(await moneyCounts(t.tdb)).toEqual(before);

    // 13 lines: L0's 11 (one with 1 of 2 units kept), X's 2. GMV ¥1,300.00.
    expect(sim.totals).toEqual({ lines: 13, orders: 13, leaders: 5, gmvFen: 130_000 });
    expect(sim.baselinePlan?.id).toBe(activeId);
    // Baseline per L0 line: 1,000 + 400 + 40 (peer) + 300 = 1,740; X before the move the same;
    // X after the move (X 普通 → L3 金牌): 1,000 + 700. Total 11 × 1,740 + 1,740 + 1,700 = 22,580.
    expect(sim.baseline.totalFen).toBe(22_580);
    expect(rule(sim, 'direct')).toMatchObject({
      baselineFen: 13_000,
      draftFen: 26_000,
      diffFen: 13_000,
      draftEntries: 13,
    });
    expect(rule(sim, 'direct')?.draftFen).toBe(2 * (rule(sim, 'direct')?.baselineFen ?? -1));
    expect(rule(sim, 'peer')).toMatchObject({ baselineFen: 480, draftFen: 480 });
    expect(rule(sim, 'differential')).toMatchObject({
      baselineFen: 12 * 400 + 12 * 300 + 700,
      draftFen: 9_100,
    });
    expect(sim.draft.totalFen).toBe(22_580 + 13_000);
    expect(sim.diff.totalFen).toBe(13_000);
    expect(sim.baseline.percentOfGmv).toBe(17.37);
    expect(sim.draft.percentOfGmv).toBe(27.37);
    // Per level as of payment: L2 was 银牌 in October (its November 金牌 does not count).
    const level = new Map(sim.byLevel.map((l) => [l.levelId, l.baselineFen]));
    expect(level.get(ladder.putong)).toBe(13_000);
    expect(level.get(ladder.silver)).toBe(12 * 400 + 12 * 40);
    expect(level.get(ladder.gold)).toBe(12 * 300 + 700);
    expect(sim.byLevel[0]).toMatchObject({ levelId: ladder.putong, levelName: '普通团长' });
    expect(sim.topEarners[0]).toMatchObject({
      leaderId: id('L0'),
      draftFen: 22_000,
      baselineFen: 11_000,
      diffFen: 11_000,
    });
    expect(sim.elapsedMs).toBeLessThan(5_000);
  });

  it('a draft equal to the active plan makes no difference', async () => {
    const sim = await ok<Sim>(await call(t, finance, 'POST', '/api/commission/simulations', october(sameId)));
    expect(sim.draft.totalFen).toBe(22_580);
    expect(sim.diff).toEqual({ totalFen: 0, lineFen: 0, periodFen: 0, percentOfGmv: 0 });
    expect(sim.topEarners.every((e) => e.diffFen === 0)).toBe(true);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await moneyCounts(t.tdb);
    const post = (body: object) => call(t, finance, 'POST', '/api/commission/simulations', body);
    expectError(
      await post(october('cpl_missing')),
      404,
      'commission.simulation_plan_not_found',
      'body.planId',
    );
    expectError(await post(october(activeId)), 409, 'commission.simulation_not_draft', 'body.planId');
    expectError(
      await post({ planId: doubledId, from: '2026-10-31', to: '2026-10-01' }),
      400,
      'commission.simulation_range_invalid',
      'body.to',
    );
    expectError(
      await post({ planId: doubledId, from: '2025-01-01', to: '2026-10-01' }),
      400,
      'commission.simulation_range_invalid',
      'body.to',
    );
    expectError(
      await post({ planId: doubledId, from: '2026-10', to: '2026-10-31' }),
      400,
      'request.invalid',
      'body.from',
    );
    expectError(await post({ planId: doubledId, from: '2026-10-01' }), 400, 'request.invalid');
    expectError(await post({ ...october(doubledId), extra: true }), 400, 'request.invalid');
    const operator = await sessionFor(t, ['operator']);
    expectError(
      await call(t, operator, 'POST', '/api/commission/simulations', october(doubledId)),
      403,
      'auth.forbidden',
    );
    const after = await moneyCounts(t.tdb);
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it('simulates a month of 20,000 lines in seconds', async () => {
    const { tdb } = t;
    // 40 more leaders under L0 … L3, and 20,000 one-line orders paid through them in December.
    const region = await makeRegion(tdb, '余杭区');
    const parents = [id('L0'), id('L1'), id('L2'), id('L3')];
    const sellers: string[] = [];
    for (let i = 0; i < 40; i++) {
      sellers.push(
        await makeLeaderAt(tdb, {
          name: `批量团长${i}`,
          regionId: region,
          createdAt: '2026-09-01T00:00:00Z',
          levelId: ladder.putong,
          referrerId: parents[i % 4] ?? null,
        }),
      );
    }
    await tdb.deps.pool.query(
      `WITH g AS (
         SELECT n, 'ord_bulk_' || lpad(n::text, 6, '0') AS oid, ($1::text[])[1 + n % 40] AS leader,
                timestamptz '2026-11-30T16:00:00Z' + (n * interval '2 minutes') AS paid
         FROM generate_series(1, 20000) n
       ), o AS (
         INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
           pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
         SELECT oid, 'cmp_bulk', leader, 'cus_test', 'pp_test', 'paid', 2990, 1, '123456', oid, paid, paid, paid FROM g
       ), l AS (
         INSERT INTO order_lines (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
         SELECT 'oln_bulk_' || lpad(n::text, 6, '0'), oid, 'cmi_bulk', $2, 'wh_test', 1, 2990, 2990 FROM g
       )
       INSERT INTO order_payments (id, order_id, provider, amount_fen, reference, paid_at)
       SELECT 'pay_bulk_' || lpad(n::text, 6, '0'), oid, 'offline', 2990, 'bulk', paid FROM g`,
      [sellers, skuId],
    );
    tdb.deps.clock.set('2027-01-05T00:00:00Z');
    finance = await sessionFor(t, ['finance']);
    const started = Date.now();
    const sim = await ok<Sim>(
      await call(t, finance, 'POST', '/api/commission/simulations', {
        planId: doubledId,
        from: '2026-12-01',
        to: '2026-12-31',
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(sim.totals.lines).toBe(20_000);
    expect(sim.totals.gmvFen).toBe(20_000 * 2990);
    // ¥29.90 × 10% = 299 per line; doubled 598.
    expect(rule(sim, 'direct')).toMatchObject({ baselineFen: 20_000 * 299, draftFen: 20_000 * 598 });
    expect(seconds).toBeLessThan(15);
    console.info(`simulation of 20,000 lines: ${seconds.toFixed(2)} s (server ${sim.elapsedMs} ms)`);
  }, 120_000);
});
