import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  arrangeSale,
  brokenInvariants,
  cleanUp,
  embeddedUrl,
  freePort,
  killServer,
  machine,
  newKeyPrefix,
  numberFlag,
  openBenchDb,
  runLoad,
  type Server,
  saleState,
  startServer,
  stopServer,
  tempDataDir,
} from './flash-sale-support.js';

/**
 * bench/chaos: `kill -9` of the server during a flash sale loses no acknowledged order. Each round
 * starts tuanflow (group commit) on the same data directory, drives a live item with a large stock
 * from a separate process, kills the Node process with SIGKILL 100-2,000 ms into the load, restarts
 * it, and checks that every
 * order answered 201 exists with its idempotency key and id, that on_hand − allocated = available,
 * allocated = Σ order line units = campaign sold = Σ allocation movements, and that no claimed key
 * is left without its stored answer. In even rounds the embedded PostgreSQL survives, as it does
 * when Node crashes; in odd rounds every process of the embedded PostgreSQL is killed with SIGKILL at
 * the same moment, as when the machine loses power with the data on disk, and the restarted server
 * finds the stale cluster and starts it through crash recovery (`--kill-postgres false` keeps it in
 * every round). Exits 1 when anything is missing or broken.
 * Usage: npm run bench:chaos [-- --rounds 10 --concurrency 48 --kill-postgres true]
 */

const rounds = numberFlag('rounds', 10);
const concurrency = numberFlag('concurrency', 48);
const minKillMs = numberFlag('min-kill-ms', 100);
const maxKillMs = numberFlag('max-kill-ms', 2000);
const killPostgresFlag = process.argv.indexOf('--kill-postgres');
const killPostgresRounds = killPostgresFlag < 0 || process.argv[killPostgresFlag + 1] !== 'false';
const STOCK = 1_000_000;

/**
 * SIGKILL to the embedded cluster's postmaster and every process it started (backends, WAL writer,
 * checkpointer), sent one after the other without waiting: nothing of PostgreSQL gets to shut down.
 */
function killPostgres(dataDir: string): void {
  const pid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    // No children (pgrep exits 1): only the postmaster.
  }
  for (const p of [pid, ...children]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function main() {
  const dataDir = tempDataDir();
  const port = await freePort();
  const pgPort = await freePort();
  const env = { dataDir, port, pgPort, benchMode: 'group' as const };
  let server: Server | undefined;
  try {
    server = await startServer(env);
    const bench = openBenchDb(dataDir, embeddedUrl(dataDir, pgPort));
    const { deps } = bench;
    const sale = await arrangeSale(deps, { stock: STOCK });
    const perRound = [];
    let acknowledged = 0;
    let missing = 0;
    let invariantsOk = true;
    const allBroken: string[] = [];
    let ordersBefore = 0;
    for (let r = 0; r < rounds; r++) {
      server ??= await startServer(env);
      const victim: Server = server;
      const killAfterMs = Math.round(minKillMs + Math.random() * (maxKillMs - minKillMs));
      const withPostgres = killPostgresRounds && r % 2 === 1;
      let killedAt = 0;
      const run = await runLoad({
        targets: [victim.url],
        sale,
        concurrency,
        seconds: 30,
        warmup: 0,
        phoneStart: r * 10_000_000,
        keyPrefix: newKeyPrefix(`chaos${r}`),
        record: true,
        onStart: (stop) => {
          setTimeout(() => {
            killedAt = performance.now();
            if (withPostgres) killPostgres(dataDir);
            void killServer(victim).then(() => setTimeout(stop, 300));
          }, killAfterMs);
        },
      });
      server = undefined;
      if (!killedAt) throw new Error(`round ${r}: the server was not killed`);

      server = await startServer(env);
      const acks = run.result.acks ?? [];
      const found = await deps.pool.query<{ idempotency_key: string; id: string }>(
        'SELECT idempotency_key, id FROM orders WHERE idempotency_key = ANY($1::text[])',
        [acks.map((a) => a.key)],
      );
      const byKey = new Map(found.rows.map((o) => [o.idempotency_key, o.id]));
      const lost = acks.filter((a) => byKey.get(a.key) !== a.orderId);
      const state = await saleState(deps, sale);
      const broken = brokenInvariants(state, STOCK);
      acknowledged += acks.length;
      missing += lost.length;
      if (broken.length > 0) invariantsOk = false;
      allBroken.push(...broken.map((b) => `round ${r}: ${b}`));
      const roundOrders = state.orders;
      perRound.push({
        round: r,
        kill_after_ms: killAfterMs,
        postgres_killed: withPostgres,
        acknowledged: acks.length,
        missing: lost.length,
        missing_keys: lost.slice(0, 5).map((l) => l.key),
        transport_errors: run.result.total.errors,
        orders_in_db: state.orders,
        // Committed but the answer never reached the client: allowed (a retry with the key gets it).
        committed_unacknowledged: state.orders - ordersBefore - acks.length,
        invariants_ok: broken.length === 0,
      });
      ordersBefore = roundOrders;
    }
    await bench.close();
    await stopServer(server);
    server = undefined;
    const result = {
      bench: 'chaos',
      command: `npm run bench:chaos -- --rounds ${rounds} --concurrency ${concurrency}`,
      ...machine(),
      parameters: {
        rounds,
        concurrency,
        killWindowMs: [minKillMs, maxKillMs],
        stock: STOCK,
        postgresKilledInOddRounds: killPostgresRounds,
      },
      rounds,
      acknowledged,
      missing,
      invariants_ok: invariantsOk,
      broken: allBroken,
      per_round: perRound,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (missing > 0 || !invariantsOk) process.exitCode = 1;
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
