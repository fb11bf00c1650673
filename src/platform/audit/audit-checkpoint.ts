import type { AuditKey } from './audit-key.js';

/**
 * The chain's head as it was at one moment, kept outside the database (a file in the data directory,
 * and the server log). The chain alone shows an edited record, but not a shortened chain: whoever
 * deletes the last records leaves a shorter chain that is intact. A checkpoint remembers how far the
 * chain went and what its hash was there, and its signature (with the audit key) keeps anyone without
 * the key from writing a convincing one.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When the checkpoint was taken (ISO 8601). */
  at: string;
  /** The first keyed record (records before it are plain SHA-256), so the switch-over is anchored too. */
  keyedFromSeq: number;
  /** The signing key's public id: a checkpoint signed by another key is told apart from a forged one. */
  keyId: string;
}

const VERSION = 1;

function signedText(c: AuditCheckpoint): string {
  return `tuanflow-audit-checkpoint|v${VERSION}|${c.seq}|${c.hash}|${c.at}|${c.keyedFromSeq}|${c.keyId}`;
}

/** One line of the checkpoint file: the checkpoint and its signature as JSON, without a newline. */
export function checkpointLine(key: AuditKey, c: Omit<AuditCheckpoint, 'keyId'>): string {
  const full: AuditCheckpoint = { ...c, keyId: key.id };
  return JSON.stringify({ v: VERSION, ...full, sig: key.sign(signedText(full)) });
}

export interface ParsedCheckpoints {
  /** Checkpoints whose signature holds under this key, in the file's order. */
  valid: AuditCheckpoint[];
  /** Lines signed by another key (by id): the key was replaced, or the file comes from elsewhere. */
  otherKey: number;
  /** Lines that are not checkpoints or whose signature is wrong: the file was edited. */
  invalid: number;
}

const HASH = /^[0-9a-f]{64}$/;

function isCheckpoint(v: unknown): v is AuditCheckpoint & { v: number; sig: string } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.v === VERSION &&
    Number.isSafeInteger(o.seq) &&
    Number.isSafeInteger(o.keyedFromSeq) &&
    typeof o.hash === 'string' &&
    HASH.test(o.hash) &&
    typeof o.at === 'string' &&
    typeof o.keyId === 'string' &&
    typeof o.sig === 'string'
  );
}

/** Reads the checkpoint file's text; blank lines are ignored (a line cut short by a crash is not). */
export function parseCheckpoints(key: AuditKey, text: string): ParsedCheckpoints {
  const out: ParsedCheckpoints = { valid: [], otherKey: 0, invalid: 0 };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      out.invalid += 1;
      continue;
    }
    if (!isCheckpoint(parsed)) {
      out.invalid += 1;
      continue;
    }
    const c: AuditCheckpoint = {
      seq: parsed.seq,
      hash: parsed.hash,
      at: parsed.at,
      keyedFromSeq: parsed.keyedFromSeq,
      keyId: parsed.keyId,
    };
    if (c.keyId !== key.id) out.otherKey += 1;
    else if (key.sign(signedText(c)) !== parsed.sig) out.invalid += 1;
    else out.valid.push(c);
  }
  return out;
}

/** What the table lacks or holds differently from the checkpoints. */
export interface Truncation {
  /** `head_behind`: the chain ends before a checkpoint's seq (records were removed from its end). */
  reason: 'head_behind' | 'hash_differs';
  checkpointSeq: number;
  checkpointAt: string;
  /** The chain's last seq in the table (null when it is empty). */
  headSeq: number | null;
}

/**
 * Compares the checkpoints with the table: `hashAt` holds the table's hash at each checkpoint's seq
 * that it still has. A record whose hash differs from its checkpoint's is reported first (the earliest
 * one), then a head behind the furthest checkpoint.
 */
export function findTruncation(
  checkpoints: readonly AuditCheckpoint[],
  headSeq: number | null,
  hashAt: ReadonlyMap<number, string>,
): Truncation | null {
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  for (const c of sorted) {
    const hash = hashAt.get(c.seq);
    if (hash !== undefined && hash !== c.hash)
      return { reason: 'hash_differs', checkpointSeq: c.seq, checkpointAt: c.at, headSeq };
  }
  const last = sorted[sorted.length - 1];
  if (last && (headSeq ?? 0) < last.seq)
    return { reason: 'head_behind', checkpointSeq: last.seq, checkpointAt: last.at, headSeq };
  return null;
}

/**
 * The seq from which records are keyed, as the checkpoints and the table say. The lower of the two
 * wins: an honest table and honest checkpoints agree, and raising the table's value (to pass rewritten
 * keyed records off as plain SHA-256 ones) must not make those records skip the key.
 */
export function effectiveKeyedFrom(
  tableValue: number | null,
  checkpoints: readonly AuditCheckpoint[],
): number {
  let from = tableValue ?? 1;
  for (const c of checkpoints) from = Math.min(from, c.keyedFromSeq);
  return from;
}
