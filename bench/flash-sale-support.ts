import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createCampaign, scheduleCampaign } from '../src/modules/campaigns/index.js';
import { products, skus } from '../src/modules/catalog/index.js';
import { receiveStock, warehouses } from '../src/modules/inventory/index.js';
import { generateLeaderCode, leaders, pickupPoints, regions } from '../src/modules/leaders/index.js';
import { installAuditKey, loadAuditKey, SYSTEM_ACTOR } from '../src/platform/audit/index.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { loadFieldCrypto } from '../src/platform/crypto.js';
import { openDatabase } from '../src/platform/db/database.js';
import type { Deps } from '../src/platform/deps.js';
import { newId } from '../src/platform/ids.js';
import { EventBus } from '../src/platform/outbox/event-bus.js';
import { cpuSecondsOf, postgresCpuSeconds } from './proc-cpu.js';

/** What the flash-sale benchmarks share: the server, the sale, the load generator, the checks. */

export const ROOT = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `--name value` from argv, as a number, or the fallback. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}

export function stringFlag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
  };
}

export interface Server {
  child: ChildProcess;
  port: number;
  url: string;
  /** The last lines the server wrote, for an error message. */
  output(): string;
}

export interface ServerEnv {
  dataDir: string;
  port: number;
  pgPort: number;
  benchMode: 'group' | 'naive' | 'nodb' | 'lean';
  databaseUrl?: string;
  /** Extra node flags for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * `node --import tsx bench/bench-server.ts` (the product's server with the benchmark's intake writer
 * and routes) with the benchmark's environment, resolved once /readyz answers.
 */
export async function startServer(e: ServerEnv): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(e.port),
    HOST: '127.0.0.1',
    DATA_DIR: e.dataDir,
    EMBEDDED_PG_PORT: String(e.pgPort),
    DATABASE_URL: e.databaseUrl ?? '',
    SEED_DEMO: 'false',
    WEB_BUILD: 'skip',
    LOG_LEVEL: 'warn',
    BENCH_MODE: e.benchMode,
  };
  const child = spawn(process.execPath, [...(e.nodeArgs ?? []), '--import', 'tsx', 'bench/bench-server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (process.env.BENCH_SERVER_STDERR) child.stderr?.pipe(process.stderr);
  if (process.env.BENCH_SERVER_STDOUT) child.stdout?.pipe(process.stderr);
  const url = `http://127.0.0.1:${e.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before ready:\n${tail}`);
    }
    if (Date.now() > deadline) throw new Error(`server not ready after 60 s:\n${tail}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  return { child, port: e.port, url, output: () => tail };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Ctrl-C: the server drains its intake, closes the pool and (embedded) stops PostgreSQL. */
export async function stopServer(s: Server): Promise<void> {
  s.child.kill('SIGINT');
  await exited(s.child);
}

/** A crash: the Node process dies at once; the embedded PostgreSQL it started stays up. */
export async function killServer(s: Server): Promise<void> {
  s.child.kill('SIGKILL');
  await exited(s.child);
}

/** Stops a PostgreSQL left running in `dataDir/pg` (after a failure), then removes the folder. */
export async function cleanUp(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown.
        for (let i = 0; i < 200; i++) {
          process.kill(pid, 0);
          await sleep(50);
        }
      } catch {
        // Gone.
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export function embeddedUrl(dataDir: string, pgPort: number): string {
  const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/tuanflow`;
}

export interface BenchDb {
  deps: Deps;
  close(): Promise<void>;
}

/**
 * Platform deps on the server's own database, built as test/helpers/test-db.ts does but with the
 * real clock and the server's key file (the server created it when it started), so customers and
 * leaders written here and there are readable by both.
 */
export function openBenchDb(dataDir: string, url: string): BenchDb {
  const database = openDatabase(url, { max: 4, applicationName: 'tuanflow-bench' });
  const config = loadConfig({ SEED_DEMO: 'false', DATA_DIR: dataDir, DATABASE_URL: url });
  const log = pino({ level: 'silent' });
  const bus = new EventBus(database.db, database.pool, systemClock, log);
  const crypto = loadFieldCrypto({ encryptionKey: undefined, dataDir });
  // The server's audit key too, so the records the bench writes verify with the server's.
  installAuditKey(loadAuditKey({ auditKey: undefined, dataDir }));
  const deps: Deps = { config, db: database.db, pool: database.pool, clock: systemClock, bus, log, crypto };
  return {
    deps,
    async close() {
      await bus.stop();
      await database.close();
    },
  };
}

export interface Sale {
  campaignId: string;
  itemId: string;
  skuId: string;
  warehouseId: string;
  leaderCode: string;
  pickupPointId: string;
  stock: number;
}

let saleNo = 0;

/**
 * A campaign that is open now with one item (cap = stock), the stock received into a warehouse, and
 * a leader with a pickup point, through the modules' own functions (as
 * test/integration/orders-support.ts arranges a sale). The campaign started a minute ago:
 * validation takes a start in the past as long as the cutoff is ahead, and scheduling it takes it
 * straight to live.
 */
export async function arrangeSale(
  deps: Deps,
  opts: { stock: number; perCustomerLimit?: number; priceFen?: number },
): Promise<Sale> {
  saleNo += 1;
  const tag = `${saleNo}${randomBytes(3).toString('hex')}`.toUpperCase();
  const now = deps.clock.now();
  const regionId = newId('region');
  await deps.db
    .insert(regions)
    .values({ id: regionId, code: `BR${tag}`, name: '西湖区', level: 'district', createdAt: now });
  const leaderId = newId('leader');
  const leaderCode = generateLeaderCode();
  const leaderPhone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await deps.db.insert(leaders).values({
    id: leaderId,
    code: leaderCode,
    name: `压测团长${saleNo}`,
    phoneEnc: deps.crypto.encrypt(leaderPhone),
    phoneHash: deps.crypto.hash(`${leaderPhone}-${tag}`),
    regionId,
    createdAt: now,
    updatedAt: now,
  });
  const pickupPointId = newId('pickupPoint');
  await deps.db.insert(pickupPoints).values({
    id: pickupPointId,
    leaderId,
    name: '西湖花园 3 幢',
    address: '西湖区文三路 1 号',
    regionId,
    createdAt: now,
    updatedAt: now,
  });
  const productId = newId('product');
  await deps.db.insert(products).values({
    id: productId,
    code: `P-BENCH-${tag}`,
    name: `秒杀商品 ${saleNo}`,
    unit: '份',
    status: 'on_sale',
    createdAt: now,
    updatedAt: now,
  });
  const skuId = newId('sku');
  await deps.db.insert(skus).values({
    id: skuId,
    productId,
    code: `S-BENCH-${tag}`,
    spec: '500g',
    listPriceFen: 1990,
    costPriceFen: 1000,
    createdAt: now,
    updatedAt: now,
  });
  const warehouseId = newId('warehouse');
  await deps.db.insert(warehouses).values({
    id: warehouseId,
    code: `WH-BENCH-${tag}`,
    name: `压测仓 ${saleNo}`,
    address: '杭州市测试路 1 号',
    createdAt: now,
  });
  await receiveStock(deps, SYSTEM_ACTOR, { skuId, warehouseId, quantity: opts.stock });
  const hour = 3_600_000;
  const campaign = await createCampaign(deps, SYSTEM_ACTOR, {
    code: `FS-${tag}`,
    name: `秒杀 ${saleNo}`,
    startsAt: new Date(now.getTime() - 60_000),
    cutoffAt: new Date(now.getTime() + 4 * hour),
    endsAt: new Date(now.getTime() + 5 * hour),
    deliveryDate: new Date(now.getTime() + 48 * hour).toISOString().slice(0, 10),
    sellTo: 'all',
    regionIds: [],
    items: [
      {
        skuId,
        priceFen: opts.priceFen ?? 990,
        stockCap: opts.stock,
        perCustomerLimit: opts.perCustomerLimit ?? 5,
      },
    ],
  });
  const live = await scheduleCampaign(deps, SYSTEM_ACTOR, campaign.id);
  if (live.state !== 'live') throw new Error(`campaign ${campaign.id} is ${live.state}, not live`);
  const itemId = campaign.items[0]?.id;
  if (!itemId) throw new Error('campaign has no item');
  return {
    campaignId: campaign.id,
    itemId,
    skuId,
    warehouseId,
    leaderCode,
    pickupPointId,
    stock: opts.stock,
  };
}

/** What the database says about one sale: counters, order lines, batches. */
export interface SaleState {
  onHand: number;
  allocated: number;
  available: number;
  sold: number;
  orders: number;
  lineUnits: number;
  allocationUnits: number;
  /** Distinct `placed_at`: one per committed batch (a batch stamps all its orders with one time). */
  batches: number;
  unansweredKeys: number;
}

export async function saleState(deps: Deps, sale: Sale): Promise<SaleState> {
  const q = async (text: string, params: unknown[]) => (await deps.pool.query(text, params)).rows[0] ?? {};
  const level = await q(
    'SELECT on_hand, allocated, available FROM stock_levels WHERE sku_id = $1 AND warehouse_id = $2',
    [sale.skuId, sale.warehouseId],
  );
  const item = await q('SELECT sold FROM campaign_items WHERE id = $1', [sale.itemId]);
  const lines = await q(
    `SELECT count(DISTINCT o.id)::int AS orders, coalesce(sum(l.quantity), 0)::int AS units,
            count(DISTINCT o.placed_at)::int AS batches
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.campaign_item_id = $1`,
    [sale.itemId],
  );
  const moves = await q(
    `SELECT coalesce(-sum(quantity), 0)::int AS units FROM stock_movements
      WHERE sku_id = $1 AND warehouse_id = $2 AND kind = 'allocation'`,
    [sale.skuId, sale.warehouseId],
  );
  const unanswered = await q('SELECT count(*)::int AS n FROM order_requests WHERE status_code = 0', []);
  return {
    onHand: Number(level.on_hand),
    allocated: Number(level.allocated),
    available: Number(level.available),
    sold: Number(item.sold),
    orders: Number(lines.orders),
    lineUnits: Number(lines.units),
    allocationUnits: Number(moves.units),
    batches: Number(lines.batches),
    unansweredKeys: Number(unanswered.n),
  };
}

/** The invariants every sale must keep, whatever happened to the server: a list of what broke. */
export function brokenInvariants(s: SaleState, initialStock: number): string[] {
  const broken: string[] = [];
  if (s.onHand !== initialStock) broken.push(`on_hand ${s.onHand} != initial stock ${initialStock}`);
  if (s.onHand - s.allocated !== s.available)
    broken.push(`on_hand ${s.onHand} - allocated ${s.allocated} != available ${s.available}`);
  if (s.allocated !== s.lineUnits) broken.push(`allocated ${s.allocated} != order line units ${s.lineUnits}`);
  if (s.sold !== s.lineUnits) broken.push(`campaign sold ${s.sold} != order line units ${s.lineUnits}`);
  if (s.allocationUnits !== s.lineUnits)
    broken.push(`allocation movements ${s.allocationUnits} != order line units ${s.lineUnits}`);
  if (s.available < 0) broken.push(`available ${s.available} < 0`);
  if (s.unansweredKeys !== 0) broken.push(`${s.unansweredKeys} claimed keys without a stored answer`);
  return broken;
}

export interface LoadResult {
  concurrency: number;
  seconds: number;
  window: {
    responses: number;
    perSecond: number;
    okPerSecond: number;
    byStatus: Record<string, number>;
    byCode: Record<string, number>;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    p999Ms: number;
    maxMs: number;
  };
  total: {
    sent: number;
    errors: number;
    errorKinds: Record<string, number>;
    byStatus: Record<string, number>;
    byCode: Record<string, number>;
  };
  loadGeneratorCpuSeconds: number;
  acks?: { key: string; orderId: string }[];
}

export interface LoadOptions {
  targets: string[];
  path?: string;
  sale?: Sale;
  concurrency: number;
  seconds?: number;
  warmup?: number;
  maxRequests?: number;
  phoneStart: number;
  keyPrefix: string;
  record?: boolean;
  /** Called once the generator has started sending (for the chaos script's kill). */
  onStart?: (stop: () => void) => void;
  /** PIDs whose CPU time is measured over the window (the server, PostgreSQL is found by name). */
  watchPids?: number[];
  /** The DATA_DIR whose embedded PostgreSQL's CPU time is measured. */
  pgDataDir?: string;
}

function machineBusy(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

interface CpuSample {
  at: number;
  server: number;
  postgres: number;
  generator: number;
  machine: { busy: number; total: number };
}

export interface LoadRun {
  result: LoadResult;
  /** CPU seconds per second of window: 1.0 is one core busy. */
  cpu: {
    server: number;
    postgres: number;
    loadGenerator: number;
    /** Cores busy with anything else on the machine in the window (another job would distort). */
    other: number;
    machineBusyFraction: number;
  } | null;
}

/** Runs bench/load-generator.ts in its own process and returns its JSON. */
export async function runLoad(o: LoadOptions): Promise<LoadRun> {
  const s = o.sale;
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'bench', 'load-generator.ts'),
    ...o.targets.flatMap((t) => ['--target', t]),
    '--path',
    o.path ?? '/api/orders',
    '--campaign',
    s?.campaignId ?? 'none',
    '--leader',
    s?.leaderCode ?? 'none',
    '--pickup',
    s?.pickupPointId ?? 'none',
    '--item',
    s?.itemId ?? 'none',
    '--concurrency',
    String(o.concurrency),
    '--seconds',
    String(o.seconds ?? 10),
    '--warmup',
    String(o.warmup ?? 2),
    '--max-requests',
    String(o.maxRequests ?? 0),
    '--phone-start',
    String(o.phoneStart),
    '--key-prefix',
    o.keyPrefix,
    ...(o.record ? ['--record'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const watch = o.watchPids ?? [];
  const sample = (): CpuSample => ({
    at: performance.now(),
    server: watch.reduce((a, p) => a + cpuSecondsOf(p), 0),
    postgres: postgresCpuSeconds(o.pgDataDir),
    generator: child.pid ? cpuSecondsOf(child.pid) : 0,
    machine: machineBusy(),
  });
  let first: CpuSample | undefined;
  let last: CpuSample | undefined;
  let started = false;
  const stop = () => {
    if (child.connected) child.send({ stop: true });
  };
  child.on('message', (m: unknown) => {
    const event = m && typeof m === 'object' && 'event' in m ? String(m.event) : '';
    if (event === 'window-start') {
      first = sample();
      if (!started) {
        started = true;
        o.onStart?.(stop);
      }
    }
    if (event === 'window-end') last = sample();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const result = JSON.parse(out) as LoadResult;
  let cpu: LoadRun['cpu'] = null;
  if (first && last && last.at > first.at) {
    const secs = (last.at - first.at) / 1000;
    const m = last.machine.total - first.machine.total;
    const server = (last.server - first.server) / secs;
    const postgres = (last.postgres - first.postgres) / secs;
    const loadGenerator = (last.generator - first.generator) / secs;
    const busy = m > 0 ? (last.machine.busy - first.machine.busy) / m : 0;
    cpu = {
      server: round(server),
      postgres: round(postgres),
      loadGenerator: round(loadGenerator),
      other: round(Math.max(0, busy * os.cpus().length - server - postgres - loadGenerator)),
      machineBusyFraction: round(busy),
    };
  }
  return { result, cpu };
}

export function newKeyPrefix(tag: string): string {
  return `${tag}-${randomBytes(4).toString('hex')}`;
}

export function tempDataDir(): string {
  return path.join(os.tmpdir(), `tuanflow-flash-${randomBytes(4).toString('hex')}`);
}
