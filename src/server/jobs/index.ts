import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { MailTransport } from '../io/mail/transport.js';
import { CrossCheckJob } from './cross-check.js';
import { DeadlineReminderJob } from './deadline-reminders.js';
import { InvitationJob } from './invitations.js';
import { OutboxJob } from './outbox.js';
import { ReminderJob } from './reminders.js';
import { JobRunner, type JobLog } from './runner.js';

/**
 * Every background job of the app, in one runner per process. Without a mail transport (no `SMTP_URL`, the
 * demo) the outbox is not delivered: its rows are the in-app messages.
 */
export function createJobRunner({
  db,
  clock,
  log,
  mail,
  staleAfterMs,
}: {
  db: Database;
  clock: Clock;
  log: JobLog;
  mail?: MailTransport | undefined;
  staleAfterMs?: number | undefined;
}): JobRunner {
  return new JobRunner(
    [
      new CrossCheckJob(db, clock, log),
      new ReminderJob(db, clock, log),
      new DeadlineReminderJob(db, clock, log),
      new InvitationJob(db, clock, log),
      ...(mail ? [new OutboxJob(db, clock, log, { mail })] : []),
    ],
    clock,
    log,
    staleAfterMs,
  );
}
