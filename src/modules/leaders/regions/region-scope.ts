import { type Column, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';

/**
 * Region scoping (数据范围): a user whose only staff role is region_manager sees the leaders, orders
 * and figures of the regions they manage and every region below them, nothing else. Every read
 * that scoping applies to asks `regionScopeOf` once per request and filters with the helpers below,
 * so the rule lives here alone.
 */

/** Roles that see every region; a region manager who also has one of these is not limited. */
const UNSCOPED_ROLES = new Set(['admin', 'operator', 'finance', 'warehouse']);

/** The subset of a session's user that scoping needs. */
export interface ScopedUser {
  id: string;
  roles: readonly string[];
}

/** A set of region ids the user may see, or null for no limit. */
export type RegionScope = ReadonlySet<string> | null;

/** Whether the user's roles limit them to their regions (without reading the database). */
export function isRegionScoped(roles: readonly string[]): boolean {
  return roles.includes('region_manager') && !roles.some((r) => UNSCOPED_ROLES.has(r));
}

/**
 * null (no limit) for staff, or the regions the user manages and every region below them. A region
 * manager without any assignment gets the empty set: they see nothing until one is made.
 */
export async function regionScopeOf(db: Executor, user: ScopedUser | null | undefined): Promise<RegionScope> {
  if (!user) return new Set();
  if (!isRegionScoped(user.roles)) return null;
  const r = await db.execute<{ id: string }>(sql`
    with recursive down(id, depth) as (
      select region_id, 0 from region_managers where user_id = ${user.id}
      union
      select r.id, down.depth + 1 from regions r join down on r.parent_id = down.id where down.depth < 32
    )
    select distinct id from down`);
  return new Set(r.rows.map((x) => x.id));
}

/** A condition "this region column is in scope" (true when unscoped). */
export function regionInScope(regionColumn: Column | SQL, scope: RegionScope): SQL {
  if (scope === null) return sql`true`;
  if (scope.size === 0) return sql`false`;
  return sql`${regionColumn} = any(${sql.param([...scope])}::text[])`;
}

/** A condition "the leader this column names belongs to a region in scope" (true when unscoped). */
export function leaderInScope(leaderIdColumn: Column | SQL, scope: RegionScope): SQL {
  if (scope === null) return sql`true`;
  if (scope.size === 0) return sql`false`;
  return sql`${leaderIdColumn} in (select l.id from leaders l where l.region_id = any(${sql.param([...scope])}::text[]))`;
}
