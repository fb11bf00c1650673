import { and, eq, lt, sql } from 'drizzle-orm';
import { type Actor, recordAuditMany, SYSTEM_ACTOR } from '../../../platform/audit/index.js';
import { BUSINESS_TZ, isCalendarDate, localDate } from '../../../platform/business-time.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { NewEvent } from '../../../platform/outbox/index.js';
import { decideLevel, type LevelDecision } from './assess-level.js';
import { type DayRange, daysIn, missedAssessments, previousPeriod } from './assessment-period.js';
import { computeMetricsForAll, valuesOf } from './level-metrics.js';
import { conditionsOf, metricSpecOf, metricSpecsOf } from './level-rules.js';
import { leaderLevelsError } from './levels.errors.js';
import { type LevelRow, type LevelsDeps, loadLadder, loadSettings, rungsOf } from './levels.shared.js';
import { levelAssessmentRuns } from './levels.tables.js';

/**
 * The re-assessment of every leader (等级考核). Figures come from a few set-based statements
 * (level-metrics.ts), the decision is made in memory for every leader (assess-level.ts), and the
 * changes are written in batches: each batch one transaction that moves the leaders' level (only if
 * nobody changed it meanwhile), appends history rows with the figures, publishes
 * `leader.level_changed` and writes the audit records, all set-based.
 *
 * Rules of the run:
 * - Only active leaders are assessed; a leader held by an override (`level_held_until` in the
 *   future) is skipped.
 * - A period may be assessed again (a rule was fixed, a late refund arrived). A leader the period's
 *   assessment already moved may still be upgraded further, but is never downgraded again for the
 *   same period, so re-running cannot walk anyone down the ladder.
 * - One run at a time: a second gets 409 `leader_levels.assessment_running`.
 */

export interface AssessmentOptions {
  periodStart: string;
  periodEnd: string;
  trigger?: 'schedule' | 'manual';
  actor?: Actor;
}

export interface AssessmentResult {
  runId: string;
  periodStart: string;
  periodEnd: string;
  assessed: number;
  upgraded: number;
  downgraded: number;
  unchanged: number;
  held: number;
  durationMs: number;
  /** Where the time went, in ms: figures (SQL), decisions (memory), writes (batches). */
  phasesMs: { metrics: number; decide: number; write: number };
}

/** Changes written per transaction: big enough to amortise round trips, small enough to keep locks short. */
const BATCH = 2000;
const WRITERS = 2;
/** A run still marked running after this long belongs to a process that died. */
const STALE_RUN_MS = 60 * 60 * 1000;

export function assertPeriod(p: { periodStart: string; periodEnd: string }): DayRange {
  const bad = (field: string, detail: string) =>
    leaderLevelsError('leader_levels.bad_period', { field, detail });
  if (!isCalendarDate(p.periodStart))
    throw bad('body.periodStart', `${p.periodStart} is not a day (YYYY-MM-DD)`);
  if (!isCalendarDate(p.periodEnd)) throw bad('body.periodEnd', `${p.periodEnd} is not a day (YYYY-MM-DD)`);
  if (p.periodStart > p.periodEnd) throw bad('body.periodEnd', `${p.periodEnd} is before ${p.periodStart}`);
  const range = { start: p.periodStart, end: p.periodEnd };
  if (daysIn(range) > 366) throw bad('body.periodEnd', 'a period is at most 366 days');
  return range;
}

/** Thrown inside the claim's transaction to roll its insert back: the period was assessed meanwhile. */
class AlreadyAssessed extends Error {}

/**
 * Marks a run of `period` as running, or throws 409 `leader_levels.assessment_running` when another
 * is. With `onlyIfUnassessed` it claims nothing (null) when a completed run has measured exactly
 * this period; that is checked after the insert, which waits for a run finishing at this moment to
 * commit, so two processes catching up at once assess a period once.
 */
async function claimRun(
  deps: LevelsDeps,
  period: DayRange,
  trigger: 'schedule' | 'manual',
  actor: Actor,
  onlyIfUnassessed = false,
): Promise<string | null> {
  const now = deps.clock.now();
  const claim = deps.db.transaction(async (tx) => {
    await tx
      .update(levelAssessmentRuns)
      .set({ status: 'failed', error: 'abandoned: the process running it stopped', finishedAt: now })
      .where(
        and(
          eq(levelAssessmentRuns.status, 'running'),
          lt(levelAssessmentRuns.startedAt, new Date(now.getTime() - STALE_RUN_MS)),
        ),
      );
    const id = newId('levelAssessmentRun');
    const inserted = await tx.execute(sql`
      insert into level_assessment_runs (id, period_start, period_end, trigger, status, actor_id, actor_name, started_at)
      values (${id}, ${period.start}::date, ${period.end}::date, ${trigger}, 'running', ${actor.actorId}, ${actor.actorName},
              ${now.toISOString()}::timestamptz)
      on conflict (status) where status = 'running' do nothing
      returning id`);
    if (inserted.rows.length === 0) throw leaderLevelsError('leader_levels.assessment_running');
    if (onlyIfUnassessed && (await periodAssessed(tx, period))) throw new AlreadyAssessed();
    return id;
  });
  return claim.catch((err: unknown) => {
    if (err instanceof AlreadyAssessed) return null;
    throw err;
  });
}

interface Change {
  leaderId: string;
  decision: LevelDecision;
  figures: Record<string, number>;
}

function figuresOf(decision: LevelDecision, ladder: readonly LevelRow[], values: (k: string) => number) {
  const level = ladder.find((l) => l.id === decision.because?.levelId);
  const rule = decision.because?.rule === 'downgrade' ? level?.downgradeRule : level?.upgradeRule;
  const figures: Record<string, number> = {};
  for (const c of conditionsOf(rule ?? null)) {
    const key = metricSpecOf(c).key;
    figures[key] = values(key);
  }
  return figures;
}

async function writeBatch(
  deps: LevelsDeps,
  tx: Tx,
  batch: readonly Change[],
  ctx: { runId: string; period: DayRange; now: Date; actor: Actor; codes: Map<string, string> },
): Promise<Change[]> {
  const ids = batch.map((c) => c.leaderId);
  const from = batch.map((c) => c.decision.fromLevelId);
  const to = batch.map((c) => c.decision.toLevelId);
  // Moves only leaders whose level is still what the decision started from and who are not held:
  // an override made while the run was computing wins.
  const moved = await tx.execute<{ id: string }>(sql`
    update leaders l set level_id = v.to_level
    from unnest(${sql.param(ids)}::text[], ${sql.param(from)}::text[], ${sql.param(to)}::text[]) as v(id, from_level, to_level)
    where l.id = v.id and l.level_id is not distinct from v.from_level and l.status = 'active'
      and (l.level_held_until is null or l.level_held_until <= ${ctx.now.toISOString()}::timestamptz)
    returning l.id`);
  const done = new Set(moved.rows.map((r) => r.id));
  const applied = batch.filter((c) => done.has(c.leaderId));
  if (applied.length === 0) return applied;

  const rows = applied.map((c) => ({
    id: newId('leaderLevelChange'),
    leaderId: c.leaderId,
    fromLevelId: c.decision.fromLevelId,
    toLevelId: c.decision.toLevelId ?? '',
    metrics: JSON.stringify({
      rule: c.decision.because?.rule ?? null,
      levelId: c.decision.because?.levelId ?? null,
      figures: c.figures,
      evaluation: c.decision.because?.evaluation ?? null,
    }),
  }));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
  await tx.execute(sql`
    insert into leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause, metrics, actor_id, actor_name,
                                      period_start, period_end, run_id)
    select i, l, f, t, ${ctx.now.toISOString()}::timestamptz, 'assessment', m, ${ctx.actor.actorId}, ${ctx.actor.actorName},
           ${ctx.period.start}::date, ${ctx.period.end}::date, ${ctx.runId}
    from unnest(${col('id')}::text[], ${col('leaderId')}::text[], ${col('fromLevelId')}::text[], ${col('toLevelId')}::text[],
                ${col('metrics')}::jsonb[]) as v(i, l, f, t, m)`);

  const events: NewEvent[] = applied.map((c) => ({
    type: 'leader.level_changed',
    aggregateType: 'leader',
    aggregateId: c.leaderId,
    payload: {
      leaderId: c.leaderId,
      fromLevelId: c.decision.fromLevelId,
      toLevelId: c.decision.toLevelId,
      fromLevelCode: c.decision.fromLevelId ? (ctx.codes.get(c.decision.fromLevelId) ?? null) : null,
      toLevelCode: c.decision.toLevelId ? (ctx.codes.get(c.decision.toLevelId) ?? null) : null,
      direction: c.decision.direction,
      cause: 'assessment',
      at: ctx.now.toISOString(),
      periodStart: ctx.period.start,
      periodEnd: ctx.period.end,
      runId: ctx.runId,
    },
  }));
  await deps.bus.publishMany(
    tx,
    events.map((e) => ({ ...e, requestId: ctx.actor.requestId })),
  );
  await recordAuditMany(
    tx,
    deps.clock,
    applied.map((c) => ({
      actor: ctx.actor,
      entry: {
        action: 'leader.level_assess',
        entityType: 'leader',
        entityId: c.leaderId,
        before: { levelId: c.decision.fromLevelId },
        // The figures and the evaluated rule are in the history row; the audit names the run.
        after: { levelId: c.decision.toLevelId, direction: c.decision.direction, runId: ctx.runId },
      },
    })),
  );
  return applied;
}

/**
 * Re-assesses every active leader for the period (inclusive days, Asia/Shanghai) and returns what
 * changed. Exported for the scheduled job, the "run now" button and the benchmark.
 */
export async function reassessAllLeaders(
  deps: LevelsDeps,
  opts: AssessmentOptions,
): Promise<AssessmentResult> {
  const result = await assessPeriod(deps, opts, false);
  if (!result) throw new Error('an assessment that may repeat a period always runs');
  return result;
}

/** The assessment itself; with `onlyIfUnassessed`, null when the period has a completed run already. */
async function assessPeriod(
  deps: LevelsDeps,
  opts: AssessmentOptions,
  onlyIfUnassessed: boolean,
): Promise<AssessmentResult | null> {
  const period = assertPeriod(opts);
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const trigger = opts.trigger ?? 'manual';
  const started = performance.now();
  const runId = await claimRun(deps, period, trigger, actor, onlyIfUnassessed);
  if (runId === null) return null;
  try {
    const now = deps.clock.now();
    const ladder = await loadLadder(deps.db);
    const rungs = rungsOf(ladder);
    const specs = metricSpecsOf(ladder.flatMap((l) => [l.upgradeRule, l.downgradeRule]));
    const [leaderRows, movedThisPeriod] = await Promise.all([
      deps.db.execute<{ id: string; referrer_id: string | null; level_id: string | null; held: boolean }>(sql`
        select id, referrer_id, level_id,
               (level_held_until is not null and level_held_until > ${now.toISOString()}::timestamptz) as held
        from leaders where status = 'active'`),
      deps.db.execute<{ leader_id: string }>(sql`
        select distinct leader_id from leader_level_history
        where cause = 'assessment' and period_end = ${period.end}::date and period_start = ${period.start}::date`),
    ]);
    const table = await computeMetricsForAll(
      deps.db,
      specs,
      period,
      leaderRows.rows.map((l) => ({ id: l.id, referrerId: l.referrer_id })),
    );
    const tMetrics = performance.now();
    const already = new Set(movedThisPeriod.rows.map((r) => r.leader_id));
    let held = 0;
    let unchanged = 0;
    const changes: Change[] = [];
    for (const l of leaderRows.rows) {
      if (l.held) {
        held += 1;
        continue;
      }
      const values = valuesOf(table, l.id);
      let decision = decideLevel(rungs, l.level_id, values, { explain: false });
      if (decision.direction === 'down' && already.has(l.id)) decision = { ...decision, direction: 'same' };
      if (decision.direction === 'same' || decision.toLevelId === l.level_id) {
        unchanged += 1;
        continue;
      }
      // Explained only for the leaders who change: the hot loop above builds no trees.
      decision = decideLevel(rungs, l.level_id, values);
      changes.push({ leaderId: l.id, decision, figures: figuresOf(decision, ladder, values) });
    }

    const tDecide = performance.now();
    const codes = new Map(ladder.map((l) => [l.id, l.code]));
    let upgraded = 0;
    let downgraded = 0;
    let next = 0;
    const writer = async () => {
      for (let i = next; i < changes.length; i = next) {
        next += BATCH;
        const batch = changes.slice(i, i + BATCH);
        const applied = await deps.db.transaction((tx) =>
          writeBatch(deps, tx, batch, { runId, period, now, actor, codes }),
        );
        for (const c of applied) {
          if (c.decision.direction === 'up') upgraded += 1;
          else downgraded += 1;
        }
        unchanged += batch.length - applied.length;
      }
    };
    // Two writers: while one batch waits on the audit chain's lock (taken last, so batches of
    // disjoint leaders cannot deadlock), the other moves its leaders and writes its history.
    const settled = await Promise.allSettled(Array.from({ length: WRITERS }, writer));
    const failed = settled.find((x): x is PromiseRejectedResult => x.status === 'rejected');
    if (failed) throw failed.reason;

    const result: AssessmentResult = {
      runId,
      periodStart: period.start,
      periodEnd: period.end,
      assessed: leaderRows.rows.length,
      upgraded,
      downgraded,
      unchanged,
      held,
      durationMs: Math.round(performance.now() - started),
      phasesMs: {
        metrics: Math.round(tMetrics - started),
        decide: Math.round(tDecide - tMetrics),
        write: Math.round(performance.now() - tDecide),
      },
    };
    await deps.db.transaction(async (tx) => {
      await tx
        .update(levelAssessmentRuns)
        .set({
          status: 'completed',
          assessed: result.assessed,
          upgraded,
          downgraded,
          unchanged,
          held,
          durationMs: result.durationMs,
          finishedAt: deps.clock.now(),
        })
        .where(eq(levelAssessmentRuns.id, runId));
      await recordAuditMany(tx, deps.clock, [
        {
          actor,
          entry: {
            action: 'leader_level.assessment',
            entityType: 'level_assessment_run',
            entityId: runId,
            after: { ...result, trigger },
          },
        },
      ]);
    });
    return result;
  } catch (err) {
    await deps.db
      .update(levelAssessmentRuns)
      .set({
        status: 'failed',
        error: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
        finishedAt: deps.clock.now(),
      })
      .where(eq(levelAssessmentRuns.id, runId))
      .catch(() => {});
    throw err;
  }
}

/** Whether a completed run has measured exactly this period. */
async function periodAssessed(db: Executor, period: DayRange): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from level_assessment_runs
    where status = 'completed' and period_start = ${period.start}::date and period_end = ${period.end}::date`);
  return (r.rows[0]?.n ?? 0) > 0;
}

/**
 * The first day no assessment has measured yet, where the schedule's catch-up starts: the day after
 * the last completed run's period (by the schedule or by hand), but not before the day the first
 * level with a rule was added (periods before the ladder had rules have nothing to assess). Null
 * when there is neither: then only the last complete period is assessed, as on a fresh install.
 */
async function firstUnassessedDay(db: Executor): Promise<string | null> {
  // greatest() skips nulls: null only when neither exists.
  const r = await db.execute<{ since: string | null }>(sql`
    select to_char(greatest(
             (select max(period_end) + 1 from level_assessment_runs where status = 'completed'),
             (select (min(created_at) at time zone ${BUSINESS_TZ})::date from leader_levels
              where upgrade_rule is not null or downgrade_rule is not null)),
           'YYYY-MM-DD') as since`);
  return r.rows[0]?.since ?? null;
}

/** What the hourly job returns after assessing: the last period's result, and every period it ran. */
export type DueAssessmentResult = AssessmentResult & {
  periods: Array<Pick<AssessmentResult, 'runId' | 'periodStart' | 'periodEnd' | 'upgraded' | 'downgraded'>>;
};

/**
 * The hourly job (and the run at every start): assesses every period the schedule has missed, oldest
 * first, each with its own figures, so a leader October moved up is judged for November from their
 * new level. By default that is the previous month from 02:00 on the 1st; after downtime, every
 * complete period since the last assessed one (at most twelve back, see missedAssessments). Each
 * period once: one that has a completed run, checked again under the run's claim, is not run again.
 * A run already going elsewhere (another process catching up, or a "run now") stops this one; the
 * next hourly check goes on from where that one ends.
 */
export async function runDueAssessment(deps: LevelsDeps): Promise<DueAssessmentResult | { skipped: string }> {
  const settings = await loadSettings(deps.db);
  if (!settings.enabled) return { skipped: 'disabled' };
  const due = missedAssessments(deps.clock.now(), settings, await firstUnassessedDay(deps.db));
  const done: AssessmentResult[] = [];
  let busy = false;
  for (const period of due) {
    let result: AssessmentResult | null;
    try {
      result = await assessPeriod(
        deps,
        { periodStart: period.start, periodEnd: period.end, trigger: 'schedule' },
        true,
      );
    } catch (err) {
      // Stop rather than skip ahead: the later periods must wait for this one.
      if (isRunning(err)) {
        busy = true;
        break;
      }
      throw err;
    }
    if (result) done.push(result);
  }
  const last = done.at(-1);
  if (!last) {
    if (due.length === 0) return { skipped: 'not due' };
    return { skipped: busy ? 'another run is going' : 'assessed by another run' };
  }
  return {
    ...last,
    periods: done.map((r) => ({
      runId: r.runId,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      upgraded: r.upgraded,
      downgraded: r.downgraded,
    })),
  };
}

function isRunning(err: unknown): boolean {
  return err instanceof DomainError && err.code === 'leader_levels.assessment_running';
}

/**
 * "Run the assessment now" (立即考核) from the console: the given period, or the last complete one.
 * A period that has not ended yet is refused, because its figures are still growing.
 */
export async function runAssessmentNow(
  deps: LevelsDeps,
  actor: Actor,
  body: { periodStart?: string | undefined; periodEnd?: string | undefined },
): Promise<AssessmentResult> {
  const now = deps.clock.now();
  let period: DayRange;
  if (body.periodStart === undefined && body.periodEnd === undefined) {
    period = previousPeriod(now, (await loadSettings(deps.db)).periodKind);
  } else {
    if (body.periodStart === undefined || body.periodEnd === undefined)
      throw leaderLevelsError('leader_levels.bad_period', {
        field: body.periodStart === undefined ? 'body.periodStart' : 'body.periodEnd',
        detail: 'give both days of the period, or neither for the last complete period',
      });
    period = assertPeriod({ periodStart: body.periodStart, periodEnd: body.periodEnd });
  }
  if (period.end >= localDate(now))
    throw leaderLevelsError('leader_levels.period_not_over', { field: 'body.periodEnd', detail: period.end });
  return reassessAllLeaders(deps, {
    periodStart: period.start,
    periodEnd: period.end,
    trigger: 'manual',
    actor,
  });
}
