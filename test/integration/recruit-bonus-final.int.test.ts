import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPlan, type PlanDocument, runRecruitCheck } from '../../src/modules/commission/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { activatePlanAt, makeLeaderAt, makeOrder, makeRegion } from './commission-period-support.js';

/**
 * The recruit bonus (推荐奖) rests on final sales only (issue 16 part 13): an order counts once its
 * after-sales window (7 days by default) has passed, so a qualifying order refunded inside that window
 * never earns the bonus; and recruits approved before the plan was activated, whose window was still
 * open then, are checked under it.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

async function recruitEntries() {
  const r = await tdb.deps.pool.query<{
    key: string;
    beneficiary_id: string;
    amount_fen: string;
    status: string;
  }>(
    "SELECT key, beneficiary_id, amount_fen, status FROM commission_entries WHERE rule = 'recruit_bonus' ORDER BY key",
  );
  return r.rows.map((x) => [x.key, x.beneficiary_id, Number(x.amount_fen), x.status]);
}

describe('recruit bonus on final sales', () => {
  it('waits for the after-sales window, never pays on a refunded order, and checks recruits who joined before the plan', async () => {
    const region = await makeRegion(tdb, '推荐区');
    const referrer = await makeLeaderAt(tdb, {
      name: '推荐人',
      regionId: region,
      createdAt: '2026-01-01T02:00:00Z',
    });
    // Both recruits joined on 1 February, before the plan (activated 10 February).
    const kept = await makeLeaderAt(tdb, {
      name: '新人甲',
      regionId: region,
      createdAt: '2026-02-01T02:00:00Z',
      referrerId: referrer,
    });
    const refunded = await makeLeaderAt(tdb, {
      name: '新人乙',
      regionId: region,
      createdAt: '2026-02-01T02:00:00Z',
      referrerId: referrer,
    });
    const plan: PlanDocument = {
      ...blankPlan([], '推荐方案'),
      recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 0 },
    };
    await activatePlanAt(tdb, plan, '2026-02-10T00:00:00Z');
    const line = [{ skuId: 'sku_test', quantity: 1, unitPriceFen: 100_000 }];
    for (const leaderId of [kept, refunded])
      await makeOrder(tdb, {
        campaignId: 'cmp_recruit_final',
        leaderId,
        status: 'completed',
        lines: line,
        completedAt: '2026-02-15T04:00:00Z',
      });

    // Two days after completion both orders are inside their after-sales window: nothing yet.
    tdb.deps.clock.set('2026-02-17T00:00:00Z');
    const early = await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual');
    expect(early).toMatchObject({ checked: 2, awarded: 0 });
    expect(await recruitEntries()).toEqual([]);

    // 新人乙's order is refunded inside its window (the roll-up nets it out).
    await tdb.deps.pool.query('UPDATE leader_sales_orders SET refunded_fen = gmv_fen WHERE leader_id = $1', [
      refunded,
    ]);

    // Eight days after completion the orders are final: 新人甲 earns the referrer the bonus, 新人乙 not.
    tdb.deps.clock.set('2026-02-23T00:00:00Z');
    const due = await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual');
    expect(due).toMatchObject({ checked: 2, awarded: 1 });
    expect(await recruitEntries()).toEqual([[`recruit_bonus:${kept}`, referrer, 5_000, 'final']]);

    // Once only.
    tdb.deps.clock.set('2026-02-24T00:00:00Z');
    expect(await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual')).toMatchObject({ awarded: 0 });
    expect(await recruitEntries()).toHaveLength(1);
  });
});
