import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Config, FIELD_KEY_BYTES, parseFieldKey, type SecretKey } from './config.js';
import { loadOrCreateSecretFile } from './key-file.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts personal data (phone numbers, later ID numbers) before it reaches the database, and
 * makes a keyed hash of it for exact-match lookups. The keys live outside the database, so a stolen
 * dump or backup alone reveals nothing; the HMAC (not a plain SHA-256) matters because the space of
 * mobile numbers is small enough to hash exhaustively.
 */
export class FieldCrypto {
  readonly #aesKey: Buffer;
  readonly #hmacKey: Buffer;
  /** The key id and check value stored in the database to recognise this key (see fieldKeyCheck). */
  readonly check: FieldKeyCheck;
  /** During a key rotation only: the key being replaced, still used to read what it encrypted. */
  readonly #previous: FieldCrypto | undefined;

  constructor(key: SecretKey, previous?: FieldCrypto) {
    const bytes = key.bytes();
    if (bytes.length !== FIELD_KEY_BYTES)
      throw new Error(`field key must be ${FIELD_KEY_BYTES} bytes, got ${bytes.length}`);
    this.#aesKey = bytes.subarray(0, 32);
    this.#hmacKey = bytes.subarray(32, 64);
    this.check = fieldKeyCheck(bytes);
    this.#previous = previous;
  }

  /** The key this one replaces, while a rotation runs; values are read with this key, then with that one. */
  get previous(): FieldCrypto | undefined {
    return this.#previous;
  }

  /** AES-256-GCM with a fresh random IV: `v1:<iv>:<tag>:<ciphertext>`, each part base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#aesKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(':');
  }

  /**
   * The plain text of a token from `encrypt`; throws when the token was altered or the key is wrong.
   * During a rotation a token the new key cannot read is tried with the previous key: GCM's tag
   * tells the two apart, so tokens need no key id.
   */
  decrypt(token: string): string {
    if (!this.#previous) return this.decryptOwn(token);
    try {
      return this.decryptOwn(token);
    } catch {
      return this.#previous.decrypt(token);
    }
  }

  /** Whether this key itself (not the previous one) encrypted the token: a rotation's "already done" test. */
  isOwnToken(token: string): boolean {
    try {
      this.decryptOwn(token);
      return true;
    } catch {
      return false;
    }
  }

  private decryptOwn(token: string): string {
    const parts = token.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not a v1 field token');
    const iv = Buffer.from(parts[1] ?? '', 'base64url');
    const tag = Buffer.from(parts[2] ?? '', 'base64url');
    const ct = Buffer.from(parts[3] ?? '', 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('malformed field token');
    const decipher = createDecipheriv('aes-256-gcm', this.#aesKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    } catch {
      // GCM's own message ("Unsupported state or unable to authenticate data") says nothing useful.
      throw new Error('field token failed authentication (altered, or encrypted with another key)');
    }
  }

  /** HMAC-SHA256 of the value, hex: the same input always gives the same hash, for unique indexes and lookups. */
  hash(plain: string): string {
    return createHmac('sha256', this.#hmacKey).update(plain, 'utf8').digest('hex');
  }
}

/**
 * Recognises a field key without revealing it: the database stores the check value of the key that
 * encrypted its data, and start-up refuses a key whose value differs (a wrong key would otherwise
 * start, show `***` for every number and create duplicate customers). Both values are HMACs of
 * fixed labels under the whole 64-byte key, so a key with the right HMAC half but a wrong AES half
 * is refused too.
 */
export interface FieldKeyCheck {
  /** 12 hex digits, for messages and logs ("key id 3fa1c2d9e0b4"). */
  keyId: string;
  /** 64 hex digits, compared at start-up. */
  value: string;
}

export function fieldKeyCheck(keyBytes: Buffer): FieldKeyCheck {
  const mac = (label: string) => createHmac('sha256', keyBytes).update(label, 'utf8').digest('hex');
  return { keyId: mac('tuanflow field key id v1').slice(0, 12), value: mac('tuanflow field key check v1') };
}

/** What a key problem is reported against: `ENCRYPTION_KEY`, or the key file's path when that is used. */
export function fieldKeySource(config: Pick<Config, 'encryptionKey' | 'dataDir'>): string {
  return config.encryptionKey ? 'ENCRYPTION_KEY' : keyFilePath(config.dataDir);
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'field.key');
}

/**
 * Reads the key file, or creates it on the first start (see loadOrCreateSecretFile: two servers
 * starting at once on one data directory end up with one key, never with two).
 */
export function loadOrCreateKeyFile(dataDir: string): SecretKey {
  return loadOrCreateSecretFile(keyFilePath(dataDir), FIELD_KEY_BYTES, parseFieldKey);
}

/** The key from `ENCRYPTION_KEY` when set, else from (or into) the data directory's key file. */
export function loadFieldCrypto(config: Pick<Config, 'encryptionKey' | 'dataDir'>): FieldCrypto {
  return new FieldCrypto(config.encryptionKey ?? loadOrCreateKeyFile(config.dataDir));
}
