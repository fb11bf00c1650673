import { type CampaignInput, createCampaign } from '../../src/modules/campaigns/index.js';
import { products, skus } from '../../src/modules/catalog/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { newId } from '../../src/platform/ids.js';
import type { TestDb } from '../helpers/test-db.js';

let counter = 0;

/** Inserts a product with one SKU straight into the catalog's tables, for arranging campaign tests. */
export async function makeSku(
  tdb: TestDb,
  opts: {
    skuStatus?: 'active' | 'inactive';
    productStatus?: 'draft' | 'on_sale' | 'off_sale';
    listPriceFen?: number;
  } = {},
): Promise<{ id: string; code: string }> {
  counter += 1;
  const now = tdb.deps.clock.now();
  const productId = newId('product');
  const tag = `${counter}${Math.random().toString(36).slice(2, 6)}`;
  await tdb.deps.db.insert(products).values({
    id: productId,
    code: `P-${tag}`,
    name: `测试商品 ${counter}`,
    unit: '份',
    status: opts.productStatus ?? 'on_sale',
    createdAt: now,
    updatedAt: now,
  });
  const id = newId('sku');
  const code = `S-${tag}`;
  await tdb.deps.db.insert(skus).values({
    id,
    productId,
    code,
    spec: '500g',
    listPriceFen: opts.listPriceFen ?? 1990,
    costPriceFen: 1000,
    status: opts.skuStatus ?? 'active',
    createdAt: now,
    updatedAt: now,
  });
  return { id, code };
}

const HOUR = 3_600_000;

/** A campaign as the API takes it (JSON). */
export interface CampaignJson {
  code: string;
  name: string;
  coverUrl: string;
  description: string;
  startsAt: string;
  cutoffAt: string;
  endsAt: string;
  deliveryDate: string;
  sellTo: 'all' | 'regions';
  regionIds: string[];
  warehouseId?: string | null;
  paymentMinutes?: number;
  items: Array<{
    skuId: string;
    priceFen: number;
    stockCap: number;
    perCustomerLimit: number;
    sortOrder?: number;
  }>;
}

/** A valid campaign body starting `startInH` hours after the test clock's now, cutoff 4 hours later. */
export function campaignBody(
  tdb: TestDb,
  skuIds: string[],
  over: Partial<CampaignJson> = {},
  startInH = 1,
): CampaignJson {
  counter += 1;
  const now = tdb.deps.clock.now().getTime();
  return {
    code: `C${counter}-${Math.random().toString(36).slice(2, 6)}`,
    name: `周末水果节 ${counter}`,
    coverUrl: 'https://img.example.com/fruit.jpg',
    description: '当季水果',
    startsAt: new Date(now + startInH * HOUR).toISOString(),
    cutoffAt: new Date(now + (startInH + 4) * HOUR).toISOString(),
    endsAt: new Date(now + (startInH + 5) * HOUR).toISOString(),
    deliveryDate: new Date(now + (startInH + 48) * HOUR).toISOString().slice(0, 10),
    sellTo: 'all',
    regionIds: [],
    items: skuIds.map((skuId, i) => ({ skuId, priceFen: 990 + i, stockCap: 100, perCustomerLimit: 3 })),
    ...over,
  };
}

/** The same campaign created through the service, as the system. */
export async function createCampaignDirect(
  tdb: TestDb,
  skuIds: string[],
  over: Partial<CampaignJson> = {},
  startInH = 1,
) {
  const b = campaignBody(tdb, skuIds, over, startInH);
  const input: CampaignInput = {
    ...b,
    startsAt: new Date(b.startsAt),
    cutoffAt: new Date(b.cutoffAt),
    endsAt: new Date(b.endsAt),
  };
  return createCampaign(tdb.deps, SYSTEM_ACTOR, input);
}

/** Tables a refused campaign request must leave alone. */
export const CAMPAIGN_TABLES = ['campaigns', 'campaign_items', 'audit_log', 'outbox_events'] as const;

export async function campaignCounts(tdb: TestDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CAMPAIGN_TABLES) {
    const r = await tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = r.rows[0]?.n ?? -1;
  }
  return counts;
}

/** A snapshot of every campaign and item row, to show a refused write changed nothing at all. */
export async function campaignSnapshot(tdb: TestDb): Promise<unknown> {
  const c = await tdb.deps.pool.query('SELECT * FROM campaigns ORDER BY id');
  const i = await tdb.deps.pool.query('SELECT * FROM campaign_items ORDER BY id');
  return { campaigns: c.rows, items: i.rows, counts: await campaignCounts(tdb) };
}
