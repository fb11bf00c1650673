import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.js';
import { localDate } from '../../../platform/business-time.js';
import type { Deps } from '../../../platform/deps.js';
import { leaderReferrerPeriods, leaderSalesOrders } from '../../leaders/index.js';
import { orderRefunds } from '../../orders/index.js';
import { getAccrualSettings } from '../accrual/settings.js';
import { commissionPlanActivations, commissionPlans } from '../commission.tables.js';
import type { PlanDocument } from '../domain/plan.js';
import { commissionEntries, commissionOrders } from '../entries.tables.js';
import { approvalsSql } from './approval.js';
import type { PeriodRunTrigger } from './period.tables.js';
import { type PeriodEntryDraft, recruitBonusEntry } from './period-entries.js';
import { periodKey } from './period-keys.js';
import { type PeriodPlanRef, type RunRow, recordPeriodRunTx } from './period-record.js';

/**
 * The daily recruit check (推荐奖): a recruit whose completed sales (net of refunds) reached the
 * threshold within `withinDays` of their approval earns their referrer — the referrer they had when
 * approved — the fixed bonus, once (the key `recruit_bonus:<recruitId>` can be taken only once). The
 * rule is the plan's that was active when the recruit was approved: the terms they joined under.
 * Sales count when they complete within the window (the roll-up's `leader_sales_orders.completed_at`),
 * net of refunds, but only once the order is final: its after-sales window (售后期) has passed (the
 * freeze's `commission_orders.final_at`, or for an order that earned no commission, completion plus
 * the after-sales days). So an order refunded inside its after-sales window never counts, and the
 * bonus, written final, rests on final sales only. A refund of a qualifying order after the bonus was
 * written counts the sales again (recruit-bonus-refund.service.ts): below the threshold, the bonus is
 * voided or clawed back. Recruits approved before a plan with a recruit
 * rule was activated, whose window was still open then, are checked under that plan (unless an
 * earlier plan with a recruit rule already covered their approval). Recruits whose window closed more
 * than a week plus the after-sales window ago are no longer looked at, so a check missed for a few
 * days still catches up.
 */

const DAY_MS = 86_400_000;
const GRACE_MS = 7 * DAY_MS;

interface PlanSpan extends PeriodPlanRef {
  document: PlanDocument;
  from: Date;
  /**
   * Recruits approved from here (inclusive; null: any time before) until `from` are checked under
   * this plan too, when their window was still open at `from`: the previous recruit plan's end.
   */
  approvedFrom: Date | null;
  /** Exclusive; null for the plan active now. */
  to: Date | null;
}

/** Every activation with a paying recruit rule, with the span it was active. */
async function recruitPlanSpans(deps: Deps): Promise<PlanSpan[]> {
  const rows = await deps.db
    .select({
      planId: commissionPlanActivations.planId,
      version: commissionPlanActivations.version,
      activatedAt: commissionPlanActivations.activatedAt,
      document: commissionPlans.document,
    })
    .from(commissionPlanActivations)
    .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanActivations.planId))
    .orderBy(asc(commissionPlanActivations.activatedAt), asc(commissionPlanActivations.seq));
  const spans = rows
    .map((r, i) => ({
      planId: r.planId,
      version: r.version,
      document: r.document,
      from: r.activatedAt,
      approvedFrom: null as Date | null,
      to: rows[i + 1]?.activatedAt ?? null,
    }))
    .filter(
      (s) =>
        s.document.recruit !== null && s.document.recruit.bonusFen > 0 && (s.to === null || s.to > s.from),
    );
  for (const [i, s] of spans.entries()) s.approvedFrom = i === 0 ? null : (spans[i - 1]?.to ?? null);
  return spans;
}

/**
 * A recruit's qualifying sales (fen): their orders completed within `withinDays` of approval that are
 * final at `nowIso` (after-sales window passed), net of refunds. The daily check and the refund path
 * (recruit-bonus-refunds.ts) both read this one figure. A refund counts as soon as the orders module
 * recorded it: the roll-up's `refunded_fen`, or the refunds made after completion when the roll-up's
 * own subscriber has not seen the refund yet (the two subscribers of `order.refunded` run in no set
 * order), whichever is more.
 */
export function recruitSalesSql(q: {
  recruitId: SQL;
  approvedAt: SQL;
  withinDays: number;
  afterSalesDays: number;
  nowIso: string;
}): SQL {
  return sql`(select coalesce(sum(so.gmv_fen - greatest(so.refunded_fen, least(so.gmv_fen,
        (select coalesce(sum(r.amount_fen), 0) from ${orderRefunds} r
          where r.order_id = so.order_id and r.created_at > so.completed_at)))), 0)
      from ${leaderSalesOrders} so
      left join ${commissionOrders} co on co.order_id = so.order_id
      where so.leader_id = ${q.recruitId} and so.completed_at >= ${q.approvedAt}
        and so.completed_at < ${q.approvedAt} + make_interval(days => ${q.withinDays}::int)
        and coalesce(co.final_at, so.completed_at + make_interval(days => ${q.afterSalesDays}::int))
            <= ${q.nowIso}::timestamptz)::bigint`;
}

type Candidate = {
  id: string;
  name: string;
  approved_at: Date | string;
  referrer_id: string | null;
  sales: number;
};

export interface RecruitCheckResult extends RunRow {
  checked: number;
  awarded: number;
}

/** Checks every recruit still in (or just past) their window and records the bonuses earned. */
export async function runRecruitCheck(
  deps: Deps,
  actor: Actor,
  trigger: PeriodRunTrigger = 'schedule',
): Promise<RecruitCheckResult> {
  const startedAt = performance.now();
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const spans = await recruitPlanSpans(deps);
  const { afterSalesDays } = await getAccrualSettings(deps.db);
  const lookBackMs = GRACE_MS + afterSalesDays * DAY_MS;
  const entries: Array<{ draft: PeriodEntryDraft; plan: PeriodPlanRef; refersTo: Date }> = [];
  const reasons: Record<string, number> = {};
  let checked = 0;
  for (const span of spans) {
    const rule = span.document.recruit;
    if (!rule) continue;
    const within = rule.withinDays;
    const r = await deps.db.execute<Candidate>(sql`
      with cand as ${approvalsSql()}
      select c.id, c.name, c.approved_at,
        coalesce(
          (select p.referrer_id from ${leaderReferrerPeriods} p where p.leader_id = c.id
             and p.valid_from <= c.approved_at and (p.valid_to is null or p.valid_to > c.approved_at)
           order by p.valid_from desc limit 1),
          (select p.referrer_id from ${leaderReferrerPeriods} p where p.leader_id = c.id order by p.valid_from limit 1)
        ) as referrer_id,
        ${recruitSalesSql({ recruitId: sql`c.id`, approvedAt: sql`c.approved_at`, withinDays: within, afterSalesDays, nowIso })} as sales
      from cand c
      where c.approved_at + make_interval(days => ${within}) > ${span.from.toISOString()}::timestamptz
        ${span.approvedFrom ? sql`and c.approved_at >= ${span.approvedFrom.toISOString()}::timestamptz` : sql``}
        ${span.to ? sql`and c.approved_at < ${span.to.toISOString()}::timestamptz` : sql``}
        and c.approved_at <= ${nowIso}::timestamptz
        and c.approved_at + make_interval(days => ${within}) > ${new Date(now.getTime() - lookBackMs).toISOString()}::timestamptz
        and not exists (select 1 from ${commissionEntries} e where e.key = ${periodKey.recruitBonus('')} || c.id)
      order by c.id`);
    for (const c of r.rows) {
      checked += 1;
      const outcome = recruitBonusEntry(span.document, {
        recruitId: c.id,
        recruitName: c.name,
        referrerId: c.referrer_id,
        approvedAt: new Date(c.approved_at).toISOString(),
        completedSalesInWindowFen: Number(c.sales),
        alreadyAwarded: false,
      });
      if (outcome.award) entries.push({ draft: outcome.entry, plan: span, refersTo: now });
      else reasons[outcome.reason] = (reasons[outcome.reason] ?? 0) + 1;
    }
  }
  const day = localDate(now);
  const row = await deps.db.transaction((tx) =>
    recordPeriodRunTx(deps, tx, actor, {
      kind: 'recruit_check',
      period: day,
      trigger,
      plan: null,
      entries,
      report: {
        plans: spans.map((s) => ({ planId: s.planId, version: s.version })),
        checked,
        awarded: entries.length,
        notYet: reasons,
      },
      startedAt,
    }),
  );
  return { ...row, checked, awarded: entries.length };
}
