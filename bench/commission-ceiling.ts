import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { recreateDatabase, serverOption } from './bench-db.js';
import { freePort, machine, numberFlag, round } from './flash-sale-support.js';
import { postgresCpuSeconds } from './proc-cpu.js';

/**
 * bench/commission-ceiling: how many order lines a second PostgreSQL itself can store in the
 * accrual's row shape on this machine, with no Node work at all. Each line gets three commission
 * entries (the bench plan's average is 3.05: direct, differential, peer) in `commission_entries`
 * with every index and check the table has, and then, in a second phase, also the three ledger
 * transfers of one per entry (`ledger_transfers`, keyed by the entry). The rows are generated inside
 * PostgreSQL (`INSERT ... SELECT FROM generate_series`) in transactions of `--batch` lines, on
 * `--streams` connections at once, so nothing but PostgreSQL's own insert work is measured: no
 * reading of orders, chains or levels, no engine, no balance updates, no protocol.
 *
 * This is the ceiling for `bench:commission`'s `accrual_lines_per_s`: the real accrual writes
 * these rows and does all the rest besides, so it cannot be faster. Prints one JSON object.
 *   npm run bench:commission-ceiling [-- --lines 300000 --batch 5000 --streams 2]
 *   npm run bench:commission-ceiling -- --server postgres://postgres@127.0.0.1:5432/postgres
 */

const LINES = numberFlag('lines', 300_000);
const BATCH = numberFlag('batch', 5_000);
const STREAMS = numberFlag('streams', 2);
const TARGET = 20_000;

/** The three entries of each line in [from, to): keys and ids distinct per phase (`tag`). */
function entriesSql(tag: string, from: number, to: number): string {
  return `INSERT INTO commission_entries (id, key, beneficiary_id, rule, cause_type, order_id, order_line_id,
      campaign_id, sku_id, plan_id, plan_version, chain_position, base_fen, rate_bps, amount_fen,
      line_quantity, line_fen, status, explanation, paid_at, created_at)
    SELECT 'ce_${tag}_' || g || '_' || p, 'line:ol_${tag}_' || g || ':' || p || ':ld_' || (g * 7 + p) % 100000,
      'ld_' || (g * 7 + p) % 100000, CASE p WHEN 0 THEN 'direct' WHEN 1 THEN 'differential' ELSE 'peer' END,
      'order_line', 'ord_${tag}_' || g / 2, 'ol_${tag}_' || g, 'cmp_bench', 'sku_bench', 'plan_bench', 1, p,
      10000, 400, 400, 1, 10000, 'estimated',
      json_build_object('rule', 'differential', 'baseFen', 10000, 'rateBps', 400, 'position', p,
                        'text', '团队级差 4% − 0% × ¥100.00'),
      now(), now()
    FROM generate_series(${from}, ${to - 1}) g, generate_series(0, 2) p`;
}

function transfersSql(tag: string, from: number, to: number): string {
  return `INSERT INTO ledger_transfers (key, posting_id, debit_account_id, credit_account_id, amount_fen,
      cause_type, cause_id, memo, at)
    SELECT 'accrual:line:ol_${tag}_' || g || ':' || p, ${from}, 1, 2, 400, 'commission_entry',
      'ce_${tag}_' || g || '_' || p, NULL, now()
    FROM generate_series(${from}, ${to - 1}) g, generate_series(0, 2) p`;
}

/** Stores LINES lines' rows on STREAMS connections at once; returns lines/s and PostgreSQL's CPU. */
async function phase(pool: pg.Pool, tag: string, withTransfers: boolean, pgDir: string | null) {
  const batches: [number, number][] = [];
  for (let from = 0; from < LINES; from += BATCH) batches.push([from, Math.min(LINES, from + BATCH)]);
  const cpuBefore = pgDir ? postgresCpuSeconds(pgDir) : 0;
  const started = performance.now();
  const worker = async () => {
    const client = await pool.connect();
    try {
      for (let b = batches.shift(); b; b = batches.shift()) {
        await client.query('BEGIN');
        await client.query(entriesSql(tag, b[0], b[1]));
        if (withTransfers) await client.query(transfersSql(tag, b[0], b[1]));
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: STREAMS }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    lines_per_s: Math.round(LINES / seconds),
    seconds: round(seconds),
    postgres_cpu_s: pgDir ? round(postgresCpuSeconds(pgDir) - cpuBefore) : null,
  };
}

async function main(): Promise<void> {
  const server = serverOption();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-ceiling-'));
  const embedded = server ? null : await startEmbeddedPostgres({ dir, port: await freePort() });
  let pool: pg.Pool | undefined;
  try {
    let url: string;
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, 'tuanflow');
      url = embedded.urlFor('tuanflow');
    } else url = await recreateDatabase(server?.adminUrl ?? '', 'tuanflow_bench_ceiling');
    await runMigrations(url);
    pool = new pg.Pool({ connectionString: url, max: STREAMS, application_name: 'tuanflow-bench-ceiling' });
    const pgDir = embedded ? dir : null;
    const entries = await phase(pool, 'e', false, pgDir);
    const both = await phase(pool, 't', true, pgDir);
    const result = {
      bench: 'commission-ceiling',
      command: `npm run bench:commission-ceiling -- --lines ${LINES} --batch ${BATCH} --streams ${STREAMS}`,
      ...machine(),
      database: embedded
        ? 'embedded PostgreSQL (the settings npm start uses)'
        : 'the server given by --server',
      lines: LINES,
      entries_per_line: 3,
      entries_only: entries,
      entries_and_transfers: both,
      accrual_target_lines_per_s: TARGET,
      ceiling_meets_target: both.lines_per_s >= TARGET,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await pool?.end();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
