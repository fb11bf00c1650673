import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretKey } from '../config.js';
import { AuditKey, installAuditKey, installedAuditKey } from './audit-key.js';

const RAW = randomBytes(32);
const KEY = new AuditKey(new SecretKey(RAW));

describe('AuditKey', () => {
  it('chains with HMAC-SHA256 under a sub-key derived by HKDF with its own label', () => {
    const sub = Buffer.from(hkdfSync('sha256', RAW, Buffer.alloc(0), 'tuanflow audit chain v1', 32));
    expect(KEY.chainHmac('abc\n{"x":1,"seq":1}')).toBe(
      createHmac('sha256', sub).update('abc\n{"x":1,"seq":1}').digest('hex'),
    );
  });

  it('gives pads with which two plain SHA-256 rounds (as SQL computes them) equal the HMAC', () => {
    const { inner, outer } = KEY.chainPads();
    expect([inner.length, outer.length]).toEqual([64, 64]);
    for (const message of ['', 'a', '自提点 ✓'.repeat(40)]) {
      const innerHash = createHash('sha256').update(inner).update(message, 'utf8').digest();
      const hmac = createHash('sha256').update(outer).update(innerHash).digest('hex');
      expect(hmac).toBe(KEY.chainHmac(message));
    }
  });

  it('signs checkpoints with a different sub-key than it chains records with', () => {
    expect(KEY.sign('same text')).not.toBe(KEY.chainHmac('same text'));
    expect(KEY.sign('same text')).toBe(new AuditKey(new SecretKey(RAW)).sign('same text'));
    expect(new AuditKey(new SecretKey(randomBytes(32))).sign('same text')).not.toBe(KEY.sign('same text'));
  });

  it('has a stable public id per key, and never prints the key', () => {
    expect(KEY.id).toMatch(/^[0-9a-f]{12}$/);
    expect(new AuditKey(new SecretKey(RAW)).id).toBe(KEY.id);
    expect(new AuditKey(new SecretKey(randomBytes(32))).id).not.toBe(KEY.id);
    expect(JSON.stringify({ key: KEY })).not.toContain(RAW.toString('hex'));
    expect(JSON.stringify({ key: KEY })).toContain(KEY.id);
  });

  it('refuses key material of another length', () => {
    expect(() => new AuditKey(new SecretKey(randomBytes(64)))).toThrow(/32 bytes/);
  });
});

describe('the installed key', () => {
  it('is refused before one is installed, then is the one installed', () => {
    // Vitest gives each test file its own module registry, and nothing above installs a key.
    expect(() => installedAuditKey()).toThrow(/no audit key installed/);
    installAuditKey(KEY);
    expect(installedAuditKey()).toBe(KEY);
  });
});
