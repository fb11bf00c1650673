import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db, Tx } from '../../../platform/db/database.js';
import { commissionEntries, commissionOrders } from '../entries.tables.js';
import { lockMoneyExclusive } from './accrual.queries.js';
import { getAccrualSettings } from './settings.js';

/**
 * The freeze (佣金确认): an order's estimated entries become final once the order is completed and
 * its after-sales window (售后期, `after_sales_days`, default 7) has passed, counted from pickup (or
 * from completion when the order never recorded a pickup). An entry becomes final at the moment the
 * window closed, so the T+1 settlement of that day takes it whenever the freeze actually ran.
 *
 * "No open after-sales case": there is no after-sales case (售后单) table yet. A refund is immediate
 * (the orders module records it and the money path voids at once), so there is never a refund "in
 * progress" to wait for: a refund inside the window has already voided its share of the entries, and
 * the rest becomes final when the window closes. When after-sales cases arrive, an order with an open
 * case is to be left out of the `due` set below until the case is closed.
 */

export interface FreezeResult {
  asOf: string;
  afterSalesDays: number;
  /** Orders whose window closed (now marked final). */
  orders: number;
  /** Entries that became final. */
  entries: number;
}

/** Finalizes every due entry, set-based, in the caller's transaction (with the money lock exclusive). */
export async function freezeDueTx(deps: { clock: Clock }, tx: Tx, asOf?: Date): Promise<FreezeResult> {
  await lockMoneyExclusive(tx);
  // A large backlog (the first freeze after an import, the benchmark) is one statement; let it run.
  await tx.execute(sql`SET LOCAL statement_timeout = '15min'`);
  const { afterSalesDays } = await getAccrualSettings(tx);
  const now = deps.clock.now();
  const at = (asOf ?? now).toISOString();
  const r = await tx.execute<{ entries: number; orders: number }>(sql`
    WITH due AS (
      SELECT order_id, coalesce(picked_up_at, completed_at) + make_interval(days => ${afterSalesDays}::int) AS due_at
      FROM ${commissionOrders}
      WHERE final_at IS NULL AND completed_at IS NOT NULL
        AND coalesce(picked_up_at, completed_at) + make_interval(days => ${afterSalesDays}::int) <= ${at}::timestamptz
    ), frozen AS (
      UPDATE ${commissionEntries} e SET status = 'final', final_at = due.due_at
      FROM due WHERE e.order_id = due.order_id AND e.status = 'estimated'
      RETURNING e.id
    ), marked AS (
      UPDATE ${commissionOrders} o SET final_at = due.due_at, updated_at = ${now.toISOString()}::timestamptz
      FROM due WHERE o.order_id = due.order_id
      RETURNING o.order_id
    )
    SELECT (SELECT count(*) FROM frozen)::int AS entries, (SELECT count(*) FROM marked)::int AS orders`);
  return {
    asOf: at,
    afterSalesDays,
    orders: Number(r.rows[0]?.orders ?? 0),
    entries: Number(r.rows[0]?.entries ?? 0),
  };
}

/** The freeze in its own transaction, audited when it changed something (or an operator asked). */
export async function freezeDue(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  opts: { asOf?: Date; audit?: 'always' | 'when_changed' } = {},
): Promise<FreezeResult> {
  return deps.db.transaction(async (tx) => {
    const result = await freezeDueTx(deps, tx, opts.asOf);
    if (opts.audit === 'always' || result.orders > 0) {
      await recordAudit(tx, deps.clock, actor, {
        action: 'commission.freeze',
        entityType: 'commission_entries',
        after: result,
      });
    }
    return result;
  });
}
