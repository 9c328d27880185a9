import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import { ExpertScoringService } from '../services/experts-scoring.js';
import type { JobLog, JobQueue } from './runner.js';

/** Often enough that a reminder comes within minutes of entering its window, rarely enough to cost nothing. */
export const REMINDER_INTERVAL_MS = 10 * 60_000;

/**
 * 到期提醒 for experts. Every instance may send: each reminder is recorded once per assignment in the
 * database, so two instances at the same moment send it once. The interval is this instance's own pace.
 */
export class ReminderJob implements JobQueue {
  readonly name = 'expert-reminders';
  private readonly scoring: ExpertScoringService;
  private nextAt = 0;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly intervalMs = REMINDER_INTERVAL_MS,
  ) {
    this.scoring = new ExpertScoringService(db, repositories(db), clock);
  }

  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    if (now.getTime() < this.nextAt) return false;
    this.nextAt = now.getTime() + this.intervalMs;
    const sent = await this.scoring.sendDueReminders(now);
    if (sent > 0) this.log.info({ sent }, 'expert due reminders sent');
    return false;
  }
}
