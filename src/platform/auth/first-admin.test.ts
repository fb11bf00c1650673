import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_LENGTH, generatePassword } from './first-admin.js';
import { passwordProblem } from './password-policy.js';

describe('generatePassword', () => {
  it('makes passwords the password rules accept, with each kind of character', () => {
    for (let i = 0; i < 200; i += 1) {
      const pw = generatePassword();
      expect(pw).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/\d/);
      expect(pw).not.toMatch(/[0O1lI]/);
      expect(passwordProblem(pw, 'admin')).toBeNull();
    }
  });

  it('draws again when a draw lacks a kind of character', () => {
    // The first draw is all "a" (index 0); then the alphabet's indexes in turn.
    let n = 0;
    const pw = generatePassword(() => (n++ < GENERATED_PASSWORD_LENGTH ? 0 : n % 55));
    expect(pw).not.toBe('a'.repeat(GENERATED_PASSWORD_LENGTH));
    expect(passwordProblem(pw, 'admin')).toBeNull();
  });
});
