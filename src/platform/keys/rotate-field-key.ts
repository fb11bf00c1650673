import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { type Actor, recordAudit } from '../audit/index.js';
import { ConfigError, type SecretKey } from '../config.js';
import { FieldCrypto } from '../crypto.js';
import type { Db } from '../db/database.js';
import { ENCRYPTED_TABLES, type EncryptedTable, ident, PHONE_HASH_COLUMNS } from './encrypted-columns.js';
import { ensureFieldKey, readFieldKeyRow } from './key-check.js';

/**
 * Key rotation (密钥轮换): re-encrypts every encrypted column and recomputes every keyed hash under a
 * new key, in batches of rows, each batch its own transaction. The server must be stopped meanwhile
 * (the `keys` command checks): lookups by hash would otherwise miss rows while some are re-hashed and
 * some not. The run is resumable: the database records which key is being rotated to, a row is done
 * when the new key reads all its values, and a batch re-hashes the phone hashes stored alone
 * (counters, blocklist) of exactly the numbers it re-encrypts, in the same transaction. Only when
 * every row is done is the new key's check value stored; until then no server starts.
 */

export interface RotationOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Where the current key came from, for messages (ENCRYPTION_KEY or the key file's path). */
  source: string;
  /** Where the new key came from (NEW_ENCRYPTION_KEY or the `.next` key file's path). */
  nextSource: string;
  now: Date;
  progress?: (msg: string) => void;
}

export interface RotationReport {
  /** The database was already on the new key (an earlier run finished): nothing was changed. */
  alreadyDone: boolean;
  fromKeyId: string;
  toKeyId: string;
  /** Rows rewritten, per table. */
  rewritten: Record<string, number>;
  /** Phone hashes stored alone that were re-hashed, per table. */
  rehashed: Record<string, number>;
  /**
   * Live blocklist phones blocked before the blocklist kept the number (only a hash and a masked
   * number) whose number is nowhere else in the database: they cannot be re-hashed and no longer
   * match. Their masked numbers, to be blocked again.
   */
  orphanBlocks: string[];
}

/** Who the rotation's audit record names: the operator's command, not a user of the console. */
export const KEYS_ACTOR: Actor = {
  actorId: null,
  actorName: 'npm run keys -- rotate',
  requestId: null,
  ip: null,
};

export async function rotateFieldKey(
  pool: pg.Pool,
  current: FieldCrypto,
  nextKey: SecretKey,
  opts: RotationOptions,
): Promise<RotationReport> {
  // Writes with the new key and reads under either: rows done by an interrupted run are under the new one.
  const next = new FieldCrypto(nextKey, current);
  const progress = opts.progress ?? (() => {});
  const batchSize = opts.batchSize ?? 500;
  const report: RotationReport = {
    alreadyDone: false,
    fromKeyId: current.check.keyId,
    toKeyId: next.check.keyId,
    rewritten: {},
    rehashed: {},
    orphanBlocks: [],
  };
  if (current.check.value === next.check.value)
    throw new ConfigError(opts.nextSource, 'is the current key; a rotation needs a different key');

  let row = await readFieldKeyRow(pool);
  if (row && row.check_value === next.check.value && row.next_key_id === null) {
    report.alreadyDone = true;
    return report;
  }
  if (!row) {
    await ensureFieldKey(pool, current, opts.source, opts.now);
    row = await readFieldKeyRow(pool);
  }
  if (!row) throw new Error('platform_field_key: no check value');
  if (row.check_value !== current.check.value)
    throw new ConfigError(
      opts.source,
      `is not the key this database's data is encrypted with (the database expects key id ${row.key_id}; this key has id ${current.check.keyId})`,
    );
  if (row.next_check_value !== null && row.next_check_value !== next.check.value)
    throw new ConfigError(
      opts.nextSource,
      `is not the key the unfinished rotation started with (key id ${row.next_key_id}; this key has id ${next.check.keyId}); finish that rotation with its key`,
    );
  if (row.next_check_value === null) {
    await pool.query(
      `UPDATE platform_field_key SET next_key_id = $1, next_check_value = $2, rotation_started_at = $3, updated_at = $3
       WHERE id = 1 AND next_check_value IS NULL`,
      [next.check.keyId, next.check.value, opts.now.toISOString()],
    );
    progress(`rotation from key id ${current.check.keyId} to ${next.check.keyId} started`);
  } else {
    progress(`resuming the rotation from key id ${current.check.keyId} to ${next.check.keyId}`);
  }

  for (const t of ENCRYPTED_TABLES) {
    report.rewritten[t.table] = await rotateTable(pool, t, current, next, batchSize, report);
    progress(`${t.table}: ${report.rewritten[t.table]} rows re-encrypted`);
  }

  report.orphanBlocks = await orphanBlocks(pool);
  // The switch and its audit record in one transaction: the log says when the key changed, to which
  // key id, and how much was rewritten (never a key or a value).
  const db = drizzle({ client: pool }) as Db;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update platform_field_key set key_id = next_key_id, check_value = next_check_value,
        next_key_id = null, next_check_value = null, rotation_started_at = null, updated_at = ${opts.now.toISOString()}::timestamptz
      where id = 1 and next_check_value = ${next.check.value}`);
    await recordAudit(tx, { now: () => opts.now }, KEYS_ACTOR, {
      action: 'field_key.rotate',
      entityType: 'platform_field_key',
      entityId: '1',
      before: { keyId: current.check.keyId },
      after: { keyId: next.check.keyId, rewritten: report.rewritten, rehashed: report.rehashed },
    });
  });
  return report;
}

async function rotateTable(
  pool: pg.Pool,
  t: EncryptedTable,
  current: FieldCrypto,
  next: FieldCrypto,
  batchSize: number,
  report: RotationReport,
): Promise<number> {
  const cols = t.columns.flatMap((c) => [c.enc, ...(c.hash ? [c.hash] : [])]);
  let after = '';
  let rewritten = 0;
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Locked, so a batch's rows cannot change between reading and rewriting them.
      const r = await client.query<Record<string, string>>(
        `SELECT ${ident(t.key)} AS pk, ${t.columns.map((c) => ident(c.enc)).join(', ')} FROM ${ident(t.table)}
         WHERE ${ident(t.key)} > $1${t.where ? ` AND ${t.where}` : ''} ORDER BY ${ident(t.key)} LIMIT ${batchSize} FOR UPDATE`,
        [after],
      );
      const last = r.rows.at(-1);
      if (!last) {
        await client.query('COMMIT');
        return rewritten;
      }
      after = String(last.pk);
      const values: string[][] = cols.map(() => []);
      const keys: string[] = [];
      const oldHashes: string[] = [];
      const newHashes: string[] = [];
      for (const row of r.rows) {
        if (t.columns.every((c) => next.isOwnToken(String(row[c.enc])))) continue;
        keys.push(String(row.pk));
        let i = 0;
        for (const c of t.columns) {
          let plain: string;
          try {
            plain = next.decrypt(String(row[c.enc]));
          } catch {
            throw new Error(`${t.table}.${c.enc} of ${t.key} ${row.pk} cannot be read with either key`);
          }
          values[i++]?.push(next.encrypt(plain));
          if (c.hash) values[i++]?.push(next.hash(plain));
          if (c.phone) {
            oldHashes.push(current.hash(plain));
            newHashes.push(next.hash(plain));
          }
        }
      }
      if (keys.length > 0) {
        const set = cols.map((c, i) => `${ident(c)} = v.c${i}`).join(', ');
        const args = cols.map((_, i) => `$${i + 2}::text[]`).join(', ');
        const names = cols.map((_, i) => `c${i}`).join(', ');
        await client.query(
          `UPDATE ${ident(t.table)} SET ${set} FROM unnest($1::text[], ${args}) AS v(pk, ${names})
           WHERE ${ident(t.table)}.${ident(t.key)} = v.pk`,
          [keys, ...values],
        );
        rewritten += keys.length;
        if (oldHashes.length > 0) await rehashPhones(client, oldHashes, newHashes, report);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}

/** Re-hashes the phone hashes stored alone, old hash to new, for the numbers of one batch. */
async function rehashPhones(
  client: pg.PoolClient,
  oldHashes: string[],
  newHashes: string[],
  report: RotationReport,
): Promise<void> {
  for (const h of PHONE_HASH_COLUMNS) {
    const col = ident(h.column);
    const r = await client.query(
      `UPDATE ${ident(h.table)} SET ${col} = m.new_hash
       FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS u(old_hash, new_hash)) AS m
       WHERE ${ident(h.table)}.${col} = m.old_hash${h.where ? ` AND ${h.where}` : ''}`,
      [oldHashes, newHashes],
    );
    report.rehashed[h.table] = (report.rehashed[h.table] ?? 0) + (r.rowCount ?? 0);
  }
}

/** Live blocklisted phones whose hash matches no stored number after the rotation (see RotationReport). */
async function orphanBlocks(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ display: string }>(
    `SELECT display FROM risk_blocklist b
     WHERE b.kind = 'phone' AND b.removed_at IS NULL AND b.value_enc IS NULL
       AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.phone_hash = b.value)
       AND NOT EXISTS (SELECT 1 FROM leaders l WHERE l.phone_hash = b.value)
       AND NOT EXISTS (SELECT 1 FROM leader_applications a WHERE a.phone_hash = b.value)
     ORDER BY b.created_at`,
  );
  return r.rows.map((x) => x.display);
}
