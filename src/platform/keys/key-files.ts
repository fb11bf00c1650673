import { existsSync, linkSync, renameSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, FIELD_KEY_BYTES, parseFieldKey, type SecretKey } from '../config.js';
import { keyFilePath } from '../crypto.js';
import { loadOrCreateSecretFile, readSecretFile } from '../key-file.js';

/**
 * The key files of a rotation in the data directory's `keys/` folder: the new key is written to
 * `field.key.next` before any row changes (an interrupted rotation resumes with it; losing it would
 * lose the rows already re-encrypted), and only at the end replaces `field.key`; the old key is kept
 * as `field.key.retired-<key id>` for the backups made before the rotation.
 */

export function nextKeyFilePath(dataDir: string): string {
  return `${keyFilePath(dataDir)}.next`;
}

export function retiredKeyFilePath(dataDir: string, keyId: string): string {
  return `${keyFilePath(dataDir)}.retired-${keyId}`;
}

/** An existing key file; unlike the server's start, a missing one is an error, never made anew. */
export function readKeyFile(file: string): SecretKey {
  if (!existsSync(file))
    throw new ConfigError(file, 'does not exist (set ENCRYPTION_KEY if the key is kept there)');
  return readSecretFile(file, parseFieldKey);
}

/** The new key of a rotation: read when a previous run made it, otherwise made now (mode 0600). */
export function loadOrCreateNextKeyFile(dataDir: string): SecretKey {
  return loadOrCreateSecretFile(nextKeyFilePath(dataDir), FIELD_KEY_BYTES, parseFieldKey);
}

/**
 * Puts the new key in place once the database is on it: the old key is first linked to its retired
 * name, then the new one renamed over `field.key` in one step, so there is never a moment without a
 * `field.key` (the server would make a fresh one). Running it again after it finished does nothing.
 */
export function installNextKeyFile(dataDir: string, oldKeyId: string): { retired: string } {
  const current = keyFilePath(dataDir);
  const next = nextKeyFilePath(dataDir);
  const retired = retiredKeyFilePath(dataDir, oldKeyId);
  if (!existsSync(next)) return { retired };
  if (existsSync(current) && !existsSync(retired)) linkSync(current, retired);
  renameSync(next, current);
  return { retired: path.resolve(retired) };
}
