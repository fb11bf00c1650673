import {
  arrangeSale,
  brokenInvariants,
  cleanUp,
  embeddedUrl,
  freePort,
  machine,
  newKeyPrefix,
  numberFlag,
  openBenchDb,
  round,
  runLoad,
  type Server,
  saleState,
  startServer,
  stopServer,
  tempDataDir,
} from './flash-sale-support.js';

/**
 * bench/flash-sale-2proc: two tuanflow processes (two ports) on ONE PostgreSQL. The first starts
 * the embedded PostgreSQL in its DATA_DIR; the second is given DATABASE_URL pointing at it and the
 * same DATA_DIR (so both read the same field-encryption key file; with DATABASE_URL set there is no
 * data-dir lock). One load generator sends half its clients to each process.
 *   1. ample stock on one hot SKU → combined orders_per_s, p50_ms, p99_ms
 *   2. sell-out rounds on one SKU with stock S, 5×S attempts split over both → oversold, checked
 *      in the database (each process has its own sold-out cache, so both reach the database).
 * Usage: npm run bench:flash-sale-2proc [-- --concurrency 256 --seconds 10 --stock 1000 --rounds 3]
 */

const concurrency = numberFlag('concurrency', 256);
const seconds = numberFlag('seconds', 10);
const warmup = numberFlag('warmup', 2);
const stock = numberFlag('stock', 1000);
const rounds = numberFlag('rounds', 3);
const attemptsFactor = numberFlag('attempts-factor', 5);
const AMPLE = 10_000_000;

async function main() {
  const dataDir = tempDataDir();
  const port1 = await freePort();
  const port2 = await freePort();
  const pgPort = await freePort();
  const servers: Server[] = [];
  try {
    servers.push(await startServer({ dataDir, port: port1, pgPort, benchMode: 'group' }));
    const url = embeddedUrl(dataDir, pgPort);
    servers.push(await startServer({ dataDir, port: port2, pgPort, benchMode: 'group', databaseUrl: url }));
    const targets = servers.map((s) => s.url);
    const watchPids = servers.flatMap((s) => (s.child.pid ? [s.child.pid] : []));
    const bench = openBenchDb(dataDir, url);
    const { deps } = bench;

    const ample = await arrangeSale(deps, { stock: AMPLE });
    const load = await runLoad({
      targets,
      sale: ample,
      concurrency,
      seconds,
      warmup,
      phoneStart: 0,
      keyPrefix: newKeyPrefix('two'),
      watchPids,
      pgDataDir: dataDir,
    });
    const ampleState = await saleState(deps, ample);
    const broken = brokenInvariants(ampleState, AMPLE).map((b) => `ample: ${b}`);
    const ampleAccepted = load.result.total.byStatus['201'] ?? 0;
    if (ampleState.orders !== ampleAccepted)
      broken.push(`ample: orders in db ${ampleState.orders} != 201 answers ${ampleAccepted}`);

    const sellouts = [];
    let phone = 50_000_000;
    for (let r = 0; r < rounds; r++) {
      const sale = await arrangeSale(deps, { stock });
      const attempts = stock * attemptsFactor;
      const run = await runLoad({
        targets,
        sale,
        concurrency,
        maxRequests: attempts,
        phoneStart: phone,
        keyPrefix: newKeyPrefix(`two-s${r}`),
      });
      phone += attempts;
      const s = await saleState(deps, sale);
      const accepted = run.result.total.byStatus['201'] ?? 0;
      const b = brokenInvariants(s, stock);
      if (s.sold !== accepted) b.push(`sold ${s.sold} != accepted ${accepted}`);
      if (s.allocated !== accepted) b.push(`allocated ${s.allocated} != accepted ${accepted}`);
      if (s.available !== stock - accepted) b.push(`available ${s.available} != ${stock - accepted}`);
      if (s.orders !== accepted) b.push(`orders in db ${s.orders} != accepted ${accepted}`);
      broken.push(...b.map((x) => `sellout ${r}: ${x}`));
      sellouts.push({
        stock,
        attempts,
        accepted,
        rejected_sold_out: run.result.total.byCode['orders.sold_out'] ?? 0,
        rejected_other: Object.fromEntries(
          Object.entries(run.result.total.byCode).filter(([k]) => k !== 'orders.sold_out'),
        ),
        transport_errors: run.result.total.errors,
        oversold: Math.max(accepted, s.sold, s.allocated, s.orders) - stock,
        seconds: run.result.seconds,
        db: { sold: s.sold, allocated: s.allocated, available: s.available, orders: s.orders },
      });
    }
    await bench.close();
    // The second process first: it does not own the embedded PostgreSQL.
    for (const s of [...servers].reverse()) await stopServer(s);
    servers.length = 0;

    const ordersPerS = round((load.result.window.byStatus['201'] ?? 0) / load.result.seconds, 0);
    const oversold = Math.max(...sellouts.map((s) => s.oversold));
    const result = {
      bench: 'flash-sale-2proc',
      command: `npm run bench:flash-sale-2proc -- --concurrency ${concurrency} --seconds ${seconds} --stock ${stock} --rounds ${rounds}`,
      ...machine(),
      processes: 2,
      parameters: {
        concurrency,
        clientsPerProcess: concurrency / 2,
        seconds,
        warmupSeconds: warmup,
        stock,
        rounds,
      },
      orders_per_s: ordersPerS,
      p50_ms: load.result.window.p50Ms,
      p99_ms: load.result.window.p99Ms,
      concurrency,
      ample: {
        by_status: load.result.window.byStatus,
        by_code: load.result.window.byCode,
        transport_errors: load.result.total.errors,
        p90_ms: load.result.window.p90Ms,
        p999_ms: load.result.window.p999Ms,
        avg_batch: round(ampleState.orders / Math.max(1, ampleState.batches), 1),
        cpu_cores_used: load.cpu,
      },
      sellout: sellouts[0],
      sellout_rounds: sellouts,
      oversold,
      invariants_ok: broken.length === 0,
      broken,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (oversold > 0 || broken.length > 0) process.exitCode = 1;
  } catch (err) {
    for (const s of servers) console.error(s.output());
    throw err;
  } finally {
    for (const s of [...servers].reverse()) await stopServer(s).catch(() => {});
    await cleanUp(dataDir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
