import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, SecretKey } from './config.js';
import { FieldCrypto, keyFilePath, loadFieldCrypto, loadOrCreateKeyFile } from './crypto.js';

const key = () => new SecretKey(randomBytes(64));

describe('FieldCrypto', () => {
  const c = new FieldCrypto(key());

  it.each(['13812341234', '', '王阿姨 😀', 'x'.repeat(5000)])('round-trips %j', (plain) => {
    const token = c.encrypt(plain);
    expect(token).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
    expect(c.decrypt(token)).toBe(plain);
  });

  it('uses a fresh IV each time, so equal plain texts give different tokens', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => c.encrypt('13812341234')));
    expect(tokens.size).toBe(50);
    const ivs = new Set([...tokens].map((t) => t.split(':')[1]));
    expect(ivs.size).toBe(50);
  });

  it('never contains the plain text', () => {
    expect(c.encrypt('13812341234')).not.toContain('13812341234');
  });

  it('throws when any part of the token is altered', () => {
    const token = c.encrypt('13812341234');
    const [v, iv, tag, ct] = token.split(':') as [string, string, string, string];
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64url');
    };
    expect(() => c.decrypt([v, flip(iv), tag, ct].join(':'))).toThrow(/authentication/);
    expect(() => c.decrypt([v, iv, flip(tag), ct].join(':'))).toThrow(/authentication/);
    expect(() => c.decrypt([v, iv, tag, flip(ct)].join(':'))).toThrow(/authentication/);
    expect(() => c.decrypt(['v2', iv, tag, ct].join(':'))).toThrow(/v1/);
    expect(() => c.decrypt([v, iv, tag].join(':'))).toThrow(/v1/);
    expect(() => c.decrypt([v, iv.slice(2), tag, ct].join(':'))).toThrow(/malformed/);
    expect(() => c.decrypt('13812341234')).toThrow();
  });

  it('cannot decrypt with another key', () => {
    expect(() => new FieldCrypto(key()).decrypt(c.encrypt('13812341234'))).toThrow(/another key/);
  });

  it('hashes stably with its key: same input same hash, other key other hash', () => {
    const k = key();
    const a = new FieldCrypto(k);
    const b = new FieldCrypto(k);
    expect(a.hash('13812341234')).toBe(b.hash('13812341234'));
    expect(a.hash('13812341234')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash('13812341234')).not.toBe(a.hash('13812341235'));
    expect(new FieldCrypto(key()).hash('13812341234')).not.toBe(a.hash('13812341234'));
  });

  it('uses separate halves of the key for encryption and hashing', () => {
    const bytes = randomBytes(64);
    const other = Buffer.from(bytes);
    other[40] = (other[40] ?? 0) ^ 0xff;
    const a = new FieldCrypto(new SecretKey(bytes));
    const b = new FieldCrypto(new SecretKey(other));
    // Same AES half: b can read a's tokens; different HMAC half: hashes differ.
    expect(b.decrypt(a.encrypt('x'))).toBe('x');
    expect(b.hash('x')).not.toBe(a.hash('x'));
  });

  it('refuses key material of the wrong length', () => {
    expect(() => new FieldCrypto(new SecretKey(randomBytes(32)))).toThrow(/64 bytes/);
  });
});

describe('key file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'tf-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is created on first use with mode 0600 in a 0700 directory, and reused after', () => {
    const dataDir = tempDir();
    const first = loadOrCreateKeyFile(dataDir);
    const file = keyFilePath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(64);
    const again = loadOrCreateKeyFile(dataDir);
    expect(again.bytes().equals(first.bytes())).toBe(true);
    // Phones encrypted before a restart are readable after it.
    const token = new FieldCrypto(first).encrypt('13812341234');
    expect(new FieldCrypto(again).decrypt(token)).toBe('13812341234');
  });

  it('stops start-up with a ConfigError naming the file when it holds a bad key', () => {
    const dataDir = tempDir();
    loadOrCreateKeyFile(dataDir);
    writeFileSync(keyFilePath(dataDir), 'not a key\n');
    expect(() => loadOrCreateKeyFile(dataDir)).toThrow(ConfigError);
    expect(() => loadOrCreateKeyFile(dataDir)).toThrow(keyFilePath(dataDir));
  });

  it('is not used when the key comes from the environment', () => {
    const dataDir = tempDir();
    const envKey = key();
    const c = loadFieldCrypto({ encryptionKey: envKey, dataDir });
    expect(new FieldCrypto(envKey).decrypt(c.encrypt('a'))).toBe('a');
    expect(() => statSync(keyFilePath(dataDir))).toThrow(/ENOENT/);
  });
});

describe('SecretKey', () => {
  it('never prints its bytes', () => {
    const k = key();
    expect(JSON.stringify({ k })).toBe('{"k":"[redacted]"}');
    expect(String(k)).toBe('[redacted]');
    expect(`${k}`).not.toContain(k.bytes().toString('base64'));
  });

  it('hands out copies', () => {
    const k = key();
    const b = k.bytes();
    b.fill(0);
    expect(k.bytes().equals(b)).toBe(false);
  });
});
