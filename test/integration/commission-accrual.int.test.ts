import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCampaigns } from '../../src/modules/campaigns/index.js';
import { loadLevelHistory, loadUplinesAt } from '../../src/modules/commission/accrual/accrual.queries.js';
import { levelAt } from '../../src/modules/commission/accrual/accrual-math.js';
import {
  freezeAndSettle,
  freezeDue,
  recomputeOrder,
  recordOrderProgressTx,
  registerCommissionAccrualSubscribers,
} from '../../src/modules/commission/index.js';
import { getUplineChain, levelsAt, regions } from '../../src/modules/leaders/index.js';
import {
  balancesOf,
  checkInvariants,
  requestWithdrawalTx,
  setPayoutAccountTx,
} from '../../src/modules/ledger/index.js';
import { refundOrder, registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { localDate } from '../../src/platform/business-time.js';
import { newId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { type Ladder, makeLadder, workedExample } from './commission-support.js';
import { arrangeSale, newPhone, type Sale } from './orders-support.js';
import { call, expectError, expectNothingWritten } from './support.js';

/**
 * The money path end to end (佣金入账 → 作废 → 确认 → 结算 → 扣回): orders paid through the API accrue
 * their commission under the plan, chain and levels of the payment moment; refunds void in
 * proportion before settlement and claw back after it (owed when available is short, repaid at the
 * next settlement); the freeze waits for the after-sales window; the T+1 settlement posts once. The
 * ledger's invariants are checked after every step. Figures are computed by hand in the comments.
 */
let t: TestApp;
let admin: Session;
let ladder: Ladder;
let regionId: string;

const DAY = 86_400_000;
const deps = () => t.tdb.deps;
const q = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await deps().pool.query<R>(text, params)).rows;

beforeAll(async () => {
  // The clock moves by weeks; sessions must outlive that.
  t = await createTestApp({ config: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
  registerOrderSubscribers(deps());
  registerCommissionAccrualSubscribers(deps());
  admin = await sessionFor(t, ['admin']);
  ladder = await makeLadder(t.tdb);
  regionId = newId('region');
  await deps()
    .db.insert(regions)
    .values({
      id: regionId,
      code: `CA${Math.random().toString(36).slice(2, 6)}`,
      name: '西湖区',
      level: 'district',
      createdAt: deps().clock.now(),
    });
  const draft = await call(t, admin, 'POST', '/api/commission/plans', {});
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json().id as string;
  const put = await call(t, admin, 'PUT', `/api/commission/plans/${id}`, workedExample(ladder));
  expect(put.statusCode, put.body).toBe(200);
  const act = await call(t, admin, 'POST', `/api/commission/plans/${id}/activate`);
  expect(act.statusCode, act.body).toBe(200);
});
afterAll(() => t.close());

async function expectInvariantsOk() {
  const report = await checkInvariants(deps().db, CAUSE_TYPES);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

async function drain() {
  await deps().bus.drain();
  const dead = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_deliveries WHERE status <> 'delivered' AND subscriber LIKE 'commission.%'`,
  );
  expect(dead[0]?.n).toBe(0);
}

interface Leader {
  id: string;
  code: string;
  phone: string;
  pickupPointId: string;
}

/** A leader through the API (with their first pickup point), under `referrerId`, then set to `levelId`. */
async function leader(name: string, levelId: string, referrerId: string | null = null): Promise<Leader> {
  const phone = newPhone();
  const res = await call(t, admin, 'POST', '/api/leaders', {
    name,
    phone,
    regionId,
    referrerId,
    pickupPoint: { name: `${name}的自提点`, address: '文三路 1 号' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { id: string; code: string; pickupPoints: { id: string }[] };
  if (levelId !== ladder.putong) {
    const lv = await call(t, admin, 'POST', `/api/leaders/${body.id}/level`, { levelId, reason: '测试调级' });
    expect(lv.statusCode, lv.body).toBe(200);
  }
  return { id: body.id, code: body.code, phone, pickupPointId: body.pickupPoints[0]?.id ?? '' };
}

/** The chain 普通 → 银牌 → 银牌 → 金牌 of the worked example (L0 first). */
async function workedChain(tag: string): Promise<Leader[]> {
  const l3 = await leader(`${tag}金牌`, ladder.gold);
  const l2 = await leader(`${tag}银牌二`, ladder.silver, l3.id);
  const l1 = await leader(`${tag}银牌一`, ladder.silver, l2.id);
  const l0 = await leader(`${tag}团长`, ladder.putong, l1.id);
  return [l0, l1, l2, l3];
}

let keySeq = 0;
/** Places an order through the API with L0's share code and pays it offline (mark paid). */
async function payOrder(sale: Sale, l0: Leader, quantity: number, phone = newPhone()) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `accrual-${Date.now()}-${++keySeq}` },
    payload: {
      campaignId: sale.campaignId,
      leaderCode: l0.code,
      pickupPointId: l0.pickupPointId,
      customer: { phone, name: '小陈' },
      items: [{ itemId: sale.itemId, quantity }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json().order as { id: string; pickupCode: string };
  const paid = await call(t, admin, 'POST', `/api/orders/${order.id}/mark-paid`, { reference: '转账 0042' });
  expect(paid.statusCode, paid.body).toBe(204);
  await drain();
  const [line] = await q<{ id: string }>('SELECT id FROM order_lines WHERE order_id = $1', [order.id]);
  return { id: order.id, pickupCode: order.pickupCode, lineId: line?.id ?? '' };
}

async function refund(orderId: string, lineId: string, quantity: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/refunds`,
    headers: { ...admin.headers, 'idempotency-key': `refund-${Date.now()}-${++keySeq}` },
    payload: {
      reason: '顾客退货',
      whole: false,
      lines: [{ orderLineId: lineId, quantity }],
      reference: '原路退回',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  await drain();
  return (res.json() as { refund: { id: string } }).refund;
}

type EntryRow = {
  id: string;
  key: string;
  beneficiary_id: string;
  rule: string;
  amount_fen: number;
  voided_fen: number;
  clawed_back_fen: number;
  status: string;
  plan_version: number;
};

const entriesOf = (orderId: string) =>
  q<EntryRow>(
    `SELECT id, key, beneficiary_id, rule, amount_fen::int, voided_fen::int, clawed_back_fen::int, status, plan_version
     FROM commission_entries WHERE order_id = $1 ORDER BY chain_position, rule`,
    [orderId],
  );

const transferCount = async () =>
  (await q<{ n: number }>('SELECT count(*)::int AS n FROM ledger_transfers'))[0]?.n;

/** Ships, delivers and hands over (pickup code) every paid order of the sale, then completes `orderIds`. */
async function fulfil(sale: Sale, l0: Leader, orders: { id: string; pickupCode: string }[]) {
  // The campaign closes at its cutoff (the clock), its paid orders are confirmed, then shipped.
  const [c] = await q<{ cutoff_at: Date }>('SELECT cutoff_at FROM campaigns WHERE id = $1', [
    sale.campaignId,
  ]);
  if (c && deps().clock.now() < c.cutoff_at) deps().clock.set(new Date(c.cutoff_at.getTime() + 60_000));
  await advanceCampaigns(deps());
  await drain();
  const shipped = await call(t, admin, 'POST', '/api/orders/ship', { campaignId: sale.campaignId });
  expect(shipped.statusCode, shipped.body).toBe(200);
  const delivered = await call(t, admin, 'POST', '/api/orders/deliver', {
    campaignId: sale.campaignId,
    pickupPointId: l0.pickupPointId,
  });
  expect(delivered.statusCode, delivered.body).toBe(200);
  for (const o of orders) {
    const v = await call(t, admin, 'POST', '/api/orders/verify-pickup', {
      pickupPointId: l0.pickupPointId,
      pickupCode: o.pickupCode,
    });
    expect(v.statusCode, v.body).toBe(200);
    const done = await call(t, admin, 'POST', `/api/orders/${o.id}/complete`);
    expect(done.statusCode, done.body).toBe(204);
  }
  await drain();
}

describe('accrual at payment', () => {
  let chain: Leader[];
  let sale: Sale;
  let order: { id: string; pickupCode: string; lineId: string };

  it('pays the issue’s worked example: 普通 → 银牌 → 银牌 → 金牌 gives 1,000 / 400 / 40 / 300 fen', async () => {
    sale = await arrangeSale(t.tdb, { priceFen: 10_000, limit: 10 });
    chain = await workedChain('例');
    deps().clock.advance(60_000);
    order = await payOrder(sale, chain[0] as Leader, 1);
    const rows = await entriesOf(order.id);
    const [l0, l1, l2, l3] = chain.map((c) => c.id);
    // L0 direct 10% × 10,000; L1 4% − 0% = 400; L2 no differential, peer 10% × 400 = 40; L3 7% − 4% = 300.
    expect(rows.map((r) => [r.beneficiary_id, r.rule, r.amount_fen, r.status])).toEqual([
      [l0, 'direct', 1000, 'estimated'],
      [l1, 'differential', 400, 'estimated'],
      [l2, 'peer', 40, 'estimated'],
      [l3, 'differential', 300, 'estimated'],
    ]);
    // Each entry is accrued by its own transfer (commission expense → the beneficiary's pending), keyed
    // by the entry's cause (order line, rule, chain position, beneficiary) under the kind `accrual`.
    const legs = await q<{
      key: string;
      amount_fen: number;
      debit: string;
      credit: string;
      cause_type: string;
      cause_id: string;
    }>(
      `SELECT t.key, t.amount_fen::int, d.code AS debit, c.code AS credit, t.cause_type, t.cause_id FROM ledger_transfers t
       JOIN ledger_accounts d ON d.id = t.debit_account_id JOIN ledger_accounts c ON c.id = t.credit_account_id
       WHERE t.cause_id IN (SELECT id FROM commission_entries WHERE order_id = $1) ORDER BY t.amount_fen DESC`,
      [order.id],
    );
    expect(legs).toHaveLength(4);
    const [{ id: lineId } = { id: '' }] = await q<{ id: string }>(
      'SELECT DISTINCT order_line_id AS id FROM commission_entries WHERE order_id = $1',
      [order.id],
    );
    for (const [position, e] of rows.entries()) {
      expect(e.key).toBe(`line:${lineId}:${e.rule}:${position}:${e.beneficiary_id}`);
      expect(legs.find((leg) => leg.cause_id === e.id)).toEqual({
        key: `accrual:${e.key}`,
        amount_fen: e.amount_fen,
        debit: 'company:commission_expense',
        credit: `leader:${e.beneficiary_id}:pending`,
        cause_type: 'commission_entry',
        cause_id: e.id,
      });
    }
    expect((await balancesOf(deps().db, l0 as string)).pendingFen).toBe(1000);
    expect((await balancesOf(deps().db, l2 as string)).pendingFen).toBe(40);
    await expectInvariantsOk();
  });

  it('explains an entry in Chinese and English through the API', async () => {
    const [direct] = await entriesOf(order.id);
    const res = await call(t, admin, 'GET', `/api/commission/entries/${direct?.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.explanation.zh).toContain('本单实付 ¥100.00，¥100.00 × 10%');
    expect(body.explanation.zh).toContain('= ¥10.00');
    expect(body.explanation.en).toContain('Direct commission');
    expect(body.transfers).toHaveLength(1);
    expect(body.transfers[0]).toMatchObject({ amountFen: 1000, entryCount: null, entryShareFen: null });
    const list = await call(t, admin, 'GET', `/api/commission/entries?orderId=${order.id}`);
    expect(list.json().total).toBe(4);
    expect(list.json().sums.amountFen).toBe(1740);
    const filtered = await call(
      t,
      admin,
      'GET',
      `/api/commission/entries?leaderId=${chain[2]?.id}&rule=peer`,
    );
    expect(filtered.json().items.map((e: { amountFen: number }) => e.amountFen)).toEqual([40]);
  });

  it('a delivery of the same event, or a recompute, writes nothing new', async () => {
    const before = await transferCount();
    const entries = (await q<{ n: number }>('SELECT count(*)::int AS n FROM commission_entries'))[0]?.n;
    const res = await call(t, admin, 'POST', `/api/commission/orders/${order.id}/recompute`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orders: 1, lines: 1, computed: 4, inserted: 0, posted: 0 });
    // The event again, as a redelivery would hand it over.
    await deps().db.transaction((tx) =>
      deps().bus.publish(tx, {
        type: 'order.paid',
        aggregateType: 'order',
        aggregateId: order.id,
        payload: {},
      }),
    );
    await drain();
    expect(await transferCount()).toBe(before);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM commission_entries'))[0]?.n).toBe(entries);
    const audit = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'commission.recompute_order'`,
      [order.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('levels and referrers changed after payment do not change what the order earned', async () => {
    const [l0, l1, l2, l3] = chain as [Leader, Leader, Leader, Leader];
    deps().clock.advance(60_000);
    // L1 moves to the top (L0's chain is now L0 → L1), L3 falls to 普通.
    const moved = await call(t, admin, 'POST', `/api/leaders/${l1.id}/move-referrer`, {
      referrerId: null,
      reason: '区域调整',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const lv = await call(t, admin, 'POST', `/api/leaders/${l3.id}/level`, {
      levelId: ladder.putong,
      reason: '降级',
    });
    expect(lv.statusCode, lv.body).toBe(200);
    const before = await entriesOf(order.id);
    const res = await call(t, admin, 'POST', `/api/commission/orders/${order.id}/recompute`);
    expect(res.json()).toMatchObject({ computed: 4, inserted: 0, posted: 0 });
    expect(await entriesOf(order.id)).toEqual(before);
    // An order paid now is computed along the new chain: L0 direct 1,000, L1 4% → 400, nobody above.
    deps().clock.advance(60_000);
    const later = await payOrder(sale, l0, 1);
    expect((await entriesOf(later.id)).map((r) => [r.beneficiary_id, r.rule, r.amount_fen])).toEqual([
      [l0.id, 'direct', 1000],
      [l1.id, 'differential', 400],
    ]);
    expect(l2.id).not.toBe(l3.id);
    await expectInvariantsOk();
  });

  it('reads chains and levels as of a moment exactly as the leaders module does', async () => {
    const [l0] = chain as [Leader];
    const moments = [
      new Date(deps().clock.now().getTime() - 3 * 60_000),
      new Date(deps().clock.now().getTime() - 30 * 60_000),
      deps().clock.now(),
    ];
    const ids = chain.map((c) => c.id);
    const history = await loadLevelHistory(deps().db, ids);
    for (const at of moments) {
      const ours = await loadUplinesAt(deps().db, [{ leaderId: l0.id, at }], 3);
      const theirs = await getUplineChain(deps().db, l0.id, { at, maxDepth: 3 });
      expect(ours.get(`${l0.id}|${at.toISOString()}`)).toEqual(theirs.map((u) => u.leaderId));
      const levels = await levelsAt(deps().db, ids, at);
      for (const id of ids) expect(levelAt(history.get(id), at)).toBe(levels.get(id) ?? null);
    }
  });

  it('computes under the plan active at payment; a self-purchase earns no direct commission when the plan says so', async () => {
    const [l0] = chain as [Leader];
    const copy = await call(t, admin, 'POST', '/api/commission/plans', { copyFrom: 'active' });
    const id = copy.json().id as string;
    const doc = { ...workedExample(ladder), name: '不计自购', selfPurchaseEarnsDirect: false };
    expect((await call(t, admin, 'PUT', `/api/commission/plans/${id}`, doc)).statusCode).toBe(200);
    expect((await call(t, admin, 'POST', `/api/commission/plans/${id}/activate`)).statusCode).toBe(200);
    deps().clock.advance(60_000);
    const own = await payOrder(sale, l0, 1, l0.phone);
    const rows = await entriesOf(own.id);
    expect(rows.map((r) => r.rule)).toEqual(['differential']);
    expect(rows[0]?.plan_version).toBe(2);
    // The first order keeps version 1's entries.
    expect((await entriesOf(order.id)).every((r) => r.plan_version === 1)).toBe(true);
    await expectInvariantsOk();
  });

  it('refuses a recompute of an unknown or unpaid order, writing nothing', async () => {
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'POST', '/api/commission/orders/ord_doesnotexist/recompute'),
    );
    expectError(res, 404, 'commission.order_not_found', 'params.id');
  });
});

describe('refunds before settlement', () => {
  it('voids in proportion: one unit, then the other two; the voids sum to the entries', async () => {
    const sale = await arrangeSale(t.tdb, { priceFen: 990, limit: 10 });
    const chain = await workedChain('退');
    deps().clock.advance(60_000);
    const order = await payOrder(sale, chain[0] as Leader, 3);
    // Line 2,970: direct 297, L1 4% → 119 (118.8 half up), L2 peer 10% × 119 → 12 (11.9), L3 3% → 89 (89.1).
    const before = await entriesOf(order.id);
    expect(before.map((r) => r.amount_fen)).toEqual([297, 119, 12, 89]);
    const r1 = await refund(order.id, order.lineId, 1);
    const after1 = await entriesOf(order.id);
    // A third of what is left: 99, 40 (39.67), 4, 30 (29.67).
    expect(after1.map((r) => r.voided_fen)).toEqual([99, 40, 4, 30]);
    expect(after1.every((r) => r.status === 'estimated')).toBe(true);
    await expectInvariantsOk();
    await refund(order.id, order.lineId, 2);
    const after2 = await entriesOf(order.id);
    expect(after2.map((r) => r.voided_fen)).toEqual(before.map((r) => r.amount_fen));
    expect(after2.every((r) => r.status === 'voided')).toBe(true);
    for (const l of chain) expect((await balancesOf(deps().db, l.id)).pendingFen).toBe(0);
    const keys = await q<{ key: string }>(`SELECT key FROM ledger_transfers WHERE key LIKE $1`, [
      `void:${before[0]?.key}:%`,
    ]);
    expect(keys.map((k) => k.key).sort()).toContain(`void:${before[0]?.key}:${r1.id}`);
    // The refund's event again changes nothing.
    const count = await transferCount();
    await deps().db.transaction((tx) =>
      deps().bus.publish(tx, {
        type: 'order.refunded',
        aggregateType: 'order',
        aggregateId: order.id,
        payload: {},
      }),
    );
    await drain();
    expect(await transferCount()).toBe(count);
    await expectInvariantsOk();
  });
});

describe('freeze, T+1 settlement and clawback', () => {
  let sale: Sale;
  let chain: Leader[];
  let a: { id: string; pickupCode: string; lineId: string };
  let b: { id: string; pickupCode: string; lineId: string };
  let pickedUpAt: Date;

  it('freezes only after the after-sales window has passed since pickup', async () => {
    // ¥200.00 a unit: L0 direct 2,000, L1 800, L2 peer 80, L3 600 (3,480 in all).
    sale = await arrangeSale(t.tdb, { priceFen: 20_000, limit: 10 });
    chain = await workedChain('结');
    deps().clock.advance(60_000);
    a = await payOrder(sale, chain[0] as Leader, 1);
    b = await payOrder(sale, chain[0] as Leader, 1, newPhone());
    await fulfil(sale, chain[0] as Leader, [a]);
    const [p] = await q<{ picked_up_at: Date; completed_at: Date }>(
      'SELECT picked_up_at, completed_at FROM commission_orders WHERE order_id = $1',
      [a.id],
    );
    expect(p?.picked_up_at).toBeInstanceOf(Date);
    expect(p?.completed_at).toBeInstanceOf(Date);
    pickedUpAt = p?.picked_up_at as Date;
    deps().clock.set(new Date(pickedUpAt.getTime() + 7 * DAY - 60_000));
    expect((await freezeDue(deps(), SYSTEM_ACTOR)).entries).toBe(0);
    expect((await entriesOf(a.id)).every((r) => r.status === 'estimated')).toBe(true);
    deps().clock.set(new Date(pickedUpAt.getTime() + 7 * DAY));
    const frozen = await freezeDue(deps(), SYSTEM_ACTOR);
    expect(frozen).toMatchObject({ orders: 1, entries: 4, afterSalesDays: 7 });
    const rows = await q<{ status: string; final_at: Date }>(
      'SELECT status, final_at FROM commission_entries WHERE order_id = $1',
      [a.id],
    );
    expect(
      rows.every((r) => r.status === 'final' && r.final_at.getTime() === pickedUpAt.getTime() + 7 * DAY),
    ).toBe(true);
    // The order never completed stays estimated.
    expect((await entriesOf(b.id)).every((r) => r.status === 'estimated')).toBe(true);
    await expectInvariantsOk();
  });

  it('refuses to settle a day that has not ended, writing nothing', async () => {
    const today = localDate(deps().clock.now());
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'POST', '/api/commission/settlements/run', { day: today }),
    );
    expectError(res, 422, 'commission.settlement_day_open', 'body.day');
    const bad = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'POST', '/api/commission/settlements/run', { day: '2026-02-30' }),
    );
    expectError(bad, 400, 'commission.invalid_day', 'body.day');
    const extra = await call(t, admin, 'POST', '/api/commission/settlements/run', { day: today, x: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('settles T+1 into available, once per day', async () => {
    const day = localDate(deps().clock.now());
    deps().clock.advance(DAY);
    const [l0, l1, l2, l3] = chain as [Leader, Leader, Leader, Leader];
    const res = await call(t, admin, 'POST', '/api/commission/settlements/run', { day });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json();
    expect(first.created).toBe(true);
    // Order A's four entries, for four leaders: 2,000 + 800 + 80 + 600. Order B is still pending.
    expect(first.settlement).toMatchObject({
      day,
      entryCount: 4,
      leaderCount: 4,
      settledFen: 3480,
      nettedFen: 0,
    });
    expect(await balancesOf(deps().db, l0.id)).toMatchObject({ pendingFen: 2000, availableFen: 2000 });
    expect((await balancesOf(deps().db, l3.id)).availableFen).toBe(600);
    expect((await entriesOf(a.id)).every((r) => r.status === 'settled')).toBe(true);
    const keys = await q<{ key: string }>(
      'SELECT key FROM ledger_transfers WHERE cause_id = $1 ORDER BY key',
      [first.settlement.id],
    );
    expect(keys.map((k) => k.key)).toEqual([l0, l1, l2, l3].map((l) => `settle:${day}:${l.id}`).sort());
    const count = await transferCount();
    const again = await call(t, admin, 'POST', '/api/commission/settlements/run', { day });
    expect(again.json()).toMatchObject({ created: false, settlement: { id: first.settlement.id } });
    expect(await transferCount()).toBe(count);
    const detail = await call(t, admin, 'GET', `/api/commission/settlements/${first.settlement.id}`);
    expect(detail.json().leaders.items[0]).toMatchObject({ leaderId: l0.id, settledFen: 2000 });
    const list = await call(t, admin, 'GET', '/api/commission/settlements');
    expect(list.json().items[0].id).toBe(first.settlement.id);
    await expectInvariantsOk();
  });

  it('claws back after settlement: available first, the rest owed (never a silent negative), netted next time', async () => {
    const [l0, l1] = chain as [Leader, Leader];
    // L0 withdraws ¥15.00 of their ¥20.00: ¥5.00 is left available.
    await deps().db.transaction((tx) =>
      setPayoutAccountTx(deps(), tx, SYSTEM_ACTOR, l0.id, {
        method: 'bank',
        payeeName: '团长',
        account: '6222020202020202020',
        bankName: '工商银行',
      }),
    );
    await deps().db.transaction((tx) =>
      requestWithdrawalTx(deps(), tx, SYSTEM_ACTOR, l0.id, {
        amountFen: 1500,
        idempotencyKey: 'claw-test-1',
      }),
    );
    expect((await balancesOf(deps().db, l0.id)).availableFen).toBe(500);
    // The whole of order A comes back: L0's 2,000 is clawed back, 500 from available and 1,500 owed.
    await refund(a.id, a.lineId, 1);
    expect(await balancesOf(deps().db, l0.id)).toMatchObject({ availableFen: 0, owedFen: 1500 });
    expect(await balancesOf(deps().db, l1.id)).toMatchObject({ availableFen: 0, owedFen: 0 });
    const rows = await entriesOf(a.id);
    expect(rows.map((r) => [r.status, r.clawed_back_fen, r.voided_fen])).toEqual([
      ['settled', 2000, 0],
      ['settled', 800, 0],
      ['settled', 80, 0],
      ['settled', 600, 0],
    ]);
    const adj = await q<{ from_available_fen: number; to_owed_fen: number }>(
      `SELECT from_available_fen::int, to_owed_fen::int FROM commission_entry_adjustments WHERE entry_id = $1`,
      [rows[0]?.id],
    );
    expect(adj).toEqual([{ from_available_fen: 500, to_owed_fen: 1500 }]);
    await expectInvariantsOk();
    // The statement shows it as a clawback.
    const month = new Date(deps().clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const st = await call(t, admin, 'GET', `/api/ledger/statements?leaderId=${l0.id}&month=${month}`);
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json().summary.clawbacksFen).toBe(2000);

    // Order B completes; at its settlement L0's 2,000 first repays the 1,500 owed.
    await fulfil(sale, l0, [b]);
    const [p] = await q<{ picked_up_at: Date }>(
      'SELECT picked_up_at FROM commission_orders WHERE order_id = $1',
      [b.id],
    );
    const pickedB = p?.picked_up_at ?? new Date(0);
    deps().clock.set(new Date(pickedB.getTime() + 7 * DAY + 60_000));
    const day = localDate(deps().clock.now());
    deps().clock.advance(DAY);
    const res = await freezeAndSettle(deps(), SYSTEM_ACTOR, day, 'manual');
    expect(res.settlement).toMatchObject({ settledFen: 3480, nettedFen: 1500 });
    expect(await balancesOf(deps().db, l0.id)).toMatchObject({
      availableFen: 500,
      owedFen: 0,
      pendingFen: 0,
    });
    await expectInvariantsOk();
  });
});

describe('settings and access', () => {
  it('changes the after-sales window, audited; refuses a window out of range', async () => {
    const res = await call(t, admin, 'PUT', '/api/commission/accrual-settings', { afterSalesDays: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().afterSalesDays).toBe(3);
    const bad = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'PUT', '/api/commission/accrual-settings', { afterSalesDays: 91 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('afterSalesDays');
    await call(t, admin, 'PUT', '/api/commission/accrual-settings', { afterSalesDays: 7 });
  });

  it('lets an operator read entries but not run a settlement', async () => {
    const operator = await sessionFor(t, ['operator']);
    expect((await call(t, operator, 'GET', '/api/commission/entries')).statusCode).toBe(200);
    const res = await call(t, operator, 'POST', '/api/commission/settlements/run', { day: '2026-01-01' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses bad filters, naming the field', async () => {
    expectError(
      await call(t, admin, 'GET', '/api/commission/entries?from=2026-13-01'),
      400,
      'commission.invalid_day',
      'query.from',
    );
    expectError(
      await call(t, admin, 'GET', '/api/commission/entries?from=2026-03-02&to=2026-03-01'),
      400,
      'commission.invalid_range',
      'query.from',
    );
    expect((await call(t, admin, 'GET', '/api/commission/entries?status=paid')).statusCode).toBe(400);
  });
});

/**
 * Random sequences on the real database: pay, refund part of an order, complete, let days pass,
 * settle. After every step the ledger's invariants hold and the entries agree with the balances
 * (each leader's pending is what their estimated and final entries still carry; the commission
 * expense is what all entries still carry); recomputing every order afterwards posts nothing.
 */
describe('property: random sequences of payments, refunds, completions and settlements', () => {
  type Step =
    | { kind: 'pay'; leader: number; quantity: number }
    | { kind: 'refund'; order: number; quantity: number }
    | { kind: 'complete'; order: number }
    | { kind: 'days'; days: number }
    | { kind: 'settle' };

  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('pay' as const),
        leader: fc.nat(3),
        quantity: fc.integer({ min: 1, max: 4 }),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('refund' as const),
        order: fc.nat(20),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
      weight: 3,
    },
    { arbitrary: fc.record({ kind: fc.constant('complete' as const), order: fc.nat(20) }), weight: 2 },
    {
      arbitrary: fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 8 }) }),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'settle' as const }), weight: 1 },
  );

  async function cutoffOf(sale: Sale): Promise<Date> {
    const [c] = await q<{ cutoff_at: Date }>('SELECT cutoff_at FROM campaigns WHERE id = $1', [
      sale.campaignId,
    ]);
    return c?.cutoff_at as Date;
  }

  async function agreement() {
    await expectInvariantsOk();
    const pending = await q<{ leader: string; entries: number; ledger: number }>(`
      WITH e AS (
        SELECT beneficiary_id AS leader, sum(amount_fen - voided_fen - clawed_back_fen)::bigint AS fen
        FROM commission_entries WHERE status IN ('estimated', 'final') GROUP BY beneficiary_id
      ), l AS (
        SELECT a.leader_id AS leader, -b.balance_fen AS fen FROM ledger_accounts a
        JOIN ledger_balances b ON b.account_id = a.id WHERE a.kind = 'pending'
      )
      SELECT coalesce(e.leader, l.leader) AS leader, coalesce(e.fen, 0)::int AS entries, coalesce(l.fen, 0)::int AS ledger
      FROM e FULL JOIN l ON l.leader = e.leader WHERE coalesce(e.fen, 0) <> coalesce(l.fen, 0)`);
    expect(pending).toEqual([]);
    const [expense] = await q<{ entries: number; ledger: number }>(`
      SELECT (SELECT coalesce(sum(amount_fen - voided_fen - clawed_back_fen), 0) FROM commission_entries)::int AS entries,
             (SELECT coalesce(sum(t.amount_fen) FILTER (WHERE t.debit_account_id = a.id), 0)
                   - coalesce(sum(t.amount_fen) FILTER (WHERE t.credit_account_id = a.id), 0)
              FROM ledger_transfers t, ledger_accounts a
              WHERE a.code = 'company:commission_expense' AND t.cause_type LIKE 'commission%'
                AND (t.debit_account_id = a.id OR t.credit_account_id = a.id))::int AS ledger`);
    expect(expense?.ledger).toBe(expense?.entries);
  }

  it('keeps the ledger and the entries in agreement after every step; recomputing posts nothing', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 10 }), async (steps) => {
        const chain = await workedChain('性');
        let sale = await arrangeSale(t.tdb, { priceFen: 1_990, limit: 50, cap: 500, stock: 500 });
        let cutoff = await cutoffOf(sale);
        deps().clock.advance(60_000);
        const orders: { id: string; lineId: string; left: number }[] = [];
        for (const s of steps) {
          deps().clock.advance(60_000);
          if (s.kind === 'pay') {
            // Days pass in a run: a closed campaign is replaced by a new one (the chain stays).
            if (deps().clock.now().getTime() > cutoff.getTime() - 10 * 60_000) {
              sale = await arrangeSale(t.tdb, { priceFen: 1_990, limit: 50, cap: 500, stock: 500 });
              cutoff = await cutoffOf(sale);
            }
            const o = await payOrder(sale, chain[s.leader] as Leader, s.quantity);
            orders.push({ id: o.id, lineId: o.lineId, left: s.quantity });
          } else if (s.kind === 'refund') {
            const o = orders[s.order % Math.max(1, orders.length)];
            if (!o || o.left === 0) continue;
            const quantity = Math.min(o.left, s.quantity);
            await refundOrder(deps(), SYSTEM_ACTOR, o.id, {
              idempotencyKey: `prop-${o.id}-${o.left}`,
              reason: '属性测试退款',
              whole: false,
              lines: [{ orderLineId: o.lineId, quantity }],
              reference: null,
            });
            o.left -= quantity;
            await drain();
          } else if (s.kind === 'complete') {
            // The order events' effect on the money path (picked up and completed now); the real
            // fulfilment chain is exercised above.
            const o = orders[s.order % Math.max(1, orders.length)];
            if (!o) continue;
            const now = deps().clock.now();
            await deps().db.transaction((tx) =>
              recordOrderProgressTx(tx, now, [{ orderId: o.id, pickedUpAt: now, completedAt: now }]),
            );
          } else if (s.kind === 'days') {
            deps().clock.advance(s.days * DAY);
            await freezeDue(deps(), SYSTEM_ACTOR);
          } else {
            const day = localDate(new Date(deps().clock.now().getTime() - DAY));
            await freezeAndSettle(deps(), SYSTEM_ACTOR, day, 'manual');
          }
          await agreement();
        }
        // Epilogue: everything completes, the window passes, the day settles; then a refund of what is
        // left of one order is a clawback (owed where available is short).
        const now = deps().clock.now();
        await deps().db.transaction((tx) =>
          recordOrderProgressTx(
            tx,
            now,
            orders.map((o) => ({ orderId: o.id, pickedUpAt: now, completedAt: now })),
          ),
        );
        deps().clock.advance(8 * DAY);
        await freezeAndSettle(
          deps(),
          SYSTEM_ACTOR,
          localDate(new Date(deps().clock.now().getTime() - DAY)),
          'manual',
        );
        await agreement();
        const open = orders.find((o) => o.left > 0);
        if (open) {
          await refundOrder(deps(), SYSTEM_ACTOR, open.id, {
            idempotencyKey: `prop-end-${open.id}`,
            reason: '属性测试结算后退款',
            whole: false,
            lines: [{ orderLineId: open.lineId, quantity: open.left }],
            reference: null,
          });
          open.left = 0;
          await drain();
          await agreement();
        }
        const count = await transferCount();
        for (const o of orders) {
          const r = await recomputeOrder(deps(), SYSTEM_ACTOR, o.id);
          expect(r.inserted).toBe(0);
          expect(r.posted).toBe(0);
        }
        expect(await transferCount()).toBe(count);
        // A fully refunded line leaves nothing of its entries.
        for (const o of orders.filter((x) => x.left === 0)) {
          const rows = await entriesOf(o.id);
          for (const r of rows) expect(r.voided_fen + r.clawed_back_fen).toBe(r.amount_fen);
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
    expect(Date.now() - started).toBeLessThan(120_000);
    // The runs went through every path: voids, settlements and clawbacks happened.
    const [seen] = await q<{ voids: number; claws: number; settled: number }>(`
      SELECT (SELECT count(*) FROM commission_entry_adjustments WHERE kind = 'void')::int AS voids,
             (SELECT count(*) FROM commission_entry_adjustments WHERE kind = 'clawback')::int AS claws,
             (SELECT count(*) FROM commission_entries WHERE status = 'settled')::int AS settled`);
    expect(seen?.voids).toBeGreaterThan(0);
    expect(seen?.claws).toBeGreaterThan(0);
    expect(seen?.settled).toBeGreaterThan(0);
  });
});
