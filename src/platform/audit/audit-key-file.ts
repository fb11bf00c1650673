import path from 'node:path';
import { AUDIT_KEY_BYTES, type Config, parseAuditKey, type SecretKey } from '../config.js';
import { loadOrCreateSecretFile } from '../key-file.js';
import { AuditKey } from './audit-key.js';

/** Beside the field key (`keys/field.key`), never in the database. */
export function auditKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'audit.key');
}

/** Reads the audit key file, or creates it (mode 0600) on the first start, as the field key's is. */
export function loadOrCreateAuditKeyFile(dataDir: string): SecretKey {
  return loadOrCreateSecretFile(auditKeyFilePath(dataDir), AUDIT_KEY_BYTES, parseAuditKey);
}

/** The key from `AUDIT_KEY` when set, else from (or into) the data directory's key file. */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'dataDir'>): AuditKey {
  return new AuditKey(config.auditKey ?? loadOrCreateAuditKeyFile(config.dataDir));
}
