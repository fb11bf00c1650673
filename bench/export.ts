import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import pino from 'pino';
import { leaderExportColumns, leaderPages } from '../src/modules/leaders/index.js';
import {
  listOrders,
  ORDER_EXPORT_PAGE,
  orderExportColumns,
  orderExportPages,
} from '../src/modules/orders/index.js';
import { SecretKey } from '../src/platform/config.js';
import { FieldCrypto } from '../src/platform/crypto.js';
import { openDatabase } from '../src/platform/db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { type ExportColumn, xlsxExport } from '../src/platform/http/xlsx-export.js';
import { codeOf, recreateDatabase, serverOption } from './bench-db.js';
import { freePort, numberFlag, round } from './flash-sale-support.js';

/**
 * bench/export: the order center's and the leaders list's xlsx exports at scale. On a fresh
 * embedded PostgreSQL, loads ORDERS orders (default 200,000) of CUSTOMERS customers through LEADERS
 * leaders, every phone encrypted as the application stores it, then exports them all:
 * - streamed: the routes' own pipeline (`orderPages` keyset pages in one snapshot → `xlsxExport`,
 *   ExcelJS's streaming writer), the file read back with ExcelJS's streaming reader to count its rows;
 * - whole (the baseline, what the export did before session 7): one query for every row, an
 *   in-memory ExcelJS workbook, `writeBuffer`.
 * Reports rows per second, the time to the first byte and the peak memory (RSS above the level at
 * the phase's start) of each. Prints one JSON object.
 * Usage: npm run bench:export [-- --orders 200000 --leaders 20000]
 */
const ORDERS = numberFlag('orders', 200_000);
const LEADERS = numberFlag('leaders', 20_000);
const CUSTOMERS = 50_000;

/** The export as the order center built it before: every row in one list, the workbook in memory. */
async function wholeWorkbook<R>(sheet: string, columns: readonly ExportColumn<R>[], rows: readonly R[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.addRow([`合计 Total: ${rows.length}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads an xlsx stream with ExcelJS's streaming reader: its data rows (header and total excluded). */
async function countRows(file: Readable): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  for await (const sheet of reader) for await (const _row of sheet) rows += 1;
  return rows - 2;
}

async function main(): Promise<void> {
  const server = serverOption();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-export-'));
  const embedded = server ? null : await startEmbeddedPostgres({ dir, port: await freePort() });
  let database: ReturnType<typeof openDatabase> | undefined;
  let load: pg.Pool | undefined;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  /** Runs `fn`, reporting its seconds and the peak RSS above the RSS at its start (MB). */
  const measure = async <T>(fn: () => Promise<T>) => {
    const before = process.memoryUsage().rss;
    peak = before;
    const t0 = performance.now();
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - t0) / 1000, peakMb: round((peak - before) / 2 ** 20) };
  };
  try {
    let url: string;
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, 'tuanflow');
      url = embedded.urlFor('tuanflow');
    } else url = await recreateDatabase(server?.adminUrl ?? '', 'tuanflow_bench_export');
    await runMigrations(url);
    database = openDatabase(url, { max: 4, applicationName: 'tuanflow-bench-export' });
    load = new pg.Pool({ connectionString: url, max: 1, application_name: 'tuanflow-bench-load' });
    const q = (text: string, params: unknown[] = []) => (load as pg.Pool).query(text, params);
    const crypto = new FieldCrypto(new SecretKey(randomBytes(64)));
    const phone = (i: number) => `13${String(100_000_000 + i).slice(-9)}`;

    const t0 = performance.now();
    await q(
      `INSERT INTO regions (id, code, name, level, created_at) VALUES ('reg_bx', 'BX', '导出区域', 'area', now())`,
    );
    const leaderPhones = Array.from({ length: LEADERS }, (_, i) => phone(i + 1));
    await q(
      `INSERT INTO leaders (id, code, name, phone_enc, phone_hash, region_id, status, created_at, updated_at)
       SELECT 'ldr_bx' || lpad(i::text, 8, '0'), ($1::text[])[i], '团长' || i, ($2::text[])[i], ($3::text[])[i],
              'reg_bx', 'active', now() - i * interval '1 second', now()
       FROM generate_series(1, $4::int) i`,
      [
        Array.from({ length: LEADERS }, (_, i) => codeOf(i + 1)),
        leaderPhones.map((p) => crypto.encrypt(p)),
        leaderPhones.map((p) => crypto.hash(p)),
        LEADERS,
      ],
    );
    await q(
      `INSERT INTO pickup_points (id, leader_id, name, address, region_id, created_at, updated_at)
       SELECT 'pp_bx' || substr(id, 7), id, name || '的自提点', '某市某路 ' || substr(id, 7) || ' 号', 'reg_bx', now(), now()
       FROM leaders`,
    );
    await q(
      `INSERT INTO campaigns (id, code, name, starts_at, ends_at, cutoff_at, delivery_date, state, created_at, updated_at)
       VALUES ('cmp_bx', 'BX1', '导出基准团购', now() - interval '3 days', now(), now(), current_date, 'closed', now(), now())`,
    );
    const customerPhones = Array.from({ length: CUSTOMERS }, (_, i) => phone(500_000 + i));
    await q(
      `INSERT INTO customers (id, phone_enc, phone_hash, name, created_at, updated_at)
       SELECT 'cus_bx' || lpad(i::text, 8, '0'), ($1::text[])[i], ($2::text[])[i], '用户' || i, now(), now()
       FROM generate_series(1, $3::int) i`,
      [customerPhones.map((p) => crypto.encrypt(p)), customerPhones.map((p) => crypto.hash(p)), CUSTOMERS],
    );
    // Orders of one batch share their placed_at, as group commit writes them: 50 per moment.
    await q(
      `INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                           pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
       SELECT 'ord_bx' || lpad(i::text, 9, '0'), 'cmp_bx', 'ldr_bx' || lpad((1 + i % $2)::text, 8, '0'),
              'cus_bx' || lpad((1 + i % $3)::text, 8, '0'), 'pp_bx' || lpad((1 + i % $2)::text, 8, '0'),
              'paid', 990 + (i * 37 % 20000), 1 + i % 4, lpad((i % 1000000)::text, 6, '0'), 'bx-' || i,
              now() - (i / 50) * interval '1 second', now(), now()
       FROM generate_series(1, $1::int) i`,
      [ORDERS, LEADERS, CUSTOMERS],
    );
    await q('ANALYZE');
    const loadSeconds = (performance.now() - t0) / 1000;
    const db = database.db;
    const log = pino({ level: 'silent' });

    // 1. Orders, streamed: the route's pipeline, saved to a file as a browser saves the download,
    // then read back.
    const saved = path.join(dir, 'orders.xlsx');
    let firstByteMs = 0;
    const streamed = await measure(async () => {
      const start = performance.now();
      const file = xlsxExport(
        db,
        '订单 Orders',
        orderExportColumns('Asia/Shanghai'),
        orderExportPages(crypto, {}, ORDER_EXPORT_PAGE),
        log,
      );
      file.once('data', () => {
        firstByteMs = performance.now() - start;
      });
      await pipeline(file, createWriteStream(saved));
      return statSync(saved).size;
    });
    const streamedRows = await countRows(createReadStream(saved));

    // 2. Orders, whole: every row in one query, the workbook in memory (the baseline).
    let wholeFirstByteMs = 0;
    const whole = await measure(async () => {
      const start = performance.now();
      const list = await listOrders(db, crypto, { page: 1, pageSize: ORDERS });
      // The baseline leaves out the streamed sheet's per-page look-up (pickup codes and refunds).
      const rows = list.items.map((i) => ({ ...i, pickupCode: '', refundedFen: 0 }));
      const buf = await wholeWorkbook('订单 Orders', orderExportColumns('Asia/Shanghai'), rows);
      wholeFirstByteMs = performance.now() - start;
      return buf;
    });

    // 3. Leaders, streamed.
    const leadersStreamed = await measure(async () => {
      const file = xlsxExport(
        db,
        '团长 Leaders',
        leaderExportColumns('Asia/Shanghai'),
        leaderPages(crypto, {}, 2_000),
        log,
      );
      let bytes = 0;
      for await (const chunk of file) bytes += (chunk as Buffer).length;
      return bytes;
    });

    const cpus = os.cpus();
    const result = {
      bench: 'export',
      orders: ORDERS,
      leaders: LEADERS,
      load_s: round(loadSeconds),
      streamed: {
        rows: streamedRows,
        seconds: round(streamed.seconds),
        rows_per_s: Math.round(ORDERS / streamed.seconds),
        first_byte_ms: round(firstByteMs),
        file_mb: round(streamed.value / 2 ** 20),
        peak_rss_above_start_mb: streamed.peakMb,
      },
      whole: {
        seconds: round(whole.seconds),
        rows_per_s: Math.round(ORDERS / whole.seconds),
        first_byte_ms: round(wholeFirstByteMs),
        file_mb: round(whole.value.length / 2 ** 20),
        peak_rss_above_start_mb: whole.peakMb,
      },
      ratio_memory_whole_vs_streamed: round(whole.peakMb / Math.max(1, streamed.peakMb)),
      ratio_speed_streamed_vs_whole: round(whole.seconds / streamed.seconds),
      leaders_streamed: {
        rows: LEADERS,
        seconds: round(leadersStreamed.seconds),
        rows_per_s: Math.round(LEADERS / leadersStreamed.seconds),
        file_mb: round(leadersStreamed.value / 2 ** 20),
        peak_rss_above_start_mb: leadersStreamed.peakMb,
      },
      rows_ok: streamedRows === ORDERS,
      postgres: embedded ? 'embedded (default settings)' : 'external server',
      machine: {
        node: process.version,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? '',
        memGiB: round(os.totalmem() / 2 ** 30),
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.rows_ok) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await database?.pool.end();
    await load?.end();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
