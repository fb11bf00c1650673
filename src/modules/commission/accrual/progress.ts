import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { commissionOrders } from '../entries.tables.js';

/**
 * What the money path learns of an order's fulfilment from the order events (`order.picked_up`,
 * `order.completed`): the moments it was picked up and completed, kept in `commission_orders` for
 * the freeze. The first moment seen wins (an event delivered twice changes nothing).
 */
export interface OrderProgress {
  orderId: string;
  pickedUpAt?: Date | null;
  completedAt?: Date | null;
}

const arr = (values: readonly unknown[]) => sql.param(values);

export async function recordOrderProgressTx(
  tx: Tx,
  now: Date,
  rows: readonly OrderProgress[],
): Promise<void> {
  const merged = new Map<string, OrderProgress>();
  for (const r of rows) {
    const m = merged.get(r.orderId) ?? { orderId: r.orderId, pickedUpAt: null, completedAt: null };
    if (r.pickedUpAt && (!m.pickedUpAt || r.pickedUpAt < m.pickedUpAt)) m.pickedUpAt = r.pickedUpAt;
    if (r.completedAt && (!m.completedAt || r.completedAt < m.completedAt)) m.completedAt = r.completedAt;
    merged.set(r.orderId, m);
  }
  const list = [...merged.values()];
  if (list.length === 0) return;
  await tx.execute(sql`
    INSERT INTO ${commissionOrders} (order_id, picked_up_at, completed_at, updated_at)
    SELECT id, picked, completed, ${now.toISOString()}::timestamptz
    FROM unnest(${arr(list.map((r) => r.orderId))}::text[],
                ${arr(list.map((r) => r.pickedUpAt?.toISOString() ?? null))}::timestamptz[],
                ${arr(list.map((r) => r.completedAt?.toISOString() ?? null))}::timestamptz[]) AS v(id, picked, completed)
    ORDER BY id
    ON CONFLICT (order_id) DO UPDATE SET
      picked_up_at = coalesce(${commissionOrders.pickedUpAt}, excluded.picked_up_at),
      completed_at = coalesce(${commissionOrders.completedAt}, excluded.completed_at),
      updated_at = excluded.updated_at`);
}
