import type pg from 'pg';
import { ConfigError } from '../config.js';
import type { FieldCrypto } from '../crypto.js';
import { ENCRYPTED_TABLES, ident } from './encrypted-columns.js';

/** A pool or one of its clients: the key check runs on either. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface FieldKeyRow {
  key_id: string;
  check_value: string;
  next_key_id: string | null;
  next_check_value: string | null;
}

/** Values sampled per encrypted column when a database without a stored check value is first checked. */
export const SAMPLE_PER_COLUMN = 3;

export async function readFieldKeyRow(db: Queryable): Promise<FieldKeyRow | undefined> {
  const r = await db.query<FieldKeyRow>(
    'SELECT key_id, check_value, next_key_id, next_check_value FROM platform_field_key WHERE id = 1',
  );
  return r.rows[0];
}

/**
 * A few stored ciphertexts of every encrypted column, and which of them the key cannot read. Used
 * where the database predates the check value: the key is trusted only if it reads them all.
 */
export async function sampleUnreadable(
  db: Queryable,
  crypto: FieldCrypto,
): Promise<{ sampled: number; unreadable: string[] }> {
  let sampled = 0;
  const unreadable: string[] = [];
  for (const t of ENCRYPTED_TABLES) {
    for (const c of t.columns) {
      const r = await db.query<{ v: string }>(
        `SELECT ${ident(c.enc)} AS v FROM ${ident(t.table)} WHERE ${ident(c.enc)} IS NOT NULL
         ORDER BY ${ident(t.key)} LIMIT ${SAMPLE_PER_COLUMN}`,
      );
      for (const { v } of r.rows) {
        sampled += 1;
        try {
          crypto.decrypt(v);
        } catch {
          unreadable.push(`${t.table}.${c.enc}`);
        }
      }
    }
  }
  return { sampled, unreadable };
}

/**
 * Refuses to go on with a field key that is not the one the database's data is encrypted with,
 * naming where the key came from (`source`: ENCRYPTION_KEY or the key file). On the first start
 * (no check value stored yet) the key's check value is stored, but on a database that already holds
 * encrypted data only after the key has read a sample of it. Two processes starting at once both
 * insert-or-keep and compare with what won.
 */
export async function ensureFieldKey(
  db: Queryable,
  crypto: FieldCrypto,
  source: string,
  now: Date,
): Promise<{ keyId: string; stored: boolean }> {
  let row = await readFieldKeyRow(db);
  let stored = false;
  if (!row) {
    const { sampled, unreadable } = await sampleUnreadable(db, crypto);
    if (unreadable.length > 0)
      throw new ConfigError(
        source,
        `cannot read the personal data already in the database: ${unreadable.length} of ${sampled} sampled values ` +
          `(${[...new Set(unreadable)].join(', ')}) were encrypted with another key. Use the key this data was ` +
          'written with; tuanflow will not start with a key that would show *** for every number and create duplicate customers',
      );
    const ins = await db.query(
      `INSERT INTO platform_field_key (id, key_id, check_value, created_at, updated_at)
       VALUES (1, $1, $2, $3, $3) ON CONFLICT (id) DO NOTHING`,
      [crypto.check.keyId, crypto.check.value, now.toISOString()],
    );
    stored = (ins.rowCount ?? 0) > 0;
    row = await readFieldKeyRow(db);
    if (!row) throw new Error('platform_field_key: the check value just stored is missing');
  }
  if (row.next_key_id !== null)
    throw new ConfigError(
      source,
      `cannot be used yet: a key rotation to key id ${row.next_key_id} was started and has not finished. ` +
        'Finish it with `npm run keys -- rotate` (with the same new key) before starting tuanflow',
    );
  if (row.check_value !== crypto.check.value)
    throw new ConfigError(
      source,
      `is not the key this database's personal data is encrypted with (the database expects key id ${row.key_id}; ` +
        `this key has id ${crypto.check.keyId}). Set it back to the key with id ${row.key_id}; ` +
        'tuanflow will not start with a key that would show *** for every number and create duplicate customers',
    );
  return { keyId: row.key_id, stored };
}
