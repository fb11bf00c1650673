import { readFileSync } from 'node:fs';

/**
 * What a new password must be. Checked whenever a password is set (user creation, admin reset, a
 * user's own change); never at login, so an old weak password still opens its account until it is
 * changed. Each rule has its own error code, so a person reads which rule refused the password.
 */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * Usernames shorter than this are not looked for inside a password: "li" inside "klimt-violin-7"
 * says nothing about guessability, while "admin" inside "admin12345" does.
 */
const USERNAME_MIN_CONTAINED = 3;

export type PasswordProblem =
  | 'users.password_too_short'
  | 'users.password_contains_username'
  | 'users.password_too_common';

/**
 * common-passwords.txt: the 10,000 most common passwords of the frequency-ordered list shipped by
 * @zxcvbn-ts/language-common 4.1.3 (MIT, from breach corpora), plus every entry of that list with 10
 * or more characters; lower-cased, NFKC, one a line. Read once, on first use.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return common;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(fold(password));
}

/** The first rule a password breaks, or null when it may be set. Length counts characters, not bytes. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password.normalize('NFKC')].length < PASSWORD_MIN_LENGTH) return 'users.password_too_short';
  const name = fold(username.trim());
  const folded = fold(password);
  if (
    name.length > 0 &&
    (folded === name || (name.length >= USERNAME_MIN_CONTAINED && folded.includes(name)))
  ) {
    return 'users.password_contains_username';
  }
  if (isCommonPassword(password)) return 'users.password_too_common';
  return null;
}
