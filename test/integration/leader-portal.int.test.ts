import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCampaigns, scheduleCampaign } from '../../src/modules/campaigns/index.js';
import { createLeaderTx } from '../../src/modules/leaders/index.js';
import { registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { localDate } from '../../src/platform/business-time.js';
import { newId } from '../../src/platform/ids.js';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { createCampaignDirect, makeSku } from './campaigns-support.js';
import { applyBody, applyOk, insertRegions } from './leader-onboarding-support.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError, expectNothingWritten } from './support.js';

/**
 * The leader's own portal (团长端): every endpoint answers for the logged-in leader only. Leader A
 * and leader B each sell; B must see nothing of A's (and the other way round); a login without a
 * leader is refused; a pickup code is verified only at the leader's own pickup point.
 */
let t: TestApp;
let saleA: Sale;
let saleB: Sale;
const logins = new Map<'A' | 'B', { username: string; password: string }>();
let regionA = '';
let regionB = '';
let regionsOnlyB = '';
let upcoming = '';

const MASKED = /^1\d{2}\*{4}\d{4}$/;
const HOUR = 3_600_000;

async function linkLogin(leaderCode: string) {
  const u = await makeUser(t.tdb, ['leader']);
  await t.tdb.deps.pool.query('UPDATE leaders SET user_id = $1 WHERE code = $2', [u.id, leaderCode]);
  return u;
}

/** A fresh session: the test clock jumps hours, past the idle timeout of older sessions. */
function as(who: 'A' | 'B'): Promise<Session> {
  const u = logins.get(who);
  if (!u) throw new Error(`no login for ${who}`);
  return loginAs(t.app, u.username, u.password);
}

let seq = 0;
async function place(sale: Sale, phone: string, quantity = 1, name = '小陈') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `portal-${Date.now()}-${++seq}` },
    payload: { ...orderBody(sale, phone, quantity), customer: { phone, name } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().order as { id: string; pickupCode: string; totalFen: number };
}

async function regionOf(code: string): Promise<string> {
  const r = await t.tdb.deps.pool.query<{ region_id: string }>(
    'SELECT region_id FROM leaders WHERE code = $1',
    [code],
  );
  return r.rows[0]?.region_id ?? '';
}

const shared = newPhone();
let a1: { id: string; pickupCode: string; totalFen: number };
let a2: { id: string; pickupCode: string; totalFen: number };

beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
  // 2026-03-01 08:00 UTC is 16:00 in Shanghai; every order below is placed that Shanghai day.
  saleA = await arrangeSale(t.tdb, { priceFen: 1200, stock: 100 });
  saleB = await arrangeSale(t.tdb, { priceFen: 800, stock: 100 });
  logins.set('A', await linkLogin(saleA.leaderCode));
  logins.set('B', await linkLogin(saleB.leaderCode));
  regionA = await regionOf(saleA.leaderCode);
  regionB = await regionOf(saleB.leaderCode);
  // A campaign sold only in B's region (live now), one upcoming for everyone, one left in draft.
  const sku = await makeSku(t.tdb);
  const onlyB = await createCampaignDirect(
    t.tdb,
    [sku.id],
    { sellTo: 'regions', regionIds: [regionB] },
    -0.5,
  );
  await scheduleCampaign(t.tdb.deps, SYSTEM_ACTOR, onlyB.id);
  regionsOnlyB = onlyB.id;
  const later = await createCampaignDirect(t.tdb, [sku.id], { name: '明日鲜蔬' }, 20);
  await scheduleCampaign(t.tdb.deps, SYSTEM_ACTOR, later.id);
  upcoming = later.id;
  await createCampaignDirect(t.tdb, [sku.id], { name: '草稿活动' }, -0.5);

  a1 = await place(saleA, shared, 2, '王阿姨');
  a2 = await place(saleA, newPhone(), 1, '李先生');
  await place(saleB, shared, 3, '王阿姨');
});
afterAll(() => t.close());

describe('GET /api/portal/me', () => {
  it('answers with my profile, pickup points, share code and invite link', async () => {
    const res = await call(t, await as('A'), 'GET', '/api/portal/me');
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json();
    expect(me.code).toBe(saleA.leaderCode);
    expect(me.regionId).toBe(regionA);
    expect(me.phoneMasked).toMatch(MASKED);
    expect(me.invitePath).toBe(`/h5/apply?ref=${saleA.leaderCode}`);
    expect(me.pickupPoints.map((p: { id: string }) => p.id)).toEqual([saleA.pickupPointId]);
    const b = (await call(t, await as('B'), 'GET', '/api/portal/me')).json();
    expect(b.code).toBe(saleB.leaderCode);
    expect(b.pickupPoints.map((p: { id: string }) => p.id)).toEqual([saleB.pickupPointId]);
  });
});

describe('GET /api/portal/campaigns', () => {
  it('lists the live and upcoming campaigns I may sell, with my code in each share link', async () => {
    const res = await call(t, await as('A'), 'GET', '/api/portal/campaigns');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{
      id: string;
      status: string;
      sharePath: string;
      myOrders: number;
      myTotalFen: number;
      items: Array<{ priceFen: number; productName: string; remaining: number }>;
    }>;
    // Both test sales sell to all; the region-only campaign is B's; the draft is nobody's.
    expect(items.map((c) => c.id)).toEqual([saleA.campaignId, saleB.campaignId, upcoming]);
    expect(items.map((c) => c.status)).toEqual(['live', 'live', 'upcoming']);
    const mine = items[0];
    expect(mine?.sharePath).toBe(`/h5/c/${saleA.campaignId}?leader=${saleA.leaderCode}`);
    expect(mine?.myOrders).toBe(2);
    expect(mine?.myTotalFen).toBe(a1.totalFen + a2.totalFen);
    expect(mine?.items[0]).toMatchObject({ priceFen: 1200, remaining: 97 });
    expect(mine?.items[0]?.productName).toMatch(/测试商品/);
    // B's campaign is listed for A too (it sells to all), with A's own sales on it: none.
    expect(items[1]?.myOrders).toBe(0);
    expect(items[1]?.sharePath).toContain(`leader=${saleA.leaderCode}`);
  });

  it('shows a campaign sold to chosen regions only to the leaders there', async () => {
    const b = (await call(t, await as('B'), 'GET', '/api/portal/campaigns')).json();
    const ids = b.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(regionsOnlyB);
    expect(b.items.find((c: { id: string }) => c.id === regionsOnlyB).sharePath).toContain(
      `leader=${saleB.leaderCode}`,
    );
    expect(b.items.find((c: { id: string }) => c.id === saleB.campaignId).myOrders).toBe(1);
  });
});

describe('GET /api/portal/orders', () => {
  it('gives today’s orders by campaign and by customer, with counts, totals and masked phones', async () => {
    const res = await call(t, await as('A'), 'GET', '/api/portal/orders');
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day.date).toBe('2026-03-01');
    expect(day.timeZone).toBe('Asia/Shanghai');
    expect(day.totals).toEqual({
      orders: 2,
      unpaid: 2,
      voided: 0,
      itemCount: 3,
      totalFen: 3600,
      customers: 2,
    });
    expect(day.byCampaign).toHaveLength(1);
    expect(day.byCampaign[0]).toMatchObject({ campaignId: saleA.campaignId, orders: 2, totalFen: 3600 });
    expect(day.byCampaign[0].products).toEqual([
      expect.objectContaining({ skuId: saleA.skuId, quantity: 3, amountFen: 3600 }),
    ]);
    expect(day.byCustomer.map((c: { customerName: string }) => c.customerName).sort()).toEqual([
      '李先生',
      '王阿姨',
    ]);
    for (const c of day.byCustomer) {
      expect(c.phoneMasked).toMatch(MASKED);
      expect(JSON.stringify(c)).not.toContain(shared);
    }
    const ids = day.byCustomer.flatMap((c: { items: Array<{ id: string }> }) => c.items.map((o) => o.id));
    expect(ids.sort()).toEqual([a1.id, a2.id].sort());
  });

  it('never shows another leader’s orders', async () => {
    const day = (await call(t, await as('B'), 'GET', '/api/portal/orders')).json();
    expect(day.totals).toMatchObject({ orders: 1, itemCount: 3, totalFen: 2400, customers: 1 });
    expect(day.byCampaign.map((c: { campaignId: string }) => c.campaignId)).toEqual([saleB.campaignId]);
    const ids = day.byCustomer.flatMap((c: { items: Array<{ id: string }> }) => c.items.map((o) => o.id));
    expect(ids).not.toContain(a1.id);
    expect(ids).not.toContain(a2.id);
  });

  it('answers another day, and an empty one with zeros', async () => {
    const day = (await call(t, await as('A'), 'GET', '/api/portal/orders?date=2026-02-28')).json();
    expect(day.totals).toEqual({ orders: 0, unpaid: 0, voided: 0, itemCount: 0, totalFen: 0, customers: 0 });
    expect(day.byCampaign).toEqual([]);
  });

  it('refuses a date that is not a calendar date, naming the field', async () => {
    const s = await as('A');
    expectError(
      await call(t, s, 'GET', '/api/portal/orders?date=2026-02-30'),
      400,
      'portal.date_invalid',
      'query.date',
    );
    expectError(
      await call(t, s, 'GET', '/api/portal/orders?date=yesterday'),
      400,
      'request.invalid',
      'query.date',
    );
    expectError(await call(t, s, 'GET', '/api/portal/orders?leaderId=x'), 400, 'request.invalid');
  });
});

describe('GET /api/portal/customers', () => {
  it('lists who bought through me, with masked phones, order counts and the last order', async () => {
    const res = await call(t, await as('A'), 'GET', '/api/portal/customers');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(2);
    for (const c of items) expect(c.phoneMasked).toMatch(MASKED);
    const wang = items.find((c: { name: string }) => c.name === '王阿姨');
    // The same person also bought through B: A sees only the order placed through A.
    expect(wang).toMatchObject({ orderCount: 1, totalFen: a1.totalFen });
    expect(Date.parse(wang.lastOrderAt)).toBeGreaterThan(0);
    const b = (await call(t, await as('B'), 'GET', '/api/portal/customers')).json();
    expect(b.total).toBe(1);
    expect(b.items[0]).toMatchObject({ name: '王阿姨', orderCount: 1, totalFen: 2400 });
  });

  it('finds a customer by name or by the whole phone number', async () => {
    const s = await as('A');
    const byName = (await call(t, s, 'GET', `/api/portal/customers?q=${encodeURIComponent('李')}`)).json();
    expect(byName.items.map((c: { name: string }) => c.name)).toEqual(['李先生']);
    const byPhone = (await call(t, s, 'GET', `/api/portal/customers?q=${shared}`)).json();
    expect(byPhone.items.map((c: { name: string }) => c.name)).toEqual(['王阿姨']);
    expectError(
      await call(t, s, 'GET', '/api/portal/customers?pageSize=0'),
      400,
      'request.invalid',
      'query.pageSize',
    );
  });
});

describe('pickup verification (核销) from the portal', () => {
  it('verifies a code only at my own pickup point, once', async () => {
    // A's orders are paid, confirmed at the cutoff, shipped and delivered to A's pickup point.
    let admin = await sessionFor(t, ['admin']);
    for (const o of [a1, a2]) {
      const paid = await call(t, admin, 'POST', `/api/orders/${o.id}/mark-paid`, { reference: 'cash' });
      expect(paid.statusCode, paid.body).toBe(204);
    }
    t.tdb.deps.clock.advance(4 * HOUR);
    await advanceCampaigns(t.tdb.deps);
    await t.tdb.deps.bus.drain();
    admin = await sessionFor(t, ['admin']);
    expect(
      (await call(t, admin, 'POST', '/api/orders/ship', { campaignId: saleA.campaignId })).json(),
    ).toEqual({
      shipped: 2,
    });
    expect(
      (
        await call(t, admin, 'POST', '/api/orders/deliver', {
          campaignId: saleA.campaignId,
          pickupPointId: saleA.pickupPointId,
        })
      ).json(),
    ).toEqual({ delivered: 2 });

    const A = await as('A');
    const B = await as('B');
    // The preview shows A what to hand over; B sees nothing of it.
    const look = (await call(t, A, 'GET', `/api/portal/pickups?code=${a1.pickupCode}`)).json();
    expect(look.waiting).toBeGreaterThanOrEqual(1);
    const found = look.items.find((o: { id: string }) => o.id === a1.id);
    expect(found).toMatchObject({ canVerify: true, status: 'delivered', pickupPointId: saleA.pickupPointId });
    expect(found.phoneMasked).toMatch(MASKED);
    expect(found.lines[0]).toMatchObject({ quantity: 2 });
    const peek = (await call(t, B, 'GET', `/api/portal/pickups?code=${a1.pickupCode}`)).json();
    expect(peek.items.map((o: { id: string }) => o.id)).not.toContain(a1.id);

    // B can neither verify A's code at B's own point nor name A's pickup point.
    await expectNothingWritten(t.tdb, async () => {
      const res = await call(t, B, 'POST', '/api/portal/verify-pickup', { pickupCode: a1.pickupCode });
      expectError(res, 400, 'portal.pickup_code_not_found', 'body.pickupCode');
      return res;
    });
    await expectNothingWritten(t.tdb, async () => {
      const res = await call(t, B, 'POST', '/api/portal/verify-pickup', {
        pickupCode: a1.pickupCode,
        pickupPointId: saleA.pickupPointId,
      });
      expectError(res, 400, 'portal.pickup_point_not_own', 'body.pickupPointId');
      return res;
    });
    await expectNothingWritten(t.tdb, async () => {
      const res = await call(t, B, 'POST', '/api/portal/verify-pickup', {
        pickupCode: a1.pickupCode,
        pickupPointId: saleB.pickupPointId,
      });
      expectError(res, 400, 'orders.pickup_code_invalid', 'body.pickupCode');
      return res;
    });

    // A verifies at A's point: the order is picked up, with its timeline and audit record.
    const ok = await call(t, A, 'POST', '/api/portal/verify-pickup', { pickupCode: a1.pickupCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().pickupPointId).toBe(saleA.pickupPointId);
    expect(ok.json().orderIds).toContain(a1.id);
    const status = await t.tdb.deps.pool.query<{ status: string }>(
      'SELECT status FROM orders WHERE id = $1',
      [a1.id],
    );
    expect(status.rows[0]?.status).toBe('picked_up');
    const audit = await t.tdb.deps.pool.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE entity_id = $1 AND action = 'order.picked_up'`,
      [a1.id],
    );
    expect(audit.rows.map((r) => r.actor_name)).toEqual([logins.get('A')?.username]);
    // A code works once; the preview now says it was picked up.
    if (a2.pickupCode !== a1.pickupCode)
      expectError(
        await call(t, A, 'POST', '/api/portal/verify-pickup', { pickupCode: a1.pickupCode }),
        400,
        'portal.pickup_code_not_found',
        'body.pickupCode',
      );
    const after = (await call(t, A, 'GET', `/api/portal/pickups?code=${a1.pickupCode}`)).json();
    expect(after.items.find((o: { id: string }) => o.id === a1.id)).toMatchObject({
      status: 'picked_up',
      canVerify: false,
    });
    // Naming my own point works as well.
    const second = await call(t, A, 'POST', '/api/portal/verify-pickup', {
      pickupCode: a2.pickupCode,
      pickupPointId: saleA.pickupPointId,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().orderIds).toContain(a2.id);
  });

  it('asks which pickup point when the same code waits at two of mine', async () => {
    // Codes are random six digits: two customers at two of a leader's points can share one.
    const now = t.tdb.deps.clock.now();
    const second = newId('pickupPoint');
    await t.tdb.deps.pool.query(
      `INSERT INTO pickup_points (id, leader_id, name, address, region_id, created_at, updated_at)
       SELECT $1, leader_id, '第二自提点', '西湖区文三路 3 号', region_id, $2, $2 FROM pickup_points WHERE id = $3`,
      [second, now, saleA.pickupPointId],
    );
    await t.tdb.deps.pool.query(
      `UPDATE orders SET status = 'delivered', pickup_code = '777777', pickup_point_id = $2 WHERE id = $1`,
      [a1.id, saleA.pickupPointId],
    );
    await t.tdb.deps.pool.query(
      `UPDATE orders SET status = 'delivered', pickup_code = '777777', pickup_point_id = $2 WHERE id = $1`,
      [a2.id, second],
    );
    const A = await as('A');
    const look = (await call(t, A, 'GET', '/api/portal/pickups?code=777777')).json();
    expect(look.waiting).toBe(2);
    await expectNothingWritten(t.tdb, async () => {
      const res = await call(t, A, 'POST', '/api/portal/verify-pickup', { pickupCode: '777777' });
      expectError(res, 400, 'portal.pickup_point_ambiguous', 'body.pickupPointId');
      return res;
    });
    const one = await call(t, A, 'POST', '/api/portal/verify-pickup', {
      pickupCode: '777777',
      pickupPointId: second,
    });
    expect(one.json()).toEqual({ pickupPointId: second, orderIds: [a2.id] });
  });

  it('refuses malformed codes and unknown fields, writing nothing', async () => {
    const A = await as('A');
    expectError(
      await call(t, A, 'GET', '/api/portal/pickups?code=12ab56'),
      400,
      'request.invalid',
      'query.code',
    );
    expectError(await call(t, A, 'GET', '/api/portal/pickups'), 400, 'request.invalid');
    for (const body of [
      { pickupCode: '12345' },
      { pickupCode: '123456', leaderId: 'ldr_x' },
      { pickupCode: '123456', pickupPointId: '' },
    ]) {
      await expectNothingWritten(t.tdb, async () => {
        const res = await call(t, A, 'POST', '/api/portal/verify-pickup', body);
        expectError(res, 400, 'request.invalid');
        return res;
      });
    }
  });
});

describe('GET /api/portal/team and /api/portal/level', () => {
  /** A leader made through the real use-case (so the referral tree has its rows), with a login. */
  async function leaderUnder(name: string, referrerId: string | null, withLogin: boolean) {
    const u = withLogin ? await makeUser(t.tdb, ['leader']) : null;
    const row = await t.tdb.deps.db.transaction((tx) =>
      createLeaderTx(t.tdb.deps, tx, SYSTEM_ACTOR, {
        name,
        phone: newPhone(),
        regionId: regionA,
        userId: u?.id ?? null,
        referrerId,
        pickupPoint: { name: `${name}的自提点`, address: '西湖区文三路 2 号' },
      }),
    );
    return { row, login: u };
  }

  async function sales(leaderId: string, day: string, gmvFen: number, orders: number) {
    await t.tdb.deps.pool.query(
      `INSERT INTO leader_daily_sales (leader_id, day, completed_gmv_fen, completed_orders) VALUES ($1, $2, $3, $4)`,
      [leaderId, day, gmvFen, orders],
    );
  }

  it('shows my team’s size and sales and my direct recruits with theirs, and nothing of other teams', async () => {
    const top = await leaderUnder('团队长', null, true);
    const r1 = await leaderUnder('直推一号', top.row.id, false);
    const r2 = await leaderUnder('直推二号', top.row.id, false);
    const g1 = await leaderUnder('二代团长', r1.row.id, false);
    const today = localDate(t.tdb.deps.clock.now(), 'Asia/Shanghai');
    const lastMonth = `${today.slice(0, 4)}-${today.slice(5, 7) === '01' ? '12' : String(Number(today.slice(5, 7)) - 1).padStart(2, '0')}-15`;
    await sales(top.row.id, today, 99_900, 9); // the leader's own sales are not team sales
    await sales(r1.row.id, today, 10_000, 2);
    await sales(r1.row.id, lastMonth, 5_000, 1);
    await sales(g1.row.id, today, 2_500, 1);
    if (!top.login) throw new Error('no login');
    const s = await loginAs(t.app, top.login.username, top.login.password);
    const res = await call(t, s, 'GET', '/api/portal/team');
    expect(res.statusCode, res.body).toBe(200);
    const team = res.json();
    expect(team).toMatchObject({
      month: today.slice(0, 7),
      size: 3,
      gmvFen: 17_500,
      orders: 4,
      monthGmvFen: 12_500,
      recruitCount: 2,
    });
    expect(team.recruits.map((r: { name: string }) => r.name)).toEqual(['直推一号', '直推二号']);
    expect(team.recruits[0]).toMatchObject({
      leaderId: r1.row.id,
      code: r1.row.code,
      ownGmvFen: 15_000,
      ownMonthGmvFen: 10_000,
      teamSize: 1,
      teamGmvFen: 2_500,
    });
    expect(team.recruits[1]).toMatchObject({ leaderId: r2.row.id, ownGmvFen: 0, teamSize: 0 });
    // Leader A has no recruits: an empty team, none of the other team's figures.
    const a = (await call(t, await as('A'), 'GET', '/api/portal/team')).json();
    expect(a).toMatchObject({ size: 0, gmvFen: 0, monthGmvFen: 0, recruitCount: 0, recruits: [] });
  });

  it('shows my level, the next level’s requirements and my progress this period', async () => {
    await t.tdb.deps.pool.query(
      `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, upgrade_rule, created_at, updated_at)
       VALUES ('lvl_PORTALTESTSILVER000000000', 'SILVER_T', '银牌团长', 'Silver', 20, 'active', $1, now(), now())`,
      [
        JSON.stringify({
          all: [
            { metric: 'ownGmvFen', op: '>=', value: 100_000 },
            { metric: 'directRecruits', op: '>=', value: 1 },
          ],
        }),
      ],
    );
    const me = await leaderUnder('等级团长', null, true);
    await leaderUnder('等级直推', me.row.id, false);
    await sales(me.row.id, localDate(t.tdb.deps.clock.now(), 'Asia/Shanghai'), 40_000, 3);
    if (!me.login) throw new Error('no login');
    const s = await loginAs(t.app, me.login.username, me.login.password);
    const res = await call(t, s, 'GET', '/api/portal/level');
    expect(res.statusCode, res.body).toBe(200);
    const level = res.json();
    expect(level.leaderId).toBe(me.row.id);
    expect(level.current).toMatchObject({ nameZh: '普通团长' });
    expect(level.next).toMatchObject({ nameZh: '银牌团长', nameEn: 'Silver' });
    expect(level.upgrade.met).toBe(false);
    const conditions = level.upgrade.lines.filter((l: { kind: string }) => l.kind === 'condition');
    expect(conditions).toEqual([
      expect.objectContaining({ metric: 'ownGmvFen', target: 100_000, actual: 40_000, held: false }),
      expect.objectContaining({ metric: 'directRecruits', target: 1, actual: 1, held: true }),
    ]);
  });
});

describe('who may use the portal', () => {
  const GETS = [
    '/api/portal/me',
    '/api/portal/campaigns',
    '/api/portal/orders',
    '/api/portal/customers',
    '/api/portal/pickups?code=123456',
    '/api/portal/team',
    '/api/portal/level',
  ];

  it('answers a leader login that is linked to no leader with a clear 404 on every route', async () => {
    const orphan = await sessionFor(t, ['leader']);
    for (const url of GETS) expectError(await call(t, orphan, 'GET', url), 404, 'portal.not_a_leader');
    await expectNothingWritten(t.tdb, async () => {
      const res = await call(t, orphan, 'POST', '/api/portal/verify-pickup', { pickupCode: a1.pickupCode });
      expectError(res, 404, 'portal.not_a_leader');
      return res;
    });
    // An admin holds every permission but is no leader either.
    const admin = await sessionFor(t, ['admin']);
    expectError(await call(t, admin, 'GET', '/api/portal/me'), 404, 'portal.not_a_leader');
  });

  it('refuses staff without the portal permission and anonymous callers', async () => {
    const operator = await sessionFor(t, ['operator']);
    for (const url of GETS) expectError(await call(t, operator, 'GET', url), 403, 'auth.forbidden');
    for (const url of GETS) expectError(await call(t, null, 'GET', url), 401, 'auth.unauthenticated');
  });
});

/** Last in the file: an agreement version makes orders through unsigned leaders refused. */
describe('what a leader must do first', () => {
  it('asks a newly approved leader to replace the initial password before anything else', async () => {
    await insertRegions(t);
    const op = await sessionFor(t, ['operator']);
    const { applicationNo } = await applyOk(t, applyBody());
    const r = await t.tdb.deps.pool.query<{ id: string }>(
      'SELECT id FROM leader_applications WHERE application_no = $1',
      [applicationNo],
    );
    const approved = await call(t, op, 'POST', `/api/leader-applications/${r.rows[0]?.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const { login, leader } = approved.json<{
      login: { username: string; initialPassword: string };
      leader: { code: string };
    }>();
    const first = await loginAs(t.app, login.username, login.initialPassword);
    const me = (await call(t, first, 'GET', '/api/portal/me')).json();
    expect(me).toMatchObject({ code: leader.code, passwordChangeRequired: true });
    expectError(await call(t, first, 'GET', '/api/portal/campaigns'), 403, 'portal.password_change_required');
    expectError(
      await call(t, first, 'POST', '/api/portal/verify-pickup', { pickupCode: '123456' }),
      403,
      'portal.password_change_required',
    );
    const changed = await call(t, first, 'POST', '/api/auth/change-password', {
      currentPassword: login.initialPassword,
      newPassword: 'my-own-password-1',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await call(t, first, 'GET', '/api/portal/me')).json().passwordChangeRequired).toBe(false);
    expect((await call(t, first, 'GET', '/api/portal/campaigns')).statusCode).toBe(200);
  });

  it('says whether the leader has signed the current agreement', async () => {
    expect((await call(t, await as('A'), 'GET', '/api/portal/me')).json()).toMatchObject({
      agreementSigned: true,
      agreementPath: '/h5/leader/agreement',
    });
    const admin = await sessionFor(t, ['admin']);
    const published = await call(t, admin, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: '第一条 ……',
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await call(t, await as('A'), 'GET', '/api/portal/me')).json().agreementSigned).toBe(false);
  });
});
