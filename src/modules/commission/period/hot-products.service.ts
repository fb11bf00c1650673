import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/index.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { campaigns } from '../../campaigns/index.js';
import { findSkus } from '../../catalog/index.js';
import { leaderSalesOrders } from '../../leaders/index.js';
import { orderLines, orders } from '../../orders/index.js';
import { commissionAccrualSettings, commissionEntries, commissionOrders } from '../entries.tables.js';
import { activePlanAt } from '../plans.queries.js';
import { commissionPeriodError } from './period.errors.js';
import { commissionPeriodRuns, type PeriodRunTrigger } from './period.tables.js';
import { hotProductEntries, type PeriodEntryDraft } from './period-entries.js';
import { type RunRow, recordPeriodRunTx } from './period-record.js';

/**
 * The hot-product ladder (爆品阶梯奖励) of a campaign, computed once the campaign is over for good:
 * closed (or fulfilled), every order completed, cancelled or refunded, the after-sales window passed
 * since the last completion and no line entry of it still estimated. Units are what each leader's
 * completed orders kept after refunds, so a refunded unit never earns a bonus and the entries are
 * final at once. The ladder is the plan's that was active when the campaign closed.
 */

const TERMINAL = ['completed', 'cancelled', 'refunded'];
const DAY_MS = 86_400_000;
/** The daily scan looks at campaigns closed within this many days (older ones were decided long ago). */
const SCAN_DAYS = 120;

async function afterSalesDays(db: Executor): Promise<number> {
  const [row] = await db
    .select({ days: commissionAccrualSettings.afterSalesDays })
    .from(commissionAccrualSettings)
    .where(eq(commissionAccrualSettings.id, 'default'));
  return row?.days ?? 7;
}

export interface CampaignReadiness {
  ready: boolean;
  /** Why not yet, in English, for the run report and the 409's detail. */
  reason: string | null;
}

/** Whether the campaign's orders are all final, so its hot-product units can no longer change. */
export async function campaignReadiness(
  db: Executor,
  now: Date,
  campaign: { id: string; state: string },
): Promise<CampaignReadiness> {
  if (campaign.state !== 'closed' && campaign.state !== 'fulfilled')
    return { ready: false, reason: `the campaign is ${campaign.state}, not closed` };
  const days = await afterSalesDays(db);
  const r = await db.execute<{
    open_orders: number;
    last_completed: Date | string | null;
    estimated: number;
  }>(sql`
    select
      (select count(*) from ${orders} o
        where o.campaign_id = ${campaign.id} and o.status <> all(${sql.param(TERMINAL)}::text[]))::int as open_orders,
      (select max(greatest(so.completed_at, co.completed_at)) from ${orders} o
        left join ${leaderSalesOrders} so on so.order_id = o.id
        left join ${commissionOrders} co on co.order_id = o.id
        where o.campaign_id = ${campaign.id} and o.status = 'completed') as last_completed,
      (select count(*) from ${commissionEntries} e join ${orders} o on o.id = e.order_id
        where o.campaign_id = ${campaign.id} and e.status = 'estimated')::int as estimated`);
  const row = r.rows[0];
  const open = Number(row?.open_orders ?? 0);
  if (open > 0)
    return { ready: false, reason: `${open} order(s) are not completed, cancelled or refunded yet` };
  const last = row?.last_completed ? new Date(row.last_completed).getTime() : null;
  if (last !== null && last + days * DAY_MS > now.getTime())
    return {
      ready: false,
      reason: `the after-sales window (${days} days) ends ${new Date(last + days * DAY_MS).toISOString()}`,
    };
  const estimated = Number(row?.estimated ?? 0);
  if (estimated > 0) return { ready: false, reason: `${estimated} commission entries are not final yet` };
  return { ready: true, reason: null };
}

/** Units and net paid amount per leader and SKU of the campaign's completed orders, after refunds. */
async function unitsOf(db: Executor, campaignId: string, skuIds: readonly string[]) {
  const r = await db.execute<{ leader_id: string; sku_id: string; units: number; amount: number }>(sql`
    select o.leader_id, ol.sku_id, sum(ol.quantity - ol.refunded_quantity)::bigint as units,
      sum((ol.quantity - ol.refunded_quantity) * ol.unit_price_fen)::bigint as amount
    from ${orders} o join ${orderLines} ol on ol.order_id = o.id
    where o.campaign_id = ${campaignId} and o.status = 'completed' and ol.sku_id = any(${sql.param([...skuIds])}::text[])
    group by o.leader_id, ol.sku_id`);
  return r.rows.map((x) => ({
    leaderId: x.leader_id,
    skuId: x.sku_id,
    units: Number(x.units),
    amountFen: Number(x.amount),
  }));
}

export interface HotProductRunResult extends RunRow {
  campaignId: string;
}

/**
 * Computes and records the ladder of every hot-product rule of the campaign. Refused (409) while
 * the campaign's orders can still change; running it again writes nothing new.
 */
export async function runHotProducts(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  trigger: PeriodRunTrigger = 'manual',
  field = 'params.id',
): Promise<HotProductRunResult> {
  const [campaign] = await deps.db
    .select({
      id: campaigns.id,
      code: campaigns.code,
      name: campaigns.name,
      state: campaigns.state,
      closedAt: campaigns.closedAt,
      cutoffAt: campaigns.cutoffAt,
    })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) throw commissionPeriodError('commission.campaign_not_found', { field, detail: campaignId });
  const readiness = await campaignReadiness(deps.db, deps.clock.now(), campaign);
  if (!readiness.ready)
    throw commissionPeriodError('commission.campaign_not_finished', {
      field,
      detail: readiness.reason ?? '',
    });
  const startedAt = performance.now();
  const closedAt = campaign.closedAt ?? campaign.cutoffAt;
  const plan = await activePlanAt(deps.db, closedAt);
  if (!plan) throw commissionPeriodError('commission.no_plan_for_period', { field, detail: campaignId });
  const rules = plan.document.hotProducts.filter((h) => h.campaignId === campaign.id);
  const skuIds = [...new Set(rules.map((r) => r.skuId))];
  const [units, skuRows] = await Promise.all([
    skuIds.length > 0 ? unitsOf(deps.db, campaign.id, skuIds) : Promise.resolve([]),
    findSkus(deps.db, skuIds),
  ]);
  const skuName = new Map(skuRows.map((s) => [s.skuId, `${s.productName}${s.spec ? ` ${s.spec}` : ''}`]));
  const drafts: PeriodEntryDraft[] = [];
  const perSku: Array<{ skuId: string; skuName: string; leaders: number; units: number; entries: number }> =
    [];
  for (const skuId of skuIds) {
    const mine = units.filter((u) => u.skuId === skuId);
    const byLeader = new Map(mine.map((u) => [u.leaderId, u.units]));
    const amountOf = new Map(mine.map((u) => [u.leaderId, u.amountFen]));
    const name = skuName.get(skuId) ?? skuId;
    const made = hotProductEntries(
      plan.document,
      { id: campaign.id, name: campaign.name },
      { id: skuId, name },
      byLeader,
      amountOf,
    );
    drafts.push(...made);
    perSku.push({
      skuId,
      skuName: name,
      leaders: mine.length,
      units: mine.reduce((a, u) => a + u.units, 0),
      entries: made.length,
    });
  }
  const ref = { planId: plan.planId, version: plan.version };
  const row = await deps.db.transaction((tx) =>
    recordPeriodRunTx(deps, tx, actor, {
      kind: 'hot_product',
      period: campaign.id,
      trigger,
      plan: ref,
      entries: drafts.map((draft) => ({ draft, plan: ref, refersTo: closedAt })),
      report: {
        campaignCode: campaign.code,
        campaignName: campaign.name,
        closedAt: closedAt.toISOString(),
        skus: perSku,
      },
      startedAt,
    }),
  );
  return { ...row, campaignId: campaign.id };
}

/**
 * The daily scan: every campaign closed in the last 120 days that has a hot-product rule under the
 * plan of its close, is finished, and has not been computed yet, is computed now.
 */
export async function scanHotProducts(
  deps: Deps,
  actor: Actor,
): Promise<{ computed: number; waiting: number }> {
  const since = new Date(deps.clock.now().getTime() - SCAN_DAYS * DAY_MS);
  const r = await deps.db.execute<{ id: string; closed_at: Date | string }>(sql`
    select c.id, coalesce(c.closed_at, c.cutoff_at) as closed_at from ${campaigns} c
    where c.state in ('closed', 'fulfilled') and coalesce(c.closed_at, c.cutoff_at) >= ${since.toISOString()}::timestamptz
      and not exists (select 1 from ${commissionPeriodRuns} p where p.kind = 'hot_product' and p.period = c.id)
    order by 2, 1`);
  let computed = 0;
  let waiting = 0;
  for (const c of r.rows) {
    const plan = await activePlanAt(deps.db, new Date(c.closed_at));
    if (!plan?.document.hotProducts.some((h) => h.campaignId === c.id)) continue;
    const [campaign] = await deps.db
      .select({ id: campaigns.id, state: campaigns.state })
      .from(campaigns)
      .where(eq(campaigns.id, c.id));
    if (!campaign || !(await campaignReadiness(deps.db, deps.clock.now(), campaign)).ready) {
      waiting += 1;
      continue;
    }
    await runHotProducts(deps, actor, c.id, 'schedule');
    computed += 1;
  }
  return { computed, waiting };
}
