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
  sleep,
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
 *
 * Then `--db-kill-rounds` rounds kill PostgreSQL alone, under the running server: every process of
 * the cluster gets SIGKILL while orders are being placed; the server's watchdog starts it again (the
 * benchmark does not), and the load goes on until the server has answered /readyz 200 again and a few
 * seconds more. The server must survive (same process), answer 503 (`db.unavailable`) rather than 500
 * while the database is away, take orders again once it is back, and lose no acknowledged order.
 * Usage: npm run bench:chaos [-- --rounds 10 --concurrency 48 --kill-postgres true --db-kill-rounds 4]
 */

const rounds = numberFlag('rounds', 10);
const concurrency = numberFlag('concurrency', 48);
const minKillMs = numberFlag('min-kill-ms', 100);
const maxKillMs = numberFlag('max-kill-ms', 2000);
const killPostgresFlag = process.argv.indexOf('--kill-postgres');
const killPostgresRounds = killPostgresFlag < 0 || process.argv[killPostgresFlag + 1] !== 'false';
const dbKillRounds = numberFlag('db-kill-rounds', 4);
/** How long the load goes on once the server is ready again: orders placed after the outage. */
const afterReadyMs = numberFlag('after-ready-ms', 3000);
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

/** Polls the server's /readyz until it answers 200 (`ready`) or not; the moment it did. */
async function readyz(url: string, ready: boolean, deadlineMs: number): Promise<number> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok === ready) return performance.now();
    } catch {
      // The server went away: the round reports it.
    }
    if (Date.now() > until)
      throw new Error(`/readyz did not turn ${ready ? 'ready' : 'not ready'} within ${deadlineMs} ms`);
    await sleep(25);
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

    // PostgreSQL killed under a running server, which must outlive it.
    server ??= await startServer(env);
    const dbRounds = [];
    let dbAcknowledged = 0;
    let dbLost = 0;
    let survived = true;
    for (let r = 0; r < dbKillRounds; r++) {
      const survivor: Server = server;
      const killAfterMs = Math.round(minKillMs + Math.random() * (maxKillMs - minKillMs));
      let killedAt = 0;
      let unreadyAt = 0;
      let readyAt = 0;
      let outage: Promise<void> = Promise.resolve();
      const run = await runLoad({
        targets: [survivor.url],
        sale,
        concurrency,
        seconds: 60,
        warmup: 0,
        phoneStart: (rounds + r) * 10_000_000,
        keyPrefix: newKeyPrefix(`dbkill${r}`),
        record: true,
        onStart: (stop) => {
          outage = (async () => {
            await sleep(killAfterMs);
            killedAt = performance.now();
            killPostgres(dataDir);
            unreadyAt = await readyz(survivor.url, false, 30_000);
            readyAt = await readyz(survivor.url, true, 60_000);
            await sleep(afterReadyMs);
          })().finally(stop);
          // Awaited once the load is over; until then a failure must not count as unhandled.
          outage.catch(() => {});
        },
      });
      await outage;
      if (!killedAt) throw new Error(`db round ${r}: PostgreSQL was not killed`);
      const alive = survivor.child.exitCode === null && survivor.child.signalCode === null;
      if (!alive) survived = false;
      const acks = run.result.acks ?? [];
      const found = await deps.pool.query<{ idempotency_key: string; id: string }>(
        'SELECT idempotency_key, id FROM orders WHERE idempotency_key = ANY($1::text[])',
        [acks.map((a) => a.key)],
      );
      const byKey = new Map(found.rows.map((o) => [o.idempotency_key, o.id]));
      const lost = acks.filter((a) => byKey.get(a.key) !== a.orderId);
      const state = await saleState(deps, sale);
      const broken = brokenInvariants(state, STOCK);
      if (broken.length > 0) invariantsOk = false;
      allBroken.push(...broken.map((b) => `db round ${r}: ${b}`));
      dbAcknowledged += acks.length;
      dbLost += lost.length;
      const byCode = run.result.total.byCode;
      dbRounds.push({
        round: r,
        kill_after_ms: killAfterMs,
        // From the kill to /readyz answering 503, and to 200 again (the watchdog's restart, PostgreSQL's
        // crash recovery, and the reconnects).
        unready_after_ms: Math.round(unreadyAt - killedAt),
        ready_again_after_ms: Math.round(readyAt - killedAt),
        server_survived: alive,
        acknowledged: acks.length,
        missing: lost.length,
        missing_keys: lost.slice(0, 5).map((l) => l.key),
        answers_by_status: run.result.total.byStatus,
        db_unavailable_503: byCode['db.unavailable'] ?? 0,
        internal_500: byCode['system.internal'] ?? 0,
        transport_errors: run.result.total.errors,
        committed_unacknowledged: state.orders - ordersBefore - acks.length,
        invariants_ok: broken.length === 0,
      });
      ordersBefore = state.orders;
      if (!alive) {
        console.error(survivor.output());
        server = await startServer(env);
      }
    }
    // Orders placed after the last outage, on a fresh load: the server takes them as before.
    const afterRun = await runLoad({
      targets: [server.url],
      sale,
      concurrency,
      seconds: 2,
      warmup: 0,
      phoneStart: (rounds + dbKillRounds) * 10_000_000,
      keyPrefix: newKeyPrefix('dbkill-after'),
      record: true,
    });
    const afterAcks = afterRun.result.acks ?? [];
    await bench.close();
    await stopServer(server);
    server = undefined;
    const result = {
      bench: 'chaos',
      command: `npm run bench:chaos -- --rounds ${rounds} --concurrency ${concurrency} --db-kill-rounds ${dbKillRounds}`,
      ...machine(),
      parameters: {
        rounds,
        concurrency,
        killWindowMs: [minKillMs, maxKillMs],
        stock: STOCK,
        postgresKilledInOddRounds: killPostgresRounds,
        dbKillRounds,
        afterReadyMs,
      },
      rounds,
      acknowledged,
      missing,
      invariants_ok: invariantsOk,
      broken: allBroken,
      per_round: perRound,
      db_kill_rounds: dbKillRounds,
      acknowledged_during_db_kills: dbAcknowledged,
      acked_lost_after_db_kill: dbLost,
      server_survived_db_kills: survived,
      internal_500_during_db_kills: dbRounds.reduce((a, d) => a + d.internal_500, 0),
      orders_after_db_kills: afterAcks.length,
      db_kill_per_round: dbRounds,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (missing > 0 || !invariantsOk || dbLost > 0 || !survived || afterAcks.length === 0)
      process.exitCode = 1;
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
