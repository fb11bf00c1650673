import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password.js';

const STORED_FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** The parts of a stored hash, checked against the documented format. */
function partsOf(stored: string): { n: number; r: number; p: number; salt: Buffer; key: Buffer } {
  const m = STORED_FORMAT.exec(stored);
  if (!m) throw new Error(`not in scrypt$N$r$p$salt$hash form: ${stored}`);
  const [, n, r, p, salt, key] = m as unknown as [string, string, string, string, string, string];
  return {
    n: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

describe('hashPassword', () => {
  it('stores scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const { n, r, p, salt, key } = partsOf(stored);
    expect({ n, r, p }).toEqual({ n: 16384, r: 8, p: 1 });
    expect(salt).toHaveLength(16);
    expect(key).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(partsOf(a ?? '').salt.equals(partsOf(b ?? '').salt)).toBe(false);
    expect(await verifyPassword('same password', a ?? '')).toBe(true);
    expect(await verifyPassword('same password', b ?? '')).toBe(true);
  });
});

describe('verifyPassword', () => {
  it.each(['password', 'correct horse battery staple', '密码安全第一', 'Pa$$w0rd$', '', ' spaced ', '😀🔐x'])(
    'round-trips %j',
    async (password) => {
      const stored = await hashPassword(password);
      expect(await verifyPassword(password, stored)).toBe(true);
    },
  );

  it('refuses a wrong password', async () => {
    const stored = await hashPassword('password1');
    for (const wrong of [
      'password2',
      'Password1',
      'password1 ',
      ' password1',
      'password',
      'password11',
      '',
    ]) {
      expect(await verifyPassword(wrong, stored), wrong).toBe(false);
    }
  });

  it.each<[string, string, string]>([
    ['full-width letters', 'pass', 'ｐａｓｓ'],
    ['full-width digits', 'abc123', 'abc１２３'],
    ['a ligature', 'office', 'oﬃce'],
    ['a precomposed and a decomposed accent', 'caf\u00e9', 'cafe\u0301'],
  ])('treats %s as the same password (NFKC)', async (_name, plain, variant) => {
    expect(variant).not.toBe(plain);
    const stored = await hashPassword(plain);
    expect(await verifyPassword(variant, stored)).toBe(true);
    const storedVariant = await hashPassword(variant);
    expect(await verifyPassword(plain, storedVariant)).toBe(true);
  });

  it('does not fold case', async () => {
    expect(await verifyPassword('PASS', await hashPassword('pass'))).toBe(false);
  });

  describe('a malformed stored hash', () => {
    let good = '';
    const cases: [string, (s: string) => string][] = [
      ['an empty string', () => ''],
      ['plain text', () => 'password'],
      ['another scheme', (s) => s.replace(/^scrypt/, 'bcrypt')],
      ['an upper-case scheme', (s) => s.replace(/^scrypt/, 'SCRYPT')],
      ['a missing part', (s) => s.split('$').slice(0, 5).join('$')],
      ['an extra part', (s) => `${s}$extra`],
      ['no hash', (s) => s.replace(/\$[^$]+$/, '$')],
      ['a truncated hash', (s) => s.slice(0, -4)],
      [
        'a hash with a changed character',
        (s) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.slice(-1),
      ],
      ['a different salt', (s) => s.replace(/^((?:[^$]*\$){4})[^$]+/, '$1AAAAAAAAAAAAAAAAAAAAA')],
      ['only separators', () => 'scrypt$$$$$'],
    ];

    it.each(cases)('is refused: %s', async (_name, mangle) => {
      good ||= await hashPassword('password1');
      const bad = mangle(good);
      expect(bad).not.toBe(good);
      expect(await verifyPassword('password1', bad)).toBe(false);
    });
  });
});

describe('dummyHash', () => {
  it('is a well-formed hash that no ordinary password matches, computed once', async () => {
    const first = dummyHash();
    expect(dummyHash()).toBe(first);
    const stored = await first;
    expect(() => partsOf(stored)).not.toThrow();
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('password', stored)).toBe(false);
  });
});

describe('verifyPassword with corrupted or hostile stored parameters', () => {
  it.each([
    ['N not a number', 'scrypt$abc$8$1'],
    ['N not a power of two', 'scrypt$1000$8$1'],
    ['N so large it would exhaust memory', 'scrypt$1073741824$8$1'],
    ['r of zero (Node would silently use its default)', 'scrypt$16384$0$1'],
    ['empty p', 'scrypt$16384$8$'],
  ])('returns false, never throws: %s', async (_label, prefix) => {
    const good = await hashPassword('secret-123');
    const [, , , , salt, hash] = good.split('$');
    await expect(verifyPassword('secret-123', `${prefix}$${salt}$${hash}`)).resolves.toBe(false);
  });
});
