import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { campaignItems } from '../campaigns/index.js';
import { customers } from '../customers/index.js';
import { release } from '../inventory/index.js';
import { customerItemCounts } from './orders.tables.js';

/** Units of one order line that go back on sale. */
export interface UnitsBack {
  campaignItemId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

/**
 * Puts units of an order that never left the warehouse back on sale, in the caller's transaction
 * (which holds the order's row lock): the campaign item's sold count and the customer's bought count
 * come down, and the stock allocation is released (allocated − q, available + q, one movement per
 * line). Cancelling an order and refunding unshipped units both use it, so the two can never disagree.
 *
 * Locks are taken in the order the intake takes them (campaign items by id, then the customer's
 * counters, then stock levels, whose release writes the audit record last), so this can run beside
 * the intake's batches without a deadlock. The in-memory sold-out mark of the intake expires by
 * itself within a second, after which the returned units sell again.
 */
export async function returnUnits(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  order: { id: string; customerId: string },
  units: readonly UnitsBack[],
  reason: string,
): Promise<void> {
  const back = units.filter((u) => u.quantity > 0);
  if (back.length === 0) return;
  const perItem = new Map<string, number>();
  for (const u of back) perItem.set(u.campaignItemId, (perItem.get(u.campaignItemId) ?? 0) + u.quantity);
  const itemIds = [...perItem.keys()].sort();
  const values = sql.join(
    itemIds.map((id) => sql`(${id}, ${perItem.get(id) ?? 0}::int)`),
    sql`, `,
  );

  await tx.execute(sql`
    SELECT id FROM ${campaignItems} WHERE id IN (SELECT v.id FROM (VALUES ${values}) AS v(id, q)) ORDER BY id FOR UPDATE`);
  await tx.execute(sql`
    UPDATE ${campaignItems} c SET sold = c.sold - v.q FROM (VALUES ${values}) AS v(id, q) WHERE c.id = v.id`);

  const [customer] = await tx
    .select({ phoneHash: customers.phoneHash })
    .from(customers)
    .where(eq(customers.id, order.customerId));
  if (customer) {
    await tx.execute(sql`
      SELECT 1 FROM ${customerItemCounts}
      WHERE phone_hash = ${customer.phoneHash} AND campaign_item_id IN (SELECT v.id FROM (VALUES ${values}) AS v(id, q))
      ORDER BY phone_hash, campaign_item_id FOR UPDATE`);
    await tx.execute(sql`
      UPDATE ${customerItemCounts} c SET bought = c.bought - v.q FROM (VALUES ${values}) AS v(id, q)
      WHERE c.campaign_item_id = v.id AND c.phone_hash = ${customer.phoneHash}`);
  }

  const stock = await release(
    deps,
    tx,
    actor,
    back.map((u) => ({
      skuId: u.skuId,
      warehouseId: u.warehouseId,
      quantity: u.quantity,
      referenceType: 'order',
      referenceId: order.id,
    })),
    { reason },
  );
  if (!stock.ok) throw new Error(`releasing stock of ${order.id} failed: ${JSON.stringify(stock.shortage)}`);
}
