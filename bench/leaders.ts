import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { DEMO_LADDER } from '../src/demo/leader-levels.seed.js';
import {
  backfillLeaderDailySales,
  createLevel,
  getUplineChain,
  listRecruits,
  moveReferrer,
  reassessAllLeaders,
  teamSummary,
} from '../src/modules/leaders/index.js';
import { completedOrderFacts } from '../src/modules/orders/index.js';
import { AuditKey, installAuditKey, SYSTEM_ACTOR } from '../src/platform/audit/index.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig, SecretKey } from '../src/platform/config.js';
import { FieldCrypto } from '../src/platform/crypto.js';
import { openDatabase } from '../src/platform/db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import type { Deps } from '../src/platform/deps.js';
import { newId } from '../src/platform/ids.js';
import { EventBus } from '../src/platform/outbox/event-bus.js';
import { codeOf, recreateDatabase, serverOption } from './bench-db.js';
import { freePort, numberFlag, round } from './flash-sale-support.js';

/**
 * bench/leaders: the referral network at scale. On a fresh embedded PostgreSQL (the default
 * settings `npm start` uses), builds 100,000 leaders in a preferential-attachment tree (most
 * leaders recruit nobody, a few recruit hundreds; depth capped at 20) with set-based SQL, 90 days
 * of daily sales in the roll-up plus 200,000 completed orders counted by the backfill, then times
 * the reads the console and the commission engine make: the upline chain, the direct recruits, the
 * team size and team GMV of the leader whose team is nearest 10,000, a moveReferrer of that team,
 * and the same reads on a materialized path for comparison. Prints one JSON object.
 * Usage: npm run bench:leaders [-- --leaders 100000 --orders 200000]
 */
const LEADERS = numberFlag('leaders', 100_000);
const ORDERS = numberFlag('orders', 200_000);
const HISTORY_DAYS = 90;
const MAX_DEPTH = 20;
const ROOTS = 20;
const TEAM_TARGET = 10_000;

/** mulberry32: a small seeded generator, so every run builds the same tree. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Preferential attachment (each new leader joins a referrer chosen with probability proportional to
 * 1 + their recruits): about two thirds recruit nobody, a few recruit hundreds, like real networks.
 */
function buildTree(n: number): { parent: Int32Array; depth: Uint8Array } {
  const random = rng(20_260_301);
  const parent = new Int32Array(n).fill(-1);
  const depth = new Uint8Array(n);
  const pool: number[] = [];
  for (let i = 0; i < Math.min(ROOTS, n); i += 1) pool.push(i);
  for (let i = ROOTS; i < n; i += 1) {
    let p = 0;
    do p = pool[Math.floor(random() * pool.length)] ?? 0;
    while ((depth[p] ?? 0) >= MAX_DEPTH);
    parent[i] = p;
    depth[i] = (depth[p] ?? 0) + 1;
    pool.push(p, i);
  }
  return { parent, depth };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await fn(item);
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const server = serverOption();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-leaders-'));
  const embedded = server ? null : await startEmbeddedPostgres({ dir, port: await freePort() });
  const log = pino({ level: 'silent' });
  let database: ReturnType<typeof openDatabase> | undefined;
  let bulk: pg.Pool | undefined;
  try {
    let url: string;
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, 'tuanflow');
      url = embedded.urlFor('tuanflow');
    } else url = await recreateDatabase(server?.adminUrl ?? '', 'tuanflow_bench_leaders');
    await runMigrations(url);
    database = openDatabase(url, { max: 4, applicationName: 'tuanflow-bench-leaders' });
    const db = database.db;
    const pool = database.pool;
    // Bulk loads run longer than the application pool's 30 s statement limit.
    const load = new pg.Pool({ connectionString: url, max: 1, application_name: 'tuanflow-bench-load' });
    bulk = load;
    const bus = new EventBus(db, pool, systemClock, log);
    const deps: Deps = {
      config: loadConfig({ SEED_DEMO: 'false', DATABASE_URL: url }),
      db,
      pool,
      clock: systemClock,
      bus,
      log,
      crypto: new FieldCrypto(new SecretKey(randomBytes(64))),
    };
    // A throwaway audit key, as the field key: the bench's database is thrown away too.
    installAuditKey(new AuditKey(new SecretKey(randomBytes(32))));
    const phase: Record<string, number> = {};
    const mark = async (name: string, fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      phase[name] = round((performance.now() - t0) / 1000);
    };

    // 1. The tree, written with set-based SQL: leaders, closure rows, one period each.
    const { parent, depth } = buildTree(LEADERS);
    const ids = Array.from({ length: LEADERS }, () => newId('leader'));
    const regionId = newId('region');
    await mark('load_leaders_s', async () => {
      await load.query(
        `INSERT INTO regions (id, code, name, level, created_at) VALUES ($1, 'BENCH', '基准区域', 'area', now())`,
        [regionId],
      );
      await load.query(
        `INSERT INTO leaders (id, code, name, phone_enc, phone_hash, region_id, status, referrer_id, created_at, updated_at)
         SELECT id, code, '团长' || ord, 'bench', 'bench-' || ord, $3, 'active', NULLIF(ref, ''), now() - interval '120 days', now()
         FROM unnest($1::text[], $2::text[], $4::text[]) WITH ORDINALITY AS v(id, code, ref, ord)`,
        [
          ids,
          ids.map((_, i) => codeOf(i + 1)),
          regionId,
          Array.from(parent, (p) => (p < 0 ? '' : (ids[p] ?? ''))),
        ],
      );
    });
    await mark('load_closure_s', () =>
      load.query(`
        INSERT INTO leader_closure (ancestor_id, descendant_id, depth)
        WITH RECURSIVE c(a, d, depth) AS (
          SELECT id, id, 0 FROM leaders
          UNION ALL
          SELECT l.referrer_id, c.d, c.depth + 1 FROM c JOIN leaders l ON l.id = c.a WHERE l.referrer_id IS NOT NULL
        )
        SELECT a, d, depth FROM c`),
    );
    await load.query(`
      INSERT INTO leader_referrer_periods (id, leader_id, referrer_id, valid_from, valid_to, cause, actor_name)
      SELECT 'lrp_' || substr(id, 5), id, referrer_id, created_at, NULL, 'created', 'bench' FROM leaders`);

    // 2. Sales: 90 days of roll-up rows (40% of leaders sell, each on about half the days), then
    //    completed orders of the last two days counted by the backfill, as a migration would.
    await mark('load_sales_history_s', () =>
      load.query(
        `INSERT INTO leader_daily_sales (leader_id, day, completed_gmv_fen, completed_orders)
         SELECT l.id, d::date, 2000 + (hashtext(l.id || d::text) & 65535) * 3, 1 + (hashtext(d::text || l.id) & 15)
         FROM leaders l
         CROSS JOIN generate_series(current_date - $1::int, current_date - 3, interval '1 day') AS d
         WHERE (hashtext(l.id) & 1023) < 410 AND (hashtext(l.id || d::text) & 1) = 0`,
        [HISTORY_DAYS],
      ),
    );
    await mark('load_orders_s', async () => {
      await load.query(
        `INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
           pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
         SELECT 'ord_bench_' || g, 'cmp_bench', ($2::text[])[1 + (hashtext(g::text) & 2147483647) % $3],
           'cus_bench_' || (g % 50000), 'pp_bench', 'completed', 990 + (g % 20) * 500, 1 + g % 3,
           lpad((g % 1000000)::text, 6, '0'), 'bench-' || g, now() - interval '2 days', now(), now()
         FROM generate_series(1, $1::int) AS g`,
        [ORDERS, ids, LEADERS],
      );
      await load.query(
        `INSERT INTO order_events (id, order_id, from_status, to_status, at, actor_name, note)
         SELECT 'oev_bench_' || substr(id, 11), id, 'picked_up', 'completed',
           now() - interval '1 day' - ((hashtext(id) & 65535) || ' seconds')::interval, 'bench', 'completed'
         FROM orders WHERE campaign_id = 'cmp_bench'`,
      );
    });
    let backfilled = 0;
    await mark('backfill_s', async () => {
      backfilled = (await backfillLeaderDailySales(db, completedOrderFacts)).added;
    });
    // The steady state a running system reaches through autovacuum: statistics and visibility maps
    // (index-only scans need the latter), and no checkpoint pending from the bulk load.
    await load.query('VACUUM ANALYZE');
    await load.query('CHECKPOINT');

    // 3. The materialized path, for comparison: the ids from the root down, '/'-separated.
    await mark('load_paths_s', async () => {
      await load.query(`
        CREATE TABLE bench_paths AS
        SELECT c.descendant_id AS id, string_agg(c.ancestor_id, '/' ORDER BY c.depth DESC) || '/' AS path
        FROM leader_closure c GROUP BY c.descendant_id`);
      await load.query('ALTER TABLE bench_paths ADD PRIMARY KEY (id)');
      await load.query('CREATE INDEX bench_paths_path_idx ON bench_paths (path text_pattern_ops)');
      await load.query('ANALYZE bench_paths');
    });

    const stats = await pool.query<{
      closure: number;
      sales: number;
      max_depth: number;
      max_fanout: number;
    }>(`
      SELECT (SELECT count(*)::int FROM leader_closure) AS closure,
             (SELECT count(*)::int FROM leader_daily_sales) AS sales,
             (SELECT max(depth)::int FROM leader_closure) AS max_depth,
             (SELECT max(n)::int FROM (SELECT count(*) AS n FROM leaders GROUP BY referrer_id) x) AS max_fanout`);
    const noRecruits = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM leaders l WHERE NOT EXISTS (SELECT 1 FROM leaders c WHERE c.referrer_id = l.id)',
    );
    const big = await pool.query<{ id: string; size: number }>(
      `SELECT ancestor_id AS id, (count(*) - 1)::int AS size FROM leader_closure GROUP BY ancestor_id
       ORDER BY abs(count(*) - 1 - $1) LIMIT 1`,
      [TEAM_TARGET],
    );
    const bigId = big.rows[0]?.id ?? '';
    const random = rng(7);
    const deepLeaders = ids.filter((_, i) => (depth[i] ?? 0) >= 10);
    const sample = (xs: readonly string[], n: number) =>
      Array.from({ length: n }, () => xs[Math.floor(random() * xs.length)] ?? '');
    const recruiters = (
      await pool.query<{ id: string }>(
        'SELECT DISTINCT referrer_id AS id FROM leaders WHERE referrer_id IS NOT NULL',
      )
    ).rows.map((r) => r.id);
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    const month = { from: day(30), to: day(0) };

    // 4. The reads, warmed once, then timed.
    const uplineSample = sample(deepLeaders.length > 0 ? deepLeaders : ids, 1000);
    await timeEach(uplineSample.slice(0, 50), (id) => getUplineChain(db, id));
    const upline = await timeEach(uplineSample, (id) => getUplineChain(db, id));
    const uplineAt = await timeEach(uplineSample.slice(0, 300), (id) =>
      getUplineChain(db, id, { at: new Date(Date.now() - 86_400_000) }),
    );
    const recruitSample = sample(recruiters, 1000);
    await timeEach(recruitSample.slice(0, 50), (id) => listRecruits(db, id));
    const recruits = await timeEach(recruitSample, (id) => listRecruits(db, id));
    const runs = Array.from({ length: 50 }, () => bigId);
    await timeEach(runs.slice(0, 3), (id) => teamSummary(db, id, month));
    const teamGmv = await timeEach(runs, (id) => teamSummary(db, id, month));
    const teamGmvAll = await timeEach(runs.slice(0, 20), (id) => teamSummary(db, id));
    const teamGen3 = await timeEach(runs.slice(0, 20), (id) =>
      teamSummary(db, id, { ...month, generations: 3 }),
    );
    const teamSize = await timeEach(runs, (id) =>
      db.execute(sql`select count(*) from leader_closure where ancestor_id = ${id} and depth >= 1`),
    );
    const bigTeam = await teamSummary(db, bigId, month);

    // The same reads on the materialized path.
    const pathOf = async (id: string) =>
      (await pool.query<{ path: string }>('SELECT path FROM bench_paths WHERE id = $1', [id])).rows[0]
        ?.path ?? '';
    const pathUpline = await timeEach(uplineSample, async (id) => {
      const p = await pathOf(id);
      const chain = p.split('/').filter(Boolean).slice(0, -1).reverse();
      await pool.query('SELECT id, name FROM leaders WHERE id = ANY($1)', [chain]);
    });
    const pathTeam = await timeEach(runs, async (id) => {
      const p = await pathOf(id);
      await pool.query(
        `SELECT count(DISTINCT b.id), coalesce(sum(s.completed_gmv_fen - s.refunded_fen), 0)
         FROM bench_paths b LEFT JOIN leader_daily_sales s ON s.leader_id = b.id AND s.day BETWEEN $2 AND $3
         WHERE b.path LIKE $1 AND b.id <> $4`,
        [`${p}%`, month.from, month.to, id],
      );
    });

    // 5. Moving the big team: to another root and back (each one transaction, audited).
    const otherRoot = ids.find((_, i) => parent[i] === -1 && ids[i] !== bigId) ?? '';
    const before = await getUplineChain(db, bigId);
    const originalReferrer = before[0]?.leaderId ?? null;
    const moveMs: number[] = [];
    let moved = 0;
    for (const target of [otherRoot, originalReferrer]) {
      const t0 = performance.now();
      const r = await moveReferrer(deps, SYSTEM_ACTOR, bigId, target, 'benchmark: move a large team');
      moveMs.push(performance.now() - t0);
      moved = r.movedLeaders;
    }
    const pathMoveMs: number[] = [];
    {
      const p = await pathOf(bigId);
      const rootPath = `${otherRoot}/`;
      const t0 = performance.now();
      await pool.query(
        "UPDATE bench_paths SET path = $2 || substr(path, length($1) - length($3) + 1) WHERE path LIKE $1 || '%'",
        [p, rootPath, `${bigId}/`],
      );
      pathMoveMs.push(performance.now() - t0);
    }

    // 6. The monthly level re-assessment (LEVELS engineer): the demo ladder (银牌 / 金牌 / 合伙人, rules
    //    on every metric kind), and the leaders spread over it as a company running for a while would
    //    have them (60% 普通, 25% 银牌, 12% 金牌, 3% 合伙人), so the run upgrades and downgrades.
    for (const level of DEMO_LADDER) await createLevel(deps, SYSTEM_ACTOR, level);
    await pool.query(`
      UPDATE leaders l SET level_id = v.id FROM (
        SELECT l2.id AS leader_id, (SELECT id FROM leader_levels WHERE code = CASE
            WHEN (hashtext(l2.id || 'lvl') & 1023) < 614 THEN 'REGULAR' WHEN (hashtext(l2.id || 'lvl') & 1023) < 870 THEN 'SILVER'
            WHEN (hashtext(l2.id || 'lvl') & 1023) < 993 THEN 'GOLD' ELSE 'PARTNER' END) AS id
        FROM leaders l2) v
      WHERE v.leader_id = l.id`);
    await pool.query('VACUUM ANALYZE leaders');
    let reassessPhases: unknown = null;
    let reassessSeconds: number | null = null;
    let reassessNote: string | null = null;
    try {
      const now = new Date();
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
      const t0 = performance.now();
      const result = await reassessAllLeaders(deps, {
        periodStart: first.toISOString().slice(0, 10),
        periodEnd: last.toISOString().slice(0, 10),
        trigger: 'manual',
      });
      reassessSeconds = round((performance.now() - t0) / 1000);
      reassessNote = `assessed ${result.assessed}, upgraded ${result.upgraded}, downgraded ${result.downgraded}, held ${result.held}`;
      reassessPhases = result.phasesMs;
    } catch (err) {
      reassessNote = err instanceof Error ? err.message.slice(0, 200) : String(err);
    }

    const version = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const cpus = os.cpus();
    const result = {
      bench: 'leaders',
      leaders: LEADERS,
      closure_rows: stats.rows[0]?.closure ?? 0,
      max_depth: stats.rows[0]?.max_depth ?? 0,
      max_fanout: stats.rows[0]?.max_fanout ?? 0,
      leaders_without_recruits: noRecruits.rows[0]?.n ?? 0,
      daily_sales_rows: stats.rows[0]?.sales ?? 0,
      backfilled_orders: backfilled,
      upline_p50_ms: round(pct(upline, 50)),
      upline_p99_ms: round(pct(upline, 99)),
      upline_at_p99_ms: round(pct(uplineAt, 99)),
      recruits_p50_ms: round(pct(recruits, 50)),
      recruits_p99_ms: round(pct(recruits, 99)),
      team_leader_descendants: big.rows[0]?.size ?? 0,
      team_gmv_fen_30d: bigTeam.gmvFen,
      team_size_p50_ms: round(pct(teamSize, 50)),
      team_size_p99_ms: round(pct(teamSize, 99)),
      team_gmv_p50_ms: round(pct(teamGmv, 50)),
      team_gmv_p99_ms: round(pct(teamGmv, 99)),
      team_gmv_all_time_p99_ms: round(pct(teamGmvAll, 99)),
      team_gmv_3_generations_p99_ms: round(pct(teamGen3, 99)),
      move_team_leaders: moved,
      move_referrer_ms: moveMs.map((x) => round(x)),
      path_upline_p99_ms: round(pct(pathUpline, 99)),
      path_team_gmv_p50_ms: round(pct(pathTeam, 50)),
      path_team_gmv_p99_ms: round(pct(pathTeam, 99)),
      path_move_ms: pathMoveMs.map((x) => round(x)),
      reassess_s: reassessSeconds,
      reassess_note: reassessNote,
      reassess_phases_ms: reassessPhases,
      load_s: phase,
      total_s: round((performance.now() - started) / 1000),
      machine: {
        cpus: cpus.length,
        cpu: cpus[0]?.model ?? 'unknown',
        memory_gb: round(os.totalmem() / 2 ** 30, 1),
        node: process.version,
        postgres: version.rows[0]?.v ?? 'unknown',
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await bulk?.end();
    await database?.close();
    await embedded?.stop();
    if (server && !server.keep) {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query('DROP DATABASE IF EXISTS tuanflow_bench_leaders WITH (FORCE)');
      await client.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
