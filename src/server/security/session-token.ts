import { createHmac, randomBytes } from 'node:crypto';

/** The secret the cookie carries: 256 random bits. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a token: keyed, so a copy of the sessions table yields no usable cookie. */
export function sessionIdOf(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
