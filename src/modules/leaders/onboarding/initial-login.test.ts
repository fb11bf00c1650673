import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../platform/auth/index.js';
import { generateInitialPassword, INITIAL_PASSWORD_LENGTH, leaderUsername } from './initial-login.js';

describe('generateInitialPassword', () => {
  it('makes 12 characters with a lower-case letter, an upper-case letter and a digit, none misreadable', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const pw = generateInitialPassword();
      expect(pw).toHaveLength(INITIAL_PASSWORD_LENGTH);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/\d/);
      expect(pw).not.toMatch(/[0O1lIio]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(500);
  });

  it('satisfies the password rules for the username the leader gets', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = `ab${(i % 10) + 2}c${(i % 7) + 2}d`;
      expect(passwordProblem(generateInitialPassword(), leaderUsername(code, i % 3))).toBeNull();
    }
  });

  it('draws again when a draw lacks a kind of character', () => {
    let n = 0;
    // The first 12 draws give 'a' only; afterwards each draw steps 5 through the alphabet.
    const pw = generateInitialPassword((max) => (n++ < 12 ? 0 : (n * 5) % max));
    expect(pw).toMatch(/[a-z]/);
    expect(pw).toMatch(/[A-Z]/);
    expect(pw).toMatch(/\d/);
    expect(n).toBeGreaterThan(12);
    expect(n % 12).toBe(0);
  });
});

describe('leaderUsername', () => {
  it('derives the username from the share code', () => {
    expect(leaderUsername('ABC234')).toBe('leader-abc234');
    expect(leaderUsername('ABC234', 1)).toBe('leader-abc234-2');
  });
});
