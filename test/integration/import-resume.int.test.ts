import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADER_IMPORT_COLUMNS, leaderImportSettled } from '../../src/modules/leaders/index.js';
import { JOB_KINDS } from '../../src/modules.js';
import { newId } from '../../src/platform/ids.js';
import { headerText, stopImportJobs } from '../../src/platform/imports/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { HEADER, sheetOf } from './catalog-support.js';
import { makeRegion } from './commission-period-support.js';
import { call } from './support.js';

/**
 * Import jobs outlive the process that started them: a job whose process died is taken over by the
 * `imports-resume` pg-boss job and finishes without writing any row twice, or fails with a reason.
 */
let t: TestApp;
let operator: Session;

beforeAll(async () => {
  t = await createTestApp();
  operator = await sessionFor(t, ['operator']);
});
afterAll(() => t.close());

const resumeKind = JOB_KINDS.find((k) => k.name === 'imports-resume');

async function runResume(): Promise<{ resumed: string[]; failed: string[] }> {
  if (!resumeKind) throw new Error('no imports-resume job kind');
  return (await resumeKind.run(t.tdb.deps)) as { resumed: string[]; failed: string[] };
}

async function record(table: string, id: string) {
  const r = await t.tdb.deps.pool.query<{
    status: string;
    processed_rows: number;
    created: number;
    done: number;
    has_file: boolean;
    message: string | null;
  }>(
    `SELECT status, processed_rows, created, cardinality(done_rows) AS done, file IS NOT NULL AS has_file, message
     FROM ${table} WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}

const code = (i: number) => `RES-${String(i).padStart(4, '0')}`;

describe('a product import whose process dies after a chunk', () => {
  it('is resumed by the imports-resume job from the next chunk, every row written once', async () => {
    expect(resumeKind?.cron).toBe('* * * * *');
    const rows = Array.from({ length: 600 }, (_, i) => [
      code(i),
      `续传商品 ${i}`,
      null,
      '件',
      null,
      null,
      null,
      null,
      `${code(i)}-1`,
      '标准',
      null,
      10,
      5,
    ]);
    const fileBase64 = await sheetOf(HEADER, rows);

    // A product of the second chunk is being written by someone else: that chunk waits for it.
    const blocker = new pg.Client({ connectionString: t.tdb.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO catalog_products (id, code, name, unit, created_at, updated_at) VALUES ($1, $2, 'x', '件', now(), now())`,
      [newId('product'), code(300)],
    );
    const res = await call(t, operator, 'POST', '/api/catalog/imports', { fileBase64, mode: 'import_all' });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    await expect
      .poll(async () => (await record('catalog_imports', jobId))?.processed_rows, { timeout: 20_000 })
      .toBe(200);

    // The process "dies" after the chunk it is writing: the second chunk commits once the other
    // writer gives up, the third never starts.
    const stopped = stopImportJobs();
    await blocker.query('ROLLBACK');
    await blocker.end();
    await stopped;
    expect(await record('catalog_imports', jobId)).toMatchObject({
      status: 'running',
      processed_rows: 400,
      created: 400,
      done: 400,
      has_file: true,
    });
    const midway = await call(t, operator, 'GET', `/api/catalog/imports/${jobId}`);
    expect(midway.json()).toMatchObject({ status: 'running', processedRows: 400, created: 400 });

    // Another process's job runner takes it over.
    expect(await runResume()).toEqual({ resumed: [jobId], failed: [] });
    expect(await record('catalog_imports', jobId)).toMatchObject({
      status: 'completed',
      processed_rows: 600,
      created: 600,
      done: 600,
      has_file: false,
    });
    const job = await call(t, operator, 'GET', `/api/catalog/imports/${jobId}`);
    expect(job.json()).toMatchObject({
      status: 'completed',
      totalRows: 600,
      processedRows: 600,
      created: 600,
    });

    const counts = await t.tdb.deps.pool.query<{
      products: number;
      skus: number;
      audits: number;
      finished: number;
    }>(
      `SELECT (SELECT count(*)::int FROM catalog_products WHERE code LIKE 'RES-%') AS products,
              (SELECT count(*)::int FROM catalog_skus WHERE code LIKE 'RES-%') AS skus,
              (SELECT count(*)::int FROM audit_log WHERE action = 'product.create'
                 AND entity_id IN (SELECT id FROM catalog_products WHERE code LIKE 'RES-%')) AS audits,
              (SELECT count(*)::int FROM audit_log WHERE action = 'product.import' AND entity_id = $1) AS finished`,
      [jobId],
    );
    expect(counts.rows[0]).toEqual({ products: 600, skus: 600, audits: 600, finished: 1 });
    // Nothing is left to take over.
    expect(await runResume()).toEqual({ resumed: [], failed: [] });
  });
});

describe('a job left running', () => {
  async function orphan(table: string, file: Buffer | null): Promise<string> {
    const id = newId('importJob');
    await t.tdb.deps.pool.query(
      `INSERT INTO ${table} (id, mode, status, total_rows, created_at, file) VALUES ($1, 'import_all', 'running', 3, now(), $2)`,
      [id, file],
    );
    return id;
  }

  it('is not taken over while a live process holds it', async () => {
    const id = await orphan('leader_imports', Buffer.from('still running elsewhere'));
    const holder = new pg.Client({ connectionString: t.tdb.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', ['leader_imports', id]);
      expect(await runResume()).toEqual({ resumed: [], failed: [] });
      expect(await record('leader_imports', id)).toMatchObject({ status: 'running', has_file: true });
    } finally {
      await holder.end();
    }
    // Its process gone, the job is taken over: this file is no spreadsheet, so it fails visibly.
    expect(await runResume()).toEqual({ resumed: [], failed: [id] });
  });

  it('fails with a reason the console shows when it cannot be resumed', async () => {
    const id = await orphan('leader_imports', null);
    expect(await runResume()).toEqual({ resumed: [], failed: [id] });
    const res = await call(t, operator, 'GET', `/api/leaders/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed' });
    expect(res.json<{ message: string }>().message).toMatch(
      /请重新上传文件.*upload the file again.*no stored file/,
    );
    const audit = await t.tdb.deps.pool.query(
      `SELECT 1 FROM audit_log WHERE action = 'leader.import' AND entity_id = $1`,
      [id],
    );
    expect(audit.rowCount).toBe(1);
  });
});

describe('a leader import resumed after some rows were written', () => {
  async function leaderSheet(rows: Record<string, string>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('团长 Leaders');
    ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => headerText(c)));
    for (const r of rows) ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('plans only the rest, finding the referrers an earlier run wrote as existing leaders', async () => {
    const admin = await sessionFor(t, ['admin']);
    await makeRegion(t.tdb, '续传区');
    const row = (phone: string, code: string, referrer?: string) => ({
      name: `续传${phone.slice(-4)}`,
      phone,
      region: '续传区',
      code,
      ...(referrer ? { referrer_code: referrer } : {}),
      pickup_name: '续传自提点',
      pickup_address: '杭州市西湖区续传路 1 号',
    });
    const first = [row('13700000001', 'RSMA'), row('13700000002', 'RSMB', 'RSMA')];
    const all = [...first, row('13700000003', 'RSMC', 'RSMA')];
    // The rows a dead process had written (spreadsheet rows 2 and 3), written here by a whole job.
    const res = await call(t, admin, 'POST', '/api/leaders/imports', {
      fileBase64: (await leaderSheet(first)).toString('base64'),
      mode: 'import_all',
    });
    expect(res.statusCode, res.body).toBe(202);
    await leaderImportSettled(res.json<{ jobId: string }>().jobId);
    // The job of the whole file, as that process left it: rows 2 and 3 done, no process holding it.
    const id = newId('importJob');
    await t.tdb.deps.pool.query(
      `INSERT INTO leader_imports (id, mode, status, total_rows, processed_rows, created, done_rows, created_at, file)
       VALUES ($1, 'import_all', 'running', 3, 2, 2, '{2,3}', now(), $2)`,
      [id, await leaderSheet(all)],
    );
    expect(await runResume()).toEqual({ resumed: [id], failed: [] });
    const job = await call(t, admin, 'GET', `/api/leaders/imports/${id}`);
    expect(job.json()).toMatchObject({
      status: 'completed',
      totalRows: 3,
      processedRows: 3,
      created: 3,
      errorCount: 0,
    });
    // RSMA... are links inside the file, not share codes: the leaders are told apart by name.
    const leaders = await t.tdb.deps.pool.query<{ name: string; referrer: string | null }>(
      `SELECT l.name, r.name AS referrer FROM leaders l LEFT JOIN leaders r ON r.id = l.referrer_id
       WHERE l.name LIKE '续传%' ORDER BY l.name`,
    );
    expect(leaders.rows).toEqual([
      { name: '续传0001', referrer: null },
      { name: '续传0002', referrer: '续传0001' },
      { name: '续传0003', referrer: '续传0001' },
    ]);
    // One login per leader: the resumed job made only row 4's, the rows an earlier run wrote kept theirs.
    const logins = await t.tdb.deps.pool.query<{ n: number; users: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT l.user_id)::int AS users FROM leaders l
       JOIN users u ON u.id = l.user_id WHERE l.name LIKE '续传%'`,
    );
    expect(logins.rows[0]).toEqual({ n: 3, users: 3 });
    const sheet = await t.tdb.deps.pool.query<{ row: number }>(
      'SELECT row FROM leader_import_credentials WHERE import_id = $1',
      [id],
    );
    expect(sheet.rows).toEqual([{ row: 4 }]);
  });
});
