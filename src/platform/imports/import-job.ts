import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
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
 * file with any error; `import_valid_rows` writes the good rows.
 *
 * A job starts in the process that received the upload, but it does not live only there: the
 * uploaded file is kept in the job's record, each chunk records the spreadsheet rows it wrote in the
 * same transaction, and the process running a job holds a PostgreSQL advisory lock on it. If that
 * process dies (the lock goes with its connection), the `imports-resume` pg-boss job of any process
 * takes the job over and plans only the rows not yet written, so no row is written twice; a job that
 * cannot be resumed (no stored file, a file that no longer reads) is marked failed with a reason the
 * console shows. A fencing token (`runner`) checked by every chunk keeps a job from ever being run by
 * two processes at once, even if a lock's connection is lost while its process lives on.
 */

export type ImportMode = 'validate' | 'import_valid_rows' | 'import_all';
export type ImportStatus = 'running' | 'validated' | 'completed' | 'rejected' | 'failed';

export interface RowError {
  row: number;
  field: string;
  /** The column as the template's header names it ("手机号 phone"), where the module gives it. */
  column?: string;
  code: string;
  message: string;
  messageZh: string;
  /**
   * The row's cells as uploaded, by column key, where the module keeps them (on a row's first error)
   * for an error sheet; stored with the report, never part of the API's answer.
   */
  cells?: Readonly<Record<string, string | number | null>>;
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
  /** The spreadsheet rows this chunk writes: progress, and what a resumed job leaves out. */
  rowNumbers: readonly number[];
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

/** A file read by its module: its row count and how to plan it. */
export interface PreparedImport {
  totalRows: number;
  /**
   * Validates every row not in `done` against the database and groups the good ones into chunks.
   * `done` holds the rows an earlier run of the same job already wrote (empty on the first run).
   */
  plan(done: ReadonlySet<number>): Promise<ImportPlanOutcome>;
}

/** One kind of import (products, leaders ...), as the module declares it once. */
export interface ImportKind {
  /** The module's jobs table, with the columns of `catalog_imports`. */
  table: string;
  /** The audit action recorded when the job finishes, e.g. `product.import`. */
  auditAction: string;
  /**
   * Reads the uploaded file; throws the module's DomainError when it is not a usable sheet. `jobId`
   * is the job's id, for rows the module writes beside its own (a leader import's logins).
   */
  prepare(deps: Deps, actor: Actor, file: Buffer, jobId: string): Promise<PreparedImport>;
}

/** Rows per write transaction: small enough to report progress often, large enough to be quick. */
export const CHUNK_ROWS = 200;
/** The report kept in the database is capped; the count of errors is always exact. */
export const MAX_STORED_ERRORS = 5_000;

/** The message a job gets when it cannot be taken over after its process died. */
const NOT_RESUMABLE =
  '导入在服务重启时中断且无法继续，请重新上传文件 / The import was interrupted by a restart and cannot be resumed; upload the file again';

interface RunningJob {
  table: string;
  view: ImportJobView;
  done: Promise<void>;
  /** Set by stopImportJobs: the job stops before its next chunk and stays `running` for a takeover. */
  stop: boolean;
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

/** The run of one job in this process: who it writes as, its fencing token and its lock. */
interface Run {
  deps: Deps;
  kind: ImportKind;
  actor: Actor;
  runner: string;
  lock: JobLock;
  view: ImportJobView;
  prepared: PreparedImport;
  done: ReadonlySet<number>;
}

/**
 * The advisory lock that says "a live process runs this job", on a connection of its own: it goes
 * away with the process, which is how a takeover knows the job is orphaned.
 */
interface JobLock {
  release(): Promise<void>;
}

async function tryLockJob(
  pool: pg.Pool,
  table: string,
  id: string,
  log: Deps['log'],
): Promise<JobLock | null> {
  // A connection of its own, outside the pool: jobs holding pool connections for their whole run
  // could otherwise take every connection their own chunks need.
  const client = new pg.Client({ ...pool.options, application_name: 'tuanflow-import' });
  // A connection lost meanwhile emits 'error'; the fencing token makes the loss harmless, so it is
  // logged, never left to crash the process.
  client.on('error', (err) => log.warn({ err, importId: id }, 'import lock connection lost'));
  await client.connect();
  let locked = false;
  try {
    const r = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok',
      [table, id],
    );
    locked = r.rows[0]?.ok === true;
  } finally {
    if (!locked) await client.end().catch(() => {});
  }
  if (!locked) return null;
  return {
    // Closing the connection releases its lock, also when the connection is already broken.
    release: () => client.end().catch(() => {}),
  };
}

export async function startImportJob(
  deps: Deps,
  actor: Actor,
  kind: ImportKind,
  input: { mode: ImportMode; file: Buffer },
): Promise<{ jobId: string }> {
  const id = newId('importJob');
  const prepared = await kind.prepare(deps, actor, input.file, id);
  const runner = randomBytes(9).toString('base64url');
  const lock = await tryLockJob(deps.pool, kind.table, id, deps.log);
  if (!lock) throw new Error(`import ${id}: its new lock is taken`);
  const now = deps.clock.now();
  try {
    await deps.db.execute(sql`
      insert into ${sql.identifier(kind.table)} (id, mode, status, total_rows, actor_id, created_at, file, actor, runner)
      values (${id}, ${input.mode}, 'running', ${prepared.totalRows}, ${actor.actorId}, ${now.toISOString()}::timestamptz,
        ${input.file}, ${JSON.stringify(actor)}::jsonb, ${runner})`);
  } catch (err) {
    await lock.release();
    throw err;
  }
  const view = newView(id, input.mode, prepared.totalRows, now.toISOString());
  launch({ deps, kind, actor, runner, lock, view, prepared, done: new Set() });
  return { jobId: id };
}

function newView(id: string, mode: ImportMode, totalRows: number, createdAt: string): ImportJobView {
  return {
    id,
    mode,
    status: 'running',
    totalRows,
    processedRows: 0,
    created: 0,
    updated: 0,
    errorCount: 0,
    errors: [],
    message: null,
    createdAt,
    finishedAt: null,
  };
}

function launch(run: Run): RunningJob {
  const { deps, view } = run;
  const job: RunningJob = { table: run.kind.table, view, stop: false, done: Promise.resolve() };
  job.done = runJob(run, job)
    .catch((err: unknown) => {
      if (err instanceof LostJob) {
        deps.log.warn({ importId: view.id }, 'import taken over by another process; this run stops');
        return;
      }
      deps.log.error({ err, importId: view.id, table: run.kind.table }, 'import failed');
      view.status = 'failed';
      view.message = err instanceof Error ? err.message.slice(0, 500) : 'unexpected error';
      return finish(run);
    })
    // The job has no awaiting caller: a failure to even record the failure is logged, not thrown.
    .catch((err: unknown) => deps.log.error({ err, importId: view.id }, 'import record failed'))
    .finally(async () => {
      running.delete(view.id);
      await run.lock.release();
    });
  running.set(view.id, job);
  return job;
}

/** Resolves when the job has finished and its record is written; tests await it instead of polling. */
export function importJobSettled(jobId: string): Promise<void> {
  return running.get(jobId)?.done ?? Promise.resolve();
}

/**
 * Stops every job running in this process after the chunk it is writing, leaving each `running`
 * with its progress for a takeover, as a process that dies between two chunks would. For a quick
 * shutdown, and for tests of the takeover.
 */
export async function stopImportJobs(): Promise<void> {
  const jobs = [...running.values()];
  for (const j of jobs) j.stop = true;
  await Promise.all(jobs.map((j) => j.done));
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
  // Named columns: the stored file is not read to show progress.
  const r = await db.execute<JobRecord>(sql`
    select id, mode, status, total_rows, processed_rows, created, updated, error_count, errors, message,
      created_at, finished_at
    from ${sql.identifier(table)} where id = ${id}`);
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

/** This run's fencing token is no longer the job's: another process has taken it over. */
class LostJob extends Error {}

async function runJob(run: Run, job: RunningJob): Promise<void> {
  const { deps, view } = run;
  const plan = await run.prepared.plan(run.done);
  view.errors = [...plan.errors].sort((a, b) => a.row - b.row);
  view.errorCount = plan.errors.length;
  if (view.mode === 'validate' || (view.mode === 'import_all' && plan.errors.length > 0)) {
    view.processedRows = view.totalRows;
    view.status = view.mode === 'validate' ? 'validated' : 'rejected';
    return finish(run);
  }
  // Rows that will not be written (and rows an earlier run wrote) count as handled from the start,
  // so the bar ends at 100%.
  view.processedRows = view.totalRows - plan.goodRows;
  const table = sql.identifier(run.kind.table);
  for (const chunk of plan.chunks) {
    if (job.stop) return;
    const rows = chunk.rowNumbers.length;
    try {
      const counts = await deps.db.transaction(async (tx) => {
        // The record's row lock and token first: a job taken over elsewhere writes nothing here.
        const mine = await tx.execute(sql`
          select 1 from ${table} where id = ${view.id} and runner = ${run.runner} and status = 'running' for update`);
        if (mine.rows.length === 0) throw new LostJob();
        const c = await chunk.write(tx);
        await tx.execute(sql`
          update ${table} set processed_rows = ${view.processedRows + rows},
            created = created + ${c.created}, updated = updated + ${c.updated},
            done_rows = done_rows || ${`{${chunk.rowNumbers.join(',')}}`}::integer[]
          where id = ${view.id}`);
        return c;
      });
      view.created += counts.created;
      view.updated += counts.updated;
      view.processedRows += rows;
    } catch (err) {
      // Codes taken by another writer since validation: earlier chunks stay, this one rolled back.
      if (!(err instanceof DomainErrorClass)) throw err;
      view.status = 'failed';
      view.message = `${chunk.label}: ${err.message}`;
      return finish(run);
    }
  }
  view.status = 'completed';
  return finish(run);
}

/** Writes the outcome, once, by the run that holds the job; the stored file is no longer needed. */
async function finish(run: Run): Promise<void> {
  const { deps, view } = run;
  const finishedAt = deps.clock.now();
  view.finishedAt = finishedAt.toISOString();
  await deps.db.transaction(async (tx) => {
    // created/updated are the record's own totals (they include an earlier run's chunks).
    const r = await tx.execute<{ created: number; updated: number }>(sql`
      update ${sql.identifier(run.kind.table)} set status = ${view.status}, processed_rows = ${view.processedRows},
        error_count = ${view.errorCount},
        errors = ${JSON.stringify(view.errors.slice(0, MAX_STORED_ERRORS))}::jsonb, message = ${view.message},
        finished_at = ${finishedAt.toISOString()}::timestamptz, file = null
      where id = ${view.id} and runner = ${run.runner} and status = 'running'
      returning created, updated`);
    const row = r.rows[0];
    if (!row) throw new LostJob();
    view.created = row.created;
    view.updated = row.updated;
    await recordAudit(tx, deps.clock, run.actor, {
      action: run.kind.auditAction,
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

type OrphanRecord = {
  mode: ImportMode;
  total_rows: number;
  created: number;
  updated: number;
  created_at: Date | string;
  file: Buffer | null;
  actor: Actor | null;
  done_rows: number[];
};

/**
 * Takes over the jobs whose process died: every `running` job of these kinds that no live process
 * holds the lock of is resumed from its stored file, leaving out the rows already written, or, when
 * that is impossible, marked failed with a reason. Run by the `imports-resume` pg-boss job; waits
 * for the jobs it resumes.
 */
export async function resumeImportJobs(
  deps: Deps,
  kinds: readonly ImportKind[],
): Promise<{ resumed: string[]; failed: string[] }> {
  const out = { resumed: [] as string[], failed: [] as string[] };
  const waits: Promise<void>[] = [];
  for (const kind of kinds) {
    const table = sql.identifier(kind.table);
    const ids = await deps.db.execute<{ id: string }>(
      sql`select id from ${table} where status = 'running' order by created_at, id`,
    );
    for (const { id } of ids.rows) {
      if (running.has(id)) continue;
      const lock = await tryLockJob(deps.pool, kind.table, id, deps.log);
      if (!lock) continue;
      const runner = randomBytes(9).toString('base64url');
      let handed = false;
      try {
        const r = await deps.db.execute<OrphanRecord>(sql`
          update ${table} set runner = ${runner} where id = ${id} and status = 'running'
          returning mode, total_rows, created, updated, created_at, file, actor, done_rows`);
        const rec = r.rows[0];
        if (!rec) continue;
        const actor: Actor = rec.actor ?? { actorId: null, actorName: 'system', requestId: null, ip: null };
        const view = newView(id, rec.mode, rec.total_rows, new Date(rec.created_at).toISOString());
        view.created = rec.created;
        view.updated = rec.updated;
        let prepared: PreparedImport;
        try {
          if (!rec.file) throw new Error('no stored file (the job started before files were kept)');
          prepared = await kind.prepare(deps, actor, rec.file, id);
        } catch (err) {
          deps.log.error({ err, importId: id }, 'import cannot be resumed');
          view.status = 'failed';
          view.message = `${NOT_RESUMABLE} (${err instanceof Error ? err.message.slice(0, 200) : 'unexpected error'})`;
          await finish({ deps, kind, actor, runner, lock, view, prepared: EMPTY, done: new Set() });
          out.failed.push(id);
          continue;
        }
        deps.log.warn(
          { importId: id, doneRows: rec.done_rows.length },
          'resuming an import whose process died',
        );
        const job = launch({ deps, kind, actor, runner, lock, view, prepared, done: new Set(rec.done_rows) });
        handed = true;
        waits.push(job.done);
        out.resumed.push(id);
      } finally {
        if (!handed) await lock.release();
      }
    }
  }
  await Promise.all(waits);
  return out;
}

const EMPTY: PreparedImport = {
  totalRows: 0,
  plan: async () => ({ errors: [], goodRows: 0, chunks: [] }),
};
