import type { Config } from '../config.js';
import type { Repositories } from '../repositories/index.js';
import type { InvitationPayload } from '../repositories/invitations.js';
import { newSessionToken, sessionIdOf } from '../security/session-token.js';
import { INVITATION_VALID_DAYS } from '../../contract/organization-users.js';

const DAY_MS = 86_400_000;

/** The path of the page that accepts an invitation; the e-mailed link carries the token as `?token=`. */
const ACCEPT_INVITATION_PATH = '/accept-invitation';

/**
 * Writes an invitation's single-use token (stored only as its keyed hash), valid `INVITATION_VALID_DAYS`, in the
 * caller's transaction; answers its id, the link to e-mail and when it expires. A unit administrator's invitation
 * and a department's grant of a claim both go through it, so that accepting is one flow.
 */
export async function writeInvitation(
  repos: Repositories,
  config: Pick<Config, 'sessionSecret' | 'publicUrl'>,
  now: Date,
  email: string,
  payload: InvitationPayload & Record<string, unknown>,
): Promise<{ id: string; link: string; expiresAt: Date }> {
  const token = newSessionToken();
  const id = sessionIdOf(token, config.sessionSecret);
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
  await repos.accountTokens.insert({ id, purpose: 'invitation', email, payload, expiresAt, createdAt: now });
  return { id, link: `${config.publicUrl}${ACCEPT_INVITATION_PATH}?token=${token}`, expiresAt };
}
