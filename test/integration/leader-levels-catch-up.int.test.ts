import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCompletedOrdersTx,
  createLeaderTx,
  createLevel,
  regions,
  runDueAssessment,
} from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/**
 * The level assessment catches up after downtime (issue 16 part 14): with the server down for two
 * whole months, the next check assesses both, oldest first, each with its own month's figures and
 * from the level the month before gave; a second check, or two processes checking at once, assess
 * no month twice.
 */
let tdb: TestDb;
const REGION = 'reg_01JLEVE1SCATCHUP0000000000';
const BASE = 'lvl_0000000000000000000000BASE';
const level: Record<string, string> = {};
const leader: Record<string, string> = {};

beforeAll(async () => {
  tdb = await createTestDb();
  const { deps } = tdb;
  // The ladder gets its rules on 15 September (Beijing time).
  deps.clock.set('2026-09-15T10:00:00+08:00');
  await deps.db.insert(regions).values({
    id: REGION,
    code: '330106',
    name: '西湖区',
    level: 'district',
    createdAt: deps.clock.now(),
  });
  const silver = await createLevel(deps, SYSTEM_ACTOR, {
    code: 'SILVER',
    nameZh: '银牌团长',
    nameEn: 'Silver',
    rank: 20,
    upgrade: { metric: 'ownGmvFen', op: '>=', value: 100_000 },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 30_000 },
  });
  const gold = await createLevel(deps, SYSTEM_ACTOR, {
    code: 'GOLD',
    nameZh: '金牌团长',
    nameEn: 'Gold',
    rank: 30,
    upgrade: { metric: 'ownGmvFen', op: '>=', value: 500_000 },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 200_000 },
  });
  level.silver = silver.id;
  level.gold = gold.id;
  for (const [key, name, phone] of [
    ['a', '追补甲', '13700009001'],
    ['b', '追补乙', '13700009002'],
  ] as const) {
    const row = await deps.db.transaction((tx) =>
      createLeaderTx(deps, tx, SYSTEM_ACTOR, {
        name,
        phone,
        regionId: REGION,
        referrerId: null,
        pickupPoint: { name: `${name}的自提点`, address: '西湖区文三路 1 号' },
      }),
    );
    leader[key] = row.id;
  }
});
afterAll(() => tdb.close());

let orderSeq = 0;
async function sell(leaderId: string, totalFen: number, at: string) {
  orderSeq += 1;
  const order = {
    orderId: `ord_catchup_${orderSeq}`,
    leaderId,
    customerId: `cus_catchup_${orderSeq}`,
    totalFen,
    completedAt: new Date(at),
  };
  await tdb.deps.db.transaction((tx) => addCompletedOrdersTx(tx, [order]));
}

async function levelOf(leaderId: string | undefined): Promise<string | null> {
  const r = await tdb.deps.pool.query<{ level_id: string | null }>(
    'SELECT level_id FROM leaders WHERE id = $1',
    [leaderId],
  );
  return r.rows[0]?.level_id ?? null;
}

async function runs() {
  const r = await tdb.deps.pool.query<{
    period_start: string;
    period_end: string;
    trigger: string;
    status: string;
  }>(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
            trigger, status
     FROM level_assessment_runs ORDER BY period_start, started_at`,
  );
  return r.rows.map((x) => [x.period_start, x.period_end, x.trigger, x.status]);
}

async function history(leaderId: string | undefined) {
  const r = await tdb.deps.pool.query<{
    period_start: string;
    period_end: string;
    from_level_id: string;
    to_level_id: string;
  }>(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
            from_level_id, to_level_id
     FROM leader_level_history WHERE leader_id = $1 AND cause = 'assessment' ORDER BY period_start`,
    [leaderId],
  );
  return r.rows.map((x) => [x.period_start, x.period_end, x.from_level_id, x.to_level_id]);
}

async function auditCount(): Promise<number> {
  const r = await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return r.rows[0]?.n ?? -1;
}

describe('the level assessment after downtime', () => {
  it('assesses the month the levels got their rules in, on time, and nothing before it', async () => {
    const { deps } = tdb;
    // A sells ¥1,500 in September (silver), ¥6,000 in October (gold) and nothing in November (gold's
    // downgrade holds: one rank down). B sells ¥6,000 in November only.
    await sell(leader.a ?? '', 150_000, '2026-09-20T10:00:00+08:00');
    await sell(leader.a ?? '', 600_000, '2026-10-20T10:00:00+08:00');
    await sell(leader.b ?? '', 600_000, '2026-11-20T10:00:00+08:00');

    // Nothing before the ladder had rules: August is not assessed (a fresh ladder counts from the
    // month it got its rules in).
    deps.clock.set('2026-09-16T09:00:00+08:00');
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
    deps.clock.set('2026-10-01T01:30:00+08:00');
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
    deps.clock.set('2026-10-01T02:30:00+08:00');
    const september = await runDueAssessment(deps);
    expect(september).toMatchObject({
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      upgraded: 1,
      periods: [{ periodStart: '2026-09-01', periodEnd: '2026-09-30', upgraded: 1, downgraded: 0 }],
    });
    expect(await levelOf(leader.a)).toBe(level.silver);
    expect(await runs()).toEqual([['2026-09-01', '2026-09-30', 'schedule', 'completed']]);
  });

  it('catches up both months missed while the server was down, in order, each once', async () => {
    const { deps } = tdb;
    // Down from 28 October to 3 December: the runs of 1 November and 1 December never happened.
    deps.clock.set('2026-12-03T09:00:00+08:00');
    const result = await runDueAssessment(deps);
    expect(result).toMatchObject({
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      upgraded: 1,
      downgraded: 1,
      periods: [
        { periodStart: '2026-10-01', periodEnd: '2026-10-31', upgraded: 1, downgraded: 0 },
        { periodStart: '2026-11-01', periodEnd: '2026-11-30', upgraded: 1, downgraded: 1 },
      ],
    });
    expect(await runs()).toEqual([
      ['2026-09-01', '2026-09-30', 'schedule', 'completed'],
      ['2026-10-01', '2026-10-31', 'schedule', 'completed'],
      ['2026-11-01', '2026-11-30', 'schedule', 'completed'],
    ]);
    // A: silver in September, gold for October, and November judged from gold (one rank down). Run
    // the other way round, November would have taken A from silver to the lowest rank and October
    // back up to gold.
    expect(await history(leader.a)).toEqual([
      ['2026-09-01', '2026-09-30', BASE, level.silver],
      ['2026-10-01', '2026-10-31', level.silver, level.gold],
      ['2026-11-01', '2026-11-30', level.gold, level.silver],
    ]);
    expect(await levelOf(leader.a)).toBe(level.silver);
    // B: each month with its own figures, so only November moved them (skipping silver).
    expect(await history(leader.b)).toEqual([['2026-11-01', '2026-11-30', BASE, level.gold]]);

    // A second check the same day (or at the next start) assesses nothing, and writes nothing.
    const audit = await auditCount();
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
    expect(await runs()).toHaveLength(3);
    expect(await auditCount()).toBe(audit);
  });

  it('assesses each missed month once when two processes catch up at the same time', async () => {
    const { deps } = tdb;
    // December and January missed; B sold nothing since, so gold's downgrade moves them each month.
    deps.clock.set('2027-02-02T09:00:00+08:00');
    const both = await Promise.all([runDueAssessment(deps), runDueAssessment(deps)]);
    const periodsRun = both.flatMap((r) => ('periods' in r ? r.periods.map((p) => p.periodEnd) : []));
    expect(periodsRun.sort()).toEqual(['2026-12-31', '2027-01-31']);
    expect((await runs()).slice(3)).toEqual([
      ['2026-12-01', '2026-12-31', 'schedule', 'completed'],
      ['2027-01-01', '2027-01-31', 'schedule', 'completed'],
    ]);
    expect(await history(leader.b)).toEqual([
      ['2026-11-01', '2026-11-30', BASE, level.gold],
      ['2026-12-01', '2026-12-31', level.gold, level.silver],
      ['2027-01-01', '2027-01-31', level.silver, BASE],
    ]);
    // Whatever the other process got, the next check finds nothing left.
    expect(await runDueAssessment(deps)).toEqual({ skipped: 'not due' });
  });
});
