import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { cancellableDelay, reconnectDelayMs } from './db-health.js';

/**
 * True when the postmaster named in `<pgData>/postmaster.pid` is alive and is PostgreSQL. A killed
 * postmaster can linger as a zombie until it is reaped; a zombie has an empty command line in /proc,
 * so it counts as gone (outside Linux only the liveness check remains).
 */
export function postmasterRunning(pgData: string): boolean {
  const pidFile = path.join(pgData, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self')) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

export interface WatchdogOptions {
  /** Whether the cluster runs now (`postmasterRunning` of its data folder). */
  isRunning: () => boolean;
  /** Starts it again: `startEmbeddedPostgres` with the options it was first started with. */
  restart: () => Promise<unknown>;
  log: Pick<Logger, 'warn' | 'error'>;
  /** How often to look. */
  intervalMs?: number;
}

export interface Watchdog {
  /** Stops watching, and waits for a restart in progress (call before stopping PostgreSQL). */
  stop(): Promise<void>;
}

/**
 * tuanflow is the supervisor of its embedded PostgreSQL: should the cluster die under a running
 * server (the OOM killer, a crash, a `kill -9`), nobody else would start it again, `/healthz` would
 * stay 200, and the server would answer 503 for ever. The watchdog looks every `intervalMs` and
 * starts a cluster that is gone (PostgreSQL then recovers from its write-ahead log), trying again
 * with backoff (up to 10 s apart) while starting fails. With `DATABASE_URL` there is no watchdog:
 * an external server has its own supervisor.
 */
export function watchEmbeddedPostgres(opts: WatchdogOptions): Watchdog {
  const every = opts.intervalMs ?? 1000;
  let stopped = false;
  let cancel = () => {};
  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      const wait = cancellableDelay(failures === 0 ? every : Math.max(every, backoff(failures)));
      cancel = wait.cancel;
      if (!(await wait.done) || stopped) return;
      if (opts.isRunning()) {
        failures = 0;
        continue;
      }
      if (failures === 0) opts.log.error('embedded PostgreSQL is not running; starting it again');
      try {
        await opts.restart();
        opts.log.warn({ attempts: failures + 1 }, 'embedded PostgreSQL started again');
        failures = 0;
      } catch (err) {
        failures += 1;
        opts.log.error(
          { err, cause: err instanceof Error ? err.message : String(err), attempts: failures },
          'embedded PostgreSQL did not start; trying again',
        );
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      cancel();
      await loop;
    },
  };
}

/** Waits between failed starts: 1 s doubling to 10 s (a start that fails takes seconds itself). */
function backoff(failures: number): number {
  return reconnectDelayMs(failures + 1, { baseMs: 1000, capMs: 10_000 });
}
