import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import {
  accrueOrdersTx,
  freezeDue,
  type PlanDocument,
  settleDayTx,
  validatePlan,
} from '../src/modules/commission/index.js';
import { checkInvariants } from '../src/modules/ledger/index.js';
import { CAUSE_TYPES } from '../src/modules.js';
import { AuditKey, installAuditKey, SYSTEM_ACTOR } from '../src/platform/audit/index.js';
import { addDays, dayBounds, localDate } from '../src/platform/business-time.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig, SecretKey } from '../src/platform/config.js';
import { FieldCrypto } from '../src/platform/crypto.js';
import { openDatabase } from '../src/platform/db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import type { Deps } from '../src/platform/deps.js';
import { EventBus } from '../src/platform/outbox/event-bus.js';
import { codeOf, recreateDatabase, serverOption } from './bench-db.js';
import { freePort, numberFlag, round } from './flash-sale-support.js';
import { postgresCpuSeconds } from './proc-cpu.js';

/**
 * bench/commission: the money path at scale. On a fresh embedded PostgreSQL (the settings `npm start`
 * uses), builds 100,000 leaders in four layers (1,000 / 9,000 / 30,000 / 60,000, so a leaf's chain has
 * three uplines) with their referrer periods and level history, a plan using every rule kind (direct
 * with category, SKU-rate and SKU-fixed overrides; differential with peer bonus; recruit bonus and
 * recruit rate; tiered; regional dividend; hot-product ladder), and 1,000,000 paid order lines (two
 * per order) written set-based. Then:
 * 1. accrues every order through `accrueOrdersTx`, the code the `order.paid` subscriber runs, in
 *    batches (`--batch` orders per transaction, `--streams` transactions in flight);
 * 2. freezes: the orders of one business day (one per leader, so the day touches all 100,000 leaders)
 *    were picked up more than the after-sales window ago, the rest are inside it;
 * 3. settles that day (T+1), then settles it again (nothing new may be posted);
 * 4. runs the ledger's invariant check and checks each leader's pending balance against the entries.
 * Prints one JSON object. Usage: npm run bench:commission [-- --leaders 100000 --lines 1000000
 * --batch 2500 --streams 2 --server postgres://…]
 */
const LEADERS = numberFlag('leaders', 100_000);
const LINES = numberFlag('lines', 1_000_000);
const BATCH = numberFlag('batch', 2_500);
const STREAMS = numberFlag('streams', 2);
const LINES_PER_ORDER = 2;
const ORDERS = Math.ceil(LINES / LINES_PER_ORDER);
const DAY_MS = 86_400_000;

const BASE = 'lvl_0000000000000000000000BASE';
const SILVER = 'lvl_bench_silver';
const GOLD = 'lvl_bench_gold';
const PARTNER = 'lvl_bench_partner';
const CATEGORIES = 5;
const SKUS = 200;

/** The plan: every rule kind, with overrides that the generated lines hit. */
function benchPlan(): PlanDocument {
  const level = (levelId: string, directRateBps: number, teamRateBps: number) => ({
    levelId,
    directRateBps,
    categoryRates: [] as { categoryId: string; rateBps: number }[],
    skuRates: [] as { skuId: string; rateBps: number }[],
    skuFixed: [] as { skuId: string; perUnitFen: number }[],
    teamRateBps,
  });
  const base = level(BASE, 1000, 0);
  base.categoryRates = [{ categoryId: 'cat_bench_1', rateBps: 1200 }];
  base.skuRates = [{ skuId: 'sku_bench_0002', rateBps: 1500 }];
  base.skuFixed = [{ skuId: 'sku_bench_0003', perUnitFen: 150 }];
  return {
    name: 'bench plan (every rule kind)',
    depthCap: 3,
    allowDepthAboveDefault: false,
    selfPurchaseEarnsDirect: false,
    levels: [base, level(SILVER, 1200, 400), level(GOLD, 1500, 700), level(PARTNER, 1800, 1000)],
    team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 1 },
    recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 100, rateDays: 30 },
    tiered: {
      mode: 'marginal',
      tiers: [
        { fromFen: 0, rateBps: 0 },
        { fromFen: 1_000_000, rateBps: 100 },
        { fromFen: 5_000_000, rateBps: 200 },
      ],
    },
    regional: { rateBps: 50 },
    hotProducts: [
      {
        campaignId: 'cmp_bench',
        skuId: 'sku_bench_0001',
        steps: [
          { minUnits: 100, perUnitFen: 50 },
          { minUnits: 500, perUnitFen: 100 },
        ],
      },
    ],
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const server = serverOption();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-commission-'));
  const embedded = server ? null : await startEmbeddedPostgres({ dir, port: await freePort() });
  const log = pino({ level: 'silent' });
  let database: ReturnType<typeof openDatabase> | undefined;
  let load: pg.Pool | undefined;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  try {
    let url: string;
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, 'tuanflow');
      url = embedded.urlFor('tuanflow');
    } else url = await recreateDatabase(server?.adminUrl ?? '', 'tuanflow_bench_commission');
    await runMigrations(url);
    database = openDatabase(url, { max: STREAMS + 2, applicationName: 'tuanflow-bench-commission' });
    // Bulk loads run longer than the application pool's 30 s statement limit.
    load = new pg.Pool({ connectionString: url, max: 1, application_name: 'tuanflow-bench-load' });
    const bulk = load;
    const q = (text: string, params: unknown[] = []) => bulk.query(text, params);
    const deps: Deps = {
      config: loadConfig({ SEED_DEMO: 'false', DATABASE_URL: url }),
      db: database.db,
      pool: database.pool,
      clock: systemClock,
      bus: new EventBus(database.db, database.pool, systemClock, log),
      log,
      crypto: new FieldCrypto(new SecretKey(randomBytes(64))),
    };
    // A throwaway audit key, as the field key: the bench's database is thrown away too.
    installAuditKey(new AuditKey(new SecretKey(randomBytes(32))));
    const phase: Record<string, number> = {};
    const mark = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const r = await fn();
      phase[name] = round((performance.now() - t0) / 1000);
      return r;
    };

    const now = Date.now();
    // The settled day: yesterday. Its orders were picked up 7 days before the day ended, minus a
    // little, so the freeze (now) finds their window closed on that day; every other order was
    // picked up within the last days (inside the window) and stays estimated.
    const settleDay = addDays(localDate(new Date(now)), -1);

    // 1. Leaders in four layers, with a referrer period and an initial level each, set-based.
    const layers = [Math.round(LEADERS * 0.01), Math.round(LEADERS * 0.09), Math.round(LEADERS * 0.3)];
    layers.push(LEADERS - layers.reduce((a, b) => a + b, 0));
    const starts = layers.map((_, k) => layers.slice(0, k).reduce((a, b) => a + b, 0) + 1);
    await mark('load_leaders_s', async () => {
      await q(
        `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, created_at, updated_at) VALUES
         ($1, 'B_SILVER', '银牌', 'Silver', 20, 'active', now(), now()),
         ($2, 'B_GOLD', '金牌', 'Gold', 30, 'active', now(), now()),
         ($3, 'B_PARTNER', '合伙人', 'Partner', 40, 'active', now(), now())`,
        [SILVER, GOLD, PARTNER],
      );
      await q(
        `INSERT INTO regions (id, code, name, level, created_at) VALUES ('reg_bench', 'BENCH', '基准区域', 'area', now())`,
      );
      const codes = Array.from({ length: LEADERS }, (_, i) => codeOf(i + 1));
      // layer(i) and a pseudo-random parent in the layer above; 5% of the leaves joined 20 days ago
      // (inside the recruit rate's 30 days), everyone else 120 days ago.
      await q(
        `WITH g AS (
           SELECT i, CASE WHEN i < $2 THEN 0 WHEN i < $3 THEN 1 WHEN i < $4 THEN 2 ELSE 3 END AS layer
           FROM generate_series(1, $1::int) AS i
         ), p AS (
           SELECT i, layer,
             CASE layer WHEN 0 THEN NULL
               WHEN 1 THEN 1 + (i::bigint * 2654435761 % $5)
               WHEN 2 THEN $2 + (i::bigint * 2654435761 % $6)
               ELSE $3 + (i::bigint * 2654435761 % $7) END AS parent,
             CASE WHEN layer = 3 AND i % 20 = 0 THEN now() - interval '20 days' ELSE now() - interval '120 days' END AS born
           FROM g
         )
         INSERT INTO leaders (id, code, name, phone_enc, phone_hash, region_id, status, referrer_id, created_at, updated_at)
         SELECT 'ldr_bench' || lpad(i::text, 8, '0'), ($8::text[])[i], '团长' || i, 'bench', 'bench-' || i, 'reg_bench',
                'active', CASE WHEN parent IS NULL THEN NULL ELSE 'ldr_bench' || lpad(parent::text, 8, '0') END, born, born
         FROM p`,
        [LEADERS, starts[1], starts[2], starts[3], layers[0], layers[1], layers[2], codes],
      );
      await q(
        `INSERT INTO leader_referrer_periods (id, leader_id, referrer_id, valid_from, valid_to, cause)
         SELECT 'lrp_' || substr(id, 5), id, referrer_id, created_at, NULL, 'created' FROM leaders`,
      );
      // Levels by layer, mixed so that differentials and peer bonuses both occur.
      await q(
        `INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause)
         SELECT 'llc_' || substr(id, 5), id, NULL,
           CASE
             WHEN n < $1 THEN CASE WHEN n % 2 = 0 THEN $5 ELSE $4 END
             WHEN n < $2 THEN CASE WHEN n % 10 = 0 THEN $5 WHEN n % 10 < 5 THEN $4 ELSE $6 END
             WHEN n < $3 THEN CASE WHEN n % 10 = 0 THEN $4 WHEN n % 10 < 4 THEN $6 ELSE $7 END
             ELSE CASE WHEN n % 10 = 0 THEN $6 ELSE $7 END
           END, created_at, 'initial'
         FROM (SELECT id, created_at, substr(id, 10)::int AS n FROM leaders) l`,
        [starts[1], starts[2], starts[3], GOLD, PARTNER, SILVER, BASE],
      );
      await q(
        `UPDATE leaders l SET level_id = h.to_level_id FROM leader_level_history h WHERE h.leader_id = l.id`,
      );
    });

    // 2. The catalog, customers (1% of them a leader's own phone: self-purchases), the plan.
    await mark('load_catalog_s', async () => {
      await q(
        `INSERT INTO catalog_categories (id, code, name, created_at)
         SELECT 'cat_bench_' || i, 'BC' || i, '类目' || i, now() FROM generate_series(1, $1::int) i`,
        [CATEGORIES],
      );
      await q(
        `INSERT INTO catalog_products (id, code, name, category_id, unit, status, created_at, updated_at)
         SELECT 'prd_bench_' || lpad(i::text, 4, '0'), 'BP' || i, '商品' || i, 'cat_bench_' || (1 + i % $2), '份', 'on_sale', now(), now()
         FROM generate_series(1, $1::int) i`,
        [SKUS, CATEGORIES],
      );
      await q(
        `INSERT INTO catalog_skus (id, product_id, code, spec, list_price_fen, cost_price_fen, status, created_at, updated_at)
         SELECT 'sku_bench_' || lpad(i::text, 4, '0'), 'prd_bench_' || lpad(i::text, 4, '0'), 'BS' || i, '1份',
                500 + (i * 37 % 9500), 300, 'active', now(), now()
         FROM generate_series(1, $1::int) i`,
        [SKUS],
      );
      await q(
        `INSERT INTO customers (id, phone_enc, phone_hash, name, created_at, updated_at)
         SELECT 'cus_bench' || lpad(i::text, 8, '0'), 'bench', 'bench-c-' || i, NULL, now(), now()
         FROM generate_series(1, 200000) i`,
      );
      // A leader's own phone as a customer: their orders through their own link are self-purchases.
      await q(
        `INSERT INTO customers (id, phone_enc, phone_hash, name, created_at, updated_at)
         SELECT 'cus_self' || substr(id, 10), 'bench', phone_hash, NULL, now(), now() FROM leaders`,
      );
      const plan = benchPlan();
      const problems = validatePlan(plan, {
        levelIds: new Set([BASE, SILVER, GOLD, PARTNER]),
        skuIds: new Set(['sku_bench_0001', 'sku_bench_0002', 'sku_bench_0003']),
        categoryIds: new Set(['cat_bench_1']),
        campaignIds: new Set(['cmp_bench']),
      });
      if (problems.length > 0) throw new Error(`bench plan invalid: ${JSON.stringify(problems)}`);
      await q(
        `INSERT INTO commission_plans (id, version, status, document, created_at, updated_at, activated_at)
         VALUES ('cpl_bench', 1, 'active', $1::jsonb, now() - interval '200 days', now(), now() - interval '200 days')`,
        [JSON.stringify(plan)],
      );
      await q(
        `INSERT INTO commission_plan_activations (id, plan_id, version, activated_at)
         VALUES ('cpa_bench', 'cpl_bench', 1, now() - interval '200 days')`,
      );
    });

    // 3. Orders and lines, paid. Orders 1..LEADERS: one per leader, picked up 8 days before the end of
    // the settled day (their window closed that day). The rest: leaves mostly, picked up lately.
    const dayEnd = dayBounds(settleDay).to.getTime();
    const settledPickup = new Date(dayEnd - 7 * DAY_MS - 3 * 3_600_000);
    await mark('load_orders_s', async () => {
      await q(
        `INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                             pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
         SELECT 'ord_bench' || lpad(i::text, 9, '0'), 'cmp_bench',
                'ldr_bench' || lpad((CASE WHEN i <= $2 THEN i ELSE 1 + (i::bigint * 40503 % $2) END)::text, 8, '0'),
                CASE WHEN i % 100 = 0
                  THEN 'cus_self' || lpad((CASE WHEN i <= $2 THEN i ELSE 1 + (i::bigint * 40503 % $2) END)::text, 8, '0')
                  ELSE 'cus_bench' || lpad((1 + i % 200000)::text, 8, '0') END,
                'pp_bench', 'completed', 0, 2, lpad((i % 1000000)::text, 6, '0'), 'bench-' || i,
                paid, paid + interval '30 minutes', paid
         FROM (
           SELECT i, CASE WHEN i <= $2
                   THEN $3::timestamptz - interval '20 hours' - (i % 3600) * interval '1 second'
                   ELSE now() - interval '2 days' - (i % 700000) * interval '1 second' END AS paid
           FROM generate_series(1, $1::int) i
         ) o`,
        [ORDERS, LEADERS, settledPickup.toISOString()],
      );
      await q(
        `INSERT INTO order_lines (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
         SELECT 'oln_bench' || lpad((i * 2 - 1 + k)::text, 9, '0'), 'ord_bench' || lpad(i::text, 9, '0'), 'cmi_bench',
                'sku_bench_' || lpad((1 + ((i * 7 + k * 13) % $2))::text, 4, '0'), 'wh_bench',
                q, p, q * p
         FROM generate_series(1, $1::int) i, generate_series(0, 1) k,
              LATERAL (SELECT 1 + ((i + k) % 3) AS q, 990 + ((i * 31 + k * 17) % 40) * 250 AS p) v`,
        [ORDERS, SKUS],
      );
      await q(`UPDATE orders o SET total_fen = s.t FROM (SELECT order_id, sum(amount_fen) t FROM order_lines GROUP BY order_id) s
               WHERE s.order_id = o.id`);
      await q(
        `INSERT INTO order_payments (id, order_id, provider, amount_fen, reference, paid_at)
         SELECT 'pay_' || substr(id, 5), id, 'offline', total_fen, 'BENCH', placed_at FROM orders`,
      );
      // What the order events tell the money path: picked up and completed.
      await q(
        `INSERT INTO commission_orders (order_id, picked_up_at, completed_at, updated_at)
         SELECT id,
                CASE WHEN substr(id, 10)::int <= $1 THEN $2::timestamptz ELSE now() - interval '1 day' END,
                CASE WHEN substr(id, 10)::int <= $1 THEN $2::timestamptz ELSE now() - interval '1 day' END, now()
         FROM orders`,
        [LEADERS, settledPickup.toISOString()],
      );
      await q('ANALYZE');
    });
    const [lineCount] = (await q('SELECT count(*)::int AS n FROM order_lines')).rows as { n: number }[];

    // 4. Accrual through accrueOrdersTx in batches, `STREAMS` transactions in flight.
    const orderIds = Array.from({ length: ORDERS }, (_, i) => `ord_bench${String(i + 1).padStart(9, '0')}`);
    const batches: string[][] = [];
    for (let i = 0; i < orderIds.length; i += BATCH) batches.push(orderIds.slice(i, i + BATCH));
    let next = 0;
    let accrued = { lines: 0, inserted: 0, posted: 0 };
    const cpu0 = process.cpuUsage();
    // The embedded cluster's CPU (an external server's is not measured: it may serve others too).
    const pgCpu = () => (embedded ? postgresCpuSeconds(dir) : null);
    const pgCpu0 = pgCpu();
    const lsn0 = ((await q('SELECT pg_current_wal_lsn()::text AS l')).rows[0] as { l: string }).l;
    await mark('accrual_s', async () => {
      const worker = async () => {
        for (;;) {
          const b = batches[next++];
          if (!b) return;
          const r = await deps.db.transaction((tx) => accrueOrdersTx(deps, tx, b));
          accrued = {
            lines: accrued.lines + r.lines,
            inserted: accrued.inserted + r.inserted,
            posted: accrued.posted + r.posted,
          };
        }
      };
      await Promise.all(Array.from({ length: STREAMS }, worker));
    });
    const cpu = process.cpuUsage(cpu0);
    const pgCpu1 = pgCpu();
    const accrualPgCpuS = pgCpu0 === null || pgCpu1 === null ? null : round(pgCpu1 - pgCpu0);
    const accrualNodeCpuS = round((cpu.user + cpu.system) / 1e6);
    // The WAL the accrual wrote (a measure of its write volume, full-page images included).
    const walMb = Number(
      (
        (await q('SELECT round(pg_wal_lsn_diff(pg_current_wal_lsn(), $1) / 1048576)::int AS mb', [lsn0]))
          .rows[0] as { mb: number }
      ).mb,
    );

    // A second pass over a sample: recomputing writes nothing.
    const again = await deps.db.transaction((tx) => accrueOrdersTx(deps, tx, orderIds.slice(0, BATCH)));

    // 5. Freeze (what is due now) and the T+1 settlement of the day.
    const freeze = await mark('freeze_s', () => freezeDue(deps, SYSTEM_ACTOR));
    const settlement = await mark('settlement_s', () =>
      deps.db.transaction((tx) => settleDayTx(deps, tx, SYSTEM_ACTOR, settleDay, 'bench')),
    );
    const transfersBefore = Number(
      ((await q('SELECT count(*)::int AS n FROM ledger_transfers')).rows[0] as { n: number }).n,
    );
    const second = await deps.db.transaction((tx) => settleDayTx(deps, tx, SYSTEM_ACTOR, settleDay, 'bench'));
    const transfersAfter = Number(
      ((await q('SELECT count(*)::int AS n FROM ledger_transfers')).rows[0] as { n: number }).n,
    );

    // 6. The ledger's invariants, and each leader's pending balance against their open entries.
    const report = await mark('invariants_s', () => checkInvariants(deps.db, CAUSE_TYPES));
    const disagree = Number(
      (
        (
          await q(`
      WITH e AS (
        SELECT beneficiary_id AS leader, sum(amount_fen - voided_fen - clawed_back_fen)::bigint AS fen
        FROM commission_entries WHERE status IN ('estimated', 'final') GROUP BY beneficiary_id
      ), l AS (
        SELECT a.leader_id AS leader, -b.balance_fen AS fen FROM ledger_accounts a
        JOIN ledger_balances b ON b.account_id = a.id WHERE a.kind = 'pending'
      )
      SELECT count(*)::int AS n FROM e FULL JOIN l ON l.leader = e.leader WHERE coalesce(e.fen, 0) <> coalesce(l.fen, 0)`)
        ).rows[0] as { n: number }
      ).n,
    );
    const counts = (
      await deps.db.execute<{ rule: string; n: number }>(
        sql`SELECT rule, count(*)::int AS n FROM commission_entries GROUP BY rule ORDER BY rule`,
      )
    ).rows;
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const result = {
      benchmark: 'commission',
      lines: lineCount?.n ?? 0,
      orders: ORDERS,
      leaders: LEADERS,
      batch_orders: BATCH,
      streams: STREAMS,
      accrual_lines_per_s: Math.round(accrued.lines / (phase.accrual_s ?? 1)),
      accrual_s: phase.accrual_s,
      accrual_node_cpu_s: accrualNodeCpuS,
      accrual_postgres_cpu_s: accrualPgCpuS,
      accrual_wal_mb: walMb,
      entries: counts.reduce((s, c) => s + c.n, 0),
      entries_by_rule: Object.fromEntries(counts.map((c) => [c.rule, c.n])),
      accrual_transfers: accrued.posted,
      recompute_inserted: again.inserted,
      recompute_posted: again.posted,
      freeze_s: phase.freeze_s,
      frozen_entries: freeze.entries,
      settlement_day: settleDay,
      settlement_s: phase.settlement_s,
      settled_entries: settlement.settlement.entryCount,
      settled_leaders: settlement.settlement.leaderCount,
      settled_fen: settlement.settlement.settledFen,
      settle_again_created: second.created,
      settle_again_new_transfers: transfersAfter - transfersBefore,
      peak_rss_mb: Math.round(peakRss / 2 ** 20),
      invariants_ok: report.ok && disagree === 0 && again.posted === 0 && transfersAfter === transfersBefore,
      invariant_problems: report.problems.slice(0, 5),
      pending_disagreements: disagree,
      invariants_s: phase.invariants_s,
      load_s: round((phase.load_leaders_s ?? 0) + (phase.load_catalog_s ?? 0) + (phase.load_orders_s ?? 0)),
      total_s: round((performance.now() - started) / 1000),
      postgres: embedded ? 'embedded (default settings)' : 'external server',
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memGiB: round(os.totalmem() / 2 ** 30, 1),
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    clearInterval(sampler);
    await load?.end().catch(() => {});
    await database?.close().catch(() => {});
    if (server && !server.keep) {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query('DROP DATABASE IF EXISTS "tuanflow_bench_commission" WITH (FORCE)').catch(() => {});
      await client.end();
    }
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
