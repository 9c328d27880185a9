import { createHmac, timingSafeEqual } from 'node:crypto';

// A client that has signed in to an account carries that account's mark (in one cookie, for the few accounts
// used on one computer), so that failures of the account elsewhere never hold its owner back.

const MAX_ACCOUNTS = 8;
const SEPARATOR = '~';

function macOf(userId: string, expiresSeconds: number, secret: string): Buffer {
  return createHmac('sha256', secret).update(`known-device\n${userId}\n${expiresSeconds}`).digest();
}

function parse(value: string | undefined): { expiresSeconds: number; mac: Buffer }[] {
  return (value ?? '')
    .split(SEPARATOR)
    .slice(0, MAX_ACCOUNTS)
    .flatMap((entry) => {
      const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(entry);
      return match ? [{ expiresSeconds: Number(match[1]), mac: Buffer.from(match[2]!, 'base64url') }] : [];
    });
}

const holdsFor = (entry: { expiresSeconds: number; mac: Buffer }, userId: string, secret: string): boolean =>
  timingSafeEqual(entry.mac, macOf(userId, entry.expiresSeconds, secret));

/** Whether the cookie's value marks this client as one that signed in to `userId` and has not expired. */
export function isKnownDevice(value: string | undefined, userId: string, secret: string, now: Date): boolean {
  return parse(value).some(
    (entry) => entry.expiresSeconds * 1000 > now.getTime() && holdsFor(entry, userId, secret),
  );
}

/** The cookie's value once `userId` signed in: its mark renewed until `expires`, the other live marks kept. */
export function markKnownDevice(
  value: string | undefined,
  userId: string,
  secret: string,
  now: Date,
  expires: Date,
): string {
  const expiresSeconds = Math.floor(expires.getTime() / 1000);
  const others = parse(value).filter(
    (entry) => entry.expiresSeconds * 1000 > now.getTime() && !holdsFor(entry, userId, secret),
  );
  return [{ expiresSeconds, mac: macOf(userId, expiresSeconds, secret) }, ...others]
    .slice(0, MAX_ACCOUNTS)
    .map((entry) => `${entry.expiresSeconds}.${entry.mac.toString('base64url')}`)
    .join(SEPARATOR);
}
