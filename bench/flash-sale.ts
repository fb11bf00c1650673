import { expireUnpaidOrders } from '../src/modules/orders/index.js';
import {
  arrangeSale,
  brokenInvariants,
  cleanUp,
  embeddedUrl,
  freePort,
  type LoadRun,
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
  stringFlag,
  tempDataDir,
} from './flash-sale-support.js';

/**
 * bench/flash-sale: one hot SKU in a live campaign, driven over HTTP by bench/load-generator.ts in
 * a separate process, against tuanflow on a fresh embedded PostgreSQL (fsync on).
 *   A. ample stock, group commit (the product)      → orders_per_s, p50_ms, p99_ms
 *   B. sell-out: stock S, 5×S attempts               → sellout {…, oversold}, checked in the database
 *   F. B's orders left unpaid past their deadline; the expiry job's function run once
 *                                                    → expiry {orders, seconds, orders_per_s}, stock back
 *   D. the same load on POST /api/bench/empty        → empty_req_per_s
 *   C. BENCH_MODE=naive (one transaction per order)  → naive_orders_per_s
 *   E. BENCH_MODE=nodb (the route's work, batches answered without the database)
 *                                                    → nodb_orders_per_s, a reference: what is left
 *                                                      for the database is the gap between A and E
 *   G. BENCH_MODE=lean (each batch stored as the fewest rows an order could have: order, lines,
 *      idempotency answer, sold counter; one statement)  → lean_orders_per_s, a ceiling: the real
 *                                                      intake writes all of these and more
 * Prints one JSON object. Usage:
 *   npm run bench:flash-sale [-- --concurrency 256 --seconds 10 --stock 1000 --attempts-factor 5]
 *   [--server-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"]  (profiles the server of phase A)
 */

const concurrency = numberFlag('concurrency', 256);
const seconds = numberFlag('seconds', 10);
const warmup = numberFlag('warmup', 2);
const stock = numberFlag('stock', 1000);
const attemptsFactor = numberFlag('attempts-factor', 5);
const serverNodeArgs = stringFlag('server-node-args', '').split(' ').filter(Boolean);
/** `--only-a`: phase A alone, printed as its summary (for quick A/B runs while changing the intake). */
const onlyA = process.argv.includes('--only-a');
const AMPLE = 10_000_000;

function phaseSummary(run: LoadRun, ok: '201' | '200') {
  const w = run.result.window;
  return {
    per_s: round((w.byStatus[ok] ?? 0) / run.result.seconds, 0),
    responses_per_s: round(w.perSecond, 0),
    p50_ms: w.p50Ms,
    p90_ms: w.p90Ms,
    p99_ms: w.p99Ms,
    p999_ms: w.p999Ms,
    max_ms: w.maxMs,
    by_status: w.byStatus,
    by_code: w.byCode,
    transport_errors: run.result.total.errors,
    cpu_cores_used: run.cpu,
  };
}

async function main() {
  const dataDir = tempDataDir();
  const port = await freePort();
  const pgPort = await freePort();
  const env = { dataDir, port, pgPort };
  let server: Server | undefined;
  let phone = 0;
  const nextPhones = (n: number) => {
    const start = phone;
    phone += n;
    return start;
  };
  try {
    server = await startServer({ ...env, benchMode: 'group', nodeArgs: serverNodeArgs });
    const bench = openBenchDb(dataDir, embeddedUrl(dataDir, pgPort));
    const { deps } = bench;
    const target = [server.url];
    const watchPids = (s: Server) => (s.child.pid ? [s.child.pid] : []);

    // A. Ample stock: the rate the product sustains.
    const saleA = await arrangeSale(deps, { stock: AMPLE });
    const a = await runLoad({
      targets: target,
      sale: saleA,
      concurrency,
      seconds,
      warmup,
      phoneStart: nextPhones(20_000_000),
      keyPrefix: newKeyPrefix('a'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    const stateA = await saleState(deps, saleA);
    const brokenA = brokenInvariants(stateA, AMPLE);
    const acceptedA = a.result.total.byStatus['201'] ?? 0;
    if (stateA.orders !== acceptedA)
      brokenA.push(`orders in db ${stateA.orders} != 201 answers ${acceptedA}`);
    // How the intake placed phase A's batches: one statement each, or carefully (fast-batch.ts).
    const batchesA = await (await fetch(`${server.url}/api/bench/intake-stats`)).json();
    if (onlyA) {
      const summary = {
        ...phaseSummary(a, '201'),
        avg_batch: round(stateA.orders / Math.max(1, stateA.batches), 1),
        batches: batchesA,
      };
      process.stdout.write(
        `${JSON.stringify({ bench: 'flash-sale', phase: 'A', ...summary, broken: brokenA })}\n`,
      );
      await bench.close();
      return;
    }

    // B. Sell-out: stock S, several times S attempts, then stop.
    const saleB = await arrangeSale(deps, { stock });
    const attempts = stock * attemptsFactor;
    const b = await runLoad({
      targets: target,
      sale: saleB,
      concurrency,
      maxRequests: attempts,
      phoneStart: nextPhones(attempts),
      keyPrefix: newKeyPrefix('b'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    const stateB = await saleState(deps, saleB);
    const acceptedB = b.result.total.byStatus['201'] ?? 0;
    const brokenB = brokenInvariants(stateB, stock);
    if (stateB.sold !== acceptedB) brokenB.push(`sold ${stateB.sold} != accepted ${acceptedB}`);
    if (stateB.allocated !== acceptedB)
      brokenB.push(`allocated ${stateB.allocated} != accepted ${acceptedB}`);
    if (stateB.available !== stock - acceptedB)
      brokenB.push(`available ${stateB.available} != stock - accepted ${stock - acceptedB}`);
    if (stateB.orders !== acceptedB) brokenB.push(`orders in db ${stateB.orders} != accepted ${acceptedB}`);

    // F. Expiry: the sell-out's accepted orders are never paid. Their deadline is moved into the
    // past and the `orders-expire` job's function runs once, here (the server's own job may take
    // some of them if its minute comes meanwhile; the count is read from the database): every order
    // cancelled, every unit back on sale.
    await deps.pool.query(
      `UPDATE orders SET payment_due_at = now() - interval '1 minute' WHERE campaign_id = $1 AND status = 'pending_payment'`,
      [saleB.campaignId],
    );
    const expiryStart = performance.now();
    const expired = await expireUnpaidOrders(deps);
    const expirySeconds = (performance.now() - expiryStart) / 1000;
    const stateF = await saleState(deps, saleB);
    const brokenF: string[] = [];
    const cancelledF = Number(
      (
        await deps.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM orders WHERE campaign_id = $1 AND status = 'cancelled'`,
          [saleB.campaignId],
        )
      ).rows[0]?.n,
    );
    if (cancelledF !== acceptedB) brokenF.push(`cancelled ${cancelledF} != accepted ${acceptedB}`);
    if (stateF.sold !== 0 || stateF.allocated !== 0 || stateF.available !== stock || stateF.onHand !== stock)
      brokenF.push(
        `sold ${stateF.sold}, allocated ${stateF.allocated}, available ${stateF.available}, on hand ${stateF.onHand}`,
      );

    // D. The floor: the same requests to an endpoint that does nothing.
    const d = await runLoad({
      targets: target,
      path: '/api/bench/empty',
      sale: saleA,
      concurrency,
      seconds,
      warmup,
      phoneStart: nextPhones(0),
      keyPrefix: newKeyPrefix('d'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    await bench.close();
    await stopServer(server);
    server = undefined;

    // C. One transaction per order, same data directory.
    server = await startServer({ ...env, benchMode: 'naive' });
    const benchC = openBenchDb(dataDir, embeddedUrl(dataDir, pgPort));
    const saleC = await arrangeSale(benchC.deps, { stock: AMPLE });
    const c = await runLoad({
      targets: [server.url],
      sale: saleC,
      concurrency,
      seconds,
      warmup,
      phoneStart: nextPhones(20_000_000),
      keyPrefix: newKeyPrefix('c'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    const stateC = await saleState(benchC.deps, saleC);
    const brokenC = brokenInvariants(stateC, AMPLE);
    await stopServer(server);
    server = undefined;

    // E. The same orders, answered without the database: the route's and the batch's own work.
    server = await startServer({ ...env, benchMode: 'nodb' });
    const e = await runLoad({
      targets: [server.url],
      sale: await arrangeSale(benchC.deps, { stock: AMPLE }),
      concurrency,
      seconds,
      warmup,
      phoneStart: nextPhones(20_000_000),
      keyPrefix: newKeyPrefix('e'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    await stopServer(server);
    server = undefined;

    // G. The same orders stored as leanly as an order can be: the ceiling for A on this machine.
    server = await startServer({ ...env, benchMode: 'lean' });
    const saleG = await arrangeSale(benchC.deps, { stock: AMPLE });
    const g = await runLoad({
      targets: [server.url],
      sale: saleG,
      concurrency,
      seconds,
      warmup,
      phoneStart: nextPhones(20_000_000),
      keyPrefix: newKeyPrefix('g'),
      watchPids: watchPids(server),
      pgDataDir: dataDir,
    });
    const stateG = await saleState(benchC.deps, saleG);
    const acceptedG = g.result.total.byStatus['201'] ?? 0;
    const brokenG =
      stateG.orders === acceptedG ? [] : [`lean: orders in db ${stateG.orders} != 201 answers ${acceptedG}`];
    await benchC.close();
    await stopServer(server);
    server = undefined;

    const summaryA = phaseSummary(a, '201');
    const summaryC = phaseSummary(c, '201');
    const summaryD = phaseSummary(d, '200');
    const summaryE = phaseSummary(e, '201');
    const summaryG = phaseSummary(g, '201');
    const soldOutB = b.result.total.byCode['orders.sold_out'] ?? 0;
    const oversold = Math.max(acceptedB, stateB.sold, stateB.allocated, stateB.orders) - stock;
    const broken = [...brokenA, ...brokenB, ...brokenF.map((b) => `expiry: ${b}`), ...brokenC, ...brokenG];
    const result = {
      bench: 'flash-sale',
      command: `npm run bench:flash-sale -- --concurrency ${concurrency} --seconds ${seconds} --stock ${stock}`,
      ...machine(),
      parameters: {
        concurrency,
        seconds,
        warmupSeconds: warmup,
        stock,
        attempts,
        fsync: 'on (PostgreSQL default)',
      },
      orders_per_s: summaryA.per_s,
      p50_ms: summaryA.p50_ms,
      p99_ms: summaryA.p99_ms,
      concurrency,
      sellout: {
        stock,
        attempts,
        accepted: acceptedB,
        rejected_sold_out: soldOutB,
        rejected_other: b.result.total.byCode,
        transport_errors: b.result.total.errors,
        oversold,
        seconds: b.result.seconds,
        p99_ms: b.result.window.p99Ms,
        db: {
          sold: stateB.sold,
          allocated: stateB.allocated,
          available: stateB.available,
          orders: stateB.orders,
        },
      },
      expiry: {
        orders: cancelledF,
        by_this_run: expired.cancelled,
        rounds: expired.rounds,
        seconds: round(expirySeconds),
        orders_per_s: Math.round(cancelledF / expirySeconds),
        db_after: { sold: stateF.sold, allocated: stateF.allocated, available: stateF.available },
      },
      naive_orders_per_s: summaryC.per_s,
      empty_req_per_s: summaryD.per_s,
      ratio_vs_naive: round(summaryA.per_s / summaryC.per_s),
      ratio_vs_empty: round(summaryA.per_s / summaryD.per_s),
      nodb_orders_per_s: summaryE.per_s,
      ratio_nodb_vs_empty: round(summaryE.per_s / summaryD.per_s),
      lean_orders_per_s: summaryG.per_s,
      ratio_lean_vs_empty: round(summaryG.per_s / summaryD.per_s),
      ratio_vs_lean: round(summaryA.per_s / summaryG.per_s),
      phases: {
        group: {
          ...summaryA,
          avg_batch: round(stateA.orders / Math.max(1, stateA.batches), 1),
          batches: batchesA,
        },
        naive: summaryC,
        empty: summaryD,
        nodb: summaryE,
        lean: summaryG,
      },
      targets: {
        orders_per_s: { target: 8000, met: summaryA.per_s >= 8000 },
        p99_ms: { target: 100, met: summaryA.p99_ms <= 100 },
        ratio_vs_naive: { target: 5, met: summaryA.per_s / summaryC.per_s >= 5 },
        ratio_vs_empty: { target: 0.4, met: summaryA.per_s / summaryD.per_s >= 0.4 },
        oversold: { target: 0, met: oversold <= 0 },
      },
      invariants_ok: broken.length === 0,
      broken,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (oversold > 0 || broken.length > 0) process.exitCode = 1;
  } catch (err) {
    if (server) console.error(server.output());
    throw err;
  } finally {
    if (server) await stopServer(server).catch(() => {});
    await cleanUp(dataDir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
