import { createHash } from 'node:crypto';
import type { AuditKey } from './audit-key.js';
import { canonicalJson } from './canonical-json.js';

/** The content of one audit record that its hash covers. */
export interface AuditContent {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Hashes exactly the content fields, picked one by one: callers pass whole table rows, which also
 * carry `prevHash` and `hash`, and those must not feed into the hash they are checked against.
 * `key` null is the plain SHA-256 of records written before the chain was keyed.
 */
export function auditHash(key: AuditKey | null, prevHash: string, c: AuditContent): string {
  return auditHashOf(key, prevHash, auditBody(c), c.seq);
}

/**
 * The canonical JSON of a record's content without `seq`, open at the end: what can be computed
 * before the record's place in the chain is known, so that a writer holding the chain's lock only
 * appends the number and hashes. `seq` sorts after every other key, so the full canonical form is
 * this body, then `,"seq":N}`.
 */
export function auditBody(c: Omit<AuditContent, 'seq'>): string {
  const content: Record<Exclude<keyof AuditContent, 'seq'>, unknown> = {
    id: c.id,
    at: c.at.toISOString(),
    actorId: c.actorId,
    actorName: c.actorName,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before,
    after: c.after,
    requestId: c.requestId,
    ip: c.ip,
  };
  return canonicalJson(content).slice(0, -1);
}

/**
 * The hash of a record whose `auditBody` is `body`, at `seq`, after `prevHash`: HMAC-SHA256 under the
 * audit key, so that recomputing the chain after an edit needs the key, which the database never
 * holds. `key` null gives the plain SHA-256 that records before the switch-over were written with.
 */
export function auditHashOf(key: AuditKey | null, prevHash: string, body: string, seq: number): string {
  const message = `${prevHash}\n${body},"seq":${seq}}`;
  return key ? key.chainHmac(message) : createHash('sha256').update(message, 'utf8').digest('hex');
}

/**
 * Which records are keyed: those from `keyedFromSeq` on (migration 0039 recorded the switch-over, the
 * first seq after the records that existed then); earlier ones verify as plain SHA-256.
 */
export interface ChainKeying {
  key: AuditKey;
  keyedFromSeq: number;
}

export function keyForSeq(keying: ChainKeying, seq: number): AuditKey | null {
  return seq >= keying.keyedFromSeq ? keying.key : null;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
}

/**
 * Checks one run of consecutive records, given the hash the first should link to. Pure, so the
 * verifier can stream the table in pages and a test can tamper with values directly.
 */
export function checkChain(
  keying: ChainKeying,
  prevHash: string,
  records: ReadonlyArray<AuditContent & { prevHash: string; hash: string }>,
): { ok: boolean; brokenAtSeq: number | null; lastHash: string } {
  let prev = prevHash;
  for (const r of records) {
    if (r.prevHash !== prev || auditHash(keyForSeq(keying, r.seq), prev, r) !== r.hash)
      return { ok: false, brokenAtSeq: r.seq, lastHash: prev };
    prev = r.hash;
  }
  return { ok: true, brokenAtSeq: null, lastHash: prev };
}
