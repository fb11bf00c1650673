import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaderByCode } from '../../src/modules/leaders/index.js';
import { encodeRgbaPng, pngDataUrl, scribblePng } from '../../src/modules/leaders/onboarding/png-encode.js';
import { isId } from '../../src/platform/ids.js';
import { createTestApp, loginAs, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import {
  apply,
  applyBody,
  applyOk,
  badChecksum,
  freshIp,
  idNumber,
  insertRegions,
  nextSeq,
  nothingWritten,
  R,
} from './leader-onboarding-support.js';
import { call, expectError, ownerQuery, type Res } from './support.js';

let t: TestApp;
let op: Session;
let finance: Session;
let referrer: { id: string; code: string };
let suspended: { id: string; code: string };

interface Detail {
  id: string;
  applicationNo: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string;
  status: string;
  referrer: { id: string; code: string; name: string } | null;
  leaderId: string | null;
  userId: string | null;
  username: string | null;
  pickupPointId: string | null;
  rejectReason: string | null;
}
interface Approved {
  application: Detail;
  leader: { id: string; code: string; name: string };
  login: { userId: string; username: string; initialPassword: string };
}

async function makeLeader(phone: string, name: string): Promise<{ id: string; code: string }> {
  const res = await call(t, op, 'POST', '/api/leaders', {
    name,
    phone,
    regionId: R.xh,
    pickupPoint: { name: `${name}的自提点`, address: '杭州市西湖区 1 号' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string }>();
}

async function idOf(applicationNo: string): Promise<string> {
  const r = await t.tdb.deps.pool.query<{ id: string }>(
    'SELECT id FROM leader_applications WHERE application_no = $1',
    [applicationNo],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`no application ${applicationNo}`);
  return id;
}

async function approve(id: string): Promise<Approved> {
  const res = await call(t, op, 'POST', `/api/leader-applications/${id}/approve`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Approved>();
}

const status = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/leader-applications/status', payload: { token } });

/** Applies, approves, logs in with the initial password and replaces it: a leader ready to sign. */
async function newLeader(over: Record<string, unknown> = {}) {
  const body = applyBody(over);
  const { applicationNo } = await applyOk(t, body);
  const approved = await approve(await idOf(applicationNo));
  const first = await loginAs(t.app, approved.login.username, approved.login.initialPassword);
  const changed = await call(t, first, 'POST', '/api/auth/change-password', {
    currentPassword: approved.login.initialPassword,
    newPassword: 'my-own-password-1',
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return { ...approved, session: first, name: body.name };
}

beforeAll(async () => {
  t = await createTestApp();
  op = await sessionFor(t, ['operator']);
  finance = await sessionFor(t, ['finance']);
  await insertRegions(t);
  referrer = await makeLeader('13900001111', '推荐人老周');
  suspended = await makeLeader('13900002222', '停用的团长');
  expect((await call(t, op, 'POST', `/api/leaders/${suspended.id}/suspend`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('applying (团长申请)', () => {
  it('files an application, stores phone and ID number only encrypted, and answers a status token once', async () => {
    const body = applyBody({
      phone: '+86 137-5555-0001',
      idNumber: '11010519491231002x',
      referrerCode: referrer.code.toLowerCase(),
    });
    const res = await apply(t, body);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json<{ applicationNo: string; status: string; statusToken: string }>();
    expect(out.applicationNo).toMatch(/^SQ260301-[A-HJ-NP-Z2-9]{4}$/);
    expect(out.status).toBe('pending');
    expect(out.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const raw = await t.tdb.deps.pool.query('SELECT * FROM leader_applications WHERE application_no = $1', [
      out.applicationNo,
    ]);
    const row = raw.rows[0] as Record<string, unknown>;
    const dump = JSON.stringify(raw.rows);
    expect(dump).not.toContain('13755550001');
    expect(dump).not.toContain('11010519491231002X');
    expect(dump).not.toContain(out.statusToken);
    expect(row.status_token_hash).toBe(createHash('sha256').update(out.statusToken).digest('hex'));
    expect(row.referrer_id).toBe(referrer.id);
    expect(row.submitted_ip).toBeTruthy();
    expect(isId('leaderApplication', String(row.id))).toBe(true);

    const audit = await t.tdb.deps.pool.query(
      "SELECT after FROM audit_log WHERE action = 'leader_application.submit' AND entity_id = $1",
      [row.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain('13755550001');
    expect(JSON.stringify(audit.rows)).toContain('137****0001');
    expect(JSON.stringify(audit.rows)).toContain('110***********002X');
    const events = await t.tdb.deps.pool.query('SELECT type FROM outbox_events WHERE aggregate_id = $1', [
      row.id,
    ]);
    expect(events.rows.map((e) => e.type)).toEqual(['leader_application.submitted']);

    const seen = await status(out.statusToken);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      applicationNo: out.applicationNo,
      status: 'pending',
      name: body.name,
      phoneMasked: '137****0001',
      regionName: '西湖区',
      decidedAt: null,
      rejectReason: null,
      username: null,
    });
  });

  it('shows the referrer an invite link names, and the region tree, without a login', async () => {
    const ref = await t.app.inject({
      method: 'GET',
      url: `/api/leader-applications/referrer/${referrer.code}`,
    });
    expect(ref.statusCode).toBe(200);
    expect(ref.json()).toEqual({ code: referrer.code, name: '推荐人老周' });
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/leader-applications/referrer/ZZZZZZ' }),
      400,
      'onboarding.referrer_not_found',
      'params.code',
    );
    const form = await t.app.inject({ method: 'GET', url: '/api/leader-applications/form' });
    expect(form.statusCode).toBe(200);
    expect(
      form
        .json<{ regions: Array<{ id: string }> }>()
        .regions.map((r) => r.id)
        .sort(),
    ).toEqual(Object.values(R).sort());
  });

  it('refuses a status token that is malformed or unknown', async () => {
    expectError(await status('short'), 404, 'onboarding.status_link_invalid', 'body.token');
    expectError(await status('A'.repeat(43)), 404, 'onboarding.status_link_invalid', 'body.token');
  });
});

describe('bad applications: a 4xx naming the field, nothing written', () => {
  const cases: Array<[string, () => object, number, string, string]> = [
    [
      'bad ID checksum',
      () => applyBody({ idNumber: badChecksum(idNumber(nextSeq())) }),
      400,
      'onboarding.id_number_checksum',
      'body.idNumber',
    ],
    [
      'ID of the wrong shape',
      () => applyBody({ idNumber: '12345' }),
      400,
      'onboarding.id_number_format',
      'body.idNumber',
    ],
    [
      'impossible birth date',
      () => applyBody({ idNumber: idNumber(nextSeq(), '19900230') }),
      400,
      'onboarding.id_number_birth_date',
      'body.idNumber',
    ],
    [
      'a minor',
      () => applyBody({ idNumber: idNumber(nextSeq(), '20100101') }),
      400,
      'onboarding.applicant_underage',
      'body.idNumber',
    ],
    [
      'latitude out of range',
      () => applyBody({}, { latitude: 91 }),
      400,
      'onboarding.latitude_out_of_range',
      'body.pickupPoint.latitude',
    ],
    [
      'longitude out of range',
      () => applyBody({}, { longitude: -180.5 }),
      400,
      'onboarding.longitude_out_of_range',
      'body.pickupPoint.longitude',
    ],
    [
      'unknown referrer',
      () => applyBody({ referrerCode: 'ZZZZZZ' }),
      400,
      'onboarding.referrer_not_found',
      'body.referrerCode',
    ],
    [
      'a referrer code that cannot be one',
      () => applyBody({ referrerCode: 'not-a-code' }),
      400,
      'onboarding.referrer_not_found',
      'body.referrerCode',
    ],
    [
      'suspended referrer',
      () => applyBody({ referrerCode: suspended.code }),
      400,
      'onboarding.referrer_inactive',
      'body.referrerCode',
    ],
    [
      'unknown region',
      () => applyBody({ regionId: 'reg_01JONBNONE00000000000000000' }),
      400,
      'onboarding.region_not_found',
      'body.regionId',
    ],
    ['bad phone', () => applyBody({ phone: '12345' }), 400, 'onboarding.invalid_phone', 'body.phone'],
    ['missing name', () => ({ ...applyBody(), name: '   ' }), 400, 'request.invalid', 'body.name'],
    [
      'missing opening hours',
      () => applyBody({}, { openingHours: '' }),
      400,
      'request.invalid',
      'body.pickupPoint.openingHours',
    ],
    ['an unknown property', () => applyBody({ level: 'gold' }), 400, 'request.invalid', 'body.level'],
    [
      'coordinates as text',
      () => applyBody({}, { latitude: 'north' }),
      400,
      'request.invalid',
      'body.pickupPoint.latitude',
    ],
  ];
  it.each(cases)('%s', async (_label, body, code, error, field) => {
    const res = await nothingWritten(t, () => apply(t, body()));
    expectError(res, code, error, field);
  });
});

describe('duplicate applications', () => {
  it('refuses the same phone while an application is pending, and the same ID number', async () => {
    const first = applyBody();
    await applyOk(t, first);
    const samePhone = await nothingWritten(t, () => apply(t, applyBody({ phone: first.phone })));
    const err = expectError(samePhone, 409, 'onboarding.phone_has_application', 'body.phone');
    expect(err.messageZh).toContain('请勿重复申请');
    const sameId = await nothingWritten(t, () => apply(t, applyBody({ idNumber: first.idNumber })));
    expectError(sameId, 409, 'onboarding.id_number_has_application', 'body.idNumber');
  });

  it('refuses a phone that already belongs to a leader', async () => {
    const res = await nothingWritten(t, () => apply(t, applyBody({ phone: '139 0000 1111' })));
    expectError(res, 409, 'onboarding.phone_is_leader', 'body.phone');
  });

  it('lets only one of two racing applications with one phone through', async () => {
    const a = applyBody();
    const b = applyBody({ phone: a.phone });
    const [ra, rb] = await Promise.all([apply(t, a), apply(t, b)]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
  });
});

describe('abuse limits', () => {
  const applicationId = async (applicationNo: string) => {
    const r = await t.tdb.deps.pool.query<{ id: string }>(
      'SELECT id FROM leader_applications WHERE application_no = $1',
      [applicationNo],
    );
    return r.rows[0]?.id as string;
  };

  it('does not count refused submissions: a shared address with typos still gets its applicant through', async () => {
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 10; i += 1)
      codes.push((await apply(t, applyBody({ phone: '12345' }), ip)).statusCode);
    expect(codes).toEqual(Array(10).fill(400));
    const ok = await apply(t, applyBody(), ip);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('allows three accepted applications per phone a day, then answers 429 naming the phone', async () => {
    const phone = '137 6666 0003';
    for (let i = 0; i < 3; i += 1) {
      const { applicationNo } = await applyOk(t, applyBody({ phone }));
      const rej = await call(
        t,
        op,
        'POST',
        `/api/leader-applications/${await applicationId(applicationNo)}/reject`,
        {
          reason: '资料不全',
        },
      );
      expect(rej.statusCode, rej.body).toBe(200);
    }
    const res = await nothingWritten(t, () => apply(t, applyBody({ phone })));
    const err = expectError(res, 429, 'onboarding.too_many_applications', 'body.phone');
    expect(err.messageZh).toContain('申请过多');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another phone from anywhere is not affected.
    expect((await apply(t, applyBody())).statusCode).toBe(201);
  });

  it('allows thirty accepted applications per address an hour', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i += 1) {
      const res = await apply(t, applyBody(), ip);
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await nothingWritten(t, () => apply(t, applyBody(), ip));
    expectError(res, 429, 'onboarding.too_many_applications');
    expect((await apply(t, applyBody())).statusCode).toBe(201);
  });
});

describe('the review queue (审核)', () => {
  it('lists applications masked, filtered by status, region (and below) and a full phone', async () => {
    const body = applyBody({ phone: '137 7777 0002', idNumber: idNumber(777), regionId: R.xh });
    const { applicationNo } = await applyOk(t, body);
    const sh = applyBody({ regionId: R.sh });
    await applyOk(t, sh);

    const list = await call(t, op, 'GET', `/api/leader-applications?status=pending&regionId=${R.hz}`);
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<{ items: Detail[]; total: number; counts: Record<string, number> }>();
    const mine = page.items.find((i) => i.applicationNo === applicationNo);
    expect(mine).toMatchObject({
      phoneMasked: '137****0002',
      idNumberMasked: `330***********${idNumber(777).slice(-4)}`,
    });
    expect(page.items.some((i) => i.name === sh.name)).toBe(false);
    expect(page.items.every((i) => i.status === 'pending')).toBe(true);
    expect(page.counts.pending).toBeGreaterThan(0);
    expect(list.body).not.toContain('13777770002');
    expect(list.body).not.toContain(idNumber(777));

    const byPhone = await call(t, op, 'GET', '/api/leader-applications?q=13777770002');
    expect(byPhone.json<{ items: Detail[] }>().items.map((i) => i.applicationNo)).toEqual([applicationNo]);
    const byId = await call(t, op, 'GET', `/api/leader-applications?q=${idNumber(777)}`);
    expect(byId.json<{ items: Detail[] }>().items.map((i) => i.applicationNo)).toEqual([applicationNo]);

    expectError(await call(t, finance, 'GET', '/api/leader-applications'), 403, 'auth.forbidden');
  });

  it('reveals the full phone and ID number to a leaders.manage holder, and audits the read', async () => {
    const body = applyBody({ phone: '137 7777 0003' });
    const id = await idOf((await applyOk(t, body)).applicationNo);
    const detail = await call(t, op, 'GET', `/api/leader-applications/${id}`);
    expect(detail.json<Detail>().idNumberMasked).toBe(`330***********${body.idNumber.slice(-4)}`);
    expectError(
      await call(t, finance, 'POST', `/api/leader-applications/${id}/reveal`, {}),
      403,
      'auth.forbidden',
    );
    const res = await call(t, op, 'POST', `/api/leader-applications/${id}/reveal`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, phone: '13777770003', idNumber: body.idNumber });
    const audit = await t.tdb.deps.pool.query(
      "SELECT actor_id, after FROM audit_log WHERE action = 'leader_application.pii_viewed' AND entity_id = $1",
      [id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_id).toBe(op.user.id);
    expect(JSON.stringify(audit.rows)).not.toContain('13777770003');
  });
});

describe('approval', () => {
  it('creates the leader (with the referrer), the pickup point and a leader login in one go; the login works', async () => {
    const body = applyBody({ referrerCode: referrer.code });
    const { applicationNo, statusToken } = await applyOk(t, body);
    const id = await idOf(applicationNo);
    const approved = await approve(id);
    expect(approved.application).toMatchObject({ status: 'approved', leaderId: approved.leader.id });
    expect(approved.login.username).toBe(`leader-${approved.leader.code.toLowerCase()}`);
    expect(approved.login.initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);

    const leader = await t.tdb.deps.pool.query(
      'SELECT name, region_id, user_id, referrer_id, phone_enc FROM leaders WHERE id = $1',
      [approved.leader.id],
    );
    expect(leader.rows[0]).toMatchObject({
      name: body.name,
      region_id: R.xh,
      user_id: approved.login.userId,
      referrer_id: referrer.id,
    });
    expect(t.tdb.deps.crypto.decrypt(leader.rows[0].phone_enc)).toBe(body.phone.replace(/\s/g, ''));
    const pp = await t.tdb.deps.pool.query(
      'SELECT id, name, address, latitude, longitude, opening_hours FROM pickup_points WHERE leader_id = $1',
      [approved.leader.id],
    );
    expect(pp.rows).toHaveLength(1);
    expect(pp.rows[0]).toMatchObject({
      id: approved.application.pickupPointId,
      name: body.pickupPoint.name,
      latitude: '30.277500',
      longitude: '120.130200',
      opening_hours: '08:00-21:00',
    });
    const user = await t.tdb.deps.pool.query(
      'SELECT username, roles, display_name FROM users WHERE id = $1',
      [approved.login.userId],
    );
    expect(user.rows[0]).toMatchObject({ roles: ['leader'], display_name: body.name });
    // The initial password is stored nowhere in plain text.
    const everywhere = await t.tdb.deps.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE '%' || $1 || '%'",
      [approved.login.initialPassword],
    );
    expect(everywhere.rows[0].n).toBe(0);

    const events = await t.tdb.deps.pool.query<{ type: string; payload: Record<string, unknown> }>(
      "SELECT type, payload FROM outbox_events WHERE type = 'leader.approved' AND aggregate_id = $1",
      [approved.leader.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]?.payload).toMatchObject({
      applicationId: id,
      userId: approved.login.userId,
      referrerId: referrer.id,
      pickupPointId: approved.application.pickupPointId,
    });
    const audit = await t.tdb.deps.pool.query(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq',
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'leader_application.submit',
      'leader_application.approve',
    ]);

    const session = await loginAs(t.app, approved.login.username, approved.login.initialPassword);
    expect(session.user.roles).toEqual(['leader']);
    const seen = await status(statusToken);
    expect(seen.json()).toMatchObject({
      status: 'approved',
      username: approved.login.username,
      leaderCode: approved.leader.code,
    });

    // The same phone can never apply again: it is a leader now.
    expectError(
      await apply(t, applyBody({ phone: body.phone })),
      409,
      'onboarding.phone_is_leader',
      'body.phone',
    );
  });

  it('asks for a new password until the initial one is changed', async () => {
    const { applicationNo } = await applyOk(t, applyBody());
    const approved = await approve(await idOf(applicationNo));
    const s = await loginAs(t.app, approved.login.username, approved.login.initialPassword);
    const mine = await call(t, s, 'GET', '/api/leader-agreements/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ passwordChangeRequired: true, signed: true, current: null });
    expectError(
      await call(t, s, 'GET', '/api/leader-training/mine'),
      403,
      'onboarding.password_change_required',
    );
    const changed = await call(t, s, 'POST', '/api/auth/change-password', {
      currentPassword: approved.login.initialPassword,
      newPassword: 'another-password-2',
    });
    expect(changed.statusCode).toBe(204);
    expect((await call(t, s, 'GET', '/api/leader-agreements/mine')).json()).toMatchObject({
      passwordChangeRequired: false,
    });
    expect((await call(t, s, 'GET', '/api/leader-training/mine')).statusCode).toBe(200);
  });

  it('refuses deciding twice with 409 and writes nothing', async () => {
    const { applicationNo } = await applyOk(t, applyBody());
    const id = await idOf(applicationNo);
    await approve(id);
    const again = await nothingWritten(t, () =>
      call(t, op, 'POST', `/api/leader-applications/${id}/approve`, {}),
    );
    expectError(again, 409, 'onboarding.already_decided', 'params.id');
    const reject = await nothingWritten(t, () =>
      call(t, op, 'POST', `/api/leader-applications/${id}/reject`, { reason: '太晚了' }),
    );
    expectError(reject, 409, 'onboarding.already_decided', 'params.id');
  });

  it('lets exactly one of two simultaneous approvals win', async () => {
    const { applicationNo } = await applyOk(t, applyBody());
    const id = await idOf(applicationNo);
    const [a, b] = await Promise.all([
      call(t, op, 'POST', `/api/leader-applications/${id}/approve`, {}),
      call(t, op, 'POST', `/api/leader-applications/${id}/approve`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const leaders = await t.tdb.deps.pool.query(
      'SELECT count(*)::int AS n FROM leader_applications a JOIN leaders l ON l.id = a.leader_id WHERE a.id = $1',
      [id],
    );
    expect(leaders.rows[0].n).toBe(1);
  });

  it('refuses an unknown application and a role without leaders.manage', async () => {
    expectError(
      await call(t, op, 'POST', '/api/leader-applications/lap_00000000000000000000000000/approve', {}),
      404,
      'onboarding.application_not_found',
      'params.id',
    );
    const { applicationNo } = await applyOk(t, applyBody());
    const id = await idOf(applicationNo);
    expectError(
      await call(t, finance, 'POST', `/api/leader-applications/${id}/approve`, {}),
      403,
      'auth.forbidden',
    );
    expectError(
      await call(t, op, 'POST', `/api/leader-applications/${id}/approve`, { note: 'x' }),
      400,
      'request.invalid',
      'body.note',
    );
  });
});

describe('rejection', () => {
  it('needs a reason, shows it to the applicant, and frees the phone for a new application', async () => {
    const body = applyBody();
    const { applicationNo, statusToken } = await applyOk(t, body);
    const id = await idOf(applicationNo);
    for (const payload of [{}, { reason: '' }, { reason: '   ' }]) {
      const res: Res = await nothingWritten(t, () =>
        call(t, op, 'POST', `/api/leader-applications/${id}/reject`, payload),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field).toBe('body.reason');
    }
    const res = await call(t, op, 'POST', `/api/leader-applications/${id}/reject`, {
      reason: '自提点位置不在服务范围内',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      rejectReason: '自提点位置不在服务范围内',
      leaderId: null,
    });
    expect((await status(statusToken)).json()).toMatchObject({
      status: 'rejected',
      rejectReason: '自提点位置不在服务范围内',
    });
    const leaders = await t.tdb.deps.pool.query('SELECT count(*)::int AS n FROM leaders WHERE name = $1', [
      body.name,
    ]);
    expect(leaders.rows[0].n).toBe(0);
    await applyOk(t, { ...applyBody(), phone: body.phone, idNumber: body.idNumber });
  });
});

describe('electronic agreements (电子签约)', () => {
  let leader: Awaited<ReturnType<typeof newLeader>>;
  const TEXT_V1 = '团长合作协议\n第一条 团长应按时签收货物。\n第二条 佣金按月结算。';
  const TEXT_V2 = `${TEXT_V1}\n第三条 新增：售后须在 24 小时内处理。`;
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const sign = (s: Session, over: Record<string, unknown> = {}) =>
    call(t, s, 'POST', '/api/leader-agreements/mine/sign', {
      version: 1,
      textSha256: sha(TEXT_V1),
      typedName: leader.name,
      consent: true,
      signaturePng: pngDataUrl(scribblePng(7)),
      ...over,
    });

  beforeAll(async () => {
    leader = await newLeader();
  });

  it('counts every leader as signed while no agreement exists', async () => {
    expect(
      (await findLeaderByCode(t.tdb.deps.db, leader.leader.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(true);
    expect((await call(t, leader.session, 'GET', '/api/leader-agreements/mine')).json()).toMatchObject({
      current: null,
      signed: true,
    });
    expectError(await sign(leader.session), 409, 'onboarding.no_current_agreement');
  });

  it('publishes version 1, which every leader must then sign', async () => {
    const res = await call(t, op, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: TEXT_V1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, current: true, bodySha256: sha(TEXT_V1) });
    expect(
      (await findLeaderByCode(t.tdb.deps.db, leader.leader.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(false);
    expect(
      (await findLeaderByCode(t.tdb.deps.db, referrer.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(false);
    const mine = await call(t, leader.session, 'GET', '/api/leader-agreements/mine');
    expect(mine.json()).toMatchObject({ signed: false, current: { version: 1, body: TEXT_V1 } });
    expectError(
      await call(t, finance, 'POST', '/api/leader-agreements/templates', { title: 'x', body: 'y' }),
      403,
      'auth.forbidden',
    );
  });

  it('refuses each bad signing attempt with a 4xx naming the field, writing nothing', async () => {
    const blank = pngDataUrl(encodeRgbaPng(300, 100, Buffer.alloc(300 * 100 * 4)));
    const notPng = `data:image/png;base64,${Buffer.from('definitely not a png image').toString('base64')}`;
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ consent: false }, 400, 'onboarding.consent_required', 'body.consent'],
      [{ typedName: '别人' }, 400, 'onboarding.typed_name_mismatch', 'body.typedName'],
      [{ signaturePng: blank }, 400, 'onboarding.signature_blank', 'body.signaturePng'],
      [{ signaturePng: notPng }, 400, 'onboarding.signature_invalid', 'body.signaturePng'],
      [
        { signaturePng: 'data:image/jpeg;base64,AAAA' },
        400,
        'onboarding.signature_invalid',
        'body.signaturePng',
      ],
      [{ version: 2 }, 409, 'onboarding.agreement_outdated', 'body.version'],
      [{ textSha256: sha('another text') }, 409, 'onboarding.agreement_outdated', 'body.textSha256'],
      [{ textSha256: 'xyz' }, 400, 'request.invalid', 'body.textSha256'],
      [{ extra: 1 }, 400, 'request.invalid', 'body.extra'],
    ];
    for (const [over, code, error, field] of cases) {
      const res = await nothingWritten(t, () => sign(leader.session, over));
      expectError(res, code, error, field);
    }
    expectError(await sign(op), 403, 'auth.forbidden');
  });

  it('stores the signature, the hash of the exact text, time, IP and browser; then the leader may sell', async () => {
    const png = scribblePng(7);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/leader-agreements/mine/sign',
      headers: {
        ...leader.session.headers,
        'user-agent': 'Mozilla/5.0 (iPhone) signing-test',
        'x-forwarded-for': '203.0.113.9',
      },
      payload: {
        version: 1,
        textSha256: sha(TEXT_V1),
        typedName: ` ${leader.name} `,
        consent: true,
        signaturePng: pngDataUrl(png),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sig = res.json<{
      id: string;
      textSha256: string;
      signedAt: string;
      ip: string;
      userAgent: string;
    }>();
    expect(sig).toMatchObject({
      textSha256: sha(TEXT_V1),
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0 (iPhone) signing-test',
      signedAt: t.tdb.deps.clock.now().toISOString(),
    });
    const row = await t.tdb.deps.pool.query<{
      signature_png: Buffer;
      signature_sha256: string;
      typed_name: string;
    }>('SELECT signature_png, signature_sha256, typed_name FROM agreement_signatures WHERE id = $1', [
      sig.id,
    ]);
    expect(row.rows[0]?.signature_png.equals(png)).toBe(true);
    expect(row.rows[0]?.signature_sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(
      (await findLeaderByCode(t.tdb.deps.db, leader.leader.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(true);
    expectError(await sign(leader.session), 409, 'onboarding.agreement_already_signed');

    // Evidence cannot be edited afterwards.
    await expect(
      t.tdb.deps.pool.query("UPDATE agreement_signatures SET typed_name = 'x' WHERE id = $1", [sig.id]),
    ).rejects.toThrow(/permission denied/);
    // Not even the tables' owner: the trigger refuses it.
    await expect(
      ownerQuery(t.tdb, "UPDATE agreement_signatures SET typed_name = 'x' WHERE id = $1", [sig.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ownerQuery(t.tdb, 'DELETE FROM agreement_templates')).rejects.toThrow(/append-only/);
  });

  it('shows who signed what and when, who has not, and prints a signed record', async () => {
    const signed = await call(t, op, 'GET', '/api/leader-agreements/signatures?signed=signed');
    expect(signed.statusCode, signed.body).toBe(200);
    const body = signed.json<{
      version: number;
      items: Array<{ leaderId: string; signature: { id: string; ip: string } | null }>;
      signedCount: number;
    }>();
    expect(body.version).toBe(1);
    expect(body.items.map((i) => i.leaderId)).toEqual([leader.leader.id]);
    expect(body.signedCount).toBe(1);
    const unsigned = await call(
      t,
      op,
      'GET',
      '/api/leader-agreements/signatures?signed=unsigned&pageSize=200',
    );
    const unsignedIds = unsigned.json<{ items: Array<{ leaderId: string }> }>().items.map((i) => i.leaderId);
    expect(unsignedIds).toContain(referrer.id);
    expect(unsignedIds).not.toContain(leader.leader.id);
    expectError(
      await call(t, op, 'GET', '/api/leader-agreements/signatures?version=9'),
      409,
      'onboarding.no_current_agreement',
      'query.version',
    );

    const sigId = body.items[0]?.signature?.id ?? '';
    const print = await call(t, op, 'GET', `/api/leader-agreements/signatures/${sigId}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toMatch(/^text\/html/);
    expect(print.headers['content-security-policy']).toContain("default-src 'none'");
    expect(print.body).toContain(sha(TEXT_V1));
    expect(print.body).toContain('第二条 佣金按月结算。');
    expect(print.body).toContain('203.0.113.9');
    expect(print.body).toContain('data:image/png;base64,');
    expect(print.body).toContain('(UTC+8)');
    expectError(
      await call(t, finance, 'GET', `/api/leader-agreements/signatures/${sigId}/print`),
      403,
      'auth.forbidden',
    );
    expectError(
      await call(t, op, 'GET', '/api/leader-agreements/signatures/ags_00000000000000000000000000/print'),
      404,
      'onboarding.signature_not_found',
      'params.id',
    );
  });

  it('requires signing again when a new version is published', async () => {
    t.tdb.deps.clock.advance(60_000);
    const v2 = await call(t, op, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: TEXT_V2,
    });
    expect(v2.json()).toMatchObject({ version: 2, current: true });
    expect(
      (await findLeaderByCode(t.tdb.deps.db, leader.leader.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(false);
    const mine = await call(t, leader.session, 'GET', '/api/leader-agreements/mine');
    expect(mine.json()).toMatchObject({ signed: false, current: { version: 2 }, history: [{ version: 1 }] });
    // The page that still shows version 1 cannot sign it any more.
    expectError(await sign(leader.session), 409, 'onboarding.agreement_outdated', 'body.version');
    const res = await sign(leader.session, { version: 2, textSha256: sha(TEXT_V2) });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await findLeaderByCode(t.tdb.deps.db, leader.leader.code, t.tdb.deps.clock.now()))?.agreementSigned,
    ).toBe(true);
    const templates = await call(t, op, 'GET', '/api/leader-agreements/templates');
    expect(
      templates
        .json<{ items: Array<{ version: number; current: boolean; signedCount: number }> }>()
        .items.map((i) => [i.version, i.current, i.signedCount]),
    ).toEqual([
      [2, true, 1],
      [1, false, 1],
    ]);
    const records = await call(t, op, 'GET', `/api/leaders/${leader.leader.id}/onboarding`);
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json()).toMatchObject({
      application: { applicationNo: expect.stringMatching(/^SQ/) },
      agreements: { currentVersion: 2, signedCurrent: true, items: [{ version: 2 }, { version: 1 }] },
    });
  });
});

describe('training (培训)', () => {
  let a: Awaited<ReturnType<typeof newLeader>>;
  let b: Awaited<ReturnType<typeof newLeader>>;
  let article: { id: string; bodyHtml: string };
  let video: { id: string };

  beforeAll(async () => {
    a = await newLeader();
    b = await newLeader();
  });

  it('stores articles as sanitized HTML and links as http(s) only', async () => {
    const res = await call(t, op, 'POST', '/api/leader-training/materials', {
      title: '自提点服务规范',
      kind: 'article',
      bodyHtml:
        '<h2>规范</h2><p onclick="x()">每天 8 点前签收<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>',
      required: true,
      sortOrder: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    article = res.json();
    expect(article.bodyHtml).toBe('<h2>规范</h2><p>每天 8 点前签收</p><a>x</a>');
    const v = await call(t, op, 'POST', '/api/leader-training/materials', {
      title: '如何使用团长端',
      kind: 'video',
      url: 'https://video.example.com/tuanflow/leader-app.mp4',
      required: false,
      sortOrder: 2,
    });
    expect(v.statusCode, v.body).toBe(201);
    video = v.json();

    const bad: Array<[object, string, string]> = [
      [
        {
          title: '空文章',
          kind: 'article',
          bodyHtml: '<p> </p><script>x</script>',
          required: false,
          sortOrder: 3,
        },
        'onboarding.material_body_required',
        'body.bodyHtml',
      ],
      [
        { title: '坏链接', kind: 'document', url: 'javascript:alert(1)', required: false, sortOrder: 3 },
        'onboarding.material_url_required',
        'body.url',
      ],
      [
        { title: '无链接', kind: 'video', required: false, sortOrder: 3 },
        'onboarding.material_url_required',
        'body.url',
      ],
      [
        { title: '坏类型', kind: 'podcast', url: 'https://x', required: false, sortOrder: 3 },
        'request.invalid',
        'body.kind',
      ],
    ];
    for (const [payload, code, field] of bad) {
      const r = await nothingWritten(t, () => call(t, op, 'POST', '/api/leader-training/materials', payload));
      expectError(r, 400, code, field);
    }
  });

  it('marks completion once per leader, and shows rates per material and per leader', async () => {
    const mine = await call(t, a.session, 'GET', '/api/leader-training/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ requiredTotal: 1, requiredDone: 0 });
    expectError(
      await nothingWritten(t, () =>
        call(t, a.session, 'POST', `/api/leader-training/mine/${article.id}/complete`, {}),
      ),
      400,
      'request.invalid',
      'body.confirmed',
    );
    const first = await call(t, a.session, 'POST', `/api/leader-training/mine/${article.id}/complete`, {
      confirmed: true,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ firstTime: true });
    const again = await nothingWritten(t, () =>
      call(t, a.session, 'POST', `/api/leader-training/mine/${article.id}/complete`, { confirmed: true }),
    );
    expect(again.json()).toMatchObject({ firstTime: false, completedAt: first.json().completedAt });
    await call(t, a.session, 'POST', `/api/leader-training/mine/${video.id}/complete`, { confirmed: true });
    await call(t, b.session, 'POST', `/api/leader-training/mine/${video.id}/complete`, { confirmed: true });

    const activeLeaders = (
      await t.tdb.deps.pool.query("SELECT count(*)::int AS n FROM leaders WHERE status = 'active'")
    ).rows[0].n as number;
    const list = await call(t, op, 'GET', '/api/leader-training/materials');
    const items = list.json<{
      leaderCount: number;
      items: Array<{ id: string; completedCount: number; completionRate: number }>;
    }>();
    expect(items.leaderCount).toBe(activeLeaders);
    const rate = (id: string) => items.items.find((i) => i.id === id);
    expect(rate(article.id)).toMatchObject({
      completedCount: 1,
      completionRate: Math.round((1 / activeLeaders) * 10_000) / 10_000,
    });
    expect(rate(video.id)).toMatchObject({ completedCount: 2 });

    const progress = await call(t, op, 'GET', '/api/leader-training/progress?pageSize=200');
    const rows = progress.json<{
      requiredTotal: number;
      items: Array<{ leaderId: string; requiredDone: number; done: number; requiredComplete: boolean }>;
    }>();
    expect(rows.requiredTotal).toBe(1);
    expect(rows.items.find((r) => r.leaderId === a.leader.id)).toMatchObject({
      requiredDone: 1,
      done: 2,
      requiredComplete: true,
    });
    expect(rows.items.find((r) => r.leaderId === b.leader.id)).toMatchObject({
      requiredDone: 0,
      done: 1,
      requiredComplete: false,
    });
    const incomplete = await call(t, op, 'GET', '/api/leader-training/progress?incomplete=true&pageSize=200');
    const ids = incomplete.json<{ items: Array<{ leaderId: string }> }>().items.map((r) => r.leaderId);
    expect(ids).toContain(b.leader.id);
    expect(ids).not.toContain(a.leader.id);
  });

  it('hides archived materials from leaders and refuses completing them', async () => {
    const archived = await call(t, op, 'POST', `/api/leader-training/materials/${video.id}/archive`, {});
    expect(archived.json()).toMatchObject({ status: 'archived' });
    expectError(
      await call(t, op, 'POST', `/api/leader-training/materials/${video.id}/archive`, {}),
      409,
      'onboarding.material_status_unchanged',
    );
    const mine = await call(t, b.session, 'GET', '/api/leader-training/mine');
    expect(mine.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).not.toContain(video.id);
    expectError(
      await nothingWritten(t, () =>
        call(t, b.session, 'POST', `/api/leader-training/mine/${video.id}/complete`, { confirmed: true }),
      ),
      409,
      'onboarding.material_archived',
      'params.id',
    );
    const edited = await call(t, op, 'PATCH', `/api/leader-training/materials/${article.id}`, {
      bodyHtml: '<p>新版</p><iframe src="https://x"></iframe>',
    });
    expect(edited.json()).toMatchObject({ bodyHtml: '<p>新版</p>' });
    expectError(await call(t, a.session, 'GET', '/api/leader-training/materials'), 403, 'auth.forbidden');
  });

  it('refuses leader pages for a login that is not a leader', async () => {
    const stranger = await sessionFor(t, ['leader']);
    expectError(await call(t, stranger, 'GET', '/api/leader-training/mine'), 404, 'onboarding.not_a_leader');
    expectError(
      await call(t, stranger, 'GET', '/api/leader-agreements/mine'),
      404,
      'onboarding.not_a_leader',
    );
  });
});
