import argon2 from 'argon2';
import { AppError } from '../errors.js';
import { Slots } from '../slots.js';

// OWASP's Password Storage Cheat Sheet minimum for argon2id (19 MiB, 2 passes): about 50 ms a hash here,
// which keeps a burst of logins from exhausting the server's memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let decoy: Promise<string> | undefined;

/**
 * Verifies against `hash`, or, for a login that does not exist, against a decoy hash, so that the answer
 * takes as long either way and timing does not tell which logins exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    decoy ??= hashPassword('decoy password, never valid');
    await argon2.verify(await decoy, password);
    return false;
  }
  return argon2.verify(hash, password);
}

/**
 * Runs at most `inFlight` verifications at once and lets at most `queued` more wait; beyond that a login is
 * refused at once, so that a flood of logins (known or not) cannot take every thread other routes need.
 */
export class PasswordChecks {
  private readonly slots: Slots;

  constructor(limits: { inFlight: number; queued: number }) {
    this.slots = new Slots(
      limits,
      () =>
        new AppError('TOO_MANY_REQUESTS', {
          message: '登录请求过多，请稍后再试',
          headers: { 'retry-after': '1' },
        }),
    );
  }

  verify(hash: string | undefined, password: string): Promise<boolean> {
    return this.slots.run(() => verifyPassword(hash, password));
  }
}
