import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS_BY_ROLE,
  type MessagesQuery,
  type NotificationKind,
  type NotificationPreferencesBody,
} from '../../../contract/notifications.js';
import { toBeijingIso } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../principal.js';
import { inTransaction, type Repositories } from '../../repositories/index.js';
import type { OutboxMessage } from '../../repositories/outbox.js';

// 我的消息: every user reads the outbox rows addressed to them (another's row is answered as missing), and
// chooses which kinds of message are also e-mailed, except the mandatory ones.

export interface MessagePage {
  rows: OutboxMessage[];
  total: number;
  unread: number;
}

export interface PreferenceChoice {
  kind: NotificationKind;
  mandatory: boolean;
  email: boolean;
}

export class InboxService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async messages(actor: Principal, query: MessagesQuery): Promise<MessagePage> {
    const counts = await this.repos.outbox.countsOf(actor.userId);
    const rows = await this.repos.outbox.ofUser(
      actor.userId,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { rows, ...counts };
  }

  async markRead(actor: Principal, id: string): Promise<OutboxMessage> {
    return inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const row = await repos.outbox.markRead(actor.userId, id, now);
      if (!row) throw new AppError('NOT_FOUND');
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'message.read',
        entityType: 'message',
        entityId: id,
        after: { readAt: toBeijingIso(row.readAt!.getTime()) },
      });
      return row;
    });
  }

  async preferences(actor: Principal): Promise<PreferenceChoice[]> {
    const chosen = await this.repos.outbox.preferencesOf(actor.userId);
    return NOTIFICATION_KINDS_BY_ROLE[actor.role].map((kind) => {
      const { mandatory } = NOTIFICATION_KIND_INFO[kind];
      return { kind, mandatory, email: mandatory || (chosen.get(kind) ?? true) };
    });
  }

  /** Records the choices given; a mandatory kind cannot be turned off, a kind not of the role is refused. */
  async savePreferences(actor: Principal, body: NotificationPreferencesBody): Promise<PreferenceChoice[]> {
    const offered = new Set(NOTIFICATION_KINDS_BY_ROLE[actor.role]);
    body.preferences.forEach(({ kind, email }, i) => {
      if (!offered.has(kind))
        throw AppError.invalidField(`preferences[${i}].kind`, '消息类型：不适用于您的账号');
      if (NOTIFICATION_KIND_INFO[kind].mandatory && !email) {
        throw AppError.invalidField(
          `preferences[${i}].email`,
          `“${NOTIFICATION_KIND_INFO[kind].label}”含截止时间或您申请的链接，必须发送邮件，不能关闭`,
        );
      }
    });
    const choices = body.preferences.filter(({ kind }) => !NOTIFICATION_KIND_INFO[kind].mandatory);
    await inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const before = await repos.outbox.preferencesOf(actor.userId);
      await repos.outbox.setPreferences(actor.userId, choices, now);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'notification-preferences.changed',
        entityType: 'user',
        entityId: actor.userId,
        before: Object.fromEntries(before),
        after: Object.fromEntries(choices.map((c) => [c.kind, c.email])),
      });
    });
    return this.preferences(actor);
  }
}
