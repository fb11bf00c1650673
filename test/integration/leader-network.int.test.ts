import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceCampaigns } from '../../src/modules/campaigns/index.js';
import { LEADER_IMPORT_COLUMNS } from '../../src/modules/leaders/import/leader-import-columns.js';
import {
  addCompletedOrdersTx,
  leaderImportSettled,
  leaderSalesBetween,
  registerLeaderNetworkSubscribers,
} from '../../src/modules/leaders/index.js';
import { leaderPages } from '../../src/modules/leaders/leaders-console.queries.js';
import { closureOf, sortClosure } from '../../src/modules/leaders/network/network-rules.js';
import { completedOrderFacts, registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { dayStart } from '../../src/platform/business-time.js';
import { headerText } from '../../src/platform/imports/index.js';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody } from './orders-support.js';
import { call, expectError, type Res } from './support.js';

let t: TestApp;
let admin: Session;
let op: Session;
const R: Record<'zj' | 'hz' | 'xh' | 'yh' | 'sh' | 'pd', string> = {
  zj: '',
  hz: '',
  xh: '',
  yh: '',
  sh: '',
  pd: '',
};

const TABLES = [
  'leaders',
  'pickup_points',
  'audit_log',
  'outbox_events',
  'leader_closure',
  'leader_referrer_periods',
  'regions',
  'region_managers',
  'leader_daily_sales',
] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await t.tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = r.rows[0]?.n ?? -1;
  }
  return out;
}
async function nothingWritten(fn: () => Promise<Res>): Promise<Res> {
  const before = await counts();
  const res = await fn();
  expect(await counts()).toEqual(before);
  return res;
}

let phoneSeq = 0;
async function createLeader(name: string, regionId: string, referrerId?: string | null): Promise<string> {
  phoneSeq += 1;
  const res = await call(t, op, 'POST', '/api/leaders', {
    name,
    phone: `137${String(10_000_000 + phoneSeq * 7_331).slice(-8)}`,
    regionId,
    ...(referrerId === undefined ? {} : { referrerId }),
    pickupPoint: { name: `${name}的自提点`, address: '杭州市某路 1 号' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const ids = (res: Res, key = 'items') => (res.json()[key] as { leaderId: string }[]).map((x) => x.leaderId);

async function closureRows() {
  const r = await t.tdb.deps.pool.query<{ a: string; d: string; depth: number }>(
    'SELECT ancestor_id AS a, descendant_id AS d, depth FROM leader_closure',
  );
  return sortClosure(r.rows.map((x) => ({ ancestor: x.a, descendant: x.d, depth: x.depth })));
}
async function closureFromReferrers() {
  const r = await t.tdb.deps.pool.query<{ id: string; referrer_id: string | null }>(
    // Leaders arranged by orders-support are inserted as bare rows, outside the use-cases; every
    // leader created through them has a referrer period.
    'SELECT id, referrer_id FROM leaders l WHERE EXISTS (SELECT 1 FROM leader_referrer_periods p WHERE p.leader_id = l.id)',
  );
  return sortClosure(closureOf(new Map(r.rows.map((x) => [x.id, x.referrer_id]))));
}

beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
  registerLeaderNetworkSubscribers(t.tdb.deps, completedOrderFacts);
  admin = await sessionFor(t, ['admin']);
  op = await sessionFor(t, ['operator']);
  const make = async (code: string, name: string, level: string, parentId: string | null) => {
    const res = await call(t, op, 'POST', '/api/regions', { code, name, level, parentId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  R.zj = await make('T330000', '浙江省', 'province', null);
  R.hz = await make('T330100', '杭州市', 'city', R.zj);
  R.xh = await make('T330106', '西湖区', 'district', R.hz);
  R.yh = await make('T330110', '余杭区', 'district', R.hz);
  R.sh = await make('T310000', '上海市', 'province', null);
  R.pd = await make('T310115', '浦东新区', 'district', R.sh);
});
afterAll(() => t.close());
// Tests move the clock by hours; sessions would expire, so each test logs in afresh.
beforeEach(async () => {
  admin = await sessionFor(t, ['admin']);
  op = await sessionFor(t, ['operator']);
});

describe('referral tree: bound at creation, read as upline, recruits and team', () => {
  let a: string;
  let b: string;
  let c: string;
  let d: string;
  it('binds the referrer when a leader is created, and reads the chain and the recruits', async () => {
    a = await createLeader('A 团长', R.xh);
    b = await createLeader('B 团长', R.xh, a);
    c = await createLeader('C 团长', R.yh, b);
    d = await createLeader('D 团长', R.xh, a);
    const detail = await call(t, op, 'GET', `/api/leaders/${c}`);
    expect(detail.json().referrerId).toBe(b);
    expect(ids(await call(t, op, 'GET', `/api/leaders/${c}/upline`))).toEqual([b, a]);
    const upline = (await call(t, op, 'GET', `/api/leaders/${c}/upline`)).json().items;
    expect(upline.map((u: { depth: number; name: string }) => [u.depth, u.name])).toEqual([
      [1, 'B 团长'],
      [2, 'A 团长'],
    ]);
    const recruits = (await call(t, op, 'GET', `/api/leaders/${a}/recruits`)).json().items;
    expect(recruits.map((r: { leaderId: string; teamSize: number }) => [r.leaderId, r.teamSize])).toEqual([
      [b, 1],
      [d, 0],
    ]);
    const team = (await call(t, op, 'GET', `/api/leaders/${a}/team`)).json();
    expect(team).toMatchObject({ size: 3, directRecruits: 2, depth: 2 });
    expect((await call(t, op, 'GET', `/api/leaders/${a}/team?generations=1`)).json().size).toBe(2);
    const list = await call(t, op, 'GET', `/api/leaders?referrerId=${a}`);
    expect(
      list
        .json()
        .items.map((l: { id: string }) => l.id)
        .sort(),
    ).toEqual([b, d].sort());
    expect(list.json().items[0].referrerName).toBe('A 团长');
    expect(await closureRows()).toEqual(await closureFromReferrers());
  });

  it('refuses an unknown referrer with a 400 naming the field, writing nothing', async () => {
    const res = await nothingWritten(() =>
      call(t, op, 'POST', '/api/leaders', {
        name: '无名',
        phone: '13712345670',
        regionId: R.xh,
        referrerId: 'ldr_01JNOBODY0000000000000000',
        pickupPoint: { name: '某处', address: '某路' },
      }),
    );
    expectError(res, 400, 'leaders.referrer_not_found', 'body.referrerId');
  });

  it('moves a leader with their team, keeps the history, and answers the chain as of a moment', async () => {
    const beforeMove = t.tdb.deps.clock.now();
    t.tdb.deps.clock.advance(60_000);
    const e = await createLeader('E 团长', R.yh, c);
    t.tdb.deps.clock.advance(60_000);
    const res = await call(t, admin, 'POST', `/api/leaders/${c}/move-referrer`, {
      referrerId: d,
      reason: '原推荐人离职，团队划归 D',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fromReferrerId: b, toReferrerId: d, movedLeaders: 2 });
    expect(ids(await call(t, op, 'GET', `/api/leaders/${e}/upline`))).toEqual([c, d, a]);
    // Before the move, and before E existed at all.
    const then = encodeURIComponent(new Date(t.tdb.deps.clock.now().getTime() - 30_000).toISOString());
    expect(ids(await call(t, op, 'GET', `/api/leaders/${e}/upline?at=${then}`))).toEqual([c, b, a]);
    expect(ids(await call(t, op, 'GET', `/api/leaders/${c}/upline?at=${beforeMove.toISOString()}`))).toEqual([
      b,
      a,
    ]);
    expect(ids(await call(t, op, 'GET', `/api/leaders/${e}/upline?at=${beforeMove.toISOString()}`))).toEqual(
      [],
    );
    const history = (await call(t, op, 'GET', `/api/leaders/${c}/referrer-history`)).json().items;
    expect(
      history.map((h: { cause: string; validTo: string | null }) => [h.cause, h.validTo === null]),
    ).toEqual([
      ['moved', true],
      ['created', false],
    ]);
    expect(history[0].reason).toBe('原推荐人离职，团队划归 D');
    expect((await call(t, op, 'GET', `/api/leaders/${b}/team`)).json().size).toBe(0);
    expect((await call(t, op, 'GET', `/api/leaders/${d}/team`)).json().size).toBe(2);
    expect(await closureRows()).toEqual(await closureFromReferrers());
    const audit = await t.tdb.deps.pool.query(
      "SELECT after FROM audit_log WHERE action = 'leader.move_referrer' AND entity_id = $1",
      [c],
    );
    expect(audit.rows[0]?.after).toMatchObject({ referrerId: d, reason: '原推荐人离职，团队划归 D' });
    const events = await t.tdb.deps.pool.query(
      "SELECT payload FROM outbox_events WHERE type = 'leader.referrer_changed' AND aggregate_id = $1",
      [c],
    );
    expect(events.rows[0]?.payload).toMatchObject({ fromReferrerId: b, toReferrerId: d });
    // History rows cannot be rewritten, only closed.
    await expect(
      t.tdb.deps.pool.query('DELETE FROM leader_referrer_periods WHERE leader_id = $1', [c]),
    ).rejects.toThrow(/history/);
  });

  it('refuses a cycle, an unknown referrer, a missing reason and a non-admin, writing nothing', async () => {
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${a}/move-referrer`, { referrerId: c, reason: '测试' }),
      ),
      400,
      'leaders.referrer_cycle',
      'body.referrerId',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: d, reason: '测试' }),
      ),
      400,
      'leaders.referrer_cycle',
      'body.referrerId',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, {
          referrerId: 'ldr_01JNOBODY0000000000000000',
          reason: '测试',
        }),
      ),
      400,
      'leaders.referrer_not_found',
      'body.referrerId',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: b }),
      ),
      400,
      'request.invalid',
      'body.reason',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: b, reason: '   ' }),
      ),
      400,
      'leaders.reason_required',
      'body.reason',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: a, reason: '同一人' }),
      ),
      409,
      'leaders.referrer_unchanged',
    );
    expectError(
      await nothingWritten(() =>
        call(t, op, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: b, reason: '运营无权' }),
      ),
      403,
      'auth.forbidden',
    );
  });

  it('moves to the top and back, keeping the closure table equal to the referrer column', async () => {
    expect(
      (await call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: null, reason: '独立' }))
        .statusCode,
    ).toBe(200);
    expect(ids(await call(t, op, 'GET', `/api/leaders/${c}/upline`))).toEqual([d]);
    expect(
      (await call(t, admin, 'POST', `/api/leaders/${d}/move-referrer`, { referrerId: b, reason: '回归' }))
        .statusCode,
    ).toBe(200);
    expect(ids(await call(t, op, 'GET', `/api/leaders/${c}/upline`))).toEqual([d, b, a]);
    expect(await closureRows()).toEqual(await closureFromReferrers());
  });

  it('sums team size and team GMV from the roll-up, over all descendants or N generations and a range', async () => {
    // a → b → d → c → e after the moves above.
    const fact = (leaderId: string, orderId: string, totalFen: number, day: string) => ({
      orderId,
      leaderId,
      customerId: `cus_${orderId}`,
      totalFen,
      completedAt: new Date(dayStart(day).getTime() + 3_600_000),
    });
    const cRow = await t.tdb.deps.pool.query<{ id: string }>("SELECT id FROM leaders WHERE name = 'E 团长'");
    const e = cRow.rows[0]?.id ?? '';
    await t.tdb.deps.db.transaction((tx) =>
      addCompletedOrdersTx(tx, [
        fact(a, 'o1', 10_000, '2026-02-10'),
        fact(b, 'o2', 2_000, '2026-02-10'),
        fact(d, 'o3', 3_000, '2026-02-11'),
        fact(c, 'o4', 5_000, '2026-02-20'),
        fact(e, 'o5', 7_000, '2026-03-05'),
        fact(e, 'o5', 7_000, '2026-03-05'), // the same order twice counts once
      ]),
    );
    const all = (await call(t, op, 'GET', `/api/leaders/${a}/team`)).json();
    expect(all).toMatchObject({ size: 4, gmvFen: 17_000, orders: 4, ownGmvFen: 10_000 });
    const feb = (await call(t, op, 'GET', `/api/leaders/${a}/team?from=2026-02-01&to=2026-02-28`)).json();
    expect(feb.gmvFen).toBe(10_000);
    const two = (await call(t, op, 'GET', `/api/leaders/${a}/team?generations=2`)).json();
    expect(two).toMatchObject({ size: 2, gmvFen: 5_000 });
    const kids = (await call(t, op, 'GET', `/api/leaders/${a}/recruits?from=2026-02-01&to=2026-03-31`)).json()
      .items;
    expect(kids.find((k: { leaderId: string }) => k.leaderId === b)).toMatchObject({
      teamSize: 3,
      teamGmvFen: 15_000,
      ownGmvFen: 2_000,
    });
    expectError(
      await call(t, op, 'GET', `/api/leaders/${a}/team?from=2026-03-01&to=2026-02-01`),
      400,
      'leaders.date_range_invalid',
      'query.from',
    );
    expectError(
      await call(t, op, 'GET', `/api/leaders/${a}/team?from=2026-02-30`),
      400,
      'request.invalid',
      'query.from',
    );
    const sales = await leaderSalesBetween(t.tdb.deps.db, [a, e], '2026-02-01', '2026-03-31');
    expect(sales.get(a)).toMatchObject({ gmvFen: 10_000, orders: 1, customers: 1 });
    expect(sales.get(e)).toMatchObject({ gmvFen: 7_000, orders: 1 });
  });
});

describe('the daily sales roll-up follows order.completed and order.refunded', () => {
  it('counts a completed order on its day and subtracts refunds on theirs', async () => {
    const sale = await arrangeSale(t.tdb, { stock: 50, priceFen: 1_000 });
    let boss = await sessionFor(t, ['admin']);
    const place = async (quantity: number) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'idempotency-key': `net-${Date.now()}-${Math.random()}` },
        payload: orderBody(sale, newPhone(), quantity),
      });
      expect(res.statusCode, res.body).toBe(201);
      const order = res.json().order as { id: string; pickupCode: string };
      expect(
        (await call(t, boss, 'POST', `/api/orders/${order.id}/mark-paid`, { reference: 'cash' })).statusCode,
      ).toBe(204);
      return order;
    };
    const done = await place(3);
    const early = await place(2);
    t.tdb.deps.clock.advance(4 * 3_600_000);
    await advanceCampaigns(t.tdb.deps);
    await t.tdb.deps.bus.drain();
    boss = await sessionFor(t, ['admin']);
    expect(
      (await call(t, boss, 'POST', '/api/orders/ship', { campaignId: sale.campaignId })).statusCode,
    ).toBe(200);
    await call(t, boss, 'POST', '/api/orders/deliver', {
      campaignId: sale.campaignId,
      pickupPointId: sale.pickupPointId,
    });
    const verified = await call(t, boss, 'POST', '/api/orders/verify-pickup', {
      pickupPointId: sale.pickupPointId,
      pickupCode: done.pickupCode,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await call(t, boss, 'POST', `/api/orders/${done.id}/complete`, {})).statusCode).toBe(204);
    await t.tdb.deps.bus.drain();
    const leaderId = (
      await t.tdb.deps.pool.query<{ id: string }>('SELECT id FROM leaders WHERE code = $1', [sale.leaderCode])
    ).rows[0]?.id as string;
    const day = (
      await t.tdb.deps.pool.query<{ d: string }>(
        "SELECT to_char(day, 'YYYY-MM-DD') AS d FROM leader_daily_sales WHERE leader_id = $1",
        [leaderId],
      )
    ).rows[0]?.d as string;
    expect((await leaderSalesBetween(t.tdb.deps.db, [leaderId], day, day)).get(leaderId)).toMatchObject({
      gmvFen: 3_000,
      orders: 1,
      customers: 1,
    });

    const detail = (await call(t, boss, 'GET', `/api/orders/${done.id}`)).json();
    const lineId = detail.lines[0].id as string;
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${done.id}/refunds`,
      headers: { ...boss.headers, 'idempotency-key': `rf-${Date.now()}` },
      payload: { reason: '少货一件', lines: [{ orderLineId: lineId, quantity: 1 }] },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    // A refund of an order that never completed does not touch the roll-up.
    const early2 = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${early.id}/refunds`,
      headers: { ...boss.headers, 'idempotency-key': `rf2-${Date.now()}` },
      payload: { reason: '取消', whole: true },
    });
    expect(early2.statusCode, early2.body).toBe(201);
    await t.tdb.deps.bus.drain();
    const afterPart = (await leaderSalesBetween(t.tdb.deps.db, [leaderId], '2000-01-01', '2100-01-01')).get(
      leaderId,
    );
    expect(afterPart).toMatchObject({ gmvFen: 2_000, completedGmvFen: 3_000, refundedFen: 1_000, orders: 1 });
    const whole = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${done.id}/refunds`,
      headers: { ...boss.headers, 'idempotency-key': `rf3-${Date.now()}` },
      payload: { reason: '整单退', whole: true },
    });
    expect(whole.statusCode, whole.body).toBe(201);
    await t.tdb.deps.bus.drain();
    expect(
      (await leaderSalesBetween(t.tdb.deps.db, [leaderId], '2000-01-01', '2100-01-01')).get(leaderId),
    ).toMatchObject({ gmvFen: 0, refundedFen: 3_000, orders: 0 });
  });
});

describe('regions and region managers', () => {
  it('moves a region, refusing cycles, taken codes and unknown parents', async () => {
    const area = await call(t, op, 'POST', '/api/regions', {
      code: 'T-AREA-1',
      name: '城西片区',
      level: 'area',
      parentId: R.xh,
    });
    expect(area.statusCode, area.body).toBe(201);
    const moved = await call(t, op, 'PATCH', `/api/regions/${area.json().id}`, {
      parentId: R.yh,
      name: '城北片区',
    });
    expect(moved.json()).toMatchObject({ parentId: R.yh, name: '城北片区' });
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', `/api/regions/${R.hz}`, { parentId: R.xh })),
      400,
      'leaders.region_cycle',
      'body.parentId',
    );
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', `/api/regions/${R.hz}`, { parentId: R.hz })),
      400,
      'leaders.region_cycle',
    );
    expectError(
      await nothingWritten(() =>
        call(t, op, 'POST', '/api/regions', { code: 'T330100', name: '重复', level: 'city' }),
      ),
      409,
      'leaders.region_code_taken',
      'body.code',
    );
    expectError(
      await nothingWritten(() =>
        call(t, op, 'POST', '/api/regions', {
          code: 'T-NEW',
          name: '新区',
          level: 'area',
          parentId: 'reg_01JNOPARENT000000000000000',
        }),
      ),
      400,
      'leaders.region_parent_not_found',
      'body.parentId',
    );
  });

  it('assigns managers only as leaders.admin and only logins with the role', async () => {
    const manager = await makeUser(t.tdb, ['region_manager']);
    const plain = await makeUser(t.tdb, ['operator']);
    expectError(
      await nothingWritten(() =>
        call(t, op, 'POST', `/api/regions/${R.hz}/managers`, { userId: manager.id }),
      ),
      403,
      'auth.forbidden',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', `/api/regions/${R.hz}/managers`, { userId: plain.id }),
      ),
      400,
      'leaders.region_manager_user_invalid',
      'body.userId',
    );
    const res = await call(t, admin, 'POST', `/api/regions/${R.hz}/managers`, {
      userId: manager.id,
      weight: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toMatchObject([{ userId: manager.id, weight: 3, shareBps: 10_000 }]);
    expectError(
      await call(t, admin, 'POST', `/api/regions/${R.hz}/managers`, { userId: manager.id }),
      409,
      'leaders.region_manager_exists',
    );
    const removed = await call(t, admin, 'POST', `/api/regions/${R.hz}/managers/${manager.id}/remove`, {
      reason: '调岗',
    });
    expect(removed.json().items).toEqual([]);
  });
});

describe('region scoping: a region manager sees only their regions', () => {
  it('limits leaders, their network, orders (list, detail, export, stats) to 杭州市 and below', async () => {
    const mgr = await makeUser(t.tdb, ['region_manager']);
    expect(
      (await call(t, admin, 'POST', `/api/regions/${R.hz}/managers`, { userId: mgr.id })).statusCode,
    ).toBe(201);
    const s = await loginAs(t.app, mgr.username, mgr.password);
    const inHz = await createLeader('杭州团长', R.xh);
    const inSh = await createLeader('上海团长', R.pd, inHz);

    const list = (await call(t, s, 'GET', '/api/leaders?pageSize=200')).json();
    const regionsSeen = new Set(list.items.map((l: { regionId: string }) => l.regionId));
    expect([...regionsSeen].every((r) => r === R.xh || r === R.yh || r === R.hz)).toBe(true);
    expect(list.items.some((l: { id: string }) => l.id === inHz)).toBe(true);
    expectError(await call(t, s, 'GET', `/api/leaders/${inSh}`), 404, 'leaders.not_found');
    const points = (await call(t, s, 'GET', '/api/pickup-points?pageSize=200')).json().items as {
      leaderId: string;
    }[];
    expect(points.some((p) => p.leaderId === inHz)).toBe(true);
    expect(points.some((p) => p.leaderId === inSh)).toBe(false);
    expectError(await call(t, s, 'GET', `/api/leaders/${inSh}/upline`), 404, 'leaders.not_found');
    // The Shanghai recruit shows in the Hangzhou leader's tree, masked.
    const kids = (await call(t, s, 'GET', `/api/leaders/${inHz}/recruits`)).json().items;
    expect(kids).toMatchObject([{ leaderId: inSh, visible: false, name: null, code: null }]);
    const overview = (await call(t, s, 'GET', '/api/regions/overview')).json().items;
    expect(overview.map((r: { id: string }) => r.id).sort()).toEqual(
      expect.arrayContaining([R.hz, R.xh, R.yh]),
    );
    expect(overview.some((r: { id: string }) => r.id === R.sh || r.id === R.pd)).toBe(false);

    // An order through a leader outside 杭州市 is invisible; moving the leader into 西湖区 shows it.
    const sale = await arrangeSale(t.tdb, { stock: 10 });
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': `scope-${Date.now()}` },
      payload: orderBody(sale, newPhone(), 1),
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json().order.id as string;
    // Paid, so that it goes into a bag (合单 packs paid orders only).
    expect(
      (await call(t, op, 'POST', `/api/orders/${orderId}/mark-paid`, { reference: '转账 scope' })).statusCode,
    ).toBe(204);
    const leaderOf = (
      await t.tdb.deps.pool.query<{ id: string }>('SELECT id FROM leaders WHERE code = $1', [sale.leaderCode])
    ).rows[0]?.id as string;
    const s2 = await loginAs(t.app, mgr.username, mgr.password);
    expectError(await call(t, s2, 'GET', `/api/orders/${orderId}`), 404, 'orders.not_found');
    // Its customer and its bag are out of scope too.
    const customerId = (
      await t.tdb.deps.pool.query<{ customer_id: string }>('SELECT customer_id FROM orders WHERE id = $1', [
        orderId,
      ])
    ).rows[0]?.customer_id as string;
    const { delivery_date: deliveryDate } = (
      await t.tdb.deps.pool.query<{ delivery_date: string }>(
        `SELECT to_char(delivery_date, 'YYYY-MM-DD') AS delivery_date FROM campaigns WHERE id = $1`,
        [sale.campaignId],
      )
    ).rows[0] as { delivery_date: string };
    const bagsUrl = `/api/orders/bags?pickupPointId=${sale.pickupPointId}&deliveryDate=${deliveryDate}`;
    const customerIds = async (s: typeof s2) =>
      (await call(t, s, 'GET', '/api/customers?pageSize=100')).json().items.map((c: { id: string }) => c.id);
    expect(await customerIds(s2)).not.toContain(customerId);
    expect(await customerIds(op)).toContain(customerId);
    expectError(await call(t, s2, 'GET', `/api/customers/${customerId}`), 404, 'customers.not_found');
    expect((await call(t, s2, 'GET', bagsUrl)).json().items).toEqual([]);
    expect((await call(t, op, 'GET', bagsUrl)).json().items).toHaveLength(1);
    const hidden = (await call(t, s2, 'GET', '/api/orders?pageSize=200')).json();
    expect(hidden.items.some((o: { id: string }) => o.id === orderId)).toBe(false);
    const statsBefore = (await call(t, s2, 'GET', '/api/orders/stats')).json().orders as number;
    const opStats = (await call(t, op, 'GET', '/api/orders/stats')).json().orders as number;
    expect(statsBefore).toBeLessThan(opStats);

    expect((await call(t, op, 'PATCH', `/api/leaders/${leaderOf}`, { regionId: R.xh })).statusCode).toBe(200);
    expect((await call(t, s2, 'GET', `/api/orders/${orderId}`)).statusCode).toBe(200);
    const shown = (await call(t, s2, 'GET', '/api/orders?pageSize=200')).json();
    expect(shown.items.some((o: { id: string }) => o.id === orderId)).toBe(true);
    expect((await call(t, s2, 'GET', '/api/orders/stats')).json().orders).toBe(statsBefore + 1);
    expect(await customerIds(s2)).toContain(customerId);
    expect((await call(t, s2, 'GET', `/api/customers/${customerId}`)).statusCode).toBe(200);
    expect((await call(t, s2, 'GET', bagsUrl)).json().items).toMatchObject([
      { customerId, orderIds: [orderId] },
    ]);

    const exported = await t.app.inject({ method: 'GET', url: '/api/leaders/export', headers: s2.headers });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(exported.rawPayload).buffer);
    const names: string[] = [];
    wb.worksheets[0]?.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value ?? ''));
    });
    expect(names).toContain('杭州团长');
    expect(names).not.toContain('上海团长');
  });
});

describe('the leaders export (导出团长)', () => {
  it('streams every leader the filter matches, paged by (created_at, id), ties included', async () => {
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(await createLeader(`导出团长${i}`, R.pd));
    // Ties to the microsecond, and two rows that differ from them only below the millisecond.
    await t.tdb.deps.pool.query(
      `UPDATE leaders SET created_at = CASE WHEN id = ANY($2::text[]) THEN '2026-02-01 08:00:00.000100+00'::timestamptz
                                            ELSE '2026-02-01 08:00:00.000900+00'::timestamptz END
       WHERE id = ANY($1::text[])`,
      [made, made.slice(0, 4)],
    );
    const listed = (await call(t, op, 'GET', `/api/leaders?regionId=${R.pd}&pageSize=200`)).json();
    const expected = listed.items.map((l: { id: string }) => l.id);
    expect(expected).toEqual(expect.arrayContaining(made));
    for (const size of [1, 4, 6, 500]) {
      const seen: string[] = [];
      await leaderPages(
        t.tdb.deps.crypto,
        { regionId: R.pd },
        size,
      )(t.tdb.deps.db, async (page) => {
        seen.push(...page.map((l) => l.id));
      });
      expect(seen, `page size ${size}`).toEqual(expected);
    }

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/leaders/export?regionId=${R.pd}`,
      headers: op.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/leaders-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('团长 Leaders');
    expect(ws?.rowCount).toBe(1 + expected.length + 1);
    expect(ws?.getRow(1).getCell(1).value).toBe('团长码 Code');
    const codes = listed.items.map((l: { code: string }) => l.code);
    expect(codes.map((_: string, i: number) => ws?.getRow(i + 2).getCell(1).value)).toEqual(codes);
    expect(ws?.getRow(expected.length + 2).getCell(1).value).toBe(`合计 Total: ${expected.length}`);
    expect(JSON.stringify(ws?.getSheetValues())).not.toMatch(/137\d{8}/);
  });
});

describe('import leaders from xlsx', () => {
  async function sheet(rows: Record<string, string | number>[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('团长 Leaders');
    ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => headerText(c)));
    for (const r of rows) ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  async function run(fileBase64: string, mode: string) {
    const res = await call(t, op, 'POST', '/api/leaders/imports', { fileBase64, mode });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    await leaderImportSettled(jobId);
    return (await call(t, op, 'GET', `/api/leaders/imports/${jobId}`)).json();
  }
  const row = (phone: string, over: Record<string, string | number> = {}) => ({
    name: `导入${phone.slice(-4)}`,
    phone,
    region: 'T330106',
    pickup_name: '导入自提点',
    pickup_address: '杭州市西湖区导入路 1 号',
    ...over,
  });

  it('offers a template with the columns and instructions', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/leaders/import-template',
      headers: op.headers,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '团长 Leaders',
      '填写说明 Instructions',
      '区域 Regions',
    ]);
  });

  it('reports bad rows and writes nothing, unless asked to import the good rows', async () => {
    const existing = (await call(t, op, 'GET', '/api/leaders?q=A%20团长')).json().items[0] as {
      id: string;
      code: string;
    };
    const file = await sheet([
      row('13600000001', { code: 'P1', referrer_code: existing.code }),
      row('13600000002', { code: 'P2', referrer_code: 'P1', latitude: 30.1, longitude: 120.2, capacity: 80 }),
      row('13600000003', { code: 'X1', referrer_code: 'X2' }),
      row('13600000004', { code: 'X2', referrer_code: 'X1' }),
      row('13600000005', { referrer_code: 'NOSUCH' }),
      row('13600000006', { region: '火星' }),
    ]);
    // The job's own record and its audit line are written; no leader data is.
    const leaderData = async () => {
      const c = await counts();
      return [c.leaders, c.pickup_points, c.leader_closure, c.leader_referrer_periods];
    };
    const before = await leaderData();
    const job = await run(file, 'validate');
    expect(job.status).toBe('validated');
    expect(job.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'leaders.row.referrer_cycle'],
      [5, 'leaders.row.referrer_cycle'],
      [6, 'leaders.row.unknown_referrer'],
      [7, 'leaders.row.unknown_region'],
    ]);
    expect(job.errors[0].messageZh.length).toBeGreaterThan(0);
    const rejected = await run(file, 'import_all');
    expect(rejected).toMatchObject({ status: 'rejected', created: 0, errorCount: 4 });
    expect(await leaderData()).toEqual(before);

    const done = await run(file, 'import_valid_rows');
    expect(done).toMatchObject({ status: 'completed', created: 2, errorCount: 4, processedRows: 6 });
    const p2 = (await call(t, op, 'GET', '/api/leaders?q=13600000002')).json().items[0] as { id: string };
    const p1 = (await call(t, op, 'GET', '/api/leaders?q=13600000001')).json().items[0] as { id: string };
    expect(ids(await call(t, op, 'GET', `/api/leaders/${p2.id}/upline`))).toEqual([p1.id, existing.id]);
    const history = (await call(t, op, 'GET', `/api/leaders/${p2.id}/referrer-history`)).json().items;
    expect(history[0].cause).toBe('imported');
    expect(await closureRows()).toEqual(await closureFromReferrers());
  });

  it('refuses a file that is not a workbook or lacks required columns', async () => {
    expectError(
      await nothingWritten(() =>
        call(t, op, 'POST', '/api/leaders/imports', {
          fileBase64: Buffer.from('hello').toString('base64'),
          mode: 'validate',
        }),
      ),
      400,
      'leaders.import_file_invalid',
      'body.fileBase64',
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['手机号 phone', '姓名 name']);
    wb.worksheets[0]?.addRow(['13600000099', '某某']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expectError(
      await call(t, op, 'POST', '/api/leaders/imports', { fileBase64: file, mode: 'validate' }),
      400,
      'leaders.import_missing_columns',
    );
  });
});
