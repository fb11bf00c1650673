import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { lowerSold } from '../campaigns/index.js';
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

/** An order (its id and customer) and the units of it that go back on sale. */
export interface OrderUnitsBack {
  order: { id: string; customerId: string };
  units: readonly UnitsBack[];
}

/**
 * Puts units of an order that never left the warehouse back on sale, in the caller's transaction
 * (which holds the order's row lock): the campaign item's sold count and the customer's bought count
 * come down, and the stock allocation is released (allocated − q, available + q, one movement per
 * line). Cancelling an order and refunding unshipped units both use it, so the two can never disagree.
 */
export function returnUnits(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  order: { id: string; customerId: string },
  units: readonly UnitsBack[],
  reason: string,
): Promise<void> {
  return returnUnitsMany(deps, tx, actor, [{ order, units }], reason);
}

/**
 * `returnUnits` for many orders in one set of statements (the expiry job's rounds): each counter and
 * stock level is locked and updated once for all of them, and each line gets its movement.
 *
 * Locks are taken in the order the intake takes them (campaign items by id, then the customers'
 * counters by phone hash and item, then stock levels, whose release writes the audit record last),
 * so this can run beside the intake's batches without a deadlock. The in-memory sold-out mark of the
 * intake expires by itself within a second, after which the returned units sell again.
 */
export async function returnUnitsMany(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  orders: readonly OrderUnitsBack[],
  reason: string,
): Promise<void> {
  const back = orders.flatMap(({ order, units }) =>
    units
      .filter((u) => u.quantity > 0)
      .map((u) => ({ ...u, orderId: order.id, customerId: order.customerId })),
  );
  if (back.length === 0) return;
  const perItem = new Map<string, number>();
  for (const u of back) perItem.set(u.campaignItemId, (perItem.get(u.campaignItemId) ?? 0) + u.quantity);
  await lowerSold(tx, perItem);

  const phones = await tx
    .select({ id: customers.id, phoneHash: customers.phoneHash })
    .from(customers)
    .where(inArray(customers.id, [...new Set(back.map((u) => u.customerId))]));
  const phoneOf = new Map(phones.map((c) => [c.id, c.phoneHash]));
  const perCounter = new Map<string, { phoneHash: string; itemId: string; q: number }>();
  for (const u of back) {
    const phoneHash = phoneOf.get(u.customerId);
    if (phoneHash === undefined) continue;
    const key = `${phoneHash}|${u.campaignItemId}`;
    const c = perCounter.get(key) ?? { phoneHash, itemId: u.campaignItemId, q: 0 };
    c.q += u.quantity;
    perCounter.set(key, c);
  }
  if (perCounter.size > 0) {
    const counters = [...perCounter.values()].sort((a, b) =>
      a.phoneHash === b.phoneHash ? a.itemId.localeCompare(b.itemId) : a.phoneHash.localeCompare(b.phoneHash),
    );
    const rows = sql.join(
      counters.map((c) => sql`(${c.phoneHash}, ${c.itemId}, ${c.q}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      SELECT 1 FROM ${customerItemCounts} c
      WHERE (c.phone_hash, c.campaign_item_id) IN (SELECT v.h, v.id FROM (VALUES ${rows}) AS v(h, id, q))
      ORDER BY c.phone_hash, c.campaign_item_id FOR UPDATE`);
    await tx.execute(sql`
      UPDATE ${customerItemCounts} c SET bought = c.bought - v.q FROM (VALUES ${rows}) AS v(h, id, q)
      WHERE c.phone_hash = v.h AND c.campaign_item_id = v.id`);
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
      referenceId: u.orderId,
    })),
    { reason },
  );
  if (!stock.ok)
    throw new Error(
      `releasing stock of ${orders.map((o) => o.order.id).join(', ')} failed: ${JSON.stringify(stock.shortage)}`,
    );
}
