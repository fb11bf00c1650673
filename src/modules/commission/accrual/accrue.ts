import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { commissionEntries, commissionOrders } from '../entries.tables.js';
import {
  type LeaderAt,
  type LoadedLine,
  leaderAtKey,
  loadApprovedAt,
  loadLevelHistory,
  loadPaidLines,
  loadPlanTimeline,
  loadUplinesAt,
  lockMoneyShared,
} from './accrual.queries.js';
import { chainOf, levelAt, lineEntries, type PlanVersion, planAt } from './accrual-math.js';
import { applyRefundsTx } from './adjust.js';
import { type NewEntry, recordEntriesTx } from './record-entries.js';

/**
 * Accrual at payment (预估佣金): every line of each paid order is computed under the plan version
 * active when the order was paid, along the chain (L0 = the order's leader, then the uplines up to
 * the plan's depth cap) and with the levels of that moment; the entries are recorded as estimated
 * and accrued (one transfer per beneficiary for the sum of their new entries: commission expense →
 * the leader's pending), in the caller's transaction. Set-based: one read each for the lines, the
 * plan timeline, the chains and the level histories, one insert per 5,000 entries and one ledger
 * posting, however many orders a batch holds.
 *
 * Recomputing (the same `order.paid` delivered twice, a manual recompute) finds every key taken and
 * writes nothing. Refunds already recorded for the orders are then applied (`applyRefundsTx`), so
 * the result does not depend on whether the refund's event or the payment's was handled first.
 */

export interface AccrualResult {
  /** Paid orders looked at. */
  orders: number;
  lines: number;
  /** Orders paid before any plan was active: nothing to compute. */
  withoutPlan: number;
  /** Entries computed (new or already recorded). */
  computed: number;
  /** Entries written now. */
  inserted: number;
  /** Accrual transfers posted now: one per beneficiary of the new entries. */
  posted: number;
  /** Voids and clawbacks applied now (refunds recorded before the accrual ran). */
  adjustments: number;
}

export interface AccrueOptions {
  /** Skip orders already accrued once (the refund path only needs the ones that never were). */
  onlyUnaccrued?: boolean;
}

const arr = (values: readonly unknown[]) => sql.param(values);

/** The computed entries of the loaded lines (pure over what was read), with the plan per order. */
async function computeEntries(
  tx: Tx,
  lines: readonly LoadedLine[],
): Promise<{
  entries: NewEntry[];
  planOf: Map<string, PlanVersion>;
  firstOf: Map<string, LoadedLine>;
  withoutPlan: Set<string>;
}> {
  const timeline = await loadPlanTimeline(tx);
  const planOf = new Map<string, PlanVersion>();
  const withoutPlan = new Set<string>();
  const firstOf = new Map<string, LoadedLine>();
  for (const l of lines) {
    if (firstOf.has(l.orderId)) continue;
    firstOf.set(l.orderId, l);
    const plan = planAt(timeline, l.paidAt);
    if (plan) planOf.set(l.orderId, plan);
    else withoutPlan.add(l.orderId);
  }
  if (planOf.size === 0) return { entries: [], planOf, firstOf, withoutPlan };

  // One read for the chains of every (L0, payment moment), to the deepest cap among the plans used.
  const pairs = new Map<string, LeaderAt>();
  let maxDepth = 0;
  let recruitRate = false;
  for (const [orderId, plan] of planOf) {
    const l = firstOf.get(orderId) as LoadedLine;
    pairs.set(leaderAtKey(l.leaderId, l.paidAt), { leaderId: l.leaderId, at: l.paidAt });
    maxDepth = Math.max(maxDepth, plan.document.depthCap);
    if (plan.document.recruit && plan.document.recruit.rateBps > 0) recruitRate = true;
  }
  const uplines = await loadUplinesAt(tx, [...pairs.values()], maxDepth);

  // One read for the level history of everyone on those chains; the level at each order's moment
  // is then looked up in memory.
  const onChains = new Set<string>();
  for (const [orderId, plan] of planOf) {
    const l = firstOf.get(orderId) as LoadedLine;
    onChains.add(l.leaderId);
    for (const id of (uplines.get(leaderAtKey(l.leaderId, l.paidAt)) ?? []).slice(0, plan.document.depthCap))
      onChains.add(id);
  }
  const history = await loadLevelHistory(tx, [...onChains]);
  const approved = recruitRate
    ? await loadApprovedAt(tx, [
        ...new Set([...planOf.keys()].map((o) => (firstOf.get(o) as LoadedLine).leaderId)),
      ])
    : new Map<string, string>();

  const entries: NewEntry[] = [];
  const chains = new Map<string, ReturnType<typeof chainOf>>();
  for (const line of lines) {
    const plan = planOf.get(line.orderId);
    if (!plan) continue;
    let chain = chains.get(line.orderId);
    if (!chain) {
      const at = line.paidAt;
      chain = chainOf(
        line.leaderId,
        uplines.get(leaderAtKey(line.leaderId, at)) ?? [],
        plan.document.depthCap,
        (id) => levelAt(history.get(id), at),
        approved.get(line.leaderId) ?? null,
      );
      chains.set(line.orderId, chain);
    }
    for (const e of lineEntries(line, plan, chain)) entries.push(e);
  }
  return { entries, planOf, firstOf, withoutPlan };
}

/**
 * Accrues the paid orders among `orderIds` (see the module comment). Takes the money lock shared,
 * so it runs beside other accruals but never inside a freeze or a settlement.
 */
export async function accrueOrdersTx(
  deps: { clock: Clock },
  tx: Tx,
  orderIds: readonly string[],
  opts: AccrueOptions = {},
): Promise<AccrualResult> {
  const result: AccrualResult = {
    orders: 0,
    lines: 0,
    withoutPlan: 0,
    computed: 0,
    inserted: 0,
    posted: 0,
    adjustments: 0,
  };
  if (orderIds.length === 0) return result;
  await lockMoneyShared(tx);
  const all = await loadPaidLines(tx, orderIds);
  const lines = opts.onlyUnaccrued ? all.filter((l) => !l.accrued) : all;
  const orderSet = new Set(lines.map((l) => l.orderId));
  result.orders = orderSet.size;
  result.lines = lines.length;
  const { entries, planOf, firstOf, withoutPlan } = await computeEntries(tx, lines);
  result.withoutPlan = withoutPlan.size;
  result.computed = entries.length;
  const now = deps.clock.now();
  // The order rows first: the posting below holds the commission expense's balance row until
  // commit, so the less that follows it, the less concurrent accruals wait.
  if (planOf.size > 0) {
    const ids = [...planOf.keys()];
    const paidAt = ids.map((id) => firstOf.get(id)?.paidAt.toISOString() ?? null);
    const leaderIds = ids.map((id) => firstOf.get(id)?.leaderId ?? null);
    // One row per order: when it was paid, under which version it accrued (first accrual wins).
    await tx.execute(sql`
      INSERT INTO ${commissionOrders} (order_id, leader_id, paid_at, plan_id, plan_version, accrued_at, updated_at)
      SELECT id, leader_id, paid_at, plan_id, plan_version, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      FROM unnest(${arr(ids)}::text[], ${arr(leaderIds)}::text[], ${arr(paidAt)}::timestamptz[],
                  ${arr(ids.map((id) => planOf.get(id)?.planId ?? null))}::text[],
                  ${arr(ids.map((id) => planOf.get(id)?.version ?? null))}::int[])
        AS v(id, leader_id, paid_at, plan_id, plan_version)
      ON CONFLICT (order_id) DO UPDATE SET
        leader_id = coalesce(${commissionOrders.leaderId}, excluded.leader_id),
        paid_at = coalesce(${commissionOrders.paidAt}, excluded.paid_at),
        plan_id = coalesce(${commissionOrders.planId}, excluded.plan_id),
        plan_version = coalesce(${commissionOrders.planVersion}, excluded.plan_version),
        accrued_at = coalesce(${commissionOrders.accruedAt}, excluded.accrued_at),
        updated_at = excluded.updated_at`);
  }

  const recorded = await recordEntriesTx(deps, tx, entries);
  result.inserted = recorded.inserted.length;
  result.posted = recorded.posted;

  // An order whose entries were already frozen (its completion and window passed before it accrued):
  // its new entries are final from now, and the next settlement takes them.
  const finalOrders = [...new Set(lines.filter((l) => l.orderFinalAt !== null).map((l) => l.orderId))];
  if (finalOrders.length > 0 && recorded.inserted.length > 0) {
    await tx.execute(sql`
      UPDATE ${commissionEntries} SET status = 'final', final_at = ${now.toISOString()}::timestamptz
      WHERE order_id = ANY(${arr(finalOrders)}::text[]) AND status = 'estimated'`);
  }

  const refunded = [...new Set(lines.filter((l) => l.refunded).map((l) => l.orderId))];
  if (refunded.length > 0) result.adjustments = (await applyRefundsTx(deps, tx, refunded)).adjustments;
  return result;
}
