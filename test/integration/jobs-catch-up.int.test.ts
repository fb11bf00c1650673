import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  blankPlan,
  closeMonth,
  freezeAndSettle,
  type PlanDocument,
} from '../../src/modules/commission/index.js';
import { JOB_KINDS } from '../../src/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { Jobs } from '../../src/platform/jobs/jobs.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { activatePlanAt, addDailySales, makeLeaderAt, makeRegion } from './commission-period-support.js';

/**
 * Catch-up after downtime (issue 16 part 14): with the server down across several settlement days and
 * three month ends, one start settles each missed day and closes each missed month exactly once, and a
 * second start does nothing.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

/** Only the kinds that catch up, so the every-minute kinds do not run beside the test. */
const CATCH_UP_KINDS = JOB_KINDS.filter((k) => k.catchUpOnStart);

async function startAndCatchUp(): Promise<void> {
  const jobs = new Jobs(tdb.deps, tdb.url, tdb.deps.log, CATCH_UP_KINDS);
  await jobs.start();
  try {
    expect([...jobs.catchUpJobs.keys()].sort()).toEqual(CATCH_UP_KINDS.map((k) => k.name).sort());
    await vi.waitFor(
      async () => {
        for (const [name, id] of jobs.catchUpJobs) {
          const job = await jobs.boss.getJobById(name, id);
          expect(job?.state, `${name}: ${JSON.stringify(job?.output)}`).toBe('completed');
        }
      },
      { timeout: 60_000, interval: 200 },
    );
  } finally {
    await jobs.stop();
  }
}

async function periodRuns() {
  const r = await tdb.deps.pool.query<{ period: string; trigger: string }>(
    "SELECT period, trigger FROM commission_period_runs WHERE kind = 'month_close' ORDER BY period, at",
  );
  return r.rows.map((x) => [x.period, x.trigger]);
}

async function settlementDays() {
  const r = await tdb.deps.pool.query<{ day: string }>(
    'SELECT day::text AS day FROM commission_settlements ORDER BY day',
  );
  return r.rows.map((x) => x.day);
}

async function tieredEntries() {
  const r = await tdb.deps.pool.query<{ key: string; amount_fen: string }>(
    "SELECT key, amount_fen FROM commission_entries WHERE key LIKE 'tiered:%' ORDER BY key",
  );
  return r.rows.map((x) => [x.key.split(':')[1], Number(x.amount_fen)]);
}

describe('catch-up on start', () => {
  it('settles each missed day and closes each missed month exactly once; a second start does nothing', async () => {
    const region = await makeRegion(tdb, '追补区');
    const leaderId = await makeLeaderAt(tdb, {
      name: '追补团长',
      regionId: region,
      createdAt: '2026-01-02T02:00:00Z',
    });
    // A plan paying 1% of the month's completed GMV (whole tiers), active from 5 January.
    const plan: PlanDocument = {
      ...blankPlan([], '追补方案'),
      tiered: { mode: 'whole', tiers: [{ fromFen: 0, rateBps: 100 }] },
    };
    await activatePlanAt(tdb, plan, '2026-01-05T00:00:00Z');
    await addDailySales(tdb, leaderId, '2026-01-10', 100_000);
    await addDailySales(tdb, leaderId, '2026-02-10', 200_000);
    await addDailySales(tdb, leaderId, '2026-03-10', 300_000);
    // January was closed by hand before the outage; the last settlement was of 30 March.
    tdb.deps.clock.set('2026-03-30T20:00:00Z');
    await freezeAndSettle(tdb.deps, SYSTEM_ACTOR, '2026-03-30', 'manual');
    await closeMonth(tdb.deps, SYSTEM_ACTOR, '2026-01', 'manual');
    expect(await periodRuns()).toEqual([['2026-01', 'manual']]);

    // The server was down from then until 3 April 08:00 in Beijing: the 03:00 close of 1 April and
    // the settlements of 31 March, 1 and 2 April never ran (nor, say, February's close).
    tdb.deps.clock.set('2026-04-03T00:00:00Z');
    await startAndCatchUp();
    expect(await periodRuns()).toEqual([
      ['2026-01', 'manual'],
      ['2026-02', 'schedule'],
      ['2026-03', 'schedule'],
    ]);
    expect(await settlementDays()).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(await tieredEntries()).toEqual([
      ['2026-01', 1_000],
      ['2026-02', 2_000],
      ['2026-03', 3_000],
    ]);

    // A second start (the same day) closes and settles nothing more.
    const audit = await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await startAndCatchUp();
    expect(await periodRuns()).toHaveLength(3);
    expect(await settlementDays()).toHaveLength(4);
    expect(await tieredEntries()).toHaveLength(3);
    const after = await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0]?.n).toBe(audit.rows[0]?.n);
  });
});
