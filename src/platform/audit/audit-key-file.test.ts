import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, SecretKey } from '../config.js';
import { AuditKey } from './audit-key.js';
import { auditKeyFilePath, loadAuditKey } from './audit-key-file.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tf-audit-key-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadAuditKey', () => {
  it('creates keys/audit.key (0600) on the first start and reads the same key afterwards', () => {
    const dataDir = tempDir();
    const first = loadAuditKey({ auditKey: undefined, dataDir });
    const file = auditKeyFilePath(dataDir);
    expect(file).toBe(path.join(dataDir, 'keys', 'audit.key'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(loadAuditKey({ auditKey: undefined, dataDir }).id).toBe(first.id);
  });

  it('takes AUDIT_KEY over the file, and writes no file then', () => {
    const dataDir = tempDir();
    const secret = new SecretKey(Buffer.alloc(32, 3));
    expect(loadAuditKey({ auditKey: secret, dataDir }).id).toBe(new AuditKey(secret).id);
    expect(() => statSync(auditKeyFilePath(dataDir))).toThrow();
  });

  it('names the file when it holds no valid key', () => {
    const dataDir = tempDir();
    loadAuditKey({ auditKey: undefined, dataDir });
    writeFileSync(auditKeyFilePath(dataDir), 'garbage!\n');
    expect(() => loadAuditKey({ auditKey: undefined, dataDir })).toThrow(ConfigError);
    expect(() => loadAuditKey({ auditKey: undefined, dataDir })).toThrow(/audit\.key/);
  });
});
