import { and, eq, inArray, ne } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { catalogError } from './catalog.errors.js';
import { categoryView, loadProducts } from './catalog.queries.js';
import type {
  CategoryView,
  NewProductInput,
  ProductPatch,
  ProductStatusValue,
  ProductView,
} from './catalog.schemas.js';
import { categories, products, skus } from './catalog.tables.js';
import { changedProductFields, firstDuplicate } from './product-rules.js';

/** What the write use-cases need from Deps; the demo seed and the import job pass the same. */
export type WriteDeps = Pick<Deps, 'clock' | 'bus'>;

export async function createCategory(
  deps: Deps,
  actor: Actor,
  input: { code: string; name: string; parentId?: string | null; sortOrder?: number },
): Promise<CategoryView> {
  return deps.db.transaction(async (tx) => {
    if (input.parentId) await ensureCategory(tx, input.parentId, 'body.parentId');
    const [row] = await tx
      .insert(categories)
      .values({
        id: newId('category'),
        code: input.code,
        name: input.name.trim(),
        parentId: input.parentId ?? null,
        sortOrder: input.sortOrder ?? 0,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing({ target: categories.code })
      .returning();
    if (!row) throw catalogError('catalog.category_code_taken', { field: 'body.code', detail: input.code });
    const view = categoryView(row);
    await recordAudit(tx, deps.clock, actor, {
      action: 'category.create',
      entityType: 'category',
      entityId: row.id,
      after: view,
    });
    await deps.bus.publish(
      tx,
      { type: 'category.created', aggregateType: 'category', aggregateId: row.id, payload: view },
      actor.requestId,
    );
    return view;
  });
}

async function ensureCategory(db: Executor, id: string, field: string): Promise<void> {
  const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
  if (!c) throw catalogError('catalog.category_not_found', { field, detail: id });
}

async function mustLoad(tx: Tx, id: string): Promise<ProductView> {
  const [view] = await loadProducts(tx, [id]);
  if (!view) throw catalogError('catalog.product_not_found', { field: 'params.id', detail: id });
  return view;
}

export async function createProduct(deps: Deps, actor: Actor, input: NewProductInput): Promise<ProductView> {
  return deps.db.transaction((tx) => createProductTx(deps, tx, actor, input));
}

/**
 * Creates a product and its SKUs in the caller's transaction. Codes are claimed with
 * `ON CONFLICT DO NOTHING`, so a code taken by a concurrent writer is a 409 naming the field rather
 * than a unique-violation 500, and the whole transaction (product included) rolls back.
 */
export async function createProductTx(
  deps: WriteDeps,
  tx: Tx,
  actor: Actor,
  input: NewProductInput,
): Promise<ProductView> {
  if (input.skus.length === 0) throw catalogError('catalog.no_skus', { field: 'body.skus' });
  const dup = firstDuplicate(input.skus.map((s) => s.code));
  if (dup !== null)
    throw catalogError('catalog.sku_code_taken', {
      field: `body.skus.${dup}.code`,
      detail: input.skus[dup]?.code,
    });
  if (input.categoryId) await ensureCategory(tx, input.categoryId, 'body.categoryId');
  const now = deps.clock.now();
  const id = newId('product');
  const [row] = await tx
    .insert(products)
    .values({
      id,
      code: input.code,
      name: input.name.trim(),
      categoryId: input.categoryId ?? null,
      unit: input.unit.trim(),
      description: input.description ?? '',
      images: input.images ?? [],
      supplier: input.supplier?.trim() ?? '',
      status: input.status ?? 'draft',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: products.code })
    .returning({ id: products.id });
  if (!row) throw catalogError('catalog.product_code_taken', { field: 'body.code', detail: input.code });
  const inserted = await tx
    .insert(skus)
    .values(
      input.skus.map((s) => ({
        id: newId('sku'),
        productId: id,
        code: s.code,
        spec: s.spec.trim(),
        barcode: s.barcode || null,
        listPriceFen: s.listPriceFen,
        costPriceFen: s.costPriceFen,
        status: s.status ?? 'active',
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: skus.code })
    .returning({ code: skus.code });
  if (inserted.length < input.skus.length) {
    const got = new Set(inserted.map((s) => s.code));
    const i = input.skus.findIndex((s) => !got.has(s.code));
    throw catalogError('catalog.sku_code_taken', {
      field: `body.skus.${i}.code`,
      detail: input.skus[i]?.code,
    });
  }
  const view = await mustLoad(tx, id);
  await recordAudit(tx, deps.clock, actor, {
    action: 'product.create',
    entityType: 'product',
    entityId: id,
    after: view,
  });
  await deps.bus.publish(
    tx,
    {
      type: 'product.created',
      aggregateType: 'product',
      aggregateId: id,
      payload: { code: view.code, name: view.name, status: view.status, skuIds: view.skus.map((s) => s.id) },
    },
    actor.requestId,
  );
  return view;
}

export async function updateProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: ProductPatch,
): Promise<ProductView> {
  return deps.db.transaction(async (tx) => (await updateProductTx(deps, tx, actor, id, patch)).product);
}

/**
 * Changes product fields and adds or changes SKUs (an SKU with `id` is changed, one without is
 * added; SKUs not listed are left alone, because orders and stock refer to them). The product row is
 * locked first so two editors of one product take turns and the audit's before/after is exact.
 * Nothing is audited or published when the patch changes nothing (a re-imported unchanged file).
 */
export async function updateProductTx(
  deps: WriteDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  patch: ProductPatch,
): Promise<{ product: ProductView; changed: boolean }> {
  const [locked] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, id))
    .for('update');
  if (!locked) throw catalogError('catalog.product_not_found', { field: 'params.id', detail: id });
  const before = await mustLoad(tx, id);
  if (patch.code !== undefined && patch.code !== before.code) {
    const [other] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.code, patch.code), ne(products.id, id)));
    if (other) throw catalogError('catalog.product_code_taken', { field: 'body.code', detail: patch.code });
  }
  if (patch.categoryId) await ensureCategory(tx, patch.categoryId, 'body.categoryId');
  const skuPatches = patch.skus ?? [];
  const dup = firstDuplicate(skuPatches.map((s) => s.code));
  if (dup !== null)
    throw catalogError('catalog.sku_code_taken', {
      field: `body.skus.${dup}.code`,
      detail: skuPatches[dup]?.code,
    });
  const own = new Set(before.skus.map((s) => s.id));
  skuPatches.forEach((s, i) => {
    if (s.id !== undefined && !own.has(s.id))
      throw catalogError('catalog.sku_not_found', { field: `body.skus.${i}.id`, detail: s.id });
  });
  if (skuPatches.length > 0) {
    const holders = await tx
      .select({ id: skus.id, code: skus.code })
      .from(skus)
      .where(
        inArray(
          skus.code,
          skuPatches.map((s) => s.code),
        ),
      );
    const holderOf = new Map(holders.map((h) => [h.code, h.id]));
    skuPatches.forEach((s, i) => {
      const holder = holderOf.get(s.code);
      if (holder !== undefined && holder !== s.id)
        throw catalogError('catalog.sku_code_taken', { field: `body.skus.${i}.code`, detail: s.code });
    });
  }

  const now = deps.clock.now();
  const productChanges = changedProductFields(before, patch);
  const skuById = new Map(before.skus.map((s) => [s.id, s]));
  const skuWrites = skuPatches.filter((s) => {
    const old = s.id === undefined ? undefined : skuById.get(s.id);
    return (
      !old ||
      old.code !== s.code ||
      old.spec !== s.spec.trim() ||
      old.barcode !== (s.barcode || null) ||
      old.listPriceFen !== s.listPriceFen ||
      old.costPriceFen !== s.costPriceFen ||
      (s.status !== undefined && old.status !== s.status)
    );
  });
  if (productChanges.length === 0 && skuWrites.length === 0) return { product: before, changed: false };

  await tx
    .update(products)
    .set({
      code: patch.code ?? before.code,
      name: patch.name?.trim() ?? before.name,
      categoryId: patch.categoryId === undefined ? before.categoryId : patch.categoryId,
      unit: patch.unit?.trim() ?? before.unit,
      description: patch.description ?? before.description,
      images: patch.images ?? before.images,
      supplier: patch.supplier?.trim() ?? before.supplier,
      updatedAt: now,
    })
    .where(eq(products.id, id));
  // Changed SKUs first, then new ones: a code moved from one SKU of this product to a new SKU is
  // free by the time the new row claims it.
  for (const s of skuWrites.filter((w) => w.id !== undefined)) {
    await tx
      .update(skus)
      .set({
        code: s.code,
        spec: s.spec.trim(),
        barcode: s.barcode || null,
        listPriceFen: s.listPriceFen,
        costPriceFen: s.costPriceFen,
        ...(s.status ? { status: s.status } : {}),
        updatedAt: now,
      })
      .where(and(eq(skus.id, s.id ?? ''), eq(skus.productId, id)));
  }
  const added = skuWrites.filter((w) => w.id === undefined);
  if (added.length > 0) {
    const inserted = await tx
      .insert(skus)
      .values(
        added.map((s) => ({
          id: newId('sku'),
          productId: id,
          code: s.code,
          spec: s.spec.trim(),
          barcode: s.barcode || null,
          listPriceFen: s.listPriceFen,
          costPriceFen: s.costPriceFen,
          status: s.status ?? 'active',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: skus.code })
      .returning({ code: skus.code });
    if (inserted.length < added.length) {
      const got = new Set(inserted.map((s) => s.code));
      const code = added.find((s) => !got.has(s.code))?.code;
      const i = skuPatches.findIndex((s) => s.code === code);
      throw catalogError('catalog.sku_code_taken', { field: `body.skus.${i}.code`, detail: code });
    }
  }
  const after = await mustLoad(tx, id);
  const changes = [...productChanges, ...(skuWrites.length > 0 ? ['skus'] : [])];
  await recordAudit(tx, deps.clock, actor, {
    action: 'product.update',
    entityType: 'product',
    entityId: id,
    before,
    after,
  });
  await deps.bus.publish(
    tx,
    {
      type: 'product.updated',
      aggregateType: 'product',
      aggregateId: id,
      payload: { code: after.code, changes, status: after.status, skuIds: after.skus.map((s) => s.id) },
    },
    actor.requestId,
  );
  return { product: after, changed: true };
}

/** Puts a product on sale, takes it off sale, or back to draft (上架 / 下架 / 草稿). */
export async function setProductStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  status: ProductStatusValue,
): Promise<ProductView> {
  return deps.db.transaction((tx) => setProductStatusTx(deps, tx, actor, id, status));
}

export async function setProductStatusTx(
  deps: WriteDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  status: ProductStatusValue,
): Promise<ProductView> {
  const [locked] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, id))
    .for('update');
  if (!locked) throw catalogError('catalog.product_not_found', { field: 'params.id', detail: id });
  const before = await mustLoad(tx, id);
  if (before.status === status) return before;
  await tx.update(products).set({ status, updatedAt: deps.clock.now() }).where(eq(products.id, id));
  const after = await mustLoad(tx, id);
  await recordAudit(tx, deps.clock, actor, {
    action: 'product.status',
    entityType: 'product',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'product.updated',
      aggregateType: 'product',
      aggregateId: id,
      payload: { code: after.code, changes: ['status'], status, previousStatus: before.status },
    },
    actor.requestId,
  );
  return after;
}
