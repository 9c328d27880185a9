import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import { sendDeadlineReminders } from '../services/notifications/deadline-reminders.js';
import type { JobLog, JobQueue } from './runner.js';

/** Often enough that the 3-hour reminder comes within minutes of its moment. */
export const DEADLINE_REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * 截止提醒 for applicants and departments. Every instance may run it at its own pace: each reminder's outbox
 * key is unique per call, deadline, lead and reader, so instances running together write it once.
 */
export class DeadlineReminderJob implements JobQueue {
  readonly name = 'deadline-reminders';
  private nextAt = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly intervalMs = DEADLINE_REMINDER_INTERVAL_MS,
  ) {}

  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    if (now.getTime() < this.nextAt) return false;
    this.nextAt = now.getTime() + this.intervalMs;
    const written = await sendDeadlineReminders(this.db, repositories(this.db), now);
    if (written > 0) this.log.info({ written }, 'deadline reminders written');
    return false;
  }
}
