import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id } as const;

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
