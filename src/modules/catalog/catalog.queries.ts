import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { products, skus } from './catalog.tables.js';

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
