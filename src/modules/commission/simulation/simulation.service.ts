import { inArray, sql } from 'drizzle-orm';
import { users } from '../../../platform/auth/index.js';
import { dayStart, isCalendarDate } from '../../../platform/business-time.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { findSkus } from '../../catalog/index.js';
import { customers } from '../../customers/index.js';
import { leaders, regionManagers, regions } from '../../leaders/index.js';
import { orderLines, orderPayments, orders } from '../../orders/index.js';
import { commissionPlans } from '../commission.tables.js';
import { validatePlan } from '../domain/plan-validation.js';
import { mulDivHalfUp } from '../domain/rounding.js';
import { commissionPeriodError } from '../period/period.errors.js';
import { loadLevels, loadPlanFacts } from '../plan-facts.js';
import { activePlanAt } from '../plans.queries.js';
import { NetworkHistory } from './network-history.js';
import { type SimManager, startSimulation } from './simulate.js';
import { simulationReport } from './simulation-report.js';

/**
 * The simulation (佣金试算): the orders paid in a range of business days, recomputed under a draft
 * plan and under the active plan with the same engine, chains and levels as of each payment, and
 * nothing written. Loading is set-based: the paid orders in one statement, then their lines, SKUs and
 * the referral history in chunks of orders, so memory holds one chunk of lines plus the sums.
 *
 * What counts: every order with a payment in the range that was not cancelled, each line with its
 * units left after refunds (a refunded unit's commission would have been voided), its base prorated
 * from the paid amount.
 */

const ORDER_CHUNK = 2_000;
const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export interface SimulationInput {
  planId: string;
  /** Business days (Asia/Shanghai), both inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

// An unreadable day becomes an invalid date, refused below with the field it came from.
const startOf = (day: string) => (isCalendarDate(day) ? dayStart(day) : new Date(Number.NaN));

function checkRange(input: SimulationInput): { from: Date; to: Date } {
  const from = startOf(input.from);
  const last = startOf(input.to);
  if (Number.isNaN(from.getTime()))
    throw commissionPeriodError('commission.simulation_range_invalid', {
      field: 'body.from',
      detail: input.from,
    });
  if (Number.isNaN(last.getTime()))
    throw commissionPeriodError('commission.simulation_range_invalid', {
      field: 'body.to',
      detail: input.to,
    });
  if (last < from)
    throw commissionPeriodError('commission.simulation_range_invalid', {
      field: 'body.to',
      detail: `${input.from} is after ${input.to}`,
    });
  const to = new Date(last.getTime() + DAY_MS);
  if ((to.getTime() - from.getTime()) / DAY_MS > MAX_DAYS)
    throw commissionPeriodError('commission.simulation_range_invalid', {
      field: 'body.to',
      detail: `more than ${MAX_DAYS} days`,
    });
  return { from, to };
}

async function loadDraft(db: Executor, planId: string) {
  const [row] = await db
    .select()
    .from(commissionPlans)
    .where(inArray(commissionPlans.id, [planId]));
  if (!row)
    throw commissionPeriodError('commission.simulation_plan_not_found', {
      field: 'body.planId',
      detail: planId,
    });
  if (row.status !== 'draft')
    throw commissionPeriodError('commission.simulation_not_draft', {
      field: 'body.planId',
      detail: `version ${row.version} is ${row.status}`,
    });
  const { facts } = await loadPlanFacts(db, row.document);
  const problems = validatePlan(row.document, facts);
  const first = problems[0];
  if (first)
    throw commissionPeriodError('commission.simulation_plan_invalid', {
      field: 'body.planId',
      detail: `${first.field}: ${first.detail}`,
    });
  return row;
}

/** Orders with their first payment in `[from, to)`, not cancelled, in payment order. */
async function paidOrders(db: Executor, from: Date, to: Date) {
  const r = await db.execute<{ order_id: string; paid_at: Date | string }>(sql`
    select p.order_id, min(p.paid_at) as paid_at
    from ${orderPayments} p join ${orders} o on o.id = p.order_id
    where p.paid_at >= ${from.toISOString()}::timestamptz and p.paid_at < ${to.toISOString()}::timestamptz
      and o.status <> 'cancelled'
    group by p.order_id
    order by 2, 1`);
  return r.rows.map((x) => ({ orderId: x.order_id, paidAt: new Date(x.paid_at) }));
}

type LineRow = {
  id: string;
  order_id: string;
  sku_id: string;
  quantity: number;
  refunded_quantity: number;
  amount_fen: number;
  leader_id: string;
  campaign_id: string;
  self_purchase: boolean | null;
};

async function linesOf(db: Executor, orderIds: readonly string[]): Promise<LineRow[]> {
  const r = await db.execute<LineRow>(sql`
    select ol.id, ol.order_id, ol.sku_id, ol.quantity, ol.refunded_quantity, ol.amount_fen,
      o.leader_id, o.campaign_id, (c.phone_hash = l.phone_hash) as self_purchase
    from ${orderLines} ol
    join ${orders} o on o.id = ol.order_id
    left join ${customers} c on c.id = o.customer_id
    left join ${leaders} l on l.id = o.leader_id
    where ol.order_id = any(${sql.param([...orderIds])}::text[])
    order by ol.order_id, ol.id`);
  return r.rows;
}

/** Runs the simulation; writes nothing. */
export async function simulate(deps: Deps, input: SimulationInput) {
  const started = performance.now();
  const range = checkRange(input);
  const draft = await loadDraft(deps.db, input.planId);
  const active = await activePlanAt(deps.db, deps.clock.now());
  const depth = Math.max(draft.document.depthCap, active?.document.depthCap ?? 0);
  const sim = startSimulation(draft.document, active?.document ?? null);
  const network = new NetworkHistory(deps.db);
  const categoryOf = new Map<string, string | null>();
  const l0s = new Set<string>();

  const paid = await paidOrders(deps.db, range.from, range.to);
  for (let i = 0; i < paid.length; i += ORDER_CHUNK) {
    const chunk = paid.slice(i, i + ORDER_CHUNK);
    const paidAtOf = new Map(chunk.map((p) => [p.orderId, p.paidAt]));
    const lines = await linesOf(
      deps.db,
      chunk.map((p) => p.orderId),
    );
    const newSkus = [...new Set(lines.map((l) => l.sku_id))].filter((s) => !categoryOf.has(s));
    if (newSkus.length > 0) {
      const found = await findSkus(deps.db, newSkus);
      for (const s of newSkus) categoryOf.set(s, null);
      for (const s of found) categoryOf.set(s.skuId, s.categoryId ?? null);
    }
    await network.load(new Set(lines.map((l) => l.leader_id)), depth);
    for (const l of lines) {
      const quantity = Number(l.quantity) - Number(l.refunded_quantity);
      const paidAt = paidAtOf.get(l.order_id);
      if (quantity <= 0 || !paidAt) continue;
      l0s.add(l.leader_id);
      sim.add({
        orderLineId: l.id,
        orderId: l.order_id,
        skuId: l.sku_id,
        categoryId: categoryOf.get(l.sku_id) ?? null,
        quantity,
        baseFen: mulDivHalfUp(Number(l.amount_fen), quantity, Number(l.quantity)),
        selfPurchase: l.self_purchase === true,
        paidAt: paidAt.toISOString(),
        campaignId: l.campaign_id,
        chain: network.chainAt(l.leader_id, paidAt, depth),
      });
    }
  }

  // The period estimates' context: each selling leader's region path, the managers, the referrers.
  const [regionRows, managerRows, leaderRegions, levels] = await Promise.all([
    deps.db.select({ id: regions.id, parentId: regions.parentId }).from(regions),
    deps.db
      .select({
        regionId: regionManagers.regionId,
        userId: regionManagers.userId,
        leaderId: regionManagers.leaderId,
        weight: regionManagers.weight,
      })
      .from(regionManagers),
    l0s.size === 0
      ? Promise.resolve([])
      : deps.db
          .select({ id: leaders.id, regionId: leaders.regionId })
          .from(leaders)
          .where(inArray(leaders.id, [...l0s])),
    loadLevels(deps.db),
  ]);
  const parentOf = new Map(regionRows.map((r) => [r.id, r.parentId]));
  const regionOf = new Map(leaderRegions.map((l) => [l.id, l.regionId]));
  const managersOf = new Map<string, SimManager[]>();
  for (const m of managerRows) {
    const list = managersOf.get(m.regionId) ?? [];
    list.push({ userId: m.userId, leaderId: m.leaderId, weight: m.weight });
    managersOf.set(m.regionId, list);
  }
  const pathOf = (leaderId: string): string[] => {
    const path: string[] = [];
    for (let r = regionOf.get(leaderId) ?? null; r && path.length < 32; r = parentOf.get(r) ?? null)
      path.push(r);
    return path;
  };
  const {
    totals,
    draft: draftCost,
    baseline,
  } = sim.finish({
    regionPathOf: pathOf,
    managersOf: (regionId) => managersOf.get(regionId) ?? [],
    referrerAtApprovalOf: (id) => network.referrerAtApproval(id),
  });
  const rankOf = new Map(levels.map((l) => [l.id, l.rank]));
  const report = simulationReport(totals, draftCost, baseline, (id) =>
    id === null ? 1e9 : (rankOf.get(id) ?? 1e8),
  );

  // Names for the rows people read.
  const earnerIds = report.topEarners.map((e) => e.leaderId);
  const leaderIds = earnerIds.filter((id) => !id.startsWith('user:'));
  const userIds = earnerIds.filter((id) => id.startsWith('user:')).map((id) => id.slice(5));
  const [leaderNames, userNames] = await Promise.all([
    leaderIds.length === 0
      ? Promise.resolve([])
      : deps.db
          .select({ id: leaders.id, name: leaders.name, code: leaders.code })
          .from(leaders)
          .where(inArray(leaders.id, leaderIds)),
    userIds.length === 0
      ? Promise.resolve([])
      : deps.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds)),
  ]);
  const nameOf = new Map<string, { name: string; code: string | null }>([
    ...leaderNames.map((l) => [l.id, { name: l.name, code: l.code }] as const),
    ...userNames.map((u) => [`user:${u.id}`, { name: u.name, code: null }] as const),
  ]);
  const levelOf = new Map(levels.map((l) => [l.id, l]));
  return {
    plan: { id: draft.id, version: draft.version, name: draft.document.name },
    baselinePlan: active ? { id: active.planId, version: active.version, name: active.document.name } : null,
    from: input.from,
    to: input.to,
    ...report,
    byLevel: report.byLevel.map((l) => ({
      ...l,
      levelName: l.levelId ? (levelOf.get(l.levelId)?.name ?? l.levelId) : null,
      levelNameEn: l.levelId ? (levelOf.get(l.levelId)?.nameEn ?? l.levelId) : null,
    })),
    topEarners: report.topEarners.map((e) => ({
      ...e,
      name: nameOf.get(e.leaderId)?.name ?? e.leaderId,
      code: nameOf.get(e.leaderId)?.code ?? null,
    })),
    elapsedMs: Math.round(performance.now() - started),
  };
}

export type SimulationResult = Awaited<ReturnType<typeof simulate>>;
