import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: 'ignore' });
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
    child.kill(signal);
  });
}

/** `npm start` runs node as its child; kill -9 must hit node itself, as a crash would. */
async function killNode(port: number): Promise<void> {
  const { execSync } = await import('node:child_process');
  const pids = execSync(`pgrep -f "src/main.ts" || true`).toString().trim().split('\n').filter(Boolean);
  for (const pid of pids) {
    const env = execSync(
      `cat /proc/${pid}/environ 2>/dev/null | tr '\\0' '\\n' | grep '^PORT=' || true`,
    ).toString();
    if (env.trim() === `PORT=${port}`) process.kill(Number(pid), 'SIGKILL');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 1000) / 1000;

async function main() {
  if (webBuildIsStale(ROOT)) buildWeb(ROOT);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-bench-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
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
    await killNode(port);
    await new Promise((r) => crashed.child.once('exit', r));
    const recovered = await timeToReady(env, port);
    await stop(recovered.child, 'SIGINT');
    const result = {
      bench: 'startup',
      command: 'npm run bench:startup',
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      emptyDataDirSeconds: round(cold.seconds),
      existingDataDirSeconds: {
        runs: warm.map(round),
        median: round(median(warm)),
        max: round(Math.max(...warm)),
      },
      afterKill9Seconds: round(recovered.seconds),
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
