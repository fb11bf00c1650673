import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_KEY_BYTES, type Config, ConfigError, parseAuditKey, type SecretKey } from '../config.js';
import { AuditKey } from './audit-key.js';

/** Beside the field key (`keys/field.key`), never in the database. */
export function auditKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'audit.key');
}

function readKeyFile(file: string): SecretKey {
  try {
    return parseAuditKey(file, readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, `cannot be read: ${(err as Error).message}`);
  }
}

/**
 * Reads the audit key file, or creates it (mode 0600) on the first start. As with the field key, the
 * new key is written to a temporary file and hard-linked into place, which fails when another process
 * got there first, so two servers starting at once end up with one key.
 */
export function loadOrCreateAuditKeyFile(dataDir: string): SecretKey {
  const file = auditKeyFilePath(dataDir);
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (existsSync(file)) return readKeyFile(file);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(AUDIT_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readKeyFile(file);
}

/** The key from `AUDIT_KEY` when set, else from (or into) the data directory's key file. */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'dataDir'>): AuditKey {
  return new AuditKey(config.auditKey ?? loadOrCreateAuditKeyFile(config.dataDir));
}
