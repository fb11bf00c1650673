import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/** What the scale benchmarks (leaders, commission) share: where their database comes from, leader codes. */

/** `--server <admin url>`: run on that PostgreSQL server instead (a fresh database, dropped after unless `--keep`). */
export function serverOption(): { adminUrl: string; keep: boolean } | null {
  const i = process.argv.indexOf('--server');
  const adminUrl = i >= 0 ? process.argv[i + 1] : undefined;
  return adminUrl ? { adminUrl, keep: process.argv.includes('--keep') } : null;
}

/** Drops and creates database `name` on the server behind `adminUrl`; returns its URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The `i`-th leader code: six characters of the alphabet leader codes use. */
export function codeOf(i: number): string {
  let s = '';
  let n = i;
  for (let k = 0; k < 6; k += 1) {
    s = (ALPHABET[n % 32] ?? 'A') + s;
    n = Math.floor(n / 32);
  }
  return s;
}

/**
 * CPU seconds (user + system) spent so far by the PostgreSQL processes on this machine: live ones,
 * plus what exited backends left in their postmaster's children times. Linux only (`/proc`); null
 * elsewhere. The difference of two readings is what the server spent between them.
 */
export function postgresCpuSeconds(): number | null {
  let dirs: string[];
  try {
    dirs = readdirSync('/proc');
  } catch {
    return null;
  }
  let ticks = 0;
  for (const d of dirs) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    // Fields after the command: state is field 3; utime 14, stime 15, cutime 16, cstime 17.
    const f = stat.slice(close + 2).split(' ');
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}
