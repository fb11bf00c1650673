import { type SQL, sql } from 'drizzle-orm';
import type { PublicUser } from '../../platform/auth/index.js';
import type { Executor } from '../../platform/db/database.js';
import { customers } from '../customers/index.js';
import { leaderInScope, pickupPoints, type RegionScope, regionScopeOf } from '../leaders/index.js';
import { orders } from './orders.tables.js';

/**
 * The customers a region scope covers (数据范围 for 用户): those who ordered through a leader of the
 * scope's regions, and those whose default pickup point is such a leader's. null when unscoped.
 * Lives here because it needs orders, leaders and customers; the customers routes receive it.
 */
export function customersInScope(scope: RegionScope): SQL | null {
  if (scope === null) return null;
  return sql`(${customers.id} in (select o.customer_id from ${orders} o where ${leaderInScope(sql`o.leader_id`, scope)})
    or ${customers.defaultPickupPointId} in (
      select pp.id from ${pickupPoints} pp where ${leaderInScope(sql`pp.leader_id`, scope)}))`;
}

/** `CustomerScopeOf` for the customers routes: the user's region scope, as a condition on customers. */
export async function customerScopeOf(db: Executor, user: PublicUser | undefined): Promise<SQL | null> {
  return customersInScope(await regionScopeOf(db, user));
}
