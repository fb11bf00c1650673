import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { leaderSalesOrders } from '../../leaders/index.js';
import { orderRefunds } from '../../orders/index.js';
import { lockMoneyShared } from '../accrual/accrual.queries.js';
import { type AdjustResult, postAdjustmentsTx } from '../accrual/adjust.js';
import type { Adjustment, WholeEntry } from '../accrual/adjust-math.js';
import { getAccrualSettings } from '../accrual/settings.js';
import type { EntryStatus } from '../entries.tables.js';
import { commissionEntries } from '../entries.tables.js';
import { periodKey } from './period-keys.js';
import { recruitSalesSql } from './recruit-bonus.service.js';
import { type RecruitOrderRefund, recruitBonusRefund } from './recruit-bonus-refund.js';

/**
 * Refunds of a recruit's qualifying orders after their recruit bonus (推荐奖) was written: the
 * `order.refunded` handler calls this beside `applyRefundsTx`. For each recruit bonus resting on a
 * refunded order (the order's leader is the recruit and it completed inside their window), the
 * qualifying sales are counted again with the daily check's own figure (`recruitSalesSql`); below the
 * threshold, what is left of the bonus is voided or clawed back through `postAdjustmentsTx`, the one
 * posting path of refunds, so the referrer's balance and statement show it like any clawback. A bonus
 * is taken back once: after that nothing is left of it, and a replayed refund finds nothing to take
 * (its transfer keys and its adjustment row, keyed by entry and refund, could not be written twice
 * anyway). Entries are locked before any balance, as `applyRefundsTx` does.
 */

const arr = (values: readonly unknown[]) => sql.param(values);

type HeldRow = {
  id: string;
  key: string;
  beneficiary_id: string;
  status: EntryStatus;
  amount_fen: number;
  voided_fen: number;
  clawed_back_fen: number;
  refunded_quantity: number;
  refunded_line_fen: number;
  recruit_id: string;
  recruit_name: string;
  approved_at: string;
  within_days: number;
  threshold_fen: number;
};

export async function applyRecruitBonusRefundsTx(
  deps: { clock: Clock },
  tx: Tx,
  orderIds: readonly string[],
): Promise<AdjustResult> {
  const none: AdjustResult = { adjustments: 0, voidedFen: 0, clawedBackFen: 0, owedFen: 0 };
  if (orderIds.length === 0) return none;
  await lockMoneyShared(tx);
  // The bonuses of the refunded orders' leaders, locked (id order) before anything is read of them.
  const held = await tx.execute<HeldRow>(sql`
    SELECT e.id, e.key, e.beneficiary_id, e.status, e.amount_fen, e.voided_fen, e.clawed_back_fen,
           e.refunded_quantity, e.refunded_line_fen,
           e.explanation->>'recruitId' AS recruit_id, e.explanation->>'recruitName' AS recruit_name,
           e.explanation->>'approvedAt' AS approved_at, (e.explanation->>'withinDays')::int AS within_days,
           (e.explanation->>'thresholdFen')::bigint AS threshold_fen
    FROM ${commissionEntries} e
    WHERE e.rule = 'recruit_bonus' AND e.key IN (
      SELECT ${periodKey.recruitBonus('')} || so.leader_id FROM ${leaderSalesOrders} so
      WHERE so.order_id = ANY(${arr([...orderIds])}::text[]))
    ORDER BY e.id FOR UPDATE OF e`);
  const open = held.rows.filter(
    (r) =>
      Number(r.amount_fen) - Number(r.voided_fen) - Number(r.clawed_back_fen) > 0 && r.status !== 'voided',
  );
  if (open.length === 0) return none;
  // The refunds of orders inside each bonus's window, in the order they were made.
  const refunds = await tx.execute<{
    entry_id: string;
    refund_id: string;
    order_id: string;
    created_at: Date | string;
  }>(sql`
    SELECT e.id AS entry_id, r.id AS refund_id, r.order_id, r.created_at
    FROM ${orderRefunds} r
    JOIN ${leaderSalesOrders} so ON so.order_id = r.order_id
    JOIN ${commissionEntries} e ON e.key = ${periodKey.recruitBonus('')} || so.leader_id
    WHERE r.order_id = ANY(${arr([...orderIds])}::text[])
      AND e.id = ANY(${arr(open.map((r) => r.id))}::text[])
      AND so.completed_at >= (e.explanation->>'approvedAt')::timestamptz
      AND so.completed_at < (e.explanation->>'approvedAt')::timestamptz
          + make_interval(days => (e.explanation->>'withinDays')::int)
    ORDER BY r.created_at, r.id`);
  const byEntry = new Map<string, RecruitOrderRefund[]>();
  for (const r of refunds.rows)
    byEntry.set(r.entry_id, [
      ...(byEntry.get(r.entry_id) ?? []),
      { refundId: r.refund_id, orderId: r.order_id, at: new Date(r.created_at) },
    ]);
  if (byEntry.size === 0) return none;

  const { afterSalesDays } = await getAccrualSettings(tx);
  const nowIso = deps.clock.now().toISOString();
  const adjustments: Adjustment[] = [];
  const changed: WholeEntry[] = [];
  for (const row of open) {
    const windowRefunds = byEntry.get(row.id);
    if (!windowRefunds) continue;
    const withinDays = Number(row.within_days);
    const sales = await tx.execute<{ sales: number }>(sql`
      SELECT ${recruitSalesSql({
        recruitId: sql`${row.recruit_id}`,
        approvedAt: sql`${row.approved_at}::timestamptz`,
        withinDays,
        afterSalesDays,
        nowIso,
      })} AS sales`);
    const outcome = recruitBonusRefund(
      {
        id: row.id,
        key: row.key,
        beneficiaryId: row.beneficiary_id,
        status: row.status,
        amountFen: Number(row.amount_fen),
        voidedFen: Number(row.voided_fen),
        clawedBackFen: Number(row.clawed_back_fen),
        refundedQuantity: Number(row.refunded_quantity),
        refundedLineFen: Number(row.refunded_line_fen),
        recruitId: row.recruit_id,
        recruitName: row.recruit_name,
        thresholdFen: Number(row.threshold_fen),
      },
      windowRefunds,
      Number(sales.rows[0]?.sales ?? 0),
    );
    if (!outcome.take) continue;
    adjustments.push(outcome.adjustment);
    changed.push(outcome.next);
  }
  return postAdjustmentsTx(deps, tx, adjustments, changed);
}
