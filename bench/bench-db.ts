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
