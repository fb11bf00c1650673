import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blankPlan,
  freezeAndSettle,
  type PlanDocument,
  registerCommissionAccrualSubscribers,
  runRecruitCheck,
} from '../../src/modules/commission/index.js';
import { registerLeaderNetworkSubscribers } from '../../src/modules/leaders/index.js';
import { balancesOf, checkInvariants, leaderStatement } from '../../src/modules/ledger/index.js';
import { completedOrderFacts } from '../../src/modules/orders/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { newId } from '../../src/platform/ids.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { activatePlanAt, makeLeaderAt, makeOrder, makeRegion } from './commission-period-support.js';

/**
 * A recruit bonus (推荐奖) written, even settled, is taken back when a later refund leaves the
 * recruit's qualifying sales below the threshold (issue 16 part 13): clawed back from the referrer
 * once settled, voided before; exactly once, however often the refund's event comes; and a refund
 * that leaves the sales at or above the threshold changes nothing. Refunds go through the real
 * `order.refunded` subscribers (the money path's and the sales roll-up's).
 */
let tdb: TestDb;
const BONUS = 5_000;
const THRESHOLD = 100_000;

let referrer: string;
let clawed: string;
let kept: string;
let unsettled: string;
const orders: Record<string, { orderId: string; lineIds: string[] }> = {};

beforeAll(async () => {
  tdb = await createTestDb();
  registerCommissionAccrualSubscribers(tdb.deps);
  registerLeaderNetworkSubscribers(tdb.deps, completedOrderFacts);
});
afterAll(() => tdb.close());

const q = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await tdb.deps.pool.query<R>(text, params)).rows;

async function bonusOf(recruitId: string) {
  const [row] = await q<{
    id: string;
    status: string;
    amount_fen: number;
    voided_fen: number;
    clawed_back_fen: number;
  }>(
    `SELECT id, status, amount_fen::int, voided_fen::int, clawed_back_fen::int FROM commission_entries
     WHERE key = $1`,
    [`recruit_bonus:${recruitId}`],
  );
  return row;
}

const transferCount = async () =>
  (await q<{ n: number }>('SELECT count(*)::int AS n FROM ledger_transfers'))[0]?.n;

/** Refunds `quantity` units of the order's first line as the orders module records it, then delivers. */
async function refund(order: { orderId: string; lineIds: string[] }, quantity: number, unitFen: number) {
  const { deps } = tdb;
  const refundId = newId('refund');
  const now = deps.clock.now();
  const amountFen = quantity * unitFen;
  const [o] = await q<{ total_fen: number; leader_id: string }>(
    'SELECT total_fen::int, leader_id FROM orders WHERE id = $1',
    [order.orderId],
  );
  const fully = amountFen >= (o?.total_fen ?? 0);
  await deps.pool.query(
    `INSERT INTO order_refunds (id, order_id, kind, provider, reference, amount_fen, reason, fully_refunded,
       idempotency_key, request_hash, created_at)
     VALUES ($1, $2, 'refund', 'offline', '原路退回', $3, '售后退款', $4, $1, 'h', $5)`,
    [refundId, order.orderId, amountFen, fully, now.toISOString()],
  );
  await deps.pool.query(
    'INSERT INTO order_refund_lines (refund_id, order_line_id, quantity, amount_fen) VALUES ($1, $2, $3, $4)',
    [refundId, order.lineIds[0], quantity, amountFen],
  );
  const payload = {
    refundId,
    orderId: order.orderId,
    leaderId: o?.leader_id,
    campaignId: 'cmp_recruit_refund',
    amountFen,
    fully,
    lines: [{ orderLineId: order.lineIds[0], skuId: 'sku_test', quantity, amountFen }],
    at: now.toISOString(),
  };
  await publishRefunded(order.orderId, payload);
  return refundId;
}

async function publishRefunded(orderId: string, payload: unknown) {
  const { deps } = tdb;
  await deps.db.transaction((tx) =>
    deps.bus.publish(tx, { type: 'order.refunded', aggregateType: 'order', aggregateId: orderId, payload }),
  );
  await deps.bus.drain();
  const stuck = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_deliveries WHERE status <> 'delivered'`,
  );
  expect(stuck[0]?.n).toBe(0);
}

async function expectInvariantsOk() {
  const report = await checkInvariants(tdb.deps.db, CAUSE_TYPES);
  expect(report.problems).toEqual([]);
}

describe('recruit bonus taken back by a later refund', () => {
  it('awards and settles three bonuses', async () => {
    const region = await makeRegion(tdb, '扣回区');
    const plan: PlanDocument = {
      ...blankPlan([], '推荐扣回方案'),
      recruit: { thresholdFen: THRESHOLD, withinDays: 30, bonusFen: BONUS, rateBps: 0, rateDays: 0 },
    };
    await activatePlanAt(tdb, plan, '2026-02-01T00:00:00Z');
    referrer = await makeLeaderAt(tdb, {
      name: '推荐人',
      regionId: region,
      createdAt: '2026-01-01T02:00:00Z',
    });
    const recruit = (name: string) =>
      makeLeaderAt(tdb, { name, regionId: region, createdAt: '2026-02-02T02:00:00Z', referrerId: referrer });
    clawed = await recruit('新人甲');
    kept = await recruit('新人乙');
    unsettled = await recruit('新人丙');
    const order = (leaderId: string, quantity: number, unitPriceFen: number, completedAt: string) =>
      makeOrder(tdb, {
        campaignId: 'cmp_recruit_refund',
        leaderId,
        status: 'completed',
        lines: [{ skuId: 'sku_test', quantity, unitPriceFen }],
        completedAt,
      });
    // 新人甲: one order of exactly the threshold. 新人乙: 80,000 + 2 × 30,000 = 140,000.
    orders.clawed = await order(clawed, 1, THRESHOLD, '2026-02-10T04:00:00Z');
    orders.kept1 = await order(kept, 1, 80_000, '2026-02-10T04:00:00Z');
    orders.kept2 = await order(kept, 2, 30_000, '2026-02-10T04:00:00Z');

    // Final eight days after completion: both earn the referrer the bonus, settled the next day.
    tdb.deps.clock.set('2026-02-19T00:00:00Z');
    expect(await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual')).toMatchObject({ awarded: 2 });
    tdb.deps.clock.set('2026-02-20T01:00:00Z');
    await freezeAndSettle(tdb.deps, SYSTEM_ACTOR, '2026-02-19', 'manual');
    expect(await bonusOf(clawed)).toMatchObject({ status: 'settled', amount_fen: BONUS });
    expect(await bonusOf(kept)).toMatchObject({ status: 'settled', amount_fen: BONUS });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({ availableFen: 2 * BONUS, pendingFen: 0 });

    // 新人丙's order completes later; their bonus is written but not settled yet.
    orders.unsettled = await order(unsettled, 1, 120_000, '2026-02-20T04:00:00Z');
    tdb.deps.clock.set('2026-02-28T00:00:00Z');
    expect(await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual')).toMatchObject({ awarded: 1 });
    expect(await bonusOf(unsettled)).toMatchObject({ status: 'final', amount_fen: BONUS });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({
      availableFen: 2 * BONUS,
      pendingFen: BONUS,
    });
    await expectInvariantsOk();
  });

  it('changes nothing when the refund leaves the recruit at or above the threshold', async () => {
    tdb.deps.clock.set('2026-03-02T02:00:00Z');
    const before = await transferCount();
    // 新人乙 gives back one unit: 140,000 − 30,000 = 110,000, still above 100,000.
    await refund(orders.kept2 as { orderId: string; lineIds: string[] }, 1, 30_000);
    expect(await transferCount()).toBe(before);
    expect(await bonusOf(kept)).toMatchObject({ status: 'settled', clawed_back_fen: 0, voided_fen: 0 });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({ availableFen: 2 * BONUS });
  });

  it('claws a settled bonus back from the referrer once, naming the recruit and the order', async () => {
    tdb.deps.clock.set('2026-03-03T02:00:00Z');
    const order = orders.clawed as { orderId: string; lineIds: string[] };
    const refundId = await refund(order, 1, THRESHOLD);
    const entry = await bonusOf(clawed);
    expect(entry).toMatchObject({ status: 'settled', clawed_back_fen: BONUS, voided_fen: 0 });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({
      availableFen: BONUS,
      pendingFen: BONUS,
      owedFen: 0,
    });
    const adj = await q<Record<string, unknown>>(
      `SELECT refund_id, order_id, beneficiary_id, kind, amount_fen::int, from_available_fen::int, to_owed_fen::int
       FROM commission_entry_adjustments WHERE entry_id = $1`,
      [entry?.id],
    );
    expect(adj).toEqual([
      {
        refund_id: refundId,
        order_id: order.orderId,
        beneficiary_id: referrer,
        kind: 'clawback',
        amount_fen: BONUS,
        from_available_fen: BONUS,
        to_owed_fen: 0,
      },
    ]);
    const [transfer] = await q<{ key: string; memo: string }>(
      'SELECT key, memo FROM ledger_transfers WHERE cause_id = $1 AND key LIKE $2',
      [entry?.id, 'claw:%'],
    );
    expect(transfer?.key).toBe(`claw:recruit_bonus:${clawed}:${refundId}:available`);
    expect(transfer?.memo).toContain('新人甲');
    expect(transfer?.memo).toContain(order.orderId);
    const statement = await leaderStatement(tdb.deps.db, referrer, '2026-03');
    expect(statement.summary.clawbacksFen).toBe(BONUS);
    await expectInvariantsOk();

    // The refund's event again, and a second refund's worth of nothing: no change.
    const count = await transferCount();
    await publishRefunded(order.orderId, {
      refundId,
      orderId: order.orderId,
      leaderId: clawed,
      campaignId: 'cmp_recruit_refund',
      amountFen: THRESHOLD,
      fully: true,
      lines: [],
      at: tdb.deps.clock.now().toISOString(),
    });
    expect(await transferCount()).toBe(count);
    expect(await bonusOf(clawed)).toMatchObject({ clawed_back_fen: BONUS });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({ availableFen: BONUS });

    // The daily check does not award the bonus again.
    expect(await runRecruitCheck(tdb.deps, SYSTEM_ACTOR, 'manual')).toMatchObject({ awarded: 0 });
    await expectInvariantsOk();
  });

  it('voids a bonus not settled yet', async () => {
    tdb.deps.clock.set('2026-03-03T03:00:00Z');
    // 新人丙 gives back the whole order after its after-sales window (a manual after-sales refund).
    await refund(orders.unsettled as { orderId: string; lineIds: string[] }, 1, 120_000);
    expect(await bonusOf(unsettled)).toMatchObject({
      status: 'voided',
      voided_fen: BONUS,
      clawed_back_fen: 0,
    });
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({ availableFen: BONUS, pendingFen: 0 });
    // The next settlement has nothing of it to settle.
    tdb.deps.clock.set('2026-03-04T01:00:00Z');
    await freezeAndSettle(tdb.deps, SYSTEM_ACTOR, '2026-03-03', 'manual');
    expect(await balancesOf(tdb.deps.db, referrer)).toMatchObject({ availableFen: BONUS, pendingFen: 0 });
    await expectInvariantsOk();
  });
});
