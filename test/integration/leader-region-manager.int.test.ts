import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.js';
import {
  createTestApp,
  loginAs,
  makeUser,
  type Session,
  sessionFor,
  type TestApp,
} from '../helpers/test-app.js';
import { applyBody, applyOk, insertRegions, nothingWritten, R } from './leader-onboarding-support.js';
import { call, expectError } from './support.js';

/**
 * A region manager (区域经理) of 杭州市 sees only their regions' figures in the level pages, and, when
 * the company turns it on, does the first review (初审) of applications in their regions; the
 * operator's decision stays final.
 */
let t: TestApp;
let admin: Session;
let op: Session;
let rm: Session;
const BASE = 'lvl_0000000000000000000000BASE';
const GOLD = 'lvl_01JRMGOLD0000000000000000';
const leaderIds: Record<'xh1' | 'xh2' | 'sh1' | 'sh2' | 'sh3', string> = {
  xh1: '',
  xh2: '',
  sh1: '',
  sh2: '',
  sh3: '',
};

async function makeLeader(name: string, phone: string, regionId: string): Promise<string> {
  const res = await call(t, op, 'POST', '/api/leaders', {
    name,
    phone,
    regionId,
    pickupPoint: { name: `${name}的自提点`, address: '1 号' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function applicationId(applicationNo: string): Promise<string> {
  const r = await t.tdb.deps.pool.query<{ id: string }>(
    'SELECT id FROM leader_applications WHERE application_no = $1',
    [applicationNo],
  );
  return r.rows[0]?.id ?? '';
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
  op = await sessionFor(t, ['operator']);
  await insertRegions(t);
  const manager = await makeUser(t.tdb, ['region_manager']);
  const assigned = await call(t, admin, 'POST', `/api/regions/${R.hz}/managers`, { userId: manager.id });
  expect(assigned.statusCode, assigned.body).toBe(201);
  rm = await loginAs(t.app, manager.username, manager.password);
  leaderIds.xh1 = await makeLeader('西湖一', '13900000001', R.xh);
  leaderIds.xh2 = await makeLeader('西湖二', '13900000002', R.xh);
  leaderIds.sh1 = await makeLeader('上海一', '13900000003', R.sh);
  leaderIds.sh2 = await makeLeader('上海二', '13900000004', R.sh);
  leaderIds.sh3 = await makeLeader('上海三', '13900000005', R.sh);
});
afterAll(() => t.close());

describe('a region manager sees only their regions’ level figures', () => {
  it('counts only their regions’ leaders per level', async () => {
    const all = await call(t, op, 'GET', '/api/leader-levels');
    expect(all.statusCode, all.body).toBe(200);
    const countOf = (body: { items: Array<{ id: string; leaderCount: number }> }, id: string) =>
      body.items.find((l) => l.id === id)?.leaderCount;
    expect(countOf(all.json(), BASE)).toBe(5);
    const mine = await call(t, rm, 'GET', '/api/leader-levels');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(countOf(mine.json(), BASE)).toBe(2);
  });

  it('shows each assessment run’s moves in their regions only, without company-wide totals', async () => {
    const now = t.tdb.deps.clock.now();
    await t.tdb.deps.pool.query(
      `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, created_at, updated_at)
       VALUES ($1, 'GOLD_RM', '金牌', 'Gold', 50, 'active', now(), now())`,
      [GOLD],
    );
    const runId = newId('levelAssessmentRun');
    await t.tdb.deps.pool.query(
      `INSERT INTO level_assessment_runs (id, period_start, period_end, trigger, status, assessed, upgraded, downgraded, unchanged, held, started_at, finished_at)
       VALUES ($1, '2026-02-01', '2026-02-28', 'manual', 'completed', 5, 3, 1, 1, 0, $2, $2)`,
      [runId, now],
    );
    // One 西湖 leader moved up; in 上海 two moved up and one down.
    const moves: Array<[string, string, string]> = [
      [leaderIds.xh1, BASE, GOLD],
      [leaderIds.sh1, BASE, GOLD],
      [leaderIds.sh2, BASE, GOLD],
      [leaderIds.sh3, GOLD, BASE],
    ];
    for (const [leaderId, from, to] of moves) {
      await t.tdb.deps.pool.query(
        `INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause, run_id, period_start, period_end)
         VALUES ($1, $2, $3, $4, $5, 'assessment', $6, '2026-02-01', '2026-02-28')`,
        [newId('leaderLevelChange'), leaderId, from, to, now, runId],
      );
    }
    const company = await call(t, op, 'GET', '/api/leader-level-runs');
    expect(company.json().items[0]).toMatchObject({
      scope: 'company',
      assessed: 5,
      upgraded: 3,
      downgraded: 1,
      unchanged: 1,
      held: 0,
    });
    const mine = await call(t, rm, 'GET', '/api/leader-level-runs');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items[0]).toMatchObject({
      id: runId,
      scope: 'region',
      assessed: null,
      upgraded: 1,
      downgraded: 0,
      unchanged: null,
      held: null,
    });
  });
});

describe('a region manager’s first review of applications (区域经理初审)', () => {
  let inRegion: string;
  let elsewhere: string;

  beforeAll(async () => {
    inRegion = await applicationId((await applyOk(t, applyBody())).applicationNo);
    elsewhere = await applicationId((await applyOk(t, applyBody({ regionId: R.sh }))).applicationNo);
  });

  it('is refused while the company has it off, writing nothing', async () => {
    expect((await call(t, op, 'GET', '/api/leader-onboarding-settings')).json()).toMatchObject({
      regionFirstReview: false,
    });
    expectError(
      await call(t, rm, 'GET', '/api/leader-applications/first-review'),
      409,
      'onboarding.first_review_disabled',
    );
    const res = await nothingWritten(t, () =>
      call(t, rm, 'POST', `/api/leader-applications/${inRegion}/first-review`, { verdict: 'approve' }),
    );
    expectError(res, 409, 'onboarding.first_review_disabled');
  });

  it('only the operator turns it on (audited); a region manager cannot', async () => {
    expectError(
      await call(t, rm, 'PATCH', '/api/leader-onboarding-settings', { regionFirstReview: true }),
      403,
      'auth.forbidden',
    );
    const bad = await call(t, op, 'PATCH', '/api/leader-onboarding-settings', { regionFirstReview: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('regionFirstReview');
    const on = await call(t, op, 'PATCH', '/api/leader-onboarding-settings', { regionFirstReview: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ regionFirstReview: true });
    const audit = await t.tdb.deps.pool.query(
      "SELECT after FROM audit_log WHERE action = 'onboarding_settings.update'",
    );
    expect(audit.rows.map((r) => r.after)).toEqual([{ regionFirstReview: true }]);
  });

  it('lists only their regions’ applications', async () => {
    const res = await call(t, rm, 'GET', '/api/leader-applications/first-review?status=pending');
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
    expect(ids).toContain(inRegion);
    expect(ids).not.toContain(elsewhere);
  });

  it('records a first review of their region’s application, which the operator sees; the status stays pending', async () => {
    const res = await call(t, rm, 'POST', `/api/leader-applications/${inRegion}/first-review`, {
      verdict: 'reject',
      note: '自提点离现有团长太近',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: inRegion,
      status: 'pending',
      firstReview: { verdict: 'reject', note: '自提点离现有团长太近' },
    });
    const audit = await t.tdb.deps.pool.query(
      "SELECT after FROM audit_log WHERE action = 'leader_application.first_review' AND entity_id = $1",
      [inRegion],
    );
    expect(audit.rows).toHaveLength(1);
    const detail = await call(t, op, 'GET', `/api/leader-applications/${inRegion}`);
    expect(detail.json()).toMatchObject({ status: 'pending', firstReview: { verdict: 'reject' } });

    // The operator's decision is final, whatever the first review said.
    const approved = await call(t, op, 'POST', `/api/leader-applications/${inRegion}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expectError(
      await call(t, rm, 'POST', `/api/leader-applications/${inRegion}/first-review`, { verdict: 'approve' }),
      409,
      'onboarding.first_review_not_pending',
    );
  });

  it('refuses another region’s application as not found, a bad verdict by field, and operators the route', async () => {
    const other = await nothingWritten(t, () =>
      call(t, rm, 'POST', `/api/leader-applications/${elsewhere}/first-review`, { verdict: 'approve' }),
    );
    expectError(other, 404, 'onboarding.application_not_found');
    const bad = await nothingWritten(t, () =>
      call(t, rm, 'POST', `/api/leader-applications/${elsewhere}/first-review`, { verdict: 'maybe' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('verdict');
    expectError(
      await call(t, op, 'POST', `/api/leader-applications/${elsewhere}/first-review`, { verdict: 'approve' }),
      403,
      'auth.forbidden',
    );
    expectError(await call(t, rm, 'GET', `/api/leader-applications/${elsewhere}`), 403, 'auth.forbidden');
  });
});
