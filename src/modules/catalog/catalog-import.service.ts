import { eq, inArray } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { catalogError } from './catalog.errors.js';
import type { ImportJobView, ImportModeValue, RowError } from './catalog.schemas.js';
import { createProductTx, setProductStatusTx, updateProductTx } from './catalog.service.js';
import { catalogImports, categories, products, skus } from './catalog.tables.js';
import {
  type ImportContext,
  type ImportPlan,
  type PlannedProduct,
  parseRow,
  planImport,
} from './catalog-import.js';
import { readImportSheet } from './catalog-xlsx.js';

/**
 * The import job (商品导入任务). The upload is read at once (a file that is not a usable sheet is a
 * 400 and no job), then a job validates every row and, by mode, writes products in chunks: each
 * chunk one transaction with its audit records and events, so progress is visible and a very large
 * file never holds one huge transaction. Jobs live in this process; the `catalog_imports` row keeps
 * the outcome for any process to answer GET with once the job has finished.
 */

/** Rows per write transaction: small enough to report progress often, large enough to be quick. */
export const CHUNK_ROWS = 200;
/** The report kept in the database is capped; the count of errors is always exact. */
export const MAX_STORED_ERRORS = 5_000;

interface RunningJob {
  view: ImportJobView;
  done: Promise<void>;
}
const running = new Map<string, RunningJob>();

export async function startImport(
  deps: Deps,
  actor: Actor,
  input: { fileBase64: string; mode: ImportModeValue },
): Promise<{ jobId: string }> {
  const file = Buffer.from(input.fileBase64, 'base64');
  const sheet = await readImportSheet(file);
  const id = newId('importJob');
  const now = deps.clock.now();
  await deps.db.insert(catalogImports).values({
    id,
    mode: input.mode,
    status: 'running',
    totalRows: sheet.rows.length,
    actorId: actor.actorId,
    createdAt: now,
  });
  const view: ImportJobView = {
    id,
    mode: input.mode,
    status: 'running',
    totalRows: sheet.rows.length,
    processedRows: 0,
    created: 0,
    updated: 0,
    errorCount: 0,
    errors: [],
    message: null,
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  const parsed = sheet.rows.map(({ row, raw }) => parseRow(raw, row));
  const job: RunningJob = {
    view,
    done: runJob(deps, actor, view, parsed)
      .catch((err: unknown) => {
        deps.log.error({ err, importId: id }, 'catalog import failed');
        view.status = 'failed';
        view.message = err instanceof Error ? err.message.slice(0, 500) : 'unexpected error';
        return finish(deps, actor, view);
      })
      // The job has no awaiting caller: a failure to even record the failure is logged, not thrown.
      .catch((err: unknown) => deps.log.error({ err, importId: id }, 'catalog import record failed'))
      .finally(() => running.delete(id)),
  };
  running.set(id, job);
  return { jobId: id };
}

/** Resolves when the job has finished and its record is written; tests await it instead of polling. */
export function importSettled(jobId: string): Promise<void> {
  return running.get(jobId)?.done ?? Promise.resolve();
}

export async function getImport(db: Db, id: string): Promise<ImportJobView> {
  const live = running.get(id);
  if (live) return { ...live.view, errors: live.view.errors.slice(0, MAX_STORED_ERRORS) };
  const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
  if (!row) throw catalogError('catalog.import_not_found', { field: 'params.id', detail: id });
  return {
    id: row.id,
    mode: row.mode,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    errorCount: row.errorCount,
    errors: row.errors as RowError[],
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
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

async function runJob(
  deps: Deps,
  actor: Actor,
  view: ImportJobView,
  parsed: ReturnType<typeof parseRow>[],
): Promise<void> {
  const plan = planImport(parsed, await lookupContext(deps.db, parsed));
  view.errors = plan.errors;
  view.errorCount = plan.errors.length;
  if (view.mode === 'validate' || (view.mode === 'import_all' && plan.errors.length > 0)) {
    view.processedRows = view.totalRows;
    view.status = view.mode === 'validate' ? 'validated' : 'rejected';
    return finish(deps, actor, view);
  }
  // Rows that will not be written count as handled from the start, so the bar ends at 100%.
  view.processedRows = view.totalRows - plan.goodRows;
  for (const chunk of chunks(plan)) {
    const rows = chunk.reduce((n, p) => n + p.rows.length, 0);
    try {
      const counts = await deps.db.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        for (const p of chunk) {
          if (p.kind === 'create') {
            await createProductTx(deps, tx, actor, p.input);
            created += 1;
          } else {
            const r = await updateProductTx(deps, tx, actor, p.productId, { ...p.fields, skus: p.skus });
            const s =
              p.status === null ? null : await setProductStatusTx(deps, tx, actor, p.productId, p.status);
            if (r.changed || (s !== null && s.status !== r.product.status)) updated += 1;
          }
        }
        await tx
          .update(catalogImports)
          .set({
            processedRows: view.processedRows + rows,
            created: view.created + created,
            updated: view.updated + updated,
          })
          .where(eq(catalogImports.id, view.id));
        return { created, updated };
      });
      view.created += counts.created;
      view.updated += counts.updated;
      view.processedRows += rows;
    } catch (err) {
      // Codes taken by another writer since validation: earlier chunks stay, this one rolled back.
      if (!(err instanceof DomainError)) throw err;
      view.status = 'failed';
      view.message = `row ${chunk[0]?.rows[0] ?? '?'}–${chunk.at(-1)?.rows.at(-1) ?? '?'}: ${err.message}`;
      return finish(deps, actor, view);
    }
  }
  view.status = 'completed';
  return finish(deps, actor, view);
}

/** Splits the planned products into write transactions of about CHUNK_ROWS rows; a product never splits. */
function* chunks(plan: ImportPlan): Generator<PlannedProduct[]> {
  let current: PlannedProduct[] = [];
  let rows = 0;
  for (const p of plan.products) {
    current.push(p);
    rows += p.rows.length;
    if (rows >= CHUNK_ROWS) {
      yield current;
      current = [];
      rows = 0;
    }
  }
  if (current.length > 0) yield current;
}

async function finish(deps: Deps, actor: Actor, view: ImportJobView): Promise<void> {
  const finishedAt = deps.clock.now();
  view.finishedAt = finishedAt.toISOString();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(catalogImports)
      .set({
        status: view.status,
        processedRows: view.processedRows,
        created: view.created,
        updated: view.updated,
        errorCount: view.errorCount,
        errors: view.errors.slice(0, MAX_STORED_ERRORS),
        message: view.message,
        finishedAt,
      })
      .where(eq(catalogImports.id, view.id));
    await recordAudit(tx, deps.clock, actor, {
      action: 'product.import',
      entityType: 'importJob',
      entityId: view.id,
      after: {
        mode: view.mode,
        status: view.status,
        totalRows: view.totalRows,
        created: view.created,
        updated: view.updated,
        errorCount: view.errorCount,
      },
    });
  });
}
