import { and, asc, count, desc, eq, gt, gte, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db, Executor, Tx } from '../db/database.js';
import { cte, executeParts, NO_PARTS, type StatementParts } from '../db/statement-parts.js';
import { newId } from '../ids.js';
import { auditChainKeying, auditLog } from './audit.tables.js';
import { type AuditContent, auditBody, auditHashOf, checkChain, GENESIS_HASH } from './audit-chain.js';
import {
  effectiveKeyedFrom,
  findTruncation,
  type ParsedCheckpoints,
  type Truncation,
} from './audit-checkpoint.js';
import { type AuditKey, installedAuditKey } from './audit-key.js';

/** Who did something and through which request: passed down from the route to every use-case. */
export interface Actor {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { actorId: null, actorName: 'system', requestId: null, ip: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Serialises writers on the chain's tail; held only until the writing transaction ends. */
const AUDIT_CHAIN_LOCK = 7_464_021_002;

/**
 * Appends one record to the hash chain inside the caller's transaction, so the record exists if and
 * only if the change it describes was committed.
 */
export async function recordAudit(tx: Tx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, clock, [{ actor, entry }]);
}

/**
 * Appends many records in one statement, chained in the given order: a group-committed batch of
 * orders writes its audit trail with one lock, one read of the tail and one insert.
 */
export async function recordAuditMany(
  tx: Tx,
  clock: Clock,
  records: ReadonlyArray<{ actor: Actor; entry: AuditEntry }>,
): Promise<void> {
  if (records.length === 0) return;
  // Takes the chain's lock and reads its head in one round trip (migration 0016).
  const head = await tx.execute<AuditHead>(sql`SELECT seq, hash FROM ${auditHeadCall()}`);
  await executeParts(tx, auditParts(chainAuditRecords(head.rows[0], clock.now(), records)));
}

/** The chain's tail as `audit_chain_head` returns it (nulls while the log is empty). */
export type AuditHead = {
  seq: string | number | null;
  hash: string | null;
};

/**
 * The FROM item that takes the chain's lock and returns its head (`seq`, `hash`). The chain's lock
 * must be the last lock a transaction takes; a caller that folds this into a statement which also
 * locks other rows passes `after`, an expression over those rows' CTEs, so that PostgreSQL must
 * finish them before it calls the function.
 */
export function auditHeadCall(after?: SQL): SQL {
  return after
    ? sql`audit_chain_head(${AUDIT_CHAIN_LOCK}::bigint + 0 * (${after}))`
    : sql`audit_chain_head(${AUDIT_CHAIN_LOCK}::bigint)`;
}

export type AuditRecord = AuditContent & { prevHash: string; hash: string };

/** The records numbered and hashed onto the chain after `head` (pure). */
export function chainAuditRecords(
  head: AuditHead | undefined,
  at: Date,
  records: ReadonlyArray<{ actor: Actor; entry: AuditEntry }>,
): AuditRecord[] {
  return chainPrepared(head, prepareAuditRecords(at, records));
}

/** A record with everything but its place in the chain (see `auditBody`). */
export interface PreparedAuditRecord {
  content: Omit<AuditContent, 'seq'>;
  body: string;
}

/**
 * The part of `chainAuditRecords` that needs no chain head: a writer prepares its records before it
 * takes the chain's lock, and holds the lock only for `chainPrepared` (numbering and hashing).
 */
export function prepareAuditRecords(
  at: Date,
  records: ReadonlyArray<{ actor: Actor; entry: AuditEntry }>,
): PreparedAuditRecord[] {
  return records.map(({ actor, entry }) => {
    const content = {
      id: newId('audit'),
      at,
      actorId: actor.actorId,
      actorName: actor.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      // Round-trip through JSON so the hash covers exactly what jsonb will store (no undefined, no Dates).
      before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
      after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
      requestId: actor.requestId,
      ip: actor.ip,
    };
    return { content, body: auditBody(content) };
  });
}

/**
 * The prepared records numbered and hashed onto the chain after `head` (pure but for the key, which
 * is the process's installed audit key unless given).
 */
export function chainPrepared(
  head: AuditHead | undefined,
  prepared: readonly PreparedAuditRecord[],
  key: AuditKey = installedAuditKey(),
): AuditRecord[] {
  let seq = head?.seq == null ? 0 : Number(head.seq);
  let prevHash = head?.hash ?? GENESIS_HASH;
  return prepared.map(({ content, body }) => {
    seq += 1;
    const hash = auditHashOf(key, prevHash, body, seq);
    const row = { ...content, seq, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/** The insert of chained records as a statement part (one statement, array parameters). */
export function auditParts(rows: readonly AuditRecord[], name = 'audit'): StatementParts {
  if (rows.length === 0) return NO_PARTS;
  const col = <K extends keyof AuditRecord>(k: K) => sql.param(rows.map((r) => r[k]));
  const json = (k: 'before' | 'after') =>
    sql.param(rows.map((r) => (r[k] === null ? null : JSON.stringify(r[k]))));
  return {
    ctes: [
      cte(
        name,
        sql`INSERT INTO ${auditLog} (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
                             request_id, ip, prev_hash, hash)
    SELECT * FROM unnest(${col('seq')}::bigint[], ${col('id')}::text[],
                         ${sql.param(rows.map((r) => r.at.toISOString()))}::timestamptz[], ${col('actorId')}::text[],
                         ${col('actorName')}::text[], ${col('action')}::text[], ${col('entityType')}::text[],
                         ${col('entityId')}::text[], ${json('before')}::jsonb[], ${json('after')}::jsonb[],
                         ${col('requestId')}::text[], ${col('ip')}::text[], ${col('prevHash')}::text[], ${col('hash')}::text[])`,
      ),
    ],
    outputs: [],
  };
}

/**
 * Prepared records chained onto the log by the statement that writes them, for a statement that
 * commits on its own (the order intake's one-statement batches): it takes the chain's lock and
 * reads the head itself, then numbers and hashes each record with `auditHashOf`'s formula, in order.
 * `after` is an expression over the statement's other CTEs that PostgreSQL must finish before it
 * takes the lock, so that the chain's lock stays the last lock a transaction takes.
 *
 * The HMAC is computed with `sha256()` alone (no pgcrypto): the key's inner and outer pads travel
 * as two parameters of the statement, in no extra round trip, and are never stored.
 */
export function auditChainedParts(
  prepared: readonly PreparedAuditRecord[],
  after: SQL,
  name = 'audit',
  key: AuditKey = installedAuditKey(),
): StatementParts {
  if (prepared.length === 0) return NO_PARTS;
  const pads = key.chainPads();
  const c = prepared.map((p) => p.content);
  const col = <K extends keyof PreparedAuditRecord['content']>(k: K) => sql.param(c.map((r) => r[k]));
  const json = (k: 'before' | 'after') =>
    sql.param(c.map((r) => (r[k] === null ? null : JSON.stringify(r[k]))));
  const [head, recs, chain, bodies] = [`${name}_head`, `${name}_recs`, `${name}_chain`, `${name}_bodies`].map(
    (n) => sql.identifier(n),
  );
  return {
    ctes: [
      cte(
        `${name}_head`,
        sql`SELECT coalesce(h.seq, 0)::bigint AS seq, coalesce(h.hash, ${GENESIS_HASH}) AS hash
            FROM ${auditHeadCall(after)} AS h`,
      ),
      cte(
        `${name}_recs`,
        sql`SELECT * FROM unnest(${col('id')}::text[], ${sql.param(c.map((r) => r.at.toISOString()))}::timestamptz[],
                                 ${col('actorId')}::text[], ${col('actorName')}::text[], ${col('action')}::text[],
                                 ${col('entityType')}::text[], ${col('entityId')}::text[], ${json('before')}::jsonb[],
                                 ${json('after')}::jsonb[], ${col('requestId')}::text[], ${col('ip')}::text[])
              WITH ORDINALITY AS r(id, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
                                   request_id, ip, n)`,
      ),
      cte(
        `${name}_bodies`,
        sql`SELECT ${sql.param(prepared.map((p) => p.body))}::text[] AS b,
                   ${sql.param(pads.inner)}::bytea AS ki, ${sql.param(pads.outer)}::bytea AS ko`,
      ),
      cte(
        `${name}_chain`,
        sql`WITH RECURSIVE c(n, seq, prev_hash, hash) AS (
              SELECT 0::bigint, h.seq, NULL::text, h.hash FROM ${head} h
              UNION ALL
              SELECT c.n + 1, c.seq + 1, c.hash,
                     encode(sha256(d.ko || sha256(d.ki || convert_to(
                       c.hash || E'\n' || d.b[c.n + 1] || ',"seq":' || (c.seq + 1)::text || '}', 'UTF8'))), 'hex')
              FROM c, ${bodies} d WHERE c.n < cardinality(d.b))
            SELECT * FROM c WHERE c.n > 0`,
      ),
      cte(
        name,
        sql`INSERT INTO ${auditLog} (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
                             request_id, ip, prev_hash, hash)
    SELECT c.seq, r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.before, r.after,
           r.request_id, r.ip, c.prev_hash, c.hash
    FROM ${chain} c JOIN ${recs} r ON r.n = c.n`,
      ),
    ],
    outputs: [],
  };
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.actor) {
    const actorMatch = or(
      eq(auditLog.actorId, q.actor),
      ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`),
    );
    if (actorMatch) where.push(actorMatch);
  }
  if (q.action) where.push(ilike(auditLog.action, `%${escapeLike(q.action)}%`));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0 };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface AuditVerification {
  /** True when no record is broken and the table agrees with every checkpoint. */
  ok: boolean;
  checked: number;
  /** The first record whose link or hash is wrong (a removed record: the seq that is missing). */
  brokenAtSeq: number | null;
  /** The chain's last seq in the table, and its hash when the chain verified up to it. */
  headSeq: number | null;
  headHash: string | null;
  /** Records from this seq on are keyed; earlier ones are plain SHA-256 (written before the key). */
  keyedFromSeq: number;
  /** A chain shorter than a checkpoint says, or a record at a checkpoint's seq with another hash. */
  truncation: Truncation | null;
  /** The furthest valid checkpoint. */
  lastCheckpoint: { seq: number; at: string } | null;
  /** Checkpoint lines that are damaged or whose signature fails (the file was edited). */
  badCheckpoints: number;
  /** Checkpoint lines signed by another audit key (the key was replaced): not checked. */
  otherKeyCheckpoints: number;
}

/** The recorded switch-over to keyed hashes (migration 0040); null only on a database before it. */
export async function keyedFromSeq(db: Executor): Promise<number | null> {
  const [row] = await db.select({ seq: auditChainKeying.keyedFromSeq }).from(auditChainKeying).limit(1);
  return row?.seq ?? null;
}

/**
 * Walks the whole chain in pages of 1,000, reports the first record whose link or hash is wrong, and
 * compares the table with the checkpoints kept outside it, which is what reveals a chain whose last
 * records were removed (the shorter chain is intact by itself).
 */
export async function verifyAuditChain(
  db: Db,
  checkpoints: ParsedCheckpoints = { valid: [], otherKey: 0, invalid: 0 },
  key: AuditKey = installedAuditKey(),
): Promise<AuditVerification> {
  const keying = { key, keyedFromSeq: effectiveKeyedFrom(await keyedFromSeq(db), checkpoints.valid) };
  const wanted = new Set(checkpoints.valid.map((c) => c.seq));
  const hashAt = new Map<number, string>();
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  let brokenAtSeq: number | null = null;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (page.length === 0) break;
    for (const r of page) if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
    if (brokenAtSeq === null) {
      // A gap in seq means a record was removed.
      const expectedFirst = afterSeq + 1;
      if (page[0] && page[0].seq !== expectedFirst) {
        brokenAtSeq = expectedFirst;
      } else {
        const result = checkChain(keying, prev, page);
        if (result.ok) {
          checked += page.length;
          prev = result.lastHash;
        } else {
          checked += page.findIndex((r) => r.seq === result.brokenAtSeq);
          brokenAtSeq = result.brokenAtSeq;
        }
      }
    }
    afterSeq = page[page.length - 1]?.seq ?? afterSeq;
  }
  // Past a broken record the walk only collects the hashes at checkpoints, up to the real head.
  const headSeq = afterSeq === 0 ? null : afterSeq;
  const truncation = findTruncation(checkpoints.valid, headSeq, hashAt);
  const last = checkpoints.valid.reduce<(typeof checkpoints.valid)[number] | null>(
    (best, c) => (best === null || c.seq > best.seq ? c : best),
    null,
  );
  return {
    ok: brokenAtSeq === null && truncation === null && checkpoints.invalid === 0,
    checked,
    brokenAtSeq,
    headSeq,
    headHash: brokenAtSeq === null && headSeq !== null ? prev : null,
    keyedFromSeq: keying.keyedFromSeq,
    truncation,
    lastCheckpoint: last ? { seq: last.seq, at: last.at } : null,
    badCheckpoints: checkpoints.invalid,
    otherKeyCheckpoints: checkpoints.otherKey,
  };
}
