import { type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { products, skus } from '../../catalog/index.js';
import { customers } from '../../customers/index.js';
import { leaderLevelHistory, leaderReferrerPeriods, leaders } from '../../leaders/index.js';
import { orderLines, orderPayments, orderRefundLines, orderRefunds, orders } from '../../orders/index.js';
import { commissionPlanActivations, commissionPlans } from '../commission.tables.js';
import type { PlanDocument } from '../domain/plan.js';
import { commissionOrders } from '../entries.tables.js';
import { approvedAtSql } from '../period/approval.js';
import type { LevelChange, PaidLine, PlanVersion } from './accrual-math.js';
import type { RefundLine } from './adjust-math.js';

/**
 * The set-based reads of accrual: however many orders a batch holds, one statement each for their
 * lines, the plan timeline, the chains and the levels. Chains and levels are read as of each order's
 * payment moment from the append-only histories (`leader_referrer_periods`, `leader_level_history`),
 * with the same rules as the leaders module's `getUplineChain(…, { at })` and `levelsAt`, so a
 * referrer moved or a level changed after payment never changes what an order earned.
 */

/**
 * Serialises the money path's writers: accrual and refunds take it shared (they run side by side),
 * the freeze and the settlement take it exclusively, so a settlement never meets a refund half-way
 * through an entry and their row locks cannot deadlock. Taken first, before any row lock.
 */
const MONEY_LOCK = 7_464_021_201;

export async function lockMoneyShared(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${MONEY_LOCK})`);
}

export async function lockMoneyExclusive(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${MONEY_LOCK})`);
}

const arr = (values: readonly unknown[]) => sql.param(values);

export interface LoadedLine extends PaidLine {
  /** The order already had its entries accrued once. */
  accrued: boolean;
  /** The order's entries are final already (its completion was seen before its accrual). */
  orderFinalAt: Date | null;
  /** The order has refunds recorded. */
  refunded: boolean;
}

/** The paid lines of `orderIds` (orders without a payment are left out), in order and line order. */
export async function loadPaidLines(db: Executor, orderIds: readonly string[]): Promise<LoadedLine[]> {
  if (orderIds.length === 0) return [];
  const r = await db.execute<{
    order_id: string;
    leader_id: string;
    campaign_id: string;
    paid_at: Date | string;
    line_id: string;
    sku_id: string;
    quantity: number;
    amount_fen: number;
    category_id: string | null;
    self_purchase: boolean;
    accrued: boolean;
    order_final_at: Date | string | null;
    refunded: boolean;
  }>(sql`
    WITH asked AS (SELECT DISTINCT unnest(${arr([...orderIds])}::text[]) AS id),
    paid AS (
      SELECT p.order_id, min(p.paid_at) AS paid_at FROM ${orderPayments} p
      WHERE p.order_id IN (SELECT id FROM asked) GROUP BY p.order_id
    )
    SELECT o.id AS order_id, o.leader_id, o.campaign_id, paid.paid_at, l.id AS line_id, l.sku_id, l.quantity,
           l.amount_fen, pr.category_id,
           coalesce(c.phone_hash = ld.phone_hash, false) AS self_purchase,
           co.accrued_at IS NOT NULL AS accrued, co.final_at AS order_final_at,
           EXISTS (SELECT 1 FROM ${orderRefunds} r WHERE r.order_id = o.id) AS refunded
    FROM paid
    JOIN ${orders} o ON o.id = paid.order_id
    JOIN ${orderLines} l ON l.order_id = o.id
    LEFT JOIN ${skus} s ON s.id = l.sku_id
    LEFT JOIN ${products} pr ON pr.id = s.product_id
    LEFT JOIN ${customers} c ON c.id = o.customer_id
    LEFT JOIN ${leaders} ld ON ld.id = o.leader_id
    LEFT JOIN ${commissionOrders} co ON co.order_id = o.id
    ORDER BY o.id, l.id`);
  return r.rows.map((x) => ({
    orderId: x.order_id,
    orderLineId: x.line_id,
    leaderId: x.leader_id,
    campaignId: x.campaign_id,
    skuId: x.sku_id,
    categoryId: x.category_id,
    quantity: Number(x.quantity),
    amountFen: Number(x.amount_fen),
    paidAt: new Date(x.paid_at),
    selfPurchase: x.self_purchase,
    accrued: x.accrued,
    orderFinalAt: x.order_final_at === null ? null : new Date(x.order_final_at),
    refunded: x.refunded,
  }));
}

/**
 * Documents of activated versions never change (drafts are the only editable versions), so they are
 * cached by plan id across batches; the engine's own per-document cache then compiles each once.
 */
const documents = new Map<string, PlanDocument>();

/** Every activation, oldest first, with its version's document: the input of `planAt`. */
export async function loadPlanTimeline(db: Executor): Promise<PlanVersion[]> {
  const rows = await db.execute<{
    plan_id: string;
    version: number;
    activated_at: Date | string;
    seq: number;
  }>(sql`
    SELECT plan_id, version, activated_at, seq FROM ${commissionPlanActivations} ORDER BY activated_at, seq`);
  const missing = [...new Set(rows.rows.map((r) => r.plan_id))].filter((id) => !documents.has(id));
  if (missing.length > 0) {
    const docs = await db.execute<{ id: string; document: PlanDocument }>(
      sql`SELECT id, document FROM ${commissionPlans} WHERE id = ANY(${arr(missing)}::text[])`,
    );
    for (const d of docs.rows) documents.set(d.id, d.document);
  }
  return rows.rows.flatMap((r) => {
    const document = documents.get(r.plan_id);
    return document
      ? [
          {
            planId: r.plan_id,
            version: Number(r.version),
            activatedAt: new Date(r.activated_at),
            seq: Number(r.seq),
            document,
          },
        ]
      : [];
  });
}

/** A leader at a moment: the key of the chain and level maps. */
export interface LeaderAt {
  leaderId: string;
  at: Date;
}

export const leaderAtKey = (leaderId: string, at: Date) => `${leaderId}|${at.toISOString()}`;

/**
 * The referrer of `leader` at moment `at`: one index probe (a leader has one period at a moment).
 * Written as a LATERAL with LIMIT so that PostgreSQL probes the index per chain link; as a plain join
 * it hashed the whole period table at every level of the recursion, 60 ms a batch at 100,000 leaders.
 */
function referrerAt(leader: SQL, at: SQL): SQL {
  return sql`SELECT p.referrer_id FROM ${leaderReferrerPeriods} p
    WHERE p.leader_id = ${leader} AND p.valid_from <= ${at} AND (p.valid_to IS NULL OR p.valid_to > ${at})
    ORDER BY p.valid_from DESC LIMIT 1`;
}

/**
 * The uplines of each (leader, moment), direct referrer first, up to `maxDepth`: who the referrer
 * was at that moment, and theirs at that moment, … One recursive statement for the whole batch.
 */
export async function loadUplinesAt(
  db: Executor,
  asked: readonly LeaderAt[],
  maxDepth: number,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (asked.length === 0 || maxDepth < 1) return out;
  const r = await db.execute<{ idx: number; id: string; depth: number }>(sql`
    WITH RECURSIVE asked AS (
      SELECT a.leader_id, a.at, a.idx
      FROM unnest(${arr(asked.map((a) => a.leaderId))}::text[], ${arr(asked.map((a) => a.at.toISOString()))}::timestamptz[])
        WITH ORDINALITY AS a(leader_id, at, idx)
    ), up(idx, at, id, depth) AS (
      SELECT a.idx, a.at, p.referrer_id, 1
      FROM asked a CROSS JOIN LATERAL (${referrerAt(sql`a.leader_id`, sql`a.at`)}) p
      WHERE p.referrer_id IS NOT NULL
      UNION ALL
      SELECT up.idx, up.at, p.referrer_id, up.depth + 1
      FROM up CROSS JOIN LATERAL (${referrerAt(sql`up.id`, sql`up.at`)}) p
      WHERE p.referrer_id IS NOT NULL AND up.depth < ${maxDepth}
    )
    SELECT idx, id, depth FROM up ORDER BY idx, depth`);
  const lists = new Map<number, string[]>();
  for (const row of r.rows) {
    const idx = Number(row.idx);
    const list = lists.get(idx) ?? [];
    list.push(row.id);
    lists.set(idx, list);
  }
  for (const [i, a] of asked.entries()) out.set(leaderAtKey(a.leaderId, a.at), lists.get(i + 1) ?? []);
  return out;
}

/**
 * The level history (等级变更记录) of each leader, oldest first: one indexed read for the batch, from
 * which `levelAt` answers "the level at that moment" for every order of the batch in memory.
 */
export async function loadLevelHistory(
  db: Executor,
  leaderIds: readonly string[],
): Promise<Map<string, LevelChange[]>> {
  const out = new Map<string, LevelChange[]>();
  if (leaderIds.length === 0) return out;
  const r = await db.execute<{
    leader_id: string;
    from_level_id: string | null;
    to_level_id: string;
    at: Date | string;
  }>(sql`
    SELECT leader_id, from_level_id, to_level_id, at FROM ${leaderLevelHistory}
    WHERE leader_id = ANY(${arr([...leaderIds])}::text[]) ORDER BY leader_id, at, id`);
  for (const row of r.rows) {
    const list = out.get(row.leader_id) ?? [];
    list.push({ fromLevelId: row.from_level_id, toLevelId: row.to_level_id, at: new Date(row.at).getTime() });
    out.set(row.leader_id, list);
  }
  return out;
}

/** When each leader was approved (the recruit rate's first days), as the period rules read it. */
export async function loadApprovedAt(
  db: Executor,
  leaderIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (leaderIds.length === 0) return out;
  const approved = approvedAtSql(sql`l.id`, sql`l.created_at`);
  const r = await db.execute<{ id: string; approved_at: Date | string }>(sql`
    SELECT l.id, ${approved} AS approved_at FROM ${leaders} l WHERE l.id = ANY(${arr([...leaderIds])}::text[])`);
  for (const row of r.rows) out.set(row.id, new Date(row.approved_at).toISOString());
  return out;
}

/** Every refund line of `orderIds`, in the order the refunds were made. */
export async function loadRefundLines(
  db: Executor,
  orderIds: readonly string[],
): Promise<Array<RefundLine & { orderId: string }>> {
  if (orderIds.length === 0) return [];
  const r = await db.execute<{
    refund_id: string;
    order_id: string;
    order_line_id: string;
    quantity: number;
    amount_fen: number;
    created_at: Date | string;
  }>(sql`
    SELECT rl.refund_id, r.order_id, rl.order_line_id, rl.quantity, rl.amount_fen, r.created_at
    FROM ${orderRefunds} r JOIN ${orderRefundLines} rl ON rl.refund_id = r.id
    WHERE r.order_id = ANY(${arr([...orderIds])}::text[])
    ORDER BY r.created_at, r.id, rl.order_line_id`);
  return r.rows.map((x) => ({
    refundId: x.refund_id,
    orderId: x.order_id,
    orderLineId: x.order_line_id,
    quantity: Number(x.quantity),
    amountFen: Number(x.amount_fen),
    at: new Date(x.created_at),
  }));
}
