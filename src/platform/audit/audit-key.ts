import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { AUDIT_KEY_BYTES, type SecretKey } from '../config.js';

/** SHA-256's block size: HMAC pads its key to one block. */
const BLOCK_BYTES = 64;

/**
 * The audit trail's secret: it makes the hash chain keyed (HMAC-SHA256), so that whoever can write
 * to the database but cannot read the key file cannot recompute the hashes after an edit, and it
 * signs the checkpoints written outside the database. Two sub-keys are derived with HKDF under
 * distinct labels, so a chain hash can never be passed off as a checkpoint signature or back.
 *
 * It is a key of its own (`AUDIT_KEY` or `keys/audit.key`), not derived from the field key: the field
 * key may be rotated (re-encrypting phone numbers), while the audit key signs history that must stay
 * verifiable, so the two change on different schedules.
 */
export class AuditKey {
  readonly #chain: Buffer;
  readonly #checkpoint: Buffer;
  /** A public fingerprint of the key, written into checkpoints so a mismatch names the key, not "bad". */
  readonly id: string;

  constructor(key: SecretKey) {
    const bytes = key.bytes();
    if (bytes.length !== AUDIT_KEY_BYTES)
      throw new Error(`audit key must be ${AUDIT_KEY_BYTES} bytes, got ${bytes.length}`);
    this.#chain = derive(bytes, 'tuanflow audit chain v1');
    this.#checkpoint = derive(bytes, 'tuanflow audit checkpoint v1');
    this.id = createHmac('sha256', this.#checkpoint).update('key id').digest('hex').slice(0, 12);
  }

  /** HMAC-SHA256 of a chain message, hex. */
  chainHmac(message: string): string {
    return createHmac('sha256', this.#chain).update(message, 'utf8').digest('hex');
  }

  /**
   * The chain key XOR-ed with HMAC's inner and outer pads, for SQL that computes the same HMAC with
   * `sha256()` alone: HMAC(K, m) = sha256((K ^ opad) || sha256((K ^ ipad) || m)). They are passed as
   * statement parameters and never stored.
   */
  chainPads(): { inner: Buffer; outer: Buffer } {
    return { inner: pad(this.#chain, 0x36), outer: pad(this.#chain, 0x5c) };
  }

  /** HMAC-SHA256 signature of a checkpoint's canonical text, hex. */
  sign(text: string): string {
    return createHmac('sha256', this.#checkpoint).update(text, 'utf8').digest('hex');
  }

  toJSON(): string {
    return `[audit key ${this.id}]`;
  }
}

function derive(ikm: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), label, 32));
}

function pad(key: Buffer, byte: number): Buffer {
  // A key longer than a block would first be hashed; ours is 32 bytes, so it is only zero-padded.
  const k = key.length > BLOCK_BYTES ? createHash('sha256').update(key).digest() : key;
  const out = Buffer.alloc(BLOCK_BYTES, byte);
  for (let i = 0; i < k.length; i++) out[i] = (k[i] ?? 0) ^ byte;
  return out;
}

let installed: AuditKey | undefined;

/**
 * Makes `key` the key every audit record of this process is chained with. The chain is written from
 * some eighty use-cases that take only a transaction, a clock and an actor; the key is process-wide
 * configuration like the clock's time zone, loaded once at start (boot.ts, the test helpers).
 */
export function installAuditKey(key: AuditKey): void {
  installed = key;
}

/** The installed key; throws when none was installed, so no record is ever written unkeyed by accident. */
export function installedAuditKey(): AuditKey {
  if (!installed) throw new Error('no audit key installed: bootPlatform (or the test helper) loads it');
  return installed;
}
