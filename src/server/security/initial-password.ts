import { randomInt } from 'node:crypto';

// Letters and digits that cannot be misread when a creator reads the password out (no 0/O, 1/l/I).
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const LENGTH = 12;

/** A one-time password for a new account (about 70 bits), with a letter and a digit, as any policy asks. */
export function generateInitialPassword(): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const password = Array.from({ length: LENGTH }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (/[A-Za-z]/.test(password) && /[0-9]/.test(password)) return password;
  }
}
