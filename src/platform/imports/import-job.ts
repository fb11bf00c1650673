import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/index.js';
import type { Db, Tx } from '../db/database.js';
import type { Deps } from '../deps.js';
import { type DomainError, DomainError as DomainErrorClass } from '../errors.js';
import { newId } from '../ids.js';

/**
 * The import job (导入任务) shared by every xlsx import. The module reads and parses the upload
 * first (a file that is not a usable sheet is a 400 and no job), then this runner validates every
 * row through the module's `plan` and, by mode, writes the good rows in chunks: each chunk one
 * transaction with its audit records and events, so progress is visible and a very large file never
 * holds one huge transaction. Modes: `validate` writes nothing; `import_all` writes nothing from a
 * file with any error; `import_valid_rows` writes the good rows. Jobs run in this process; the
 * module's jobs table (same columns as `catalog_imports`) keeps the outcome for any process.
 */

export type ImportMode = 'validate' | 'import_valid_rows' | 'import_all';
export type ImportStatus = 'running' | 'validated' | 'completed' | 'rejected' | 'failed';

export interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

export interface ImportJobView {
  id: string;
  mode: ImportMode;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  errorCount: number;
  errors: RowError[];
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One write transaction's worth of good rows. */
export interface ImportChunk {
  /** Spreadsheet rows this chunk writes (for progress). */
  rows: number;
  /** How a failure names the chunk, e.g. "row 2–201". */
  label: string;
  write(tx: Tx): Promise<{ created: number; updated: number }>;
}

export interface ImportPlanOutcome {
  errors: RowError[];
  /** Rows that will be written when the good rows are imported. */
  goodRows: number;
  chunks: Iterable<ImportChunk>;
}

export interface ImportJobSpec {
  /** The module's jobs table, with the columns of `catalog_imports`. */
  table: string;
  /** The audit action recorded when the job finishes, e.g. `product.import`. */
  auditAction: string;
  mode: ImportMode;
  totalRows: number;
  /** Validates every row against the database and groups the good ones into chunks. */
  plan(): Promise<ImportPlanOutcome>;
}

/** Rows per write transaction: small enough to report progress often, large enough to be quick. */
export const CHUNK_ROWS = 200;
/** The report kept in the database is capped; the count of errors is always exact. */
export const MAX_STORED_ERRORS = 5_000;

interface RunningJob {
  table: string;
  view: ImportJobView;
  done: Promise<void>;
}
const running = new Map<string, RunningJob>();

/** Splits items into chunks of about CHUNK_ROWS spreadsheet rows; an item never splits. */
export function* chunkByRows<T>(items: Iterable<T>, rowsOf: (t: T) => number): Generator<T[]> {
  let current: T[] = [];
  let rows = 0;
  for (const item of items) {
    current.push(item);
    rows += rowsOf(item);
    if (rows >= CHUNK_ROWS) {
      yield current;
      current = [];
      rows = 0;
    }
  }
  if (current.length > 0) yield current;
}

export async function startImportJob(
  deps: Deps,
  actor: Actor,
  spec: ImportJobSpec,
): Promise<{ jobId: string }> {
  const id = newId('importJob');
  const now = deps.clock.now();
  await deps.db.execute(sql`
    insert into ${sql.identifier(spec.table)} (id, mode, status, total_rows, actor_id, created_at)
    values (${id}, ${spec.mode}, 'running', ${spec.totalRows}, ${actor.actorId}, ${now.toISOString()}::timestamptz)`);
  const view: ImportJobView = {
    id,
    mode: spec.mode,
    status: 'running',
    totalRows: spec.totalRows,
    processedRows: 0,
    created: 0,
    updated: 0,
    errorCount: 0,
    errors: [],
    message: null,
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  const job: RunningJob = {
    table: spec.table,
    view,
    done: runJob(deps, actor, view, spec)
      .catch((err: unknown) => {
        deps.log.error({ err, importId: id, table: spec.table }, 'import failed');
        view.status = 'failed';
        view.message = err instanceof Error ? err.message.slice(0, 500) : 'unexpected error';
        return finish(deps, actor, view, spec);
      })
      // The job has no awaiting caller: a failure to even record the failure is logged, not thrown.
      .catch((err: unknown) => deps.log.error({ err, importId: id }, 'import record failed'))
      .finally(() => running.delete(id)),
  };
  running.set(id, job);
  return { jobId: id };
}

/** Resolves when the job has finished and its record is written; tests await it instead of polling. */
export function importJobSettled(jobId: string): Promise<void> {
  return running.get(jobId)?.done ?? Promise.resolve();
}

type JobRecord = {
  id: string;
  mode: ImportMode;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  created: number;
  updated: number;
  error_count: number;
  errors: RowError[];
  message: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
};

/** The job's progress and report: live while it runs here, from its record otherwise. */
export async function getImportJob(
  db: Db,
  table: string,
  id: string,
  notFound: () => DomainError,
): Promise<ImportJobView> {
  const live = running.get(id);
  if (live && live.table === table)
    return { ...live.view, errors: live.view.errors.slice(0, MAX_STORED_ERRORS) };
  const r = await db.execute<JobRecord>(sql`select * from ${sql.identifier(table)} where id = ${id}`);
  const row = r.rows[0];
  if (!row) throw notFound();
  return {
    id: row.id,
    mode: row.mode,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    created: row.created,
    updated: row.updated,
    errorCount: row.error_count,
    errors: row.errors,
    message: row.message,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}

async function runJob(deps: Deps, actor: Actor, view: ImportJobView, spec: ImportJobSpec): Promise<void> {
  const plan = await spec.plan();
  view.errors = [...plan.errors].sort((a, b) => a.row - b.row);
  view.errorCount = plan.errors.length;
  if (view.mode === 'validate' || (view.mode === 'import_all' && plan.errors.length > 0)) {
    view.processedRows = view.totalRows;
    view.status = view.mode === 'validate' ? 'validated' : 'rejected';
    return finish(deps, actor, view, spec);
  }
  // Rows that will not be written count as handled from the start, so the bar ends at 100%.
  view.processedRows = view.totalRows - plan.goodRows;
  const table = sql.identifier(spec.table);
  for (const chunk of plan.chunks) {
    try {
      const counts = await deps.db.transaction(async (tx) => {
        const c = await chunk.write(tx);
        await tx.execute(sql`
          update ${table} set processed_rows = ${view.processedRows + chunk.rows},
            created = ${view.created + c.created}, updated = ${view.updated + c.updated}
          where id = ${view.id}`);
        return c;
      });
      view.created += counts.created;
      view.updated += counts.updated;
      view.processedRows += chunk.rows;
    } catch (err) {
      // Codes taken by another writer since validation: earlier chunks stay, this one rolled back.
      if (!(err instanceof DomainErrorClass)) throw err;
      view.status = 'failed';
      view.message = `${chunk.label}: ${err.message}`;
      return finish(deps, actor, view, spec);
    }
  }
  view.status = 'completed';
  return finish(deps, actor, view, spec);
}

async function finish(deps: Deps, actor: Actor, view: ImportJobView, spec: ImportJobSpec): Promise<void> {
  const finishedAt = deps.clock.now();
  view.finishedAt = finishedAt.toISOString();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`
      update ${sql.identifier(spec.table)} set status = ${view.status}, processed_rows = ${view.processedRows},
        created = ${view.created}, updated = ${view.updated}, error_count = ${view.errorCount},
        errors = ${JSON.stringify(view.errors.slice(0, MAX_STORED_ERRORS))}::jsonb, message = ${view.message},
        finished_at = ${finishedAt.toISOString()}::timestamptz
      where id = ${view.id}`);
    await recordAudit(tx, deps.clock, actor, {
      action: spec.auditAction,
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
