import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import {
  CHUNK_ROWS,
  chunkByRows,
  getImportJob,
  type ImportChunk,
  type ImportKind,
  importJobSettled,
  MAX_STORED_ERRORS,
  startImportJob,
} from '../../platform/imports/import-job.js';
import { catalogError } from './catalog.errors.js';
import type { ImportJobView, ImportModeValue } from './catalog.schemas.js';
import { createProductTx, setProductStatusTx, updateProductTx } from './catalog.service.js';
import { categories, products, skus } from './catalog.tables.js';
import {
  type ImportContext,
  type ImportPlan,
  type PlannedProduct,
  parseRow,
  planImport,
} from './catalog-import.js';
import { readImportSheet } from './catalog-xlsx.js';

/**
 * The product import job (商品导入任务), on the shared import runner (src/platform/imports): the
 * upload is read at once (a file that is not a usable sheet is a 400 and no job), then the runner
 * validates every row with `planImport` and, by mode, writes products in chunks of about
 * CHUNK_ROWS rows, a product never split. `catalog_imports` keeps the record and the report.
 */
export { CHUNK_ROWS, MAX_STORED_ERRORS };

const TABLE = 'catalog_imports';

/** The product import as the shared runner (re)builds it from the stored file. */
export const catalogImportKind: ImportKind = {
  table: TABLE,
  auditAction: 'product.import',
  prepare: async (deps, actor, file) => {
    const sheet = await readImportSheet(file);
    const parsed = sheet.rows.map(({ row, raw }) => parseRow(raw, row));
    return {
      totalRows: sheet.rows.length,
      plan: async (done) => {
        // Rows an earlier run of the job wrote are left out: their products exist now.
        const rest = parsed.filter((r) => !done.has(r.row));
        const plan = planImport(rest, await lookupContext(deps.db, rest));
        return { errors: plan.errors, goodRows: plan.goodRows, chunks: writeChunks(deps, actor, plan) };
      },
    };
  },
};

export async function startImport(
  deps: Deps,
  actor: Actor,
  input: { fileBase64: string; mode: ImportModeValue },
): Promise<{ jobId: string }> {
  return startImportJob(deps, actor, catalogImportKind, {
    mode: input.mode,
    file: Buffer.from(input.fileBase64, 'base64'),
  });
}

/** Resolves when the job has finished and its record is written; tests await it instead of polling. */
export function importSettled(jobId: string): Promise<void> {
  return importJobSettled(jobId);
}

export async function getImport(db: Db, id: string): Promise<ImportJobView> {
  return getImportJob(db, TABLE, id, () =>
    catalogError('catalog.import_not_found', { field: 'params.id', detail: id }),
  );
}

async function lookupContext(db: Db, parsed: ReturnType<typeof parseRow>[]): Promise<ImportContext> {
  const productCodes = [...new Set(parsed.flatMap((r) => (r.productCode ? [r.productCode] : [])))];
  const skuCodes = [...new Set(parsed.flatMap((r) => (r.skuCode ? [r.skuCode] : [])))];
  const categoryMap = new Map<string, string>();
  // Categories are few (tens, maybe hundreds): load them all and match by code or by name.
  for (const c of await db.select().from(categories)) {
    categoryMap.set(c.name.toLowerCase(), c.id);
    categoryMap.set(c.code.toLowerCase(), c.id);
  }
  const productMap = new Map<string, string>();
  const skuMap = new Map<string, { id: string; productCode: string }>();
  for (let i = 0; i < productCodes.length; i += 1000) {
    const part = productCodes.slice(i, i + 1000);
    for (const p of await db
      .select({ id: products.id, code: products.code })
      .from(products)
      .where(inArray(products.code, part)))
      productMap.set(p.code, p.id);
  }
  for (let i = 0; i < skuCodes.length; i += 1000) {
    const part = skuCodes.slice(i, i + 1000);
    const found = await db
      .select({ id: skus.id, code: skus.code, productCode: products.code })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .where(inArray(skus.code, part));
    for (const s of found) skuMap.set(s.code, { id: s.id, productCode: s.productCode });
  }
  return { categories: categoryMap, products: productMap, skus: skuMap };
}

/** The plan's products as write transactions of about CHUNK_ROWS rows (updates of existing products count too). */
function* writeChunks(deps: Deps, actor: Actor, plan: ImportPlan): Generator<ImportChunk> {
  for (const chunk of chunkByRows<PlannedProduct>(plan.products, (p) => p.rows.length)) {
    yield {
      rowNumbers: chunk.flatMap((p) => p.rows),
      label: `row ${chunk[0]?.rows[0] ?? '?'}–${chunk.at(-1)?.rows.at(-1) ?? '?'}`,
      write: async (tx) => {
        let created = 0;
        let updated = 0;
        for (const p of chunk) {
          if (p.kind === 'create') {
            await createProductTx(deps, tx, actor, p.input);
            created += 1;
          } else {
            const r = await updateProductTx(deps, tx, actor, p.productId, { ...p.fields, skus: p.skus });
            const st =
              p.status === null ? null : await setProductStatusTx(deps, tx, actor, p.productId, p.status);
            if (r.changed || (st !== null && st.status !== r.product.status)) updated += 1;
          }
        }
        return { created, updated };
      },
    };
  }
}
