import { randomInt } from 'node:crypto';
import { isCommonPassword } from '../../../platform/auth/index.js';

/**
 * The login an approved leader gets: a username derived from their share code (they already know
 * it from their links) and a random initial password that the reviewer sees once and hands over.
 * The password leaves out characters people misread when copying from a screen (0/O, 1/l/I).
 */
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LOWER + UPPER + DIGITS;
export const INITIAL_PASSWORD_LENGTH = 12;

export function generateInitialPassword(random: (max: number) => number = randomInt): string {
  for (;;) {
    let pw = '';
    for (let i = 0; i < INITIAL_PASSWORD_LENGTH; i += 1) pw += ALPHABET[random(ALPHABET.length)];
    // One of each kind, so the password also passes stricter rules a company may add later; and
    // never one of the common passwords the password rules refuse (a random draw practically never
    // is, but the rules apply to every password tuanflow sets, this one included).
    if (/[a-z]/.test(pw) && /[A-Z]/.test(pw) && /\d/.test(pw) && !isCommonPassword(pw)) return pw;
  }
}

/** `leader-abc234`, then `leader-abc234-2` ... when a person already took the plain one. */
export function leaderUsername(code: string, attempt = 0): string {
  const base = `leader-${code.toLowerCase()}`;
  return attempt === 0 ? base : `${base}-${attempt + 1}`;
}
