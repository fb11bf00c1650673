import { and, eq, min, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.js';
import { users } from '../../../platform/auth/index.js';
import { isMonth, localMonth, monthBounds } from '../../../platform/business-time.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { leaderDailySales, leaders, regionManagers, regions } from '../../leaders/index.js';
import { lockMoneyShared } from '../accrual/accrual.queries.js';
import { commissionPlanActivations } from '../commission.tables.js';
import { activePlanAt } from '../plans.queries.js';
import { commissionPeriodError } from './period.errors.js';
import { commissionPeriodRuns, type PeriodRunTrigger } from './period.tables.js';
import {
  dividendEntries,
  type LeaderMonthGmv,
  type RegionManagerShare,
  type RegionMonthGmv,
  tieredEntries,
} from './period-entries.js';
import { monthDays, monthIsOver, monthsFromTo, previousMonth } from './period-keys.js';
import { type RunRow, recordPeriodRunTx } from './period-record.js';

/**
 * Month close (月结): tiered commission per leader and the regional dividend per region for one
 * calendar month (Asia/Shanghai), computed set-based from the daily sales roll-up
 * (`leader_daily_sales`: completions on their completion day, refunds on their refund day, so a
 * closed month's figures never change), under the plan that was active at the month's last moment.
 */

/** Serialises month closes (a scheduled run and a person's click), so their run rows tell one story. */
const MONTH_CLOSE_LOCK = 7_464_021_051;

/** Net completed direct GMV of the month per leader (completed − refunded, by business day). */
async function leaderMonthGmv(db: Executor, month: string): Promise<LeaderMonthGmv[]> {
  const { first, last } = monthDays(month);
  const r = await db.execute<{ leader_id: string; gmv: number }>(sql`
    select s.leader_id, sum(s.completed_gmv_fen - s.refunded_fen)::bigint as gmv
    from ${leaderDailySales} s
    where s.day between ${first}::date and ${last}::date
    group by s.leader_id`);
  return r.rows.map((x) => ({ leaderId: x.leader_id, gmvFen: Number(x.gmv) }));
}

/**
 * Each managed region's net completed GMV of the month: its own leaders' and those of every region
 * below it (a city partner earns on the city's districts), with its managers and their weights.
 * A leader counts in the region they belong to now (the roll-up keeps no region history).
 */
async function regionMonthGmv(db: Executor, month: string): Promise<RegionMonthGmv[]> {
  const { first, last } = monthDays(month);
  const managers = await db.execute<{
    region_id: string;
    region_name: string;
    user_id: string;
    leader_id: string | null;
    weight: number;
    name: string | null;
  }>(sql`
    select m.region_id, r.name as region_name, m.user_id, m.leader_id, m.weight, u.display_name as name
    from ${regionManagers} m
    join ${regions} r on r.id = m.region_id
    left join ${users} u on u.id = m.user_id
    order by m.region_id, m.user_id`);
  if (managers.rows.length === 0) return [];
  const managed = [...new Set(managers.rows.map((m) => m.region_id))];
  const gmv = await db.execute<{ root: string; gmv: number }>(sql`
    with recursive sub(root, id, depth) as (
      select r.id, r.id, 0 from ${regions} r where r.id = any(${sql.param(managed)}::text[])
      union all
      select sub.root, c.id, sub.depth + 1 from ${regions} c join sub on c.parent_id = sub.id where sub.depth < 32
    )
    select sub.root, coalesce(sum(s.completed_gmv_fen - s.refunded_fen), 0)::bigint as gmv
    from sub
    join ${leaders} l on l.region_id = sub.id
    join ${leaderDailySales} s on s.leader_id = l.id and s.day between ${first}::date and ${last}::date
    group by sub.root`);
  const gmvOf = new Map(gmv.rows.map((g) => [g.root, Number(g.gmv)]));
  const byRegion = new Map<string, RegionMonthGmv & { managers: RegionManagerShare[] }>();
  for (const m of managers.rows) {
    let region = byRegion.get(m.region_id);
    if (!region) {
      region = {
        regionId: m.region_id,
        regionName: m.region_name,
        gmvFen: gmvOf.get(m.region_id) ?? 0,
        managers: [],
      };
      byRegion.set(m.region_id, region);
    }
    region.managers.push({
      userId: m.user_id,
      leaderId: m.leader_id,
      name: m.name ?? m.user_id,
      weight: Number(m.weight),
    });
  }
  return [...byRegion.values()];
}

export interface MonthCloseResult extends RunRow {
  month: string;
  planVersion: number;
}

/**
 * Closes `month`: computes and records its tiered and dividend entries (final at once), one run row
 * and one audit record. Running it again computes the same entries and writes none of them.
 */
export async function closeMonth(
  deps: Deps,
  actor: Actor,
  month: string,
  trigger: PeriodRunTrigger = 'manual',
): Promise<MonthCloseResult> {
  const result = await closeMonthRun(deps, actor, month, trigger, false);
  if (!result) throw new Error('a month close that may repeat always runs');
  return result;
}

/** Whether `month` has been closed already (a run row of kind month_close, by anyone). */
async function monthClosed(db: Executor, month: string): Promise<boolean> {
  const [row] = await db
    .select({ id: commissionPeriodRuns.id })
    .from(commissionPeriodRuns)
    .where(and(eq(commissionPeriodRuns.kind, 'month_close'), eq(commissionPeriodRuns.period, month)))
    .limit(1);
  return row !== undefined;
}

/**
 * The month close itself. With `onlyIfUnclosed` it does nothing (null) when the month already has a
 * run, checked again under the month-close lock, so two processes catching up at once close a
 * month once.
 */
async function closeMonthRun(
  deps: Deps,
  actor: Actor,
  month: string,
  trigger: PeriodRunTrigger,
  onlyIfUnclosed: boolean,
): Promise<MonthCloseResult | null> {
  if (!isMonth(month))
    throw commissionPeriodError('commission.month_invalid', { field: 'body.month', detail: month });
  const now = deps.clock.now();
  if (!monthIsOver(month, now))
    throw commissionPeriodError('commission.month_not_over', { field: 'body.month', detail: month });
  const startedAt = performance.now();
  const { to } = monthBounds(month);
  // The month's last moment: the plan in force when the month ended governs its monthly rules.
  const endOfMonth = new Date(to.getTime() - 1);
  const plan = await activePlanAt(deps.db, endOfMonth);
  if (!plan)
    throw commissionPeriodError('commission.no_plan_for_period', { field: 'body.month', detail: month });
  const [leaderGmv, regionGmv] = await Promise.all([
    leaderMonthGmv(deps.db, month),
    regionMonthGmv(deps.db, month),
  ]);
  const tiered = tieredEntries(plan.document, month, leaderGmv);
  const dividends = dividendEntries(plan.document, month, regionGmv);
  const ref = { planId: plan.planId, version: plan.version };
  const row = await deps.db.transaction(async (tx) => {
    // The money lock first (as every writer of the money path takes it), then the month's own.
    await lockMoneyShared(tx);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MONTH_CLOSE_LOCK})`);
    if (onlyIfUnclosed && (await monthClosed(tx, month))) return null;
    return recordPeriodRunTx(deps, tx, actor, {
      kind: 'month_close',
      period: month,
      trigger,
      plan: ref,
      entries: [...tiered, ...dividends.entries].map((draft) => ({ draft, plan: ref, refersTo: endOfMonth })),
      report: {
        leaders: leaderGmv.length,
        tiered: { mode: plan.document.tiered?.mode ?? null, entries: tiered.length },
        regional: { rateBps: plan.document.regional?.rateBps ?? 0, pools: dividends.pools },
        held: dividends.held,
        undistributed: dividends.undistributed,
      },
      startedAt,
    });
  });
  if (!row) return null;
  return { ...row, month, planVersion: plan.version };
}

/**
 * The scheduled month close with catch-up: every month that is over, from the month of the first
 * plan activation (at most 36 months back), that has no month-close run yet is closed, oldest first,
 * each exactly once. A server that was down at 03:00 on the 1st (or for several months) closes what
 * it missed at its next start or the next scheduled run; a month already closed, by the schedule or
 * by hand, is not closed again. Months without an active plan at their end are skipped.
 */
export async function closeMissedMonths(
  deps: Deps,
  actor: Actor,
): Promise<{ closed: MonthCloseResult[]; skipped: string[] }> {
  const [first] = await deps.db
    .select({ at: min(commissionPlanActivations.activatedAt) })
    .from(commissionPlanActivations);
  const out = { closed: [] as MonthCloseResult[], skipped: [] as string[] };
  if (!first?.at) return out;
  const last = previousMonth(localMonth(deps.clock.now()));
  for (const month of monthsFromTo(localMonth(first.at), last)) {
    if (await monthClosed(deps.db, month)) continue;
    try {
      const result = await closeMonthRun(deps, actor, month, 'schedule', true);
      if (result) out.closed.push(result);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'commission.no_plan_for_period') {
        out.skipped.push(month);
        continue;
      }
      throw err;
    }
  }
  return out;
}

/**
 * The scheduled month close (1st of the month, 03:00 Asia/Shanghai): closes the previous month.
 * Without a plan active then there is nothing to pay, which is not an error for a schedule.
 */
export async function closePreviousMonth(
  deps: Deps,
  actor: Actor,
): Promise<MonthCloseResult | { skipped: string }> {
  const month = previousMonth(localMonth(deps.clock.now()));
  try {
    return await closeMonth(deps, actor, month, 'schedule');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'commission.no_plan_for_period')
      return { skipped: `no plan was active in ${month}` };
    throw err;
  }
}
