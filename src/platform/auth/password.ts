import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are hashed with scrypt from node:crypto (no native addon). The stored form carries its
 * parameters, `scrypt$N$r$p$salt$hash`, so they can be raised later without breaking old hashes.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Parameters we accept from a stored hash: sane powers of two and small factors, so a corrupted or
 * hostile value cannot make verification throw or allocate gigabytes. */
function parseParams(n: string, r: string, p: string): [number, number, number] | undefined {
  const [N2, R2, P2] = [Number(n), Number(r), Number(p)];
  const ok =
    Number.isInteger(N2) &&
    N2 >= 2 &&
    N2 <= 2 ** 20 &&
    (N2 & (N2 - 1)) === 0 &&
    Number.isInteger(R2) &&
    R2 >= 1 &&
    R2 <= 32 &&
    Number.isInteger(P2) &&
    P2 >= 1 &&
    P2 <= 16;
  return ok ? [N2, R2, P2] : undefined;
}

/** True only for the right password; a malformed stored hash is simply "no match", never an error. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const params = parseParams(n, r, p);
  if (!params) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEYLEN) return false;
  try {
    const actual = await derive(password, Buffer.from(salt, 'base64url'), ...params);
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, compared against when the username is unknown, so a wrong username
 * and a wrong password take the same time and cannot be told apart.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}
