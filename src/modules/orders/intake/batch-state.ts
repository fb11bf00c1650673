import { type SQL, sql } from 'drizzle-orm';
import { type AuditHead, auditHeadCall } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  type ItemSaleRow,
  itemLimitSql,
  itemsForSaleJson,
  lockItemsForSale,
  raiseSoldSql,
} from '../../campaigns/index.js';
import { type AllocatedLevelRow, stockLevels } from '../../inventory/index.js';
import { evaluateRisk, type RiskPolicy, type RiskReason } from '../../risk/index.js';
import {
  allocateBatch,
  type BatchOrder,
  boughtKey,
  type Refusal,
  stockKey,
} from '../domain/allocate-batch.js';
import { customerCampaignCounts, customerItemCounts } from '../orders.tables.js';
import type { PendingOrder } from './flush-batch.js';

/**
 * The hot rows of a batch: what the decision reads (campaign items, stock levels, per-customer
 * counters) and the one statement that updates them all with guards. See `place` in flush-batch.ts
 * for how the optimistic and the locking paths use them.
 */

const arr = (values: readonly unknown[]) => sql.param(values);

/** The key of a phone's order count in a campaign (the `placed` counters, the risk check's input). */
const placedKey = (phoneHash: string, campaignId: string) => `${phoneHash}|${campaignId}`;

export interface HotState {
  items: ItemSaleRow[];
  levels: { sku_id: string; warehouse_id: string; available: number }[];
  counters: { phone_hash: string; campaign_item_id: string; bought: number }[];
  /** Orders placed so far per phone and campaign (rows exist only once a phone has ordered). */
  placed: { phone_hash: string; campaign_id: string; orders: number }[];
}

/** The keys of the rows a batch touches, as array parameters. */
function keysOf(live: readonly PendingOrder[]) {
  const itemIds = [...new Set(live.flatMap((o) => o.lines.map((l) => l.itemId)))].sort();
  const pairs = [
    ...new Map(
      live.flatMap((o) => o.lines.map((l) => [stockKey(l.skuId, l.warehouseId), l] as const)),
    ).values(),
  ];
  const counterKeys = [
    ...new Map(
      live.flatMap((o) =>
        o.lines.map((l) => [boughtKey(o.phoneHash, l.itemId), [o.phoneHash, l.itemId] as const]),
      ),
    ).values(),
  ];
  const phoneCampaigns = [
    ...new Map(
      live.map((o) => [placedKey(o.phoneHash, o.campaignId), [o.phoneHash, o.campaignId] as const]),
    ).values(),
  ];
  return {
    itemIds,
    skus: arr(pairs.map((p) => p.skuId)),
    whs: arr(pairs.map((p) => p.warehouseId)),
    hashes: arr(counterKeys.map((c) => c[0])),
    itemsOf: arr(counterKeys.map((c) => c[1])),
    placedHashes: arr(phoneCampaigns.map((p) => p[0])),
    placedCampaigns: arr(phoneCampaigns.map((p) => p[1])),
  };
}

/**
 * The columns of one SELECT that read the hot state without locks, as JSON: `items`, `levels`,
 * `counters` and `placed`. The caller folds them into its first statement; every use of what they
 * read is re-checked by the guarded updates.
 */
export function optimisticStateColumns(live: readonly PendingOrder[]): SQL {
  const k = keysOf(live);
  return sql`
    ${itemsForSaleJson(k.itemIds)} AS items,
    (SELECT json_agg(json_build_object('sku_id', s.sku_id, 'warehouse_id', s.warehouse_id, 'available', s.available))
     FROM ${stockLevels} s JOIN unnest(${k.skus}::text[], ${k.whs}::text[]) AS v(sku_id, warehouse_id)
       ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id) AS levels,
    (SELECT json_agg(json_build_object('phone_hash', c.phone_hash, 'campaign_item_id', c.campaign_item_id,
                                       'bought', c.bought))
     FROM ${customerItemCounts} c JOIN unnest(${k.hashes}::text[], ${k.itemsOf}::text[]) AS v(h, i)
       ON c.phone_hash = v.h AND c.campaign_item_id = v.i) AS counters,
    (SELECT json_agg(json_build_object('phone_hash', p.phone_hash, 'campaign_id', p.campaign_id, 'orders', p.orders))
     FROM ${customerCampaignCounts} p JOIN unnest(${k.placedHashes}::text[], ${k.placedCampaigns}::text[]) AS v(h, c)
       ON p.phone_hash = v.h AND p.campaign_id = v.c) AS placed`;
}

/** The state from the JSON columns of `optimisticStateColumns`. */
export function stateFromColumns(row: { [K in keyof HotState]?: HotState[K] | null } | undefined): HotState {
  return {
    items: row?.items ?? [],
    levels: row?.levels ?? [],
    counters: row?.counters ?? [],
    placed: row?.placed ?? [],
  };
}

/**
 * The hot state read under locks, each set locked in a fixed order (counter rows made first, so
 * that they can be locked): the path a batch takes when its optimistic decision went stale. After
 * it, the guarded updates cannot fail.
 */
export async function lockedState(tx: Tx, live: readonly PendingOrder[]): Promise<HotState> {
  const k = keysOf(live);
  const items = await lockItemsForSale(tx, k.itemIds);
  const levels = await tx.execute<HotState['levels'][number]>(sql`
    SELECT s.sku_id, s.warehouse_id, s.available FROM ${stockLevels} s
    JOIN unnest(${k.skus}::text[], ${k.whs}::text[]) AS v(sku_id, warehouse_id)
      ON s.sku_id = v.sku_id AND s.warehouse_id = v.warehouse_id
    ORDER BY s.sku_id, s.warehouse_id FOR UPDATE OF s`);
  await tx.execute(sql`
    INSERT INTO ${customerItemCounts} (phone_hash, campaign_item_id)
    SELECT * FROM unnest(${k.hashes}::text[], ${k.itemsOf}::text[]) ON CONFLICT DO NOTHING`);
  const counters = await tx.execute<HotState['counters'][number]>(sql`
    SELECT c.phone_hash, c.campaign_item_id, c.bought FROM ${customerItemCounts} c
    JOIN unnest(${k.hashes}::text[], ${k.itemsOf}::text[]) AS v(h, i) ON c.phone_hash = v.h AND c.campaign_item_id = v.i
    ORDER BY c.phone_hash, c.campaign_item_id FOR UPDATE OF c`);
  await tx.execute(sql`
    INSERT INTO ${customerCampaignCounts} (phone_hash, campaign_id)
    SELECT * FROM unnest(${k.placedHashes}::text[], ${k.placedCampaigns}::text[]) ON CONFLICT DO NOTHING`);
  const placed = await tx.execute<HotState['placed'][number]>(sql`
    SELECT p.phone_hash, p.campaign_id, p.orders FROM ${customerCampaignCounts} p
    JOIN unnest(${k.placedHashes}::text[], ${k.placedCampaigns}::text[]) AS v(h, c)
      ON p.phone_hash = v.h AND p.campaign_id = v.c
    ORDER BY p.phone_hash, p.campaign_id FOR UPDATE OF p`);
  return { items, levels: levels.rows, counters: counters.rows, placed: placed.rows };
}

export type Decision = ReturnType<typeof decideOn>;

/**
 * The batch decided by `allocateBatch` on `state`, and which accepted orders the risk policy puts on
 * hold (风控待审): they keep their stock and wait for a reviewer instead of going to payment.
 */
export function decideOn(live: readonly PendingOrder[], state: HotState, policy: RiskPolicy) {
  const batchOrders: BatchOrder[] = live.map((o) => ({
    key: o.key,
    customerId: o.phoneHash,
    lines: o.lines.map((l) => ({
      itemId: l.itemId,
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
    })),
  }));
  const limits = new Map(state.items.map((i) => [i.id, Number(i.per_customer_limit)]));
  const result = allocateBatch(batchOrders, {
    itemRemaining: new Map(state.items.map((i) => [i.id, Number(i.stock_cap) - Number(i.sold)])),
    itemLimit: limits,
    customerBought: new Map(
      state.counters.map((c) => [boughtKey(c.phone_hash, c.campaign_item_id), Number(c.bought)]),
    ),
    available: new Map(state.levels.map((l) => [stockKey(l.sku_id, l.warehouse_id), Number(l.available)])),
  });
  const refusals = new Map<number, Refusal>();
  for (const [i, d] of result.decisions.entries()) if (!d.accepted) refusals.set(i, d.refusal);
  // What each phone had placed in the campaign when read: the hot statement updates the counter only
  // if it still holds this, so a risk decision taken on a stale count is taken again.
  const placedRead = new Map(
    state.placed.map((p) => [placedKey(p.phone_hash, p.campaign_id), Number(p.orders)]),
  );
  const placed = new Map(placedRead);
  const holds = new Map<number, RiskReason[]>();
  for (const [i, o] of live.entries()) {
    if (refusals.has(i)) continue;
    const k = placedKey(o.phoneHash, o.campaignId);
    const nth = (placed.get(k) ?? 0) + 1;
    placed.set(k, nth);
    const reasons = evaluateRisk(policy, {
      totalQuantity: o.itemCount,
      phoneHash: o.phoneHash,
      pickupAddress: o.pickupAddress,
      ordersOfPhoneInCampaign: nth,
    });
    if (reasons.length > 0) holds.set(i, reasons);
  }
  return {
    refusals,
    holds,
    soldByItem: result.soldByItem,
    soldOutItems: result.soldOutItems,
    limits,
    placedRead,
  };
}

/** What the hot statement reports: the rows each guarded update changed, and the audit chain's head. */
export interface HotResult {
  items: number;
  bought: number;
  placed: number;
  levels: AllocatedLevelRow[];
  /** The campaign items the statement sold from, as it left them. */
  itemsAfter: HotState['items'];
  head: AuditHead;
}

/**
 * One statement for every hot row of the accepted orders, each update guarded so that it re-checks
 * in the database what the decision assumed: the campaign's cap, the warehouse's available stock
 * (`allocation`, the inventory module's guarded UPDATE), each customer's limit, and each phone's
 * order count as it was read. Then, after all of them, the audit chain's lock and head: the chain's
 * lock is the last a transaction takes. The caller compares the counts with what it asked for; a
 * shortfall means a row moved since it was read.
 */
/** What the accepted orders add to each customer's bought count per item and each phone's order count. */
export function counterDeltas(accepted: readonly PendingOrder[]) {
  const bought = new Map<string, { h: string; i: string; q: number }>();
  const placed = new Map<string, { h: string; c: string; n: number }>();
  for (const o of accepted) {
    for (const l of o.lines) {
      const k = boughtKey(o.phoneHash, l.itemId);
      const b = bought.get(k) ?? { h: o.phoneHash, i: l.itemId, q: 0 };
      b.q += l.quantity;
      bought.set(k, b);
    }
    const k = placedKey(o.phoneHash, o.campaignId);
    const p = placed.get(k) ?? { h: o.phoneHash, c: o.campaignId, n: 0 };
    p.n += 1;
    placed.set(k, p);
  }
  return { bought: [...bought.values()], placed: [...placed.values()] };
}

/** Each customer's bought count per item raised by `bought`, each only within the item's limit. */
export function boughtUpsertSql(
  bought: readonly { h: string; i: string; q: number }[],
  limits: ReadonlyMap<string, number>,
): SQL {
  return sql`INSERT INTO ${customerItemCounts} AS c (phone_hash, campaign_item_id, bought)
      SELECT h, i, q FROM unnest(${arr(bought.map((x) => x.h))}::text[], ${arr(bought.map((x) => x.i))}::text[],
                                 ${arr(bought.map((x) => x.q))}::int[], ${arr(bought.map((x) => limits.get(x.i) ?? 0))}::int[])
        AS v(h, i, q, lim)
      WHERE q <= lim
      ON CONFLICT (phone_hash, campaign_item_id) DO UPDATE SET bought = c.bought + excluded.bought
        WHERE c.bought + excluded.bought <= ${itemLimitSql(sql`c.campaign_item_id`)}
      RETURNING 1`;
}

export function hotStatement(
  decided: Decision,
  accepted: readonly PendingOrder[],
  allocation: SQL,
  at: string,
): { statement: SQL; expected: { items: number; bought: number; placed: number } } {
  const sold = [...decided.soldByItem.entries()];
  const { bought: b, placed } = counterDeltas(accepted);
  // Counters read as existing are updated only if they still hold what was read; the others are
  // made, and a row another transaction made first is a conflict that counts as moved.
  const p = placed.map((x) => ({ ...x, was: decided.placedRead.get(placedKey(x.h, x.c)) }));
  const seen = p.filter((x) => x.was !== undefined);
  const fresh = p.filter((x) => x.was === undefined);
  const statement = sql`
    WITH items AS (${raiseSoldSql(sold, at)}
    ), stock AS (${allocation}
    ), bought AS (${boughtUpsertSql(b, decided.limits)}
    ), placed_now AS (
      UPDATE ${customerCampaignCounts} p SET orders = p.orders + v.n
      FROM unnest(${arr(seen.map((x) => x.h))}::text[], ${arr(seen.map((x) => x.c))}::text[],
                  ${arr(seen.map((x) => x.n))}::int[], ${arr(seen.map((x) => x.was))}::int[]) AS v(h, c, n, was)
      WHERE p.phone_hash = v.h AND p.campaign_id = v.c AND p.orders = v.was
      RETURNING 1
    ), placed_first AS (
      INSERT INTO ${customerCampaignCounts} (phone_hash, campaign_id, orders)
      SELECT * FROM unnest(${arr(fresh.map((x) => x.h))}::text[], ${arr(fresh.map((x) => x.c))}::text[],
                           ${arr(fresh.map((x) => x.n))}::int[])
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), counts AS (
      SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM bought)::int AS bought,
             ((SELECT count(*) FROM placed_now) + (SELECT count(*) FROM placed_first))::int AS placed,
             (SELECT coalesce(json_agg(stock), '[]'::json) FROM stock) AS levels,
             (SELECT coalesce(json_agg(items), '[]'::json) FROM items) AS items_after
    )
    SELECT counts.items, counts.bought, counts.placed, counts.levels, counts.items_after, head.seq, head.hash
    FROM counts, ${auditHeadCall(sql`counts.items + counts.bought + counts.placed + json_array_length(counts.levels)`)} AS head`;
  return { statement, expected: { items: sold.length, bought: b.length, placed: p.length } };
}

/** The hot statement's row as `HotResult`. */
export function hotResult(row: Record<string, unknown> | undefined): HotResult {
  return {
    items: Number(row?.items ?? 0),
    bought: Number(row?.bought ?? 0),
    placed: Number(row?.placed ?? 0),
    levels: (row?.levels as AllocatedLevelRow[] | undefined) ?? [],
    itemsAfter: (row?.items_after as HotState['items'] | undefined) ?? [],
    head: { seq: (row?.seq as string | number | null) ?? null, hash: (row?.hash as string | null) ?? null },
  };
}
