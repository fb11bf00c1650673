import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { campaignItems, campaigns } from './campaigns.tables.js';

/**
 * The SQL that reads and moves what a campaign has sold, for the order intake. Only this module
 * writes its tables; the intake's batches still need one statement across modules (a round trip per
 * module would cost the hot path most of its rate), so it embeds these fragments in its own
 * statements instead of naming campaign columns itself. Each fragment is the exact text the intake
 * used before, so the statements PostgreSQL sees (and their prepared plans) are the same.
 */

/** A JS array as one PostgreSQL array parameter (for `unnest` and `ANY`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

/** A campaign as the intake reads it: what decides whether it is open and its payment window. */
export type CampaignSaleRow = {
  id: string;
  state: string;
  starts_at: string;
  cutoff_at: string;
  payment_minutes: number;
};

/** A campaign item's sale counters as the intake decides on them. */
// A type alias rather than an interface: `tx.execute` wants a row type with an index signature.
export type ItemSaleRow = {
  id: string;
  stock_cap: number;
  sold: number;
  per_customer_limit: number;
};

/**
 * The campaigns `ids` as a JSON array of `CampaignSaleRow`, read under a share lock (a close that
 * commits first is seen, one that commits later waits for the reading transaction). A scalar
 * subquery, for a SELECT list.
 */
export function campaignsForSaleJson(ids: readonly string[]): SQL {
  return sql`(SELECT json_agg(c) FROM (
           SELECT id, state, starts_at, cutoff_at, payment_minutes FROM ${campaigns}
           WHERE id = ANY(${arr(ids)}::text[])
           ORDER BY id FOR SHARE) c)`;
}

/**
 * The rows of `rows` whose campaign still holds what was read (state, times, payment window), each
 * share-locked: a predicted statement counts them to know that no campaign moved since.
 */
export function campaignsUnchangedSql(rows: readonly CampaignSaleRow[]): SQL {
  return sql`SELECT c.id FROM ${campaigns} c
      JOIN unnest(${arr(rows.map((x) => x.id))}::text[], ${arr(rows.map((x) => x.state))}::text[],
                  ${arr(rows.map((x) => x.starts_at))}::timestamptz[], ${arr(rows.map((x) => x.cutoff_at))}::timestamptz[],
                  ${arr(rows.map((x) => Number(x.payment_minutes)))}::int[]) AS v(id, st, sa, ca, pm)
        ON c.id = v.id AND c.state = v.st AND c.starts_at = v.sa AND c.cutoff_at = v.ca AND c.payment_minutes = v.pm
      FOR SHARE OF c`;
}

/** The items `itemIds` as a JSON array of `ItemSaleRow`, read without locks. A scalar subquery. */
export function itemsForSaleJson(itemIds: readonly string[]): SQL {
  return sql`(SELECT json_agg(json_build_object('id', id, 'stock_cap', stock_cap, 'sold', sold,
                                       'per_customer_limit', per_customer_limit))
     FROM ${campaignItems} WHERE id = ANY(${arr(itemIds)}::text[]))`;
}

/** The items `itemIds` read and locked for update, in id order (the order every writer locks them in). */
export async function lockItemsForSale(tx: Tx, itemIds: readonly string[]): Promise<ItemSaleRow[]> {
  const items = await tx.execute<ItemSaleRow>(sql`
    SELECT id, stock_cap, sold, per_customer_limit FROM ${campaignItems}
    WHERE id = ANY(${arr(itemIds)}::text[]) ORDER BY id FOR UPDATE`);
  return items.rows;
}

/**
 * The items' sold counters raised by `sold` (id, units), each only within its cap, returning each
 * changed item as an `ItemSaleRow`. An UPDATE for a WITH clause.
 */
export function raiseSoldSql(sold: readonly (readonly [string, number])[], at: string): SQL {
  return sql`UPDATE ${campaignItems} c SET sold = c.sold + v.q, updated_at = ${at}::timestamptz
      FROM unnest(${arr(sold.map((s) => s[0]))}::text[], ${arr(sold.map((s) => s[1]))}::int[]) AS v(id, q)
      WHERE c.id = v.id AND c.sold + v.q <= c.stock_cap
      RETURNING c.id, c.stock_cap, c.sold, c.per_customer_limit`;
}

/** The per-customer limit of the item whose id `itemId` holds (a column of the caller's statement). */
export function itemLimitSql(itemId: SQL): SQL {
  return sql`(SELECT per_customer_limit FROM ${campaignItems} WHERE id = ${itemId})`;
}

/**
 * Units back on sale: each item's sold count lowered by `units` (item id → units), the items locked
 * first in id order (the order the intake locks them in, so this runs beside its batches without a
 * deadlock). In the caller's transaction.
 */
export async function lowerSold(tx: Tx, units: ReadonlyMap<string, number>): Promise<void> {
  if (units.size === 0) return;
  const itemIds = [...units.keys()].sort();
  const values = sql.join(
    itemIds.map((id) => sql`(${id}, ${units.get(id) ?? 0}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    SELECT id FROM ${campaignItems} WHERE id IN (SELECT v.id FROM (VALUES ${values}) AS v(id, q)) ORDER BY id FOR UPDATE`);
  await tx.execute(sql`
    UPDATE ${campaignItems} c SET sold = c.sold - v.q FROM (VALUES ${values}) AS v(id, q) WHERE c.id = v.id`);
}
