import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { leadersError } from '../leaders.errors.js';
import { leaders } from '../leaders.tables.js';
import { leaderInScope, type RegionScope } from '../regions/region-scope.js';
import { type EvalNode, evaluateRule } from './assess-level.js';
import { currentPeriodToDate, type PeriodKind, periodLabels } from './assessment-period.js';
import { keepProgress } from './keep-progress.js';
import { computeMetrics, valuesOf } from './level-metrics.js';
import { metricSpecsOf, type RuleNode } from './level-rules.js';
import { type LevelRow, loadLadder, loadSettings } from './levels.shared.js';
import { leaderLevels, levelAssessmentRuns } from './levels.tables.js';
import { type ExplainLine, explainLines, type PeriodLabel, rulePreview } from './rule-preview.js';

/**
 * Reads of levels: the level a leader had at a moment (for commission), a leader's history with the
 * figures that moved them (console), and their progress towards the next level (portal).
 */

/**
 * The level each leader had at `at` (当时等级), from the append-only history: the target of their
 * last change at or before `at`. Before their first recorded change a leader counts as on the level
 * that change started from (or, for the initial row, the level it gave). Leaders with no history at
 * all are absent from the map. One statement however many leaders are asked about.
 */
export async function levelsAt(
  db: Executor,
  leaderIds: readonly string[],
  at: Date,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (leaderIds.length === 0) return out;
  const r = await db.execute<{ leader_id: string; level_id: string }>(sql`
    with asked as (select distinct unnest(${sql.param([...leaderIds])}::text[]) as id)
    select a.id as leader_id,
      coalesce(
        (select h.to_level_id from leader_level_history h
          where h.leader_id = a.id and h.at <= ${at.toISOString()}::timestamptz
          order by h.at desc, h.id desc limit 1),
        (select coalesce(h.from_level_id, h.to_level_id) from leader_level_history h
          where h.leader_id = a.id order by h.at, h.id limit 1)
      ) as level_id
    from asked a`);
  for (const row of r.rows) if (row.level_id) out.set(row.leader_id, row.level_id);
  return out;
}

export interface LevelRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

function refOf(l: LevelRow | undefined): LevelRef | null {
  return l ? { id: l.id, code: l.code, nameZh: l.nameZh, nameEn: l.nameEn, rank: l.rank } : null;
}

/** History rows name the period generically (考核期): the schedule may have changed since. */
const HISTORY_PERIOD: PeriodLabel = { zh: '考核期', en: 'in the period' };

interface StoredMetrics {
  rule: 'upgrade' | 'downgrade' | 'initial' | null;
  levelId: string | null;
  figures: Record<string, number>;
  evaluation: EvalNode | null;
}

function isStoredMetrics(v: unknown): v is StoredMetrics {
  return typeof v === 'object' && v !== null && 'figures' in v;
}

/** A leader's current level, hold and full history (newest first) with each change's explanation. */
export async function leaderLevelDetail(db: Executor, leaderId: string, scope: RegionScope = null) {
  const [leader] = await db
    .select({
      id: leaders.id,
      levelId: leaders.levelId,
      heldUntil: leaders.levelHeldUntil,
      regionId: leaders.regionId,
    })
    .from(leaders)
    .where(eq(leaders.id, leaderId));
  // Out of a region manager's regions reads as not found: they learn nothing about other regions.
  if (!leader || (scope !== null && !scope.has(leader.regionId)))
    throw leadersError('leaders.not_found', { field: 'params.id', detail: leaderId });
  const [levels, history] = await Promise.all([
    db.select().from(leaderLevels),
    db.execute<{
      id: string;
      from_level_id: string | null;
      to_level_id: string;
      at: Date | string;
      cause: 'initial' | 'assessment' | 'override';
      metrics: unknown;
      reason: string | null;
      actor_name: string | null;
      period_start: string | null;
      period_end: string | null;
      held_until: Date | string | null;
    }>(sql`
      select id, from_level_id, to_level_id, at, cause, metrics, reason, actor_name,
             to_char(period_start, 'YYYY-MM-DD') as period_start, to_char(period_end, 'YYYY-MM-DD') as period_end, held_until
      from leader_level_history where leader_id = ${leaderId}
      order by at desc, id desc limit 200`),
  ]);
  const byId = new Map(levels.map((l) => [l.id, l]));
  return {
    leaderId,
    level: refOf(leader.levelId ? byId.get(leader.levelId) : undefined),
    heldUntil: leader.heldUntil?.toISOString() ?? null,
    history: history.rows.map((h) => {
      const m = isStoredMetrics(h.metrics) ? h.metrics : null;
      const lines: ExplainLine[] = m?.evaluation ? explainLines(m.evaluation, HISTORY_PERIOD) : [];
      return {
        id: h.id,
        at: new Date(h.at).toISOString(),
        cause: h.cause,
        from: refOf(h.from_level_id ? byId.get(h.from_level_id) : undefined),
        to: refOf(byId.get(h.to_level_id)),
        reason: h.reason,
        actorName: h.actor_name,
        periodStart: h.period_start,
        periodEnd: h.period_end,
        heldUntil: h.held_until ? new Date(h.held_until).toISOString() : null,
        rule: m?.rule ?? null,
        figures: m?.figures ?? null,
        lines,
      };
    }),
  };
}

export interface RuleProgress {
  text: { zh: string; en: string };
  met: boolean;
  lines: ExplainLine[];
}

/**
 * A leader's progress towards the next level (升级进度), for the leader portal: the current and next
 * level, the next level's upgrade rule in plain words, and every condition's figure so far in the
 * period in progress (this month, by default) against its target. Also whether the figures so far
 * keep the current level (保级, `keep`): the downgrade rule says when a leader drops, so `onTrack`
 * is that rule NOT holding, and `missing` says how much more each figure needs; the drop rule itself
 * is there too, named as such (`dropRule`), never as a condition to meet.
 * `now` defaults to the system time; pass the injected clock's time.
 */
export async function levelProgress(
  db: Executor,
  leaderId: string,
  opts: { now?: Date; periodKind?: PeriodKind } = {},
) {
  const [leader] = await db
    .select({ id: leaders.id, levelId: leaders.levelId, heldUntil: leaders.levelHeldUntil })
    .from(leaders)
    .where(eq(leaders.id, leaderId));
  if (!leader) throw leadersError('leaders.not_found', { field: 'params.id', detail: leaderId });
  const now = opts.now ?? new Date();
  const kind = opts.periodKind ?? (await loadSettings(db)).periodKind;
  const ladder = await loadLadder(db);
  const index = ladder.findIndex((l) => l.id === leader.levelId);
  const current = index >= 0 ? ladder[index] : undefined;
  const next = ladder[index + 1];
  const period = currentPeriodToDate(now, kind);
  const label = periodLabels(kind).current;
  const upgradeRule: RuleNode | null = next?.upgradeRule ?? null;
  const downgradeRule: RuleNode | null = current && index > 0 ? (current.downgradeRule ?? null) : null;
  const specs = metricSpecsOf([upgradeRule, downgradeRule]);
  const table = specs.length > 0 ? await computeMetrics(db, specs, period, [leaderId]) : new Map();
  const values = valuesOf(table, leaderId);
  const progressOf = (rule: RuleNode | null): RuleProgress | null => {
    if (!rule) return null;
    const ev = evaluateRule(rule, values);
    return { text: rulePreview(rule, label), met: ev.held, lines: explainLines(ev, label) };
  };
  const keepOf = (rule: RuleNode | null) => {
    if (!rule) return null;
    const ev = evaluateRule(rule, values);
    return {
      ...keepProgress(ev, label),
      dropRule: { text: rulePreview(rule, label), holds: ev.held, lines: explainLines(ev, label) },
    };
  };
  return {
    leaderId,
    current: refOf(current),
    next: refOf(next),
    heldUntil: leader.heldUntil?.toISOString() ?? null,
    period: { start: period.start, end: period.end, label },
    upgrade: progressOf(upgradeRule),
    keep: keepOf(downgradeRule),
  };
}

export type LevelProgress = Awaited<ReturnType<typeof levelProgress>>;

/**
 * How many leaders in scope each run moved up and down, from the level history the runs wrote
 * (a leader a run left alone has no row, so only moves can be counted per region).
 */
async function scopedMoves(db: Executor, runIds: string[], scope: RegionScope) {
  if (runIds.length === 0) return new Map<string, { up: number; down: number }>();
  const result = await db.execute<{ run_id: string; up: number; down: number }>(sql`
    select h.run_id,
      count(*) filter (where fl.id is null or tl.rank > fl.rank)::int as up,
      count(*) filter (where tl.rank < fl.rank)::int as down
    from leader_level_history h
    join leader_levels tl on tl.id = h.to_level_id
    left join leader_levels fl on fl.id = h.from_level_id
    where h.cause = 'assessment' and h.run_id = any(${sql.param(runIds)}::text[])
      and ${leaderInScope(sql`h.leader_id`, scope)}
    group by h.run_id`);
  return new Map(result.rows.map((r) => [r.run_id, { up: Number(r.up), down: Number(r.down) }]));
}

/**
 * The latest assessment runs, newest first. A run assesses the whole company; for a region manager
 * (a region scope) its figures are their regions' only: how many of their leaders it moved up and
 * down, and no company-wide totals (`assessed`, `unchanged` and `held` are null, `scope` says so).
 */
export async function listAssessmentRuns(db: Executor, limit = 20, scope: RegionScope = null) {
  const rows = await db
    .select()
    .from(levelAssessmentRuns)
    .orderBy(desc(levelAssessmentRuns.startedAt), desc(levelAssessmentRuns.id))
    .limit(limit);
  const moves =
    scope === null
      ? null
      : await scopedMoves(
          db,
          rows.map((r) => r.id),
          scope,
        );
  return rows.map((r) => ({
    id: r.id,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    trigger: r.trigger,
    status: r.status,
    actorName: r.actorName,
    scope: moves === null ? ('company' as const) : ('region' as const),
    assessed: moves === null ? r.assessed : null,
    upgraded: moves === null ? r.upgraded : (moves.get(r.id)?.up ?? 0),
    downgraded: moves === null ? r.downgraded : (moves.get(r.id)?.down ?? 0),
    unchanged: moves === null ? r.unchanged : null,
    held: moves === null ? r.held : null,
    durationMs: r.durationMs,
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}
