import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU time of processes from `/proc` (Linux; 0 or empty elsewhere), for the benchmarks' CPU shares:
 * a process, and an embedded PostgreSQL cluster as a whole.
 */

/** The fields of `/proc/<pid>/stat` after the command, or null when the process is gone. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU seconds (utime + stime, in USER_HZ of 100) of a process; with `exitedChildren`, also what its
 * children that have exited and been reaped used (cutime + cstime).
 */
export function cpuSecondsOf(pid: number, exitedChildren = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  const own = Number(f[11]) + Number(f[12]);
  return (exitedChildren ? own + Number(f[13]) + Number(f[14]) : own) / 100;
}

/** The postmaster of the cluster in `dataDir/pg` and its children (backends, WAL writer, ...). */
export function postgresPids(dataDir: string | undefined): number[] {
  if (!dataDir || !existsSync('/proc')) return [];
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (Number(statFields(entry)?.[1]) === postmaster) pids.push(Number(entry));
  }
  return pids;
}

/**
 * CPU seconds the cluster in `dataDir/pg` has used so far: the postmaster and its live children,
 * plus the children that have exited (autovacuum workers, closed backends). The difference of two
 * readings is what the server spent between them.
 */
export function postgresCpuSeconds(dataDir: string | undefined): number {
  const [postmaster, ...children] = postgresPids(dataDir);
  if (postmaster === undefined) return 0;
  return children.reduce((a, p) => a + cpuSecondsOf(p), cpuSecondsOf(postmaster, true));
}
