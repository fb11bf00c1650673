import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretKey } from './config.js';
import { FieldCrypto, fieldKeyCheck, fieldKeySource } from './crypto.js';

const keyOf = (b: Buffer) => new SecretKey(b);

describe('the field key check value', () => {
  it('is the same for the same key and differs for another key', () => {
    const bytes = randomBytes(64);
    const a = new FieldCrypto(keyOf(bytes)).check;
    expect(new FieldCrypto(keyOf(Buffer.from(bytes))).check).toEqual(a);
    expect(new FieldCrypto(keyOf(randomBytes(64))).check.value).not.toBe(a.value);
    expect(a.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(a.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when only the encryption half of the key differs', () => {
    const bytes = randomBytes(64);
    const other = Buffer.concat([randomBytes(32), bytes.subarray(32)]);
    expect(fieldKeyCheck(other).value).not.toBe(fieldKeyCheck(bytes).value);
  });

  it('reveals neither half of the key', () => {
    const bytes = randomBytes(64);
    const { value } = fieldKeyCheck(bytes);
    expect(value).not.toContain(bytes.subarray(0, 32).toString('hex'));
    expect(value).not.toContain(bytes.subarray(32).toString('hex'));
  });

  it('names ENCRYPTION_KEY, or the key file when no variable is set', () => {
    expect(fieldKeySource({ encryptionKey: keyOf(randomBytes(64)), dataDir: '/d' })).toBe('ENCRYPTION_KEY');
    expect(fieldKeySource({ encryptionKey: undefined, dataDir: '/d' })).toBe('/d/keys/field.key');
  });
});

describe('reading with two keys during a rotation', () => {
  const oldKey = new FieldCrypto(keyOf(randomBytes(64)));
  const newBytes = randomBytes(64);
  const rotating = new FieldCrypto(keyOf(newBytes), oldKey);

  it('reads values written under either key', () => {
    const before = oldKey.encrypt('13800138000');
    const after = rotating.encrypt('13900139000');
    expect(rotating.decrypt(before)).toBe('13800138000');
    expect(rotating.decrypt(after)).toBe('13900139000');
  });

  it('writes and hashes with the new key only', () => {
    const token = rotating.encrypt('13800138000');
    expect(() => oldKey.decrypt(token)).toThrow(/another key/);
    expect(new FieldCrypto(keyOf(newBytes)).decrypt(token)).toBe('13800138000');
    expect(rotating.hash('13800138000')).toBe(new FieldCrypto(keyOf(newBytes)).hash('13800138000'));
    expect(rotating.hash('13800138000')).not.toBe(oldKey.hash('13800138000'));
  });

  it('tells the values already under the new key from the old ones', () => {
    expect(rotating.isOwnToken(rotating.encrypt('x'))).toBe(true);
    expect(rotating.isOwnToken(oldKey.encrypt('x'))).toBe(false);
    expect(rotating.isOwnToken('garbage')).toBe(false);
  });

  it('still refuses a value neither key wrote', () => {
    const stranger = new FieldCrypto(keyOf(randomBytes(64)));
    expect(() => rotating.decrypt(stranger.encrypt('13800138000'))).toThrow(/another key/);
  });

  it('reads with one key only when no rotation runs', () => {
    const single = new FieldCrypto(keyOf(newBytes));
    expect(single.previous).toBeUndefined();
    expect(() => single.decrypt(oldKey.encrypt('x'))).toThrow(/another key/);
  });
});
