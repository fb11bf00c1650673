import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.js';
import { buildWeb, webBuildIsStale } from '../src/platform/web-build.js';

/**
 * bench/startup: seconds from `npm start` to `/readyz` answering 200, on an empty data directory
 * (initdb, migrations, demo seed) and on an existing one (the console already built), plus the
 * restart after a `kill -9`. Prints one JSON object. Usage: npm run bench:startup [-- --runs 5]
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function timeToReady(
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ seconds: number; child: ChildProcess }> {
  const t0 = performance.now();
  // Detached: npm leads its own process group, which is signalled as a whole like Ctrl-C in a
  // terminal does (npm alone would pass a signal only to its `sh -c`, which does not forward it).
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { seconds: (performance.now() - t0) / 1000, child };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    if (child.pid) process.kill(-child.pid, signal);
  });
}

/** `npm start` runs node as a grandchild; kill -9 must hit node itself, as a crash would. */
function killNode(group: ChildProcess): void {
  const pids = execSync(`pgrep -g ${group.pid} -f "src/main.ts" || true`)
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean);
  for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
}

/** The floor under our start-up: PostgreSQL alone on the same cluster, and Node with tsx alone. */
async function baselines(
  dataDir: string,
  pgPort: number,
): Promise<{ pgStartSeconds: number; nodeTsxSeconds: number }> {
  const t0 = performance.now();
  const pg = await startEmbeddedPostgres({ dir: dataDir, port: pgPort });
  const pgStartSeconds = (performance.now() - t0) / 1000;
  await pg.stop();
  const t1 = performance.now();
  execSync(`${process.execPath} --import tsx -e "0"`, { cwd: ROOT });
  return { pgStartSeconds, nodeTsxSeconds: (performance.now() - t1) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 1000) / 1000;

async function main() {
  if (webBuildIsStale(ROOT)) buildWeb(ROOT);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-'));
  const port = await freePort();
  const pgPort = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
  try {
    const cold = await timeToReady(env, port);
    await stop(cold.child, 'SIGINT');
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const w = await timeToReady(env, port);
      warm.push(w.seconds);
      await stop(w.child, 'SIGINT');
    }
    const crashed = await timeToReady(env, port);
    killNode(crashed.child);
    await new Promise((r) => crashed.child.once('exit', r));
    const recovered = await timeToReady(env, port);
    await stop(recovered.child, 'SIGINT');
    const floor = await baselines(dataDir, pgPort);
    const warmMedian = median(warm);
    const result = {
      bench: 'startup',
      command: 'npm run bench:startup',
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      emptyDataDirSeconds: round(cold.seconds),
      existingDataDirSeconds: {
        runs: warm.map(round),
        median: round(warmMedian),
        max: round(Math.max(...warm)),
      },
      afterKill9Seconds: round(recovered.seconds),
      baselines: {
        pgCtlStartSameClusterSeconds: round(floor.pgStartSeconds),
        nodeWithTsxEmptyProgramSeconds: round(floor.nodeTsxSeconds),
        warmOverFloorRatio: round(warmMedian / (floor.pgStartSeconds + floor.nodeTsxSeconds)),
      },
      targetWarmSeconds: 5,
      warmTargetMet: Math.max(...warm) < 5,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
