import { randomInt } from 'node:crypto';

/**
 * Share-link codes (团长码): six characters from an alphabet without 0/O and 1/I, which people
 * confuse when they read a code off a poster and type it. 32^6 ≈ 1.07 billion codes, so a random
 * code rarely collides; the unique index catches the rare collision and the caller draws again.
 */
export const LEADER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LEADER_CODE_LENGTH = 6;

const CODE = new RegExp(`^[${LEADER_CODE_ALPHABET}]{${LEADER_CODE_LENGTH}}$`);

export function generateLeaderCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LEADER_CODE_LENGTH; i += 1)
    code += LEADER_CODE_ALPHABET[random(LEADER_CODE_ALPHABET.length)];
  return code;
}

/** The canonical form of a typed code (upper case, no spaces), or null when it cannot be a code. */
export function normalizeLeaderCode(raw: string): string | null {
  const code = raw.replace(/\s+/g, '').toUpperCase();
  return CODE.test(code) ? code : null;
}
