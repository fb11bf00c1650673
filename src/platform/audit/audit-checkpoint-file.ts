import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { type AuditVerification, keyedFromSeq, verifyAuditChain } from './audit.service.js';
import { auditLog } from './audit.tables.js';
import {
  type AuditCheckpoint,
  checkpointLine,
  type ParsedCheckpoints,
  parseCheckpoints,
} from './audit-checkpoint.js';
import { type AuditKey, installedAuditKey } from './audit-key.js';

type CheckpointDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'log'>;

/**
 * One JSON line per checkpoint, appended and never rewritten. It lives in the data directory, which
 * exists also when the database is external, and belongs in every backup of that directory.
 */
export function checkpointFilePath(dataDir: string): string {
  return path.join(dataDir, 'audit-checkpoints.log');
}

/** Every checkpoint in the file, checked against the key (an absent file has none). */
export function readCheckpointFile(dataDir: string, key: AuditKey = installedAuditKey()): ParsedCheckpoints {
  const file = checkpointFilePath(dataDir);
  if (!existsSync(file)) return { valid: [], otherKey: 0, invalid: 0 };
  return parseCheckpoints(key, readFileSync(file, 'utf8'));
}

/** The last valid checkpoint, read from the file's end only: the writer asks this every few minutes. */
function lastCheckpoint(file: string, key: AuditKey): AuditCheckpoint | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const length = Math.min(size, 8192);
  const buf = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  let text = buf.toString('utf8');
  // The first line of a window that starts mid-file is probably cut; it is not the last one anyway.
  if (length < size) text = text.slice(text.indexOf('\n') + 1);
  return parseCheckpoints(key, text).valid.at(-1) ?? null;
}

/** Appends one line and flushes it to disk before returning: a checkpoint that a crash loses anchors nothing. */
function appendLine(file: string, line: string): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a signed checkpoint of the chain's head to the checkpoint file and to the log. Nothing is
 * written while the log is empty or when the head has not moved since the last checkpoint, so an idle
 * server does not grow the file. `verified` is a head just verified, anchored instead of the table's
 * head, which may have moved on meanwhile. Returns the checkpoint written, or null.
 */
export async function writeAuditCheckpoint(
  deps: CheckpointDeps,
  key: AuditKey = installedAuditKey(),
  verified?: { seq: number; hash: string },
): Promise<AuditCheckpoint | null> {
  const [head] = verified
    ? [verified]
    : await deps.db
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
  if (!head) return null;
  const file = checkpointFilePath(deps.config.dataDir);
  const previous = lastCheckpoint(file, key);
  if (previous && previous.seq === head.seq && previous.hash === head.hash) return null;
  const checkpoint = {
    seq: head.seq,
    hash: head.hash,
    at: deps.clock.now().toISOString(),
    keyedFromSeq: (await keyedFromSeq(deps.db)) ?? 1,
  };
  const line = checkpointLine(key, checkpoint);
  appendLine(file, line);
  deps.log.info({ auditCheckpoint: JSON.parse(line) as unknown }, 'audit checkpoint');
  return { ...checkpoint, keyId: key.id };
}

/**
 * Verifies the chain against the checkpoint file and, when everything holds, anchors the head just
 * verified with a new checkpoint. A chain found broken is not anchored: a checkpoint of a forged head
 * would make the forgery look settled.
 */
export async function verifyAndCheckpoint(
  deps: CheckpointDeps,
  key: AuditKey = installedAuditKey(),
): Promise<AuditVerification> {
  const result = await verifyAuditChain(deps.db, readCheckpointFile(deps.config.dataDir, key), key);
  if (result.ok && result.headSeq !== null && result.headHash !== null)
    await writeAuditCheckpoint(deps, key, { seq: result.headSeq, hash: result.headHash });
  else deps.log.error({ auditVerify: result }, 'audit chain verification failed');
  return result;
}
