import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../demo/seed.js';
import { isCommonPassword, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long, personal password', () => {
    expect(passwordProblem('correct-horse-1', 'operator_1')).toBeNull();
    expect(passwordProblem('西湖边的团长密码很长', 'leader')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting characters rather than bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('nine-char', 'someone')).toBe('users.password_too_short');
    expect(passwordProblem('ten-chars!', 'someone')).toBeNull();
    // Nine Chinese characters are 27 bytes in UTF-8 but still nine characters.
    expect(passwordProblem('团长团长团长团长团', 'someone')).toBe('users.password_too_short');
  });

  it('refuses the username itself and a password built around it, ignoring case', () => {
    expect(passwordProblem('Xiaowang-2024', 'xiaowang')).toBe('users.password_contains_username');
    expect(passwordProblem('my-XIAOWANG-pass', 'xiaowang')).toBe('users.password_contains_username');
    expect(passwordProblem('leader-abc234', 'Leader-ABC234')).toBe('users.password_contains_username');
    // A two-letter username says nothing when it appears inside a long password.
    expect(passwordProblem('klimt-violin-7', 'li')).toBeNull();
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('password123', 'someone')).toBe('users.password_too_common');
    expect(passwordProblem('QwertyUIOP', 'someone')).toBe('users.password_too_common');
    expect(passwordProblem('1234567890', 'someone')).toBe('users.password_too_common');
    expect(passwordProblem('iloveyou123', 'someone')).toBe('users.password_too_common');
  });
});

describe('the common-password list', () => {
  it('holds the usual suspects and not the passwords the tests and the README use', () => {
    for (const p of ['123456', 'password', 'qwerty', '5201314', 'iloveyou'])
      expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword('correct-horse-1')).toBe(false);
    expect(isCommonPassword('long-enough-1')).toBe(false);
  });

  it('does not hold any demo account password, so the README’s accounts stay accepted as far as the list goes', () => {
    for (const a of DEMO_ACCOUNTS) expect(isCommonPassword(a.password), a.password).toBe(false);
  });
});
