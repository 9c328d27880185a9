import { NOTIFICATION_KIND_INFO, type NotificationKind } from '../../../contract/notifications.js';
import type { Repositories } from '../../repositories/index.js';
import type { Recipients } from '../../repositories/users.js';

/** A message about one event, the same for each of its readers. */
export interface Notice {
  kind: NotificationKind;
  subject: string;
  body: string;
  /** Names the event, e.g. `returned:<application id>:<n>`: the same event written twice yields one message. */
  key: string;
}

/**
 * Writes `notice` to the outbox for every enabled account among `to`, in the caller's transaction, so that the
 * message exists exactly when its event does. An account without an e-mail address still sees it in the app,
 * and so does one whose holder chose not to receive this kind by e-mail (unless the kind is mandatory).
 */
/** Returns how many messages were new (a repeat of the same key writes none). */
export async function notify(repos: Repositories, to: Recipients, notice: Notice): Promise<number> {
  const readers = await repos.users.recipients(to);
  const optedOut = NOTIFICATION_KIND_INFO[notice.kind].mandatory
    ? new Set<string>()
    : await repos.outbox.optedOut(
        readers.map((r) => r.id),
        notice.kind,
      );
  return repos.outbox.enqueue(
    readers.map((reader) => ({
      kind: notice.kind,
      channel: 'email' as const,
      userId: reader.id,
      address: reader.email,
      subject: notice.subject,
      body: notice.body,
      dedupeKey: `${notice.key}:${reader.id}`,
      deliver: !optedOut.has(reader.id),
    })),
  );
}

/** Writes `notice` for an address that has no account yet (an invitation). */
export async function notifyAddress(repos: Repositories, email: string, notice: Notice): Promise<number> {
  return repos.outbox.enqueue([
    {
      kind: notice.kind,
      channel: 'email',
      address: email,
      subject: notice.subject,
      body: notice.body,
      dedupeKey: `${notice.key}:${email}`,
    },
  ]);
}
