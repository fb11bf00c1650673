import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/audit/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { findSkus } from '../catalog/index.js';
import { warehouses } from '../inventory/index.js';
import { regions } from '../leaders/index.js';
import { type CampaignState, isOpenForOrders } from './campaign-state.js';
import { campaignsError } from './campaigns.errors.js';
import { campaignItems, campaigns } from './campaigns.tables.js';
import { type CampaignItemRow, type CampaignRow, campaignView, itemView } from './campaigns.view.js';
import { skuLabel } from './sku-label.js';

export async function loadItems(db: Executor, campaignId: string): Promise<CampaignItemRow[]> {
  return db
    .select()
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId))
    .orderBy(asc(campaignItems.sortOrder), asc(campaignItems.id));
}

export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** The detail page: the campaign, its items with sold/cap, and the server's time for the countdown. */
export async function getCampaignDetail(db: Executor, clock: Clock, id: string) {
  const row = await findCampaign(db, id);
  if (!row) throw campaignsError('campaigns.not_found', { field: 'params.id', detail: id });
  return detailOf(db, clock, row);
}

export async function detailOf(db: Executor, clock: Clock, row: CampaignRow) {
  const items = await loadItems(db, row.id);
  const skus = new Map(
    (
      await findSkus(
        db,
        items.map((i) => i.skuId),
      )
    ).map((s) => [s.skuId, s]),
  );
  const [warehouse] = row.warehouseId
    ? await db.select({ name: warehouses.name }).from(warehouses).where(eq(warehouses.id, row.warehouseId))
    : [];
  // Named, in the order chosen, for every reader of the campaign (who may not be allowed to list
  // regions); a region since removed keeps its id as its name rather than vanishing from the list.
  const named = row.regionIds.length
    ? await db
        .select({ id: regions.id, code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.id, row.regionIds))
    : [];
  const regionById = new Map(named.map((r) => [r.id, r]));
  const now = clock.now();
  return {
    ...campaignView(row),
    // Shown to every reader of the campaign, who may not be allowed to list warehouses.
    warehouseName: warehouse?.name ?? null,
    regions: row.regionIds.map((id) => regionById.get(id) ?? { id, code: '', name: id }),
    items: items.map((i) => itemView(i, skus.get(i.skuId))),
    // The console counts down against the server's clock, which alone decides when sales stop.
    serverNow: now.toISOString(),
    openForOrders: isOpenForOrders(row, now),
  };
}
export { skuLabel };
export type CampaignDetail = Awaited<ReturnType<typeof detailOf>>;

export interface CampaignListQuery {
  state?: CampaignState | undefined;
  q?: string | undefined;
  /** Campaigns whose window [start, end] overlaps [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listCampaigns(db: Executor, q: CampaignListQuery) {
  const where: SQL[] = [];
  if (q.state) where.push(eq(campaigns.state, q.state));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const m = or(ilike(campaigns.code, like), ilike(campaigns.name, like));
    if (m) where.push(m);
  }
  if (q.from) where.push(gte(campaigns.endsAt, q.from));
  if (q.to) where.push(lt(campaigns.startsAt, q.to));
  const cond = where.length ? and(...where) : undefined;
  const totals = db
    .select({
      campaignId: campaignItems.campaignId,
      itemCount: sql<number>`count(*)::int`.as('item_count'),
      soldTotal: sql<number>`sum(${campaignItems.sold})::bigint`.as('sold_total'),
      capTotal: sql<number>`sum(${campaignItems.stockCap})::bigint`.as('cap_total'),
    })
    .from(campaignItems)
    .groupBy(campaignItems.campaignId)
    .as('totals');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        campaign: campaigns,
        itemCount: totals.itemCount,
        soldTotal: totals.soldTotal,
        capTotal: totals.capTotal,
      })
      .from(campaigns)
      .leftJoin(totals, eq(totals.campaignId, campaigns.id))
      .where(cond)
      .orderBy(desc(campaigns.startsAt), desc(campaigns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(campaigns).where(cond),
  ]);
  return {
    items: rows.map((r) => ({
      ...campaignView(r.campaign),
      itemCount: r.itemCount ?? 0,
      soldTotal: Number(r.soldTotal ?? 0),
      capTotal: Number(r.capTotal ?? 0),
    })),
    total: total?.n ?? 0,
  };
}

/** What the order module needs to validate and price an order; `null` when there is no such campaign. */
export interface CampaignForOrdering {
  id: string;
  code: string;
  name: string;
  state: CampaignState;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  deliveryDate: string;
  sellTo: 'all' | 'regions';
  regionIds: string[];
  /** 发货仓, or null for the first active warehouse that stocks each SKU. */
  warehouseId: string | null;
  items: Array<{
    id: string;
    skuId: string;
    priceFen: number;
    stockCap: number;
    perCustomerLimit: number;
    sortOrder: number;
    sold: number;
    /** The product as a person reads it (product name and SKU spec), for messages: never an id. */
    label: string;
  }>;
}

export async function getCampaignForOrdering(db: Executor, id: string): Promise<CampaignForOrdering | null> {
  const row = await findCampaign(db, id);
  if (!row) return null;
  const items = await loadItems(db, id);
  const skus = new Map(
    (
      await findSkus(
        db,
        items.map((i) => i.skuId),
      )
    ).map((s) => [s.skuId, s]),
  );
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    state: row.state,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    cutoffAt: row.cutoffAt,
    deliveryDate: row.deliveryDate,
    sellTo: row.sellTo,
    regionIds: row.regionIds,
    warehouseId: row.warehouseId,
    items: items.map((i) => ({
      id: i.id,
      skuId: i.skuId,
      priceFen: i.priceFen,
      stockCap: i.stockCap,
      perCustomerLimit: i.perCustomerLimit,
      sortOrder: i.sortOrder,
      sold: i.sold,
      label: skuLabel(skus.get(i.skuId)),
    })),
  };
}

/**
 * Moves an item's `sold` counter by `delta` (positive to sell, negative to release) in one atomic
 * statement that refuses to pass the cap or go below zero. Returns the new count, or null when the
 * change would break a bound (sold out) or the item does not exist; the caller decides what that means.
 */
export async function changeCampaignSold(tx: Tx, itemId: string, delta: number): Promise<number | null> {
  const [row] = await tx
    .update(campaignItems)
    .set({ sold: sql`${campaignItems.sold} + ${delta}` })
    .where(
      and(
        eq(campaignItems.id, itemId),
        sql`${campaignItems.sold} + ${delta} >= 0`,
        sql`${campaignItems.sold} + ${delta} <= ${campaignItems.stockCap}`,
      ),
    )
    .returning({ sold: campaignItems.sold });
  return row?.sold ?? null;
}

/** A campaign's state and sale window, as the orders module checks them for one order. */
export interface CampaignSaleWindow {
  state: CampaignState;
  startsAt: Date;
  cutoffAt: Date;
  paymentMinutes: number;
}

/**
 * A campaign's sale window read under a share lock, in the caller's transaction: a close that commits
 * first is seen, and one that commits later waits for the caller (as the intake's batches read it).
 */
export async function campaignSaleWindowTx(tx: Tx, id: string): Promise<CampaignSaleWindow | undefined> {
  const [row] = await tx
    .select({
      state: campaigns.state,
      startsAt: campaigns.startsAt,
      cutoffAt: campaigns.cutoffAt,
      paymentMinutes: campaigns.paymentMinutes,
    })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .for('share');
  return row;
}

/** Whether a campaign with this id exists (in any state). */
export async function campaignExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  return row !== undefined;
}

/** What the storefront shows of a campaign besides its items: the cover image and the description. */
export async function campaignStorefrontText(
  db: Executor,
  id: string,
): Promise<{ coverUrl: string; description: string } | undefined> {
  const [row] = await db
    .select({ coverUrl: campaigns.coverUrl, description: campaigns.description })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return row;
}

/**
 * Locks for update, in id order (the order every writer takes them in), the campaign items whose ids
 * `itemIds` selects: a query of the caller's (say, an order's lines), so that it is one statement.
 */
export async function lockCampaignItemsTx(tx: Tx, itemIds: SQL): Promise<void> {
  await tx.execute(sql`
    SELECT c.id FROM ${campaignItems} c
    WHERE c.id IN (${itemIds})
    ORDER BY c.id FOR UPDATE`);
}
