import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCompletedOrdersTx,
  createLeaderTx,
  levelProgress,
  levelsAt,
  reassessAllLeaders,
  regions,
  runDueAssessment,
} from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { newId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError, ownerQuery, type Res } from './support.js';

/**
 * Leader levels end to end: the ladder and its rules through the API (with every kind of bad rule
 * refused, naming the field, writing nothing); the scheduled assessment moving leaders up (skipping
 * ranks) and down (one rank) from real daily sales rows, with history, events and audit; overrides
 * with a hold; and the level a leader had before and after a change.
 */

interface Level {
  id: string;
  code: string;
  rank: number;
  status: string;
  upgradeText: { zh: string; en: string };
  downgradeText: { zh: string; en: string };
  leaderCount: number;
}

let t: TestApp;
let op: Session;
let admin: Session;
let finance: Session;
const REGION = 'reg_01JLEVE1SXH000000000000000';
const BASE = 'lvl_0000000000000000000000BASE';

const TABLES = ['leader_levels', 'leader_level_history', 'leaders', 'audit_log', 'outbox_events'] as const;
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
async function makeLeader(name: string, referrerId: string | null = null): Promise<string> {
  phoneSeq += 1;
  const { deps } = t.tdb;
  const row = await deps.db.transaction((tx) =>
    createLeaderTx(deps, tx, SYSTEM_ACTOR, {
      name,
      phone: `1370000${String(1000 + phoneSeq)}`,
      regionId: REGION,
      referrerId,
      pickupPoint: { name: `${name}的自提点`, address: '西湖区文三路 1 号' },
    }),
  );
  return row.id;
}

let orderSeq = 0;
/** Completed orders through the network's own roll-up writer, so the daily rows are the real ones. */
async function sell(leaderId: string, totalFen: number, at: string, customers = 1) {
  const { deps } = t.tdb;
  await deps.db.transaction((tx) =>
    addCompletedOrdersTx(
      tx,
      Array.from({ length: customers }, (_, i) => {
        orderSeq += 1;
        return {
          orderId: `ord_test_${orderSeq}`,
          leaderId,
          customerId: `cus_test_${leaderId}_${i}`,
          totalFen: Math.floor(totalFen / customers),
          completedAt: new Date(at),
        };
      }),
    ),
  );
}

async function levelOf(
  leaderId: string,
): Promise<{ level_id: string | null; level_held_until: Date | null }> {
  const r = await t.tdb.deps.pool.query('SELECT level_id, level_held_until FROM leaders WHERE id = $1', [
    leaderId,
  ]);
  return r.rows[0];
}

/** Sessions expire when the test clock jumps a month: log in again after moving it. */
async function freshSessions() {
  op = await sessionFor(t, ['operator']);
  admin = await sessionFor(t, ['admin']);
  finance = await sessionFor(t, ['finance']);
}

beforeAll(async () => {
  t = await createTestApp();
  await freshSessions();
  await t.tdb.deps.db.insert(regions).values({
    id: REGION,
    code: '330106',
    name: '西湖区',
    level: 'district',
    createdAt: t.tdb.deps.clock.now(),
  });
});
afterAll(() => t.close());

const levels: Record<string, Level> = {};

describe('the ladder and its rules', () => {
  it('starts with the lowest rank, 普通团长, from the migration', async () => {
    const res = await call(t, finance, 'GET', '/api/leader-levels');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: Level[];
      settings: { periodKind: string; runDay: number; runHour: number };
    }>();
    expect(body.items.map((l) => [l.id, l.code, l.rank])).toEqual([[BASE, 'REGULAR', 10]]);
    expect(body.settings).toEqual({ enabled: true, periodKind: 'month', runDay: 1, runHour: 2 });
  });

  it('adds levels with rules and reads them in plain words', async () => {
    const silver = await call(t, op, 'POST', '/api/leader-levels', {
      code: 'SILVER',
      nameZh: '银牌团长',
      nameEn: 'Silver',
      rank: 20,
      upgrade: { metric: 'ownGmvFen', op: '>=', value: 100_000 },
      downgrade: { metric: 'ownGmvFen', op: '<', value: 30_000 },
    });
    expect(silver.statusCode, silver.body).toBe(201);
    levels.silver = silver.json<Level>();
    expect(levels.silver.upgradeText.zh).toBe('上月个人完成GMV ≥ ¥1,000');

    const gold = await call(t, op, 'POST', '/api/leader-levels', {
      code: 'GOLD',
      nameZh: '金牌团长',
      nameEn: 'Gold',
      rank: 30,
      upgrade: {
        all: [
          { metric: 'ownGmvFen', op: '>=', value: 500_000 },
          { metric: 'directRecruits', op: '>=', value: 2 },
        ],
      },
      downgrade: { metric: 'ownGmvFen', op: '<', value: 200_000 },
    });
    expect(gold.statusCode, gold.body).toBe(201);
    levels.gold = gold.json<Level>();
    expect(levels.gold.upgradeText).toEqual({
      zh: '上月个人完成GMV ≥ ¥5,000 且 直推团长 ≥ 2',
      en: 'own completed GMV last month ≥ ¥5,000 and direct recruits ≥ 2',
    });

    const partner = await call(t, op, 'POST', '/api/leader-levels', {
      code: 'PARTNER',
      nameZh: '合伙人',
      nameEn: 'Partner',
      rank: 40,
      upgrade: { metric: 'teamGmvFen', op: '>=', value: 10_000_000, generations: 3 },
      downgrade: {
        any: [
          { metric: 'teamGmvFen', op: '<', value: 5_000_000 },
          { metric: 'customers', op: '<', value: 10 },
        ],
      },
    });
    expect(partner.statusCode, partner.body).toBe(201);
    levels.partner = partner.json<Level>();
    expect(levels.partner.downgradeText.zh).toBe('上月团队GMV < ¥50,000 或 上月下单顾客数 < 10');
  });

  it('refuses bad rules with a 400 naming the field, writing nothing', async () => {
    const base = { code: 'BAD', nameZh: '坏', nameEn: 'Bad', rank: 90 };
    const cases: Array<[unknown, string, string]> = [
      [
        {
          all: [
            { metric: 'ownGmvFen', op: '>=', value: 1 },
            { metric: 'gmv', op: '>=', value: 1 },
          ],
        },
        'leader_levels.rule_unknown_metric',
        'body.upgrade.all[1].metric',
      ],
      [{ metric: 'ownOrders', op: '=>', value: 1 }, 'leader_levels.rule_bad_operator', 'body.upgrade.op'],
      [
        { any: [{ metric: 'ownOrders', op: '>=', value: -5 }] },
        'leader_levels.rule_bad_value',
        'body.upgrade.any[0].value',
      ],
      [{ all: [] }, 'leader_levels.rule_empty_group', 'body.upgrade.all'],
      [
        { metric: 'teamGmvFen', op: '>=', value: 1, generations: 0 },
        'leader_levels.rule_bad_generations',
        'body.upgrade.generations',
      ],
      [
        { metric: 'ownGmvFen', op: '>=', value: 1, extra: true },
        'leader_levels.rule_shape',
        'body.upgrade.extra',
      ],
    ];
    for (const [upgrade, code, field] of cases) {
      const res = await nothingWritten(() => call(t, op, 'POST', '/api/leader-levels', { ...base, upgrade }));
      expectError(res, 400, code, field);
    }
    const down = await nothingWritten(() =>
      call(t, op, 'PATCH', `/api/leader-levels/${levels.gold?.id}`, {
        downgrade: {
          any: [
            { metric: 'ownGmvFen', op: '<', value: 1 },
            { metric: 'teamGmv', op: '<', value: 1 },
          ],
        },
      }),
    );
    expectError(down, 400, 'leader_levels.rule_unknown_metric', 'body.downgrade.any[1].metric');
    expectError(
      await nothingWritten(() => call(t, op, 'POST', '/api/leader-levels', { ...base, colour: 'red' })),
      400,
      'request.invalid',
      'body.colour',
    );
    expectError(
      await nothingWritten(() => call(t, op, 'POST', '/api/leader-levels', { ...base, code: 'GOLD' })),
      409,
      'leader_levels.code_taken',
      'body.code',
    );
    expectError(
      await nothingWritten(() => call(t, op, 'POST', '/api/leader-levels', { ...base, rank: 30 })),
      409,
      'leader_levels.rank_taken',
      'body.rank',
    );
    expectError(await call(t, finance, 'POST', '/api/leader-levels', base), 403, 'auth.forbidden');
  });

  it('previews rules without saving, and edits a rule', async () => {
    const preview = await nothingWritten(() =>
      call(t, finance, 'POST', '/api/leader-levels/preview', {
        upgrade: { metric: 'directRecruits', op: '>=', value: 3, activeOnly: true, period: { days: 30 } },
      }),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ upgradeText: { zh: string } }>().upgradeText.zh).toBe('近30天活跃直推团长 ≥ 3');
    expectError(
      await call(t, finance, 'POST', '/api/leader-levels/preview', {
        upgrade: { metric: 'x', op: '>=', value: 1 },
      }),
      400,
      'leader_levels.rule_unknown_metric',
      'body.upgrade.metric',
    );

    const res = await call(t, op, 'PATCH', `/api/leader-levels/${levels.silver?.id}`, {
      nameEn: 'Silver leader',
      upgrade: { metric: 'ownGmvFen', op: '>=', value: 100_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.tdb.deps.pool.query(
      `SELECT action FROM audit_log WHERE entity_type = 'leader_level' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'leader_level.create',
      'leader_level.create',
      'leader_level.create',
      'leader_level.update',
    ]);
  });

  it('archives a level nobody is on, refuses one in use, and brings it back', async () => {
    const extra = await call(t, op, 'POST', '/api/leader-levels', {
      code: 'TRIAL',
      nameZh: '试用',
      nameEn: 'Trial',
      rank: 5,
    });
    const id = extra.json<Level>().id;
    expect(
      (await call(t, op, 'POST', `/api/leader-levels/${id}/archive`, { reason: '不用了' })).statusCode,
    ).toBe(200);
    expectError(
      await call(t, op, 'POST', `/api/leader-levels/${id}/archive`, {}),
      409,
      'leader_levels.status_unchanged',
    );
    await makeLeader('占位团长');
    expectError(
      await nothingWritten(() => call(t, op, 'POST', `/api/leader-levels/${BASE}/archive`, {})),
      409,
      'leader_levels.level_in_use',
    );
    expect((await call(t, op, 'POST', `/api/leader-levels/${id}/activate`, {})).statusCode).toBe(200);
    // Back on the ladder at rank 5, it would now be the lowest rank; archive it again for the rest.
    expect((await call(t, op, 'POST', `/api/leader-levels/${id}/archive`, {})).statusCode).toBe(200);
  });
});

describe('assessment from the daily sales', () => {
  const L: Record<string, string> = {};

  it('gives a new leader the lowest rank, recorded as their initial level', async () => {
    L.a = await makeLeader('A 团长');
    L.b = await makeLeader('B 团长', L.a);
    L.c = await makeLeader('C 团长', L.a);
    L.d = await makeLeader('D 团长');
    expect((await levelOf(L.a)).level_id).toBe(BASE);
    const h = await t.tdb.deps.pool.query(
      `SELECT cause, from_level_id, to_level_id FROM leader_level_history WHERE leader_id = $1`,
      [L.a],
    );
    expect(h.rows).toEqual([{ cause: 'initial', from_level_id: null, to_level_id: BASE }]);
  });

  it('sets levels by override (audited, with history and an event) and refuses bad overrides', async () => {
    const c = await call(t, admin, 'POST', `/api/leaders/${L.c}/level`, {
      levelId: levels.gold?.id,
      reason: '老团长迁移',
    });
    expect(c.statusCode, c.body).toBe(200);
    const hold = '2026-05-15T00:00:00.000Z';
    const d = await call(t, admin, 'POST', `/api/leaders/${L.d}/level`, {
      levelId: levels.partner?.id,
      reason: '战略合作，保级到五月',
      holdUntil: hold,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(await levelOf(L.d ?? '')).toEqual({
      level_id: levels.partner?.id,
      level_held_until: new Date(hold),
    });

    const url = `/api/leaders/${L.b}/level`;
    expectError(
      await call(t, op, 'POST', url, { levelId: levels.gold?.id, reason: 'x' }),
      403,
      'auth.forbidden',
    );
    expectError(
      await nothingWritten(() => call(t, admin, 'POST', url, { levelId: 'lvl_nope', reason: '试试' })),
      400,
      'leader_levels.level_unknown',
      'body.levelId',
    );
    expectError(
      await nothingWritten(() => call(t, admin, 'POST', url, { levelId: levels.gold?.id, reason: '  ' })),
      400,
      'request.invalid',
      'body.reason',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', url, {
          levelId: levels.gold?.id,
          reason: '过去',
          holdUntil: '2020-01-01T00:00:00Z',
        }),
      ),
      400,
      'leader_levels.hold_in_past',
      'body.holdUntil',
    );
    expectError(
      await nothingWritten(() => call(t, admin, 'POST', url, { levelId: BASE, reason: '同级' })),
      409,
      'leader_levels.same_level',
    );
    expectError(
      await nothingWritten(() =>
        call(t, admin, 'POST', '/api/leaders/ldr_00000000000000000000000000/level', {
          levelId: BASE,
          reason: '无此人',
        }),
      ),
      404,
      'leaders.not_found',
    );
    const events = await t.tdb.deps.pool.query(
      `SELECT aggregate_id, payload FROM outbox_events WHERE type = 'leader.level_changed' ORDER BY id`,
    );
    expect(events.rows.map((e) => [e.aggregate_id, e.payload.cause, e.payload.toLevelCode])).toEqual([
      [L.c, 'override', 'GOLD'],
      [L.d, 'override', 'PARTNER'],
    ]);
    const audit = await t.tdb.deps.pool.query(
      `SELECT entity_id, after FROM audit_log WHERE action = 'leader.level_override' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => [r.entity_id, r.after.reason])).toEqual([
      [L.c, '老团长迁移'],
      [L.d, '战略合作，保级到五月'],
    ]);
  });

  it('upgrades (skipping a rank) and downgrades (one rank) at 02:00 on the 1st, with figures, events and audit', async () => {
    // March sales: A sells ¥6,000 and has two recruits (gold, skipping silver); B ¥1,500 (silver);
    // C sold nothing (gold's downgrade rule holds: one rank down, to silver); D is held.
    await sell(L.a ?? '', 600_000, '2026-03-10T04:00:00Z', 3);
    await sell(L.b ?? '', 150_000, '2026-03-31T15:59:00Z');
    // Sales in April do not count for March.
    await sell(L.c ?? '', 900_000, '2026-03-31T16:00:00Z');

    const { deps } = t.tdb;
    deps.clock.set('2026-04-01T01:30:00+08:00');
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
    deps.clock.set('2026-04-01T02:00:00+08:00');
    const before = new Date(deps.clock.now().getTime() - 1);
    const result = await runDueAssessment(deps);
    expect(result).toMatchObject({
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      assessed: 5,
      upgraded: 2,
      downgraded: 1,
      unchanged: 1,
      held: 1,
    });

    expect((await levelOf(L.a ?? '')).level_id).toBe(levels.gold?.id);
    expect((await levelOf(L.b ?? '')).level_id).toBe(levels.silver?.id);
    expect((await levelOf(L.c ?? '')).level_id).toBe(levels.silver?.id);
    expect((await levelOf(L.d ?? '')).level_id).toBe(levels.partner?.id);

    const h = await deps.pool.query(
      `SELECT leader_id, from_level_id, to_level_id, metrics, to_char(period_end, 'YYYY-MM-DD') AS period_end
       FROM leader_level_history WHERE cause = 'assessment' ORDER BY leader_id`,
    );
    const a = h.rows.find((r) => r.leader_id === L.a);
    expect(a).toMatchObject({ from_level_id: BASE, to_level_id: levels.gold?.id, period_end: '2026-03-31' });
    expect(a.metrics.rule).toBe('upgrade');
    expect(a.metrics.figures).toEqual({ 'ownGmvFen:P': 600_000, 'directRecruits:P': 2 });
    expect(a.metrics.evaluation.held).toBe(true);
    const c = h.rows.find((r) => r.leader_id === L.c);
    expect(c).toMatchObject({ from_level_id: levels.gold?.id, to_level_id: levels.silver?.id });
    expect(c.metrics).toMatchObject({ rule: 'downgrade', figures: { 'ownGmvFen:P': 0 } });

    const events = await deps.pool.query(
      `SELECT aggregate_id, payload FROM outbox_events
       WHERE type = 'leader.level_changed' AND payload->>'cause' = 'assessment' ORDER BY aggregate_id`,
    );
    expect(events.rows).toHaveLength(3);
    expect(events.rows.find((e) => e.aggregate_id === L.a)?.payload).toMatchObject({
      fromLevelCode: 'REGULAR',
      toLevelCode: 'GOLD',
      direction: 'up',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
    });
    const audit = await deps.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'leader.level_assess'`,
    );
    expect(audit.rows[0]?.n).toBe(3);

    // The level a leader had when an order was paid: before the run, and after it.
    expect(await levelsAt(deps.db, [L.a ?? '', L.c ?? ''], before)).toEqual(
      new Map([
        [L.a, BASE],
        [L.c, levels.gold?.id],
      ]),
    );
    expect(await levelsAt(deps.db, [L.a ?? '', L.c ?? ''], deps.clock.now())).toEqual(
      new Map([
        [L.a, levels.gold?.id],
        [L.c, levels.silver?.id],
      ]),
    );
    // Before the leader existed, the level they started on.
    expect((await levelsAt(deps.db, [L.a ?? ''], new Date('2020-01-01'))).get(L.a ?? '')).toBe(BASE);
  });

  it('does not run the schedule twice for a period, and a re-run never walks anyone down twice', async () => {
    const { deps } = t.tdb;
    deps.clock.set('2026-04-01T03:00:00+08:00');
    await freshSessions();
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
    const again = await call(t, admin, 'POST', '/api/leader-level-runs', {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ periodEnd: '2026-03-31', upgraded: 0, downgraded: 0, held: 1 });
    expect((await levelOf(L.c ?? '')).level_id).toBe(levels.silver?.id);
  });

  it('shows the history with its figures and the progress towards the next level', async () => {
    const res = await call(t, finance, 'GET', `/api/leaders/${L.a}/level`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      level: { code: string };
      history: Array<{
        cause: string;
        lines: Array<{ kind: string; held: boolean; text: { zh: string }; actualText?: string }>;
      }>;
    }>();
    expect(body.level.code).toBe('GOLD');
    expect(body.history.map((x) => x.cause)).toEqual(['assessment', 'initial']);
    expect(body.history[0]?.lines).toEqual([
      expect.objectContaining({ kind: 'all', held: true }),
      expect.objectContaining({
        text: { zh: '考核期个人完成GMV ≥ ¥5,000', en: expect.any(String) },
        actualText: '¥6,000',
        held: true,
      }),
      expect.objectContaining({
        text: { zh: '直推团长 ≥ 2', en: 'direct recruits ≥ 2' },
        actualText: '2',
        held: true,
      }),
    ]);

    const { deps } = t.tdb;
    await sell(L.b ?? '', 250_000, '2026-04-10T04:00:00Z');
    const progress = await levelProgress(deps.db, L.b ?? '', { now: new Date('2026-04-15T10:00:00+08:00') });
    expect(progress.current?.code).toBe('SILVER');
    expect(progress.next?.code).toBe('GOLD');
    expect(progress.period).toEqual({
      start: '2026-04-01',
      end: '2026-04-15',
      label: { zh: '本月', en: 'this month' },
    });
    expect(progress.upgrade?.text.zh).toBe('本月个人完成GMV ≥ ¥5,000 且 直推团长 ≥ 2');
    expect(progress.upgrade?.met).toBe(false);
    expect(
      progress.upgrade?.lines.filter((l) => l.kind === 'condition').map((l) => [l.actual, l.target]),
    ).toEqual([
      [250_000, 500_000],
      [0, 2],
    ]);
    // ¥2,500 this month keeps SILVER, whose downgrade rule is "< ¥300": on track, nothing missing.
    expect(progress.keep).toMatchObject({
      onTrack: true,
      missing: [],
      dropRule: { text: { zh: '本月个人完成GMV < ¥300' }, holds: false },
    });
    // Early next month nothing is sold yet: not on track, ¥300 short.
    const may = await levelProgress(deps.db, L.b ?? '', { now: new Date('2026-05-02T10:00:00+08:00') });
    expect(may.keep).toMatchObject({
      onTrack: false,
      missing: [
        {
          metric: 'ownGmvFen',
          direction: 'atLeast',
          have: 0,
          need: 30_000,
          short: 30_000,
          shortText: '¥300',
        },
      ],
      dropRule: { holds: true },
    });

    const api = await call(t, finance, 'GET', `/api/leaders/${L.b}/level-progress`);
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toHaveProperty('keep');
    expect(api.json()).not.toHaveProperty('downgrade');
  });

  it('refuses a second run at the same time, a period not over and a bad period', async () => {
    const { deps } = t.tdb;
    expectError(
      await call(t, admin, 'POST', '/api/leader-level-runs', {
        periodStart: '2026-04-01',
        periodEnd: '2026-04-30',
      }),
      400,
      'leader_levels.period_not_over',
      'body.periodEnd',
    );
    expectError(
      await call(t, admin, 'POST', '/api/leader-level-runs', {
        periodStart: '2026-03-31',
        periodEnd: '2026-03-01',
      }),
      400,
      'leader_levels.bad_period',
      'body.periodEnd',
    );
    expectError(
      await call(t, admin, 'POST', '/api/leader-level-runs', {
        periodStart: '2026-02-30',
        periodEnd: '2026-03-01',
      }),
      400,
      'leader_levels.bad_period',
      'body.periodStart',
    );
    expectError(await call(t, op, 'POST', '/api/leader-level-runs', {}), 403, 'auth.forbidden');
    await deps.pool.query(
      `INSERT INTO level_assessment_runs (id, period_start, period_end, trigger, status, started_at)
       VALUES ($1, '2026-02-01', '2026-02-28', 'manual', 'running', $2)`,
      [newId('levelAssessmentRun'), deps.clock.now()],
    );
    await expect(
      reassessAllLeaders(deps, { periodStart: '2026-02-01', periodEnd: '2026-02-28' }),
    ).rejects.toMatchObject({
      code: 'leader_levels.assessment_running',
    });
    expectError(
      await call(t, admin, 'POST', '/api/leader-level-runs', {}),
      409,
      'leader_levels.assessment_running',
    );
    const runs = await call(t, finance, 'GET', '/api/leader-level-runs');
    expect(runs.json<{ items: Array<{ status: string }> }>().items.map((r) => r.status)).toEqual([
      'running',
      'completed',
      'completed',
    ]);
  });

  it('keeps the history append-only', async () => {
    // The app's role may not even try (by privilege); the owner is stopped by the trigger.
    await expect(t.tdb.deps.pool.query('DELETE FROM leader_level_history')).rejects.toThrow(
      /permission denied/,
    );
    await expect(ownerQuery(t.tdb, 'DELETE FROM leader_level_history')).rejects.toThrow(/append-only/);
    await expect(ownerQuery(t.tdb, `UPDATE leader_level_history SET reason = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('changes the schedule (audited) and refuses a run day a month does not have', async () => {
    const res = await call(t, op, 'PATCH', '/api/leader-level-settings', {
      periodKind: 'week',
      runDay: 2,
      runHour: 6,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ enabled: true, periodKind: 'week', runDay: 2, runHour: 6 });
    expectError(
      await call(t, op, 'PATCH', '/api/leader-level-settings', { periodKind: 'month', runDay: 29 }),
      400,
      'request.invalid',
      'body.runDay',
    );
    expectError(
      await call(t, op, 'PATCH', '/api/leader-level-settings', { runDay: 8 }),
      400,
      'leader_levels.bad_schedule',
      'body.runDay',
    );
    const list = await call(t, finance, 'GET', '/api/leader-levels');
    expect(list.json<{ periodLabel: { zh: string } }>().periodLabel.zh).toBe('上周');
  });
});
