import { type SQL, sql } from 'drizzle-orm';
import { auditChainedParts, prepareAuditRecords } from '../../../platform/audit/index.js';
import {
  combineParts,
  cte,
  partsStatement,
  type StatementParts,
} from '../../../platform/db/statement-parts.js';
import type { Deps } from '../../../platform/deps.js';
import { campaignsUnchangedSql, isOpenForOrders, raiseSoldSql } from '../../campaigns/index.js';
import { upsertCustomersParts } from '../../customers/index.js';
import type { AllocatedLevelRow } from '../../inventory/index.js';
import type { RiskPolicy } from '../../risk/index.js';
import { stockKey } from '../domain/allocate-batch.js';
import { customerCampaignCounts, orderRequests } from '../orders.tables.js';
import { answerAll } from './batch-answers.js';
import { boughtUpsertSql, counterDeltas, decideOn, type HotState } from './batch-state.js';
import type { Answer, CampaignRow, FlushResult, PendingOrder, SeenRows } from './intake-types.js';
import { auditEntries, orderWriteParts, planOrders } from './order-rows.js';
import { intakeAllocation } from './place-batch.js';

/**
 * The intake's fast path: a whole batch as ONE statement that commits on its own (no BEGIN, no
 * COMMIT), so a batch costs one round trip and its hot rows are held only while PostgreSQL itself
 * works, never while the statement's answer waits for a busy Node event loop (on two shared cores
 * that wait, 4-6 ms a round trip, was most of a batch's time; see docs/BENCHMARKS.md).
 *
 * It works from what this process knows of the rows a batch decides on (`KnownRows`: the campaigns,
 * the campaign items' sold counters, the stock levels), as its last batch left them. The batch is
 * decided in memory on that; everything it writes is computed from that; and the statement checks
 * inside itself that the prediction held: every key new, every campaign unchanged, each item's and
 * level's counters exactly as predicted after the update, each customer within their limit, each
 * phone within the risk policy's order count. If any check fails, `intake_expect` raises, the
 * statement (and so everything it wrote) is rolled back, and the caller places the batch the careful
 * way (`flushBatch`), which also refreshes what the process knows. Rows this process cannot predict
 * are not predicted: the customers are upserted and the audit chain's head is read and extended by
 * the statement itself, under the chain's lock, as the last lock it takes.
 *
 * Only batches that the prediction accepts whole go this way: a refusal (sold out, over a limit),
 * a risk hold or a replayed key is always decided on fresh rows by `flushBatch`.
 */

/** What this process last saw of the rows its batches decide on, as its batches left them. */
export interface KnownRows {
  campaigns: Map<string, CampaignRow>;
  items: Map<string, HotState['items'][number]>;
  /** By `stockKey(sku, warehouse)`. */
  levels: Map<string, AllocatedLevelRow>;
}

export const NOTHING_KNOWN: KnownRows = { campaigns: new Map(), items: new Map(), levels: new Map() };

/** `known` with the rows a committed batch saw laid over it (rows it did not touch stay). */
export function learn(known: KnownRows, seen: SeenRows): KnownRows {
  return {
    campaigns: new Map([...known.campaigns, ...seen.campaigns.map((c) => [c.id, c] as const)]),
    items: new Map([...known.items, ...seen.items.map((i) => [i.id, i] as const)]),
    levels: new Map([
      ...known.levels,
      ...seen.levels.map((l) => [stockKey(l.sku_id, l.warehouse_id), l] as const),
    ]),
  };
}

export interface FastPlan {
  result: FlushResult;
  /** What the process will know once the statement has committed. */
  after: KnownRows;
  statement: SQL;
}

const arr = (values: readonly unknown[]) => sql.param(values);

/**
 * The batch as one statement, decided on `known`; null when the batch cannot go this way (a row it
 * needs is not known, a campaign is not open by the clock, or the decision refuses or holds an order).
 */
export function planFast(
  deps: Deps,
  batch: readonly PendingOrder[],
  known: KnownRows,
  policy: RiskPolicy,
): FastPlan | null {
  const now = deps.clock.now();
  const usedCampaigns = new Map<string, CampaignRow>();
  for (const o of batch) {
    const c = known.campaigns.get(o.campaignId);
    const open =
      c &&
      isOpenForOrders(
        {
          state: c.state as Parameters<typeof isOpenForOrders>[0]['state'],
          startsAt: new Date(c.starts_at),
          cutoffAt: new Date(c.cutoff_at),
        },
        now,
      );
    if (!c || !open) return null;
    usedCampaigns.set(c.id, c);
    for (const l of o.lines)
      if (!known.items.has(l.itemId) || !known.levels.has(stockKey(l.skuId, l.warehouseId))) return null;
  }
  const itemIds = new Set(batch.flatMap((o) => o.lines.map((l) => l.itemId)));
  const levelKeys = new Set(batch.flatMap((o) => o.lines.map((l) => stockKey(l.skuId, l.warehouseId))));
  const items = [...itemIds].flatMap((id) => known.items.get(id) ?? []);
  const levels = [...levelKeys].flatMap((k) => known.levels.get(k) ?? []);
  // Customers' and phones' counters are not known: taken as none, and checked by their guards.
  const decided = decideOn(
    batch,
    {
      items,
      levels: levels.map((l) => ({ ...l, available: Number(l.available) })),
      counters: [],
      placed: [],
    },
    policy,
  );
  if (decided.refusals.size > 0 || decided.holds.size > 0) return null;

  const paymentMinutes = new Map([...usedCampaigns.values()].map((c) => [c.id, Number(c.payment_minutes)]));
  const written = planOrders(deps, batch, [], decided, paymentMinutes);
  const answers = new Map<string, Answer>();
  const stored: { key: string; answer: Answer }[] = [];
  answerAll(batch, decided, written, answers, stored);

  // The rows as the batch will leave them.
  const itemsAfter = items.map((i) => ({ ...i, sold: Number(i.sold) + (decided.soldByItem.get(i.id) ?? 0) }));
  const taken = new Map<string, number>();
  for (const l of written.lines) {
    const k = stockKey(l.skuId, l.warehouseId);
    taken.set(k, (taken.get(k) ?? 0) + l.quantity);
  }
  const levelsAfter = levels.map((l) => {
    const q = taken.get(stockKey(l.sku_id, l.warehouse_id)) ?? 0;
    return { ...l, allocated: Number(l.allocated) + q, available: Number(l.available) - q };
  });
  const allocation = intakeAllocation(deps, written);
  const recorded = allocation.record(levelsAfter);
  if (!allocation.update || !recorded) return null;

  const customers = upsertCustomersParts(
    deps,
    batch.map((o) => ({
      phone: o.phone,
      phoneHash: o.phoneHash,
      name: o.customerName,
      pickupPointId: o.pickupPointId,
    })),
    'cust',
  );
  const checks = checkParts({
    stored,
    requestHashes: new Map(batch.map((o) => [o.key, o.requestHash])),
    campaigns: [...usedCampaigns.values()],
    phones: customers.phones,
    orders: written.rows.length,
    lines: written.lines.length,
    soldByItem: decided.soldByItem,
    itemsAfter,
    levelsAfter,
    allocation: allocation.update,
    batch,
    limits: decided.limits,
    // A phone past the policy's order count is held for review: the guard makes such a batch miss.
    maxOrdersPerPhone: policy.enabled ? policy.maxOrdersPerPhonePerCampaign : null,
    at: written.at,
  });
  const audit = auditChainedParts(
    prepareAuditRecords(now, auditEntries(written)),
    sql`(SELECT n FROM checked)`,
  );
  const parts = combineParts(
    customers.parts,
    orderWriteParts(deps, written, 'cust'),
    checks,
    recorded.parts,
    audit,
  );
  const seen: SeenRows = { campaigns: [], items: itemsAfter, levels: levelsAfter };
  const statement = partsStatement({
    ctes: parts.ctes,
    outputs: [sql`(SELECT ok FROM checked) AS ok`, ...parts.outputs],
  });
  if (!statement) return null;
  return {
    result: {
      answers,
      soldOutItems: new Set(decided.soldOutItems),
      soldIn: new Set(written.rows.map((r) => r.o.campaignId)),
      seen,
    },
    after: learn(known, seen),
    statement,
  };
}

interface CheckInput {
  stored: readonly { key: string; answer: Answer }[];
  requestHashes: ReadonlyMap<string, string>;
  campaigns: readonly CampaignRow[];
  phones: number;
  orders: number;
  lines: number;
  soldByItem: ReadonlyMap<string, number>;
  itemsAfter: HotState['items'];
  levelsAfter: readonly AllocatedLevelRow[];
  allocation: SQL;
  batch: readonly PendingOrder[];
  limits: ReadonlyMap<string, number>;
  maxOrdersPerPhone: number | null;
  at: string;
}

/**
 * The statement's key claims (with their final answers), its campaign check, its hot-row updates,
 * and `checked`, the CTE that counts what each did and raises (`intake_expect`) unless every count
 * and counter is as predicted. `checked` reads them in order (keys, campaigns, customers, the order
 * rows, then the hot rows), and PostgreSQL runs each when it is first read, so the hot rows are
 * locked only after the batch's own rows are written.
 */
function checkParts(c: CheckInput): StatementParts {
  const { bought: b, placed: p } = counterDeltas(c.batch);
  const sold = [...c.soldByItem.entries()];
  const items = c.itemsAfter;
  const levels = c.levelsAfter;
  const maxOrders = c.maxOrdersPerPhone;
  const ctes = [
    cte(
      'claims',
      sql`INSERT INTO ${orderRequests} (idempotency_key, request_hash, status_code, response, created_at)
      SELECT k, h, s, r, ${c.at}::timestamptz
      FROM unnest(${arr(c.stored.map((s) => s.key))}::text[], ${arr(c.stored.map((s) => c.requestHashes.get(s.key) ?? ''))}::text[],
                  ${arr(c.stored.map((s) => s.answer.statusCode))}::int[],
                  ${arr(c.stored.map((s) => JSON.stringify(s.answer.body)))}::jsonb[]) AS v(k, h, s, r)
      ON CONFLICT DO NOTHING RETURNING 1`,
    ),
    cte('camp', campaignsUnchangedSql(c.campaigns)),
    cte('items', raiseSoldSql(sold, c.at)),
    cte('stock', c.allocation),
    cte('bought', boughtUpsertSql(b, c.limits)),
    cte(
      'placed',
      sql`INSERT INTO ${customerCampaignCounts} AS p (phone_hash, campaign_id, orders)
      SELECT * FROM unnest(${arr(p.map((x) => x.h))}::text[], ${arr(p.map((x) => x.c))}::text[], ${arr(p.map((x) => x.n))}::int[])
      ON CONFLICT (phone_hash, campaign_id) DO UPDATE SET orders = p.orders + excluded.orders
        ${maxOrders === null ? sql`` : sql`WHERE p.orders + excluded.orders <= ${maxOrders}`}
      RETURNING 1`,
    ),
    cte(
      'checked',
      sql`SELECT intake_expect(
          x.claims = ${c.stored.length} AND x.camp = ${c.campaigns.length} AND x.cust = ${c.phones}
          AND x.orders = ${c.orders} AND x.lines = ${c.lines} AND x.timeline = ${c.orders}
          AND x.items = ${items.length} AND x.stock = ${levels.length} AND x.bought = ${b.length} AND x.placed = ${p.length},
          format('keys %s, campaigns %s, customers %s, orders %s, items %s, levels %s, bought %s, placed %s',
                 x.claims, x.camp, x.cust, x.orders, x.items, x.stock, x.bought, x.placed)) AS ok,
        1 AS n
      FROM (SELECT
        (SELECT count(*) FROM claims)::int AS claims,
        (SELECT count(*) FROM camp)::int AS camp,
        (SELECT count(*) FROM cust)::int AS cust,
        (SELECT count(*) FROM new_orders)::int AS orders,
        (SELECT count(*) FROM new_lines)::int AS lines,
        (SELECT count(*) FROM new_timeline)::int AS timeline,
        (SELECT count(*) FROM items i
           JOIN unnest(${arr(items.map((i) => i.id))}::text[], ${arr(items.map((i) => Number(i.sold)))}::int[],
                       ${arr(items.map((i) => Number(i.stock_cap)))}::int[], ${arr(items.map((i) => Number(i.per_customer_limit)))}::int[])
             AS v(id, sold, cap, lim)
             ON i.id = v.id AND i.sold = v.sold AND i.stock_cap = v.cap AND i.per_customer_limit = v.lim)::int AS items,
        (SELECT count(*) FROM stock s
           JOIN unnest(${arr(levels.map((l) => l.sku_id))}::text[], ${arr(levels.map((l) => l.warehouse_id))}::text[],
                       ${arr(levels.map((l) => Number(l.on_hand)))}::bigint[], ${arr(levels.map((l) => Number(l.allocated)))}::bigint[],
                       ${arr(levels.map((l) => Number(l.available)))}::bigint[], ${arr(levels.map((l) => Number(l.low_stock_threshold)))}::bigint[])
             AS v(sku, wh, oh, al, av, low)
             ON s.sku_id = v.sku AND s.warehouse_id = v.wh AND s.on_hand = v.oh AND s.allocated = v.al
                AND s.available = v.av AND s.low_stock_threshold = v.low)::int AS stock,
        (SELECT count(*) FROM bought)::int AS bought,
        (SELECT count(*) FROM placed)::int AS placed) x`,
    ),
  ];
  return { ctes, outputs: [] };
}
