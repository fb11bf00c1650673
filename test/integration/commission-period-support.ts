import { sql } from 'drizzle-orm';
import { activatePlanTx, createDraftTx, type PlanDocument } from '../../src/modules/commission/index.js';
import { generateLeaderCode, leaders, regions } from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { newId } from '../../src/platform/ids.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * Arranging the period and simulation tests straight in the tables (regions, leaders with their
 * referrer and level history, the daily sales roll-up, orders with payments and completions), so
 * every figure is known by hand. The services under test read these tables set-based.
 */

let n = 0;

export async function makeRegion(
  tdb: TestDb,
  name: string,
  parentId: string | null = null,
  level: 'province' | 'city' | 'district' | 'area' = 'district',
): Promise<string> {
  n += 1;
  const id = newId('region');
  await tdb.deps.db.insert(regions).values({
    id,
    code: `CP${n}${Math.random().toString(36).slice(2, 6)}`,
    name,
    parentId,
    level,
    createdAt: tdb.deps.clock.now(),
  });
  return id;
}

/**
 * A leader created (approved) at `createdAt`, with the referrer period and closure rows a real
 * creation writes, and an initial level when given.
 */
export async function makeLeaderAt(
  tdb: TestDb,
  opts: {
    name: string;
    regionId: string;
    createdAt: Date | string;
    referrerId?: string | null;
    levelId?: string | null;
    userId?: string | null;
  },
): Promise<string> {
  n += 1;
  const { deps } = tdb;
  const id = newId('leader');
  const at = new Date(opts.createdAt);
  const phone = `139${String(10_000_000 + n * 7_919 + Math.floor(Math.random() * 1000)).slice(-8)}`;
  await deps.db.insert(leaders).values({
    id,
    code: generateLeaderCode(),
    name: opts.name,
    phoneEnc: deps.crypto.encrypt(phone),
    phoneHash: deps.crypto.hash(`${phone}-${id}`),
    regionId: opts.regionId,
    referrerId: opts.referrerId ?? null,
    levelId: opts.levelId ?? null,
    userId: opts.userId ?? null,
    createdAt: at,
    updatedAt: at,
  });
  const ref = opts.referrerId ?? null;
  await deps.pool.query(
    `INSERT INTO leader_referrer_periods (id, leader_id, referrer_id, valid_from, cause)
     VALUES ($1, $2, $3, $4, 'created')`,
    [newId('referrerPeriod'), id, ref, at.toISOString()],
  );
  await deps.pool.query(
    `INSERT INTO leader_closure (ancestor_id, descendant_id, depth)
     SELECT $1, $1, 0
     UNION ALL SELECT c.ancestor_id, $1, c.depth + 1 FROM leader_closure c WHERE $2::text IS NOT NULL AND c.descendant_id = $2`,
    [id, ref],
  );
  if (opts.levelId) {
    await deps.pool.query(
      `INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause)
       VALUES ($1, $2, NULL, $3, $4, 'initial')`,
      [newId('leaderLevelChange'), id, opts.levelId, at.toISOString()],
    );
  }
  return id;
}

/** One day of the sales roll-up (团长日业绩), added to what is there. */
export async function addDailySales(
  tdb: TestDb,
  leaderId: string,
  day: string,
  completedFen: number,
  refundedFen = 0,
): Promise<void> {
  await tdb.deps.db.execute(sql`
    insert into leader_daily_sales (leader_id, day, completed_gmv_fen, completed_orders, refunded_fen, refunded_orders)
    values (${leaderId}, ${day}::date, ${completedFen}, ${completedFen > 0 ? 1 : 0}, ${refundedFen}, 0)
    on conflict (leader_id, day) do update set
      completed_gmv_fen = leader_daily_sales.completed_gmv_fen + excluded.completed_gmv_fen,
      completed_orders = leader_daily_sales.completed_orders + excluded.completed_orders,
      refunded_fen = leader_daily_sales.refunded_fen + excluded.refunded_fen`);
}

export interface LineSpec {
  skuId: string;
  quantity: number;
  unitPriceFen: number;
  refundedQuantity?: number;
}

/**
 * An order with its lines, a payment at `paidAt` (when given) and, for a completed order, its row in
 * the roll-up's per-order record (`leader_sales_orders`) at `completedAt`.
 */
export async function makeOrder(
  tdb: TestDb,
  opts: {
    campaignId: string;
    leaderId: string;
    status: string;
    lines: LineSpec[];
    paidAt?: Date | string;
    completedAt?: Date | string;
  },
): Promise<{ orderId: string; lineIds: string[] }> {
  const { pool } = tdb.deps;
  const orderId = newId('order');
  const placed = new Date(opts.paidAt ?? opts.completedAt ?? tdb.deps.clock.now());
  const total = opts.lines.reduce((a, l) => a + l.quantity * l.unitPriceFen, 0);
  const items = opts.lines.reduce((a, l) => a + l.quantity, 0);
  await pool.query(
    `INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
       pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
     VALUES ($1, $2, $3, 'cus_test', 'pp_test', $4, $5, $6, '123456', $1, $7, $7, $7)`,
    [orderId, opts.campaignId, opts.leaderId, opts.status, total, items, placed.toISOString()],
  );
  const lineIds: string[] = [];
  for (const l of opts.lines) {
    const lineId = newId('orderLine');
    lineIds.push(lineId);
    await pool.query(
      `INSERT INTO order_lines (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen,
         amount_fen, refunded_quantity)
       VALUES ($1, $2, 'cmi_test', $3, 'wh_test', $4, $5, $6, $7)`,
      [
        lineId,
        orderId,
        l.skuId,
        l.quantity,
        l.unitPriceFen,
        l.quantity * l.unitPriceFen,
        l.refundedQuantity ?? 0,
      ],
    );
  }
  if (opts.paidAt) {
    await pool.query(
      `INSERT INTO order_payments (id, order_id, provider, amount_fen, reference, paid_at)
       VALUES ($1, $2, 'offline', $3, 'test', $4)`,
      [newId('payment'), orderId, total, new Date(opts.paidAt).toISOString()],
    );
  }
  if (opts.completedAt) {
    const refunded = opts.lines.reduce((a, l) => a + (l.refundedQuantity ?? 0) * l.unitPriceFen, 0);
    const at = new Date(opts.completedAt);
    await pool.query(
      `INSERT INTO leader_sales_orders (order_id, leader_id, customer_id, day, gmv_fen, refunded_fen, completed_at)
       VALUES ($1, $2, 'cus_test', ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $4, $5, $3)`,
      [orderId, opts.leaderId, at.toISOString(), total, refunded],
    );
  }
  return { orderId, lineIds };
}

/** Creates `doc` as a draft and activates it at the clock's current moment. */
export async function activatePlanAt(tdb: TestDb, doc: PlanDocument, at: Date | string): Promise<string> {
  const { deps } = tdb;
  deps.clock.set(at);
  return deps.db.transaction(async (tx) => {
    const draft = await createDraftTx(deps, tx, SYSTEM_ACTOR, { document: doc });
    await activatePlanTx(deps, tx, SYSTEM_ACTOR, draft.id);
    return draft.id;
  });
}

/** Creates `doc` as a draft only. */
export async function makeDraft(tdb: TestDb, doc: PlanDocument): Promise<string> {
  const { deps } = tdb;
  return deps.db.transaction(
    async (tx) => (await createDraftTx(deps, tx, SYSTEM_ACTOR, { document: doc })).id,
  );
}

/** Row counts of the money tables: what "nothing posted" compares. */
export async function moneyCounts(tdb: TestDb) {
  const q = async (table: string) =>
    Number(
      (await tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1,
    );
  return {
    transfers: await q('ledger_transfers'),
    entries: await q('commission_entries'),
    runs: await q('commission_period_runs'),
    audit: await q('audit_log'),
  };
}
