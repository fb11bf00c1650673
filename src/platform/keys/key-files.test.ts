import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { keyFilePath } from '../crypto.js';
import { installNextKeyFile, loadOrCreateNextKeyFile, nextKeyFilePath, readKeyFile } from './key-files.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tf-keyfiles-'));
  dirs.push(d);
  mkdirSync(path.join(d, 'keys'), { mode: 0o700 });
  writeFileSync(keyFilePath(d), `${Buffer.alloc(64, 1).toString('base64')}\n`, { mode: 0o600 });
  return d;
}

describe('the key files of a rotation', () => {
  it('makes the next key once, owner-readable only, and reads the same one on a second run', () => {
    const d = dataDir();
    const first = loadOrCreateNextKeyFile(d);
    expect(statSync(nextKeyFilePath(d)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateNextKeyFile(d).bytes().equals(first.bytes())).toBe(true);
    expect(first.bytes().equals(readKeyFile(keyFilePath(d)).bytes())).toBe(false);
  });

  it('puts the next key in place and keeps the old one under its key id; again, it does nothing', () => {
    const d = dataDir();
    const old = readFileSync(keyFilePath(d), 'utf8');
    const next = loadOrCreateNextKeyFile(d);
    const { retired } = installNextKeyFile(d, 'abc123abc123');
    expect(readKeyFile(keyFilePath(d)).bytes().equals(next.bytes())).toBe(true);
    expect(readFileSync(retired, 'utf8')).toBe(old);
    expect(path.basename(retired)).toBe('field.key.retired-abc123abc123');
    installNextKeyFile(d, 'abc123abc123');
    expect(readKeyFile(keyFilePath(d)).bytes().equals(next.bytes())).toBe(true);
  });

  it('never makes a missing current key file, naming it', () => {
    const d = dataDir();
    rmSync(keyFilePath(d));
    expect(() => readKeyFile(keyFilePath(d))).toThrow(ConfigError);
    expect(() => readKeyFile(keyFilePath(d))).toThrow(/field\.key does not exist/);
  });
});
