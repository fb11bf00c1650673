import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findLeaderByCode,
  getPickupPoint,
  listPickupPointsOfLeader,
} from '../../src/modules/leaders/index.js';
import { listAudit } from '../../src/platform/audit/index.js';
import { isId } from '../../src/platform/ids.js';
import { createTestApp, makeUser, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError, type Res } from './support.js';

interface PickupPoint {
  id: string;
  leaderId: string;
  name: string;
  address: string;
  regionId: string;
  regionName: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  capacity: number | null;
  status: string;
}
interface Leader {
  id: string;
  code: string;
  name: string;
  phoneMasked: string;
  regionId: string;
  regionName: string | null;
  status: string;
  userId: string | null;
  pickupPoints: PickupPoint[];
}

let t: TestApp;
let op: Session;
let finance: Session;
const R = {
  zj: 'reg_01JTESTZJ00000000000000000',
  hz: 'reg_01JTESTHZ00000000000000000',
  xh: 'reg_01JTESTXH00000000000000000',
  sh: 'reg_01JTESTSH00000000000000000',
};
const MISSING_REGION = 'reg_01JTESTNONE000000000000000';

const LEADER_TABLES = ['leaders', 'pickup_points', 'audit_log', 'outbox_events'] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of LEADER_TABLES) {
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
function body(over: Record<string, unknown> = {}, pp: Record<string, unknown> = {}) {
  phoneSeq += 1;
  return {
    name: '张团长',
    phone: `139 0000 ${String(1000 + phoneSeq)}`,
    regionId: R.xh,
    pickupPoint: {
      name: '西湖花园 3 幢门卫室',
      address: '杭州市西湖区文三路 100 号',
      latitude: 30.2741,
      longitude: 120.1551,
      openingHours: '08:00-20:00',
      capacity: 200,
      ...pp,
    },
    ...over,
  };
}

async function create(over: Record<string, unknown> = {}, pp: Record<string, unknown> = {}): Promise<Leader> {
  const res = await call(t, op, 'POST', '/api/leaders', body(over, pp));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Leader>();
}

beforeAll(async () => {
  t = await createTestApp();
  op = await sessionFor(t, ['operator']);
  finance = await sessionFor(t, ['finance']);
  const rows: Array<[string, string, string, string | null, string]> = [
    [R.zj, '330000', '浙江省', null, 'province'],
    [R.hz, '330100', '杭州市', R.zj, 'city'],
    [R.xh, '330106', '西湖区', R.hz, 'district'],
    [R.sh, '310000', '上海市', null, 'province'],
  ];
  for (const [id, code, name, parent, level] of rows) {
    await t.tdb.deps.pool.query(
      'INSERT INTO regions (id, code, name, parent_id, level, created_at) VALUES ($1, $2, $3, $4, $5, now())',
      [id, code, name, parent, level],
    );
  }
});
afterAll(() => t.close());

describe('creating a leader', () => {
  it('creates the leader and the first pickup point in one go, with a generated code and masked phone', async () => {
    const leader = await create({ phone: '+86 138-1234-1234' });
    expect(isId('leader', leader.id)).toBe(true);
    expect(leader.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(leader.phoneMasked).toBe('138****1234');
    expect(leader).toMatchObject({ name: '张团长', regionId: R.xh, regionName: '西湖区', status: 'active' });
    expect(leader.pickupPoints).toHaveLength(1);
    expect(leader.pickupPoints[0]).toMatchObject({
      name: '西湖花园 3 幢门卫室',
      regionId: R.xh,
      latitude: 30.2741,
      longitude: 120.1551,
      capacity: 200,
      status: 'active',
    });
    expect(JSON.stringify(leader)).not.toContain('13812341234');

    const audit = await listAudit(t.tdb.deps.db, { entityId: leader.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['leader.create']);
    expect(JSON.stringify(audit.items)).not.toContain('13812341234');
    const events = await t.tdb.deps.pool.query<{ type: string }>(
      'SELECT type FROM outbox_events WHERE aggregate_id = ANY($1) ORDER BY id',
      [[leader.id, leader.pickupPoints[0]?.id]],
    );
    expect(events.rows.map((e) => e.type)).toEqual(['leader.created', 'pickup_point.changed']);
  });

  it('stores the phone only encrypted', async () => {
    await create({ phone: '13955554444' });
    const raw = await t.tdb.deps.pool.query('SELECT * FROM leaders');
    expect(JSON.stringify(raw.rows)).not.toContain('13955554444');
  });

  it('is found by the order module by code, with its region path', async () => {
    const leader = await create();
    const found = await findLeaderByCode(t.tdb.deps.db, leader.code.toLowerCase(), t.tdb.deps.clock.now());
    expect(found).toEqual({
      leaderId: leader.id,
      code: leader.code,
      name: '张团长',
      status: 'active',
      regionId: R.xh,
      regionPath: [R.xh, R.hz, R.zj],
      // No agreement is published in this file, so nothing stands between the leader and selling.
      agreementSigned: true,
    });
    expect(await findLeaderByCode(t.tdb.deps.db, 'ZZZZZZ', t.tdb.deps.clock.now())).toBeNull();
    expect(await findLeaderByCode(t.tdb.deps.db, 'not a code', t.tdb.deps.clock.now())).toBeNull();
    const pp = leader.pickupPoints[0];
    expect(await getPickupPoint(t.tdb.deps.db, pp?.id ?? '')).toEqual({
      id: pp?.id,
      leaderId: leader.id,
      name: pp?.name,
      address: pp?.address,
      status: 'active',
    });
    expect(await getPickupPoint(t.tdb.deps.db, 'pp_missing')).toBeNull();
    expect(await listPickupPointsOfLeader(t.tdb.deps.db, leader.id)).toHaveLength(1);
  });

  it('links a login user once', async () => {
    const user = await makeUser(t.tdb, ['leader']);
    const leader = await create({ userId: user.id });
    expect(leader.userId).toBe(user.id);
    expectError(
      await nothingWritten(() => call(t, op, 'POST', '/api/leaders', body({ userId: user.id }))),
      409,
      'leaders.user_taken',
      'body.userId',
    );
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, number, string, string]>([
    ['unknown region', { regionId: MISSING_REGION }, {}, 400, 'leaders.region_not_found', 'body.regionId'],
    [
      'unknown pickup region',
      {},
      { regionId: MISSING_REGION },
      400,
      'leaders.region_not_found',
      'body.pickupPoint.regionId',
    ],
    ['malformed phone', { phone: '1234567' }, {}, 400, 'leaders.invalid_phone', 'body.phone'],
    ['latitude out of range', {}, { latitude: 91 }, 400, 'request.invalid', 'body.pickupPoint.latitude'],
    [
      'longitude out of range',
      {},
      { longitude: -180.5 },
      400,
      'request.invalid',
      'body.pickupPoint.longitude',
    ],
    [
      'half a coordinate',
      {},
      { longitude: null },
      400,
      'leaders.coordinates_incomplete',
      'body.pickupPoint.longitude',
    ],
    ['blank name', { name: '   ' }, {}, 400, 'request.invalid', 'body.name'],
    [
      'unknown user',
      { userId: 'usr_00000000000000000000000000' },
      {},
      400,
      'leaders.user_not_found',
      'body.userId',
    ],
    ['negative capacity', {}, { capacity: -1 }, 400, 'request.invalid', 'body.pickupPoint.capacity'],
  ])('refuses %s, naming the field and writing nothing', async (_what, over, pp, status, code, field) => {
    const res = await nothingWritten(() => call(t, op, 'POST', '/api/leaders', body(over, pp)));
    expectError(res, status, code, field);
  });

  it('refuses a phone another leader has, in any spelling', async () => {
    await create({ phone: '13711112222' });
    const res = await nothingWritten(() =>
      call(t, op, 'POST', '/api/leaders', body({ phone: '+86 137 1111 2222' })),
    );
    expectError(res, 409, 'leaders.phone_taken', 'body.phone');
  });
});

describe('changing leaders and pickup points', () => {
  it('updates, suspends and activates a leader, auditing each step', async () => {
    const leader = await create();
    const upd = await call(t, op, 'PATCH', `/api/leaders/${leader.id}`, {
      name: '李团长',
      phone: '13622223333',
      regionId: R.hz,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json<Leader>()).toMatchObject({
      name: '李团长',
      phoneMasked: '136****3333',
      regionId: R.hz,
      code: leader.code,
    });
    const sus = await call(t, op, 'POST', `/api/leaders/${leader.id}/suspend`, { reason: '投诉核查中' });
    expect(sus.json<Leader>().status).toBe('suspended');
    expect((await findLeaderByCode(t.tdb.deps.db, leader.code, t.tdb.deps.clock.now()))?.status).toBe(
      'suspended',
    );
    expectError(
      await call(t, op, 'POST', `/api/leaders/${leader.id}/suspend`, {}),
      409,
      'leaders.status_unchanged',
    );
    expect((await call(t, op, 'POST', `/api/leaders/${leader.id}/activate`, {})).json<Leader>().status).toBe(
      'active',
    );
    const audit = await listAudit(t.tdb.deps.db, { entityId: leader.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'leader.activate',
      'leader.create',
      'leader.suspend',
      'leader.update',
    ]);
    const events = await t.tdb.deps.pool.query<{ type: string; payload: { changed: string[] } }>(
      `SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'leader.updated' ORDER BY id`,
      [leader.id],
    );
    expect(events.rows[0]?.payload.changed).toEqual(['name', 'phone', 'regionId']);
    expect(events.rows).toHaveLength(3);
  });

  it('refuses bad updates without writing', async () => {
    const leader = await create();
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', `/api/leaders/${leader.id}`, { phone: 'abc' })),
      400,
      'leaders.invalid_phone',
      'body.phone',
    );
    expectError(
      await nothingWritten(() =>
        call(t, op, 'PATCH', `/api/leaders/${leader.id}`, { regionId: MISSING_REGION }),
      ),
      400,
      'leaders.region_not_found',
      'body.regionId',
    );
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', '/api/leaders/ldr_missing', { name: 'x' })),
      404,
      'leaders.not_found',
    );
  });

  it('adds, edits, closes and reopens pickup points', async () => {
    const leader = await create();
    const add = await call(t, op, 'POST', `/api/leaders/${leader.id}/pickup-points`, {
      name: '二号点',
      address: '上海市浦东新区世纪大道 1 号',
      regionId: R.sh,
    });
    expect(add.statusCode, add.body).toBe(201);
    const pp = add.json<PickupPoint>();
    expect(pp).toMatchObject({
      leaderId: leader.id,
      regionName: '上海市',
      latitude: null,
      longitude: null,
      capacity: null,
    });
    const edit = await call(t, op, 'PATCH', `/api/pickup-points/${pp.id}`, {
      latitude: 31.2304,
      longitude: 121.4737,
      openingHours: '9-18',
    });
    expect(edit.json<PickupPoint>()).toMatchObject({
      latitude: 31.2304,
      longitude: 121.4737,
      openingHours: '9-18',
      name: '二号点',
    });
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', `/api/pickup-points/${pp.id}`, { latitude: null })),
      400,
      'leaders.coordinates_incomplete',
      'body.latitude',
    );
    expectError(
      await nothingWritten(() => call(t, op, 'PATCH', `/api/pickup-points/${pp.id}`, { longitude: 200 })),
      400,
      'request.invalid',
      'body.longitude',
    );
    expect(
      (await call(t, op, 'POST', `/api/pickup-points/${pp.id}/close`, {})).json<PickupPoint>().status,
    ).toBe('closed');
    expect((await getPickupPoint(t.tdb.deps.db, pp.id))?.status).toBe('closed');
    expect(
      (await call(t, op, 'POST', `/api/pickup-points/${pp.id}/reopen`, {})).json<PickupPoint>().status,
    ).toBe('active');
    const events = await t.tdb.deps.pool.query<{ payload: { change: string } }>(
      `SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'pickup_point.changed' ORDER BY id`,
      [pp.id],
    );
    expect(events.rows.map((e) => e.payload.change)).toEqual(['created', 'updated', 'closed', 'reopened']);
    const detail = await call(t, finance, 'GET', `/api/leaders/${leader.id}`);
    expect(detail.json<Leader>().pickupPoints).toHaveLength(2);
  });
});

describe('listing', () => {
  it('filters by region (including regions below), status and search, with masked phones', async () => {
    const a = await create({ name: '王小明', phone: '13500001111', regionId: R.sh });
    await call(t, op, 'POST', `/api/leaders/${a.id}/suspend`, {});
    const list = (url: string) =>
      call(t, finance, 'GET', url).then((r) => r.json<{ items: Leader[]; total: number }>());
    const bySh = await list(`/api/leaders?regionId=${R.sh}`);
    expect(bySh.items.map((l) => l.id)).toEqual([a.id]);
    expect(bySh.items[0]?.phoneMasked).toBe('135****1111');
    const byZj = await list(`/api/leaders?regionId=${R.zj}`);
    expect(byZj.total).toBeGreaterThan(0);
    expect(byZj.items.every((l) => l.regionId !== R.sh)).toBe(true);
    expect((await list('/api/leaders?status=suspended')).items.map((l) => l.id)).toContain(a.id);
    expect((await list(`/api/leaders?q=${encodeURIComponent('小明')}`)).items.map((l) => l.id)).toEqual([
      a.id,
    ]);
    expect((await list(`/api/leaders?q=${a.code.toLowerCase()}`)).items.map((l) => l.id)).toEqual([a.id]);
    expect((await list('/api/leaders?q=135-0000-1111')).items.map((l) => l.id)).toEqual([a.id]);
    const pps = await call(t, finance, 'GET', `/api/pickup-points?leaderId=${a.id}`);
    expect(pps.json<{ items: Array<{ leaderCode: string }> }>().items[0]?.leaderCode).toBe(a.code);
  });
});

describe('access', () => {
  it('lets finance read but not write, and refuses leaders and customers', async () => {
    expect((await call(t, finance, 'GET', '/api/leaders')).statusCode).toBe(200);
    expectError(await call(t, finance, 'POST', '/api/leaders', body()), 403, 'auth.forbidden');
    for (const role of ['leader', 'customer'] as const) {
      const s = await sessionFor(t, [role]);
      expectError(await call(t, s, 'GET', '/api/leaders'), 403, 'auth.forbidden');
    }
  });
});
