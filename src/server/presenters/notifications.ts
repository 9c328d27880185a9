import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type EmailState,
  type MessageView,
  type NotificationKind,
  type NotificationPreferenceView,
} from '../../contract/notifications.js';
import { toBeijingIso } from '../../core/time.js';
import type { OutboxMessage } from '../repositories/outbox.js';
import type { PreferenceChoice } from '../services/notifications/inbox.js';

const iso = (at: Date) => toBeijingIso(at.getTime());

function emailState(row: OutboxMessage): EmailState {
  if (row.sentAt) return 'sent';
  if (!row.deliver || !row.address || row.channel !== 'email') return 'not-emailed';
  return row.failedAt ? 'failed' : 'pending';
}

/** A kind no longer (or not yet) in this version's list still reads as a message. */
function kindLabel(kind: string): string {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind)
    ? NOTIFICATION_KIND_INFO[kind as NotificationKind].label
    : '通知';
}

export function presentMessage(row: OutboxMessage): MessageView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kindLabel(row.kind),
    subject: row.subject,
    body: row.body,
    createdAt: iso(row.createdAt),
    readAt: row.readAt ? iso(row.readAt) : null,
    email: emailState(row),
  };
}

export function presentPreference(choice: PreferenceChoice): NotificationPreferenceView {
  return { ...choice, label: NOTIFICATION_KIND_INFO[choice.kind].label };
}
