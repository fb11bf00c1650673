import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type SecretKey } from './config.js';

/** Checks and decodes a key file's text; throws a ConfigError naming `source` (the file's path). */
export type ParseKey = (source: string, text: string) => SecretKey;

/** Reads a key file that must exist; any problem is a ConfigError naming the file. */
export function readSecretFile(file: string, parse: ParseKey): SecretKey {
  try {
    return parse(file, readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, `cannot be read: ${(err as Error).message}`);
  }
}

/**
 * Reads a key file, or creates it with `bytes` random bytes (base64, mode 0600, in a 0700 folder).
 * Creation writes a temporary file and then hard-links it into place, which fails if another process
 * got there first: two processes starting at once on one data directory end up with one key, never
 * with two. Used for the field key, the audit key and a rotation's next field key.
 */
export function loadOrCreateSecretFile(file: string, bytes: number, parse: ParseKey): SecretKey {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for an existing directory; set it explicitly.
  chmodSync(dir, 0o700);
  if (existsSync(file)) return readSecretFile(file, parse);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(bytes).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  // writeFileSync's mode is filtered by the umask too.
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readSecretFile(file, parse);
}
