import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/audit/index.js';
import type { Executor } from '../../platform/db/database.js';
import type { CategoryView, ProductListFilter, ProductView, SkuView } from './catalog.schemas.js';
import { categories, products, skus } from './catalog.tables.js';

/** What other modules may know of a SKU: enough to check it exists, show it and price it. */
export interface SkuSummary {
  skuId: string;
  skuCode: string;
  spec: string;
  productId: string;
  productName: string;
  productStatus: 'draft' | 'on_sale' | 'off_sale';
  skuStatus: 'active' | 'inactive';
  unit: string;
  listPriceFen: number;
  costPriceFen: number;
  categoryId: string | null;
}

/** Looks SKUs up by id; ids that do not exist are simply absent from the result. */
export async function findSkus(db: Executor, ids: readonly string[]): Promise<SkuSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      skuId: skus.id,
      skuCode: skus.code,
      spec: skus.spec,
      productId: products.id,
      productName: products.name,
      productStatus: products.status,
      skuStatus: skus.status,
      unit: products.unit,
      listPriceFen: skus.listPriceFen,
      costPriceFen: skus.costPriceFen,
      categoryId: products.categoryId,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, [...ids]));
}

type CategoryRow = typeof categories.$inferSelect;
type SkuRow = typeof skus.$inferSelect;

export function categoryView(c: CategoryRow): CategoryView {
  return { ...c, createdAt: c.createdAt.toISOString() };
}

function skuView(s: SkuRow): SkuView {
  return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

export async function listCategories(db: Executor): Promise<{ items: CategoryView[] }> {
  const rows = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code));
  return { items: rows.map(categoryView) };
}

/**
 * Loads whole products (with category name and SKUs) in the order of `ids`; missing ids are skipped.
 * SKUs come in creation order (their ids are ULIDs), which is the order people entered them.
 */
export async function loadProducts(db: Executor, ids: readonly string[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const [rows, skuRows] = await Promise.all([
    db
      .select({ p: products, categoryName: categories.name })
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(inArray(products.id, [...ids])),
    db
      .select()
      .from(skus)
      .where(inArray(skus.productId, [...ids]))
      .orderBy(asc(skus.id)),
  ]);
  const skusOf = new Map<string, SkuView[]>();
  for (const s of skuRows) {
    const list = skusOf.get(s.productId) ?? [];
    list.push(skuView(s));
    skusOf.set(s.productId, list);
  }
  const byId = new Map(
    rows.map(({ p, categoryName }) => [
      p.id,
      {
        ...p,
        categoryName,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
        skus: skusOf.get(p.id) ?? [],
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getProduct(db: Executor, id: string): Promise<ProductView | undefined> {
  const [p] = await loadProducts(db, [id]);
  return p;
}

function productConditions(f: ProductListFilter): SQL | undefined {
  const where: SQL[] = [];
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    // A barcode is matched exactly (scanners send the whole code); names and codes by substring.
    const skuMatch = sql`exists (select 1 from ${skus} where ${skus.productId} = ${products.id}
      and (${skus.code} ilike ${like} or ${skus.barcode} = ${q}))`;
    const m = or(ilike(products.name, like), ilike(products.code, like), skuMatch);
    if (m) where.push(m);
  }
  if (f.categoryId) where.push(eq(products.categoryId, f.categoryId));
  if (f.status) where.push(eq(products.status, f.status));
  return where.length ? and(...where) : undefined;
}

export async function listProducts(
  db: Executor,
  f: ProductListFilter & { page: number; pageSize: number },
): Promise<{ items: ProductView[]; total: number }> {
  const cond = productConditions(f);
  const [page, [total]] = await Promise.all([
    db
      .select({ id: products.id })
      .from(products)
      .where(cond)
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(products).where(cond),
  ]);
  return {
    items: await loadProducts(
      db,
      page.map((r) => r.id),
    ),
    total: total?.n ?? 0,
  };
}

/** Every product matching the filter, for the xlsx export, loaded in pages so memory stays flat-ish. */
export async function listAllProducts(
  db: Executor,
  f: ProductListFilter,
  max: number,
): Promise<ProductView[]> {
  const ids = await db
    .select({ id: products.id })
    .from(products)
    .where(productConditions(f))
    .orderBy(asc(products.code))
    .limit(max);
  const out: ProductView[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await loadProducts(
        db,
        ids.slice(i, i + 500).map((r) => r.id),
      )),
    );
  }
  return out;
}
