import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import { ExpertInvitationService } from '../services/expert-invitations.js';
import type { JobLog, JobQueue } from './runner.js';

/** Often enough that a reminder or an expiry comes within minutes of its moment. */
export const INVITATION_INTERVAL_MS = 5 * 60_000;

/**
 * 评审邀请 for experts: reminds each unanswered invitation once, `review.invitationReminderHours` before its
 * deadline, and expires it after (the province told). Every instance may run it: the reminder is claimed by a
 * conditional update and the expiry under the invitation's row lock, so each happens once.
 */
export class InvitationJob implements JobQueue {
  readonly name = 'expert-invitations';
  private readonly invitations: ExpertInvitationService;
  private nextAt = 0;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly intervalMs = INVITATION_INTERVAL_MS,
  ) {
    this.invitations = new ExpertInvitationService(db, repositories(db), clock);
  }

  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    if (now.getTime() < this.nextAt) return false;
    this.nextAt = now.getTime() + this.intervalMs;
    const { reminded, expired } = await this.invitations.runDeadlines(now);
    if (reminded + expired > 0)
      this.log.info({ reminded, expired }, 'expert invitations reminded or expired');
    return false;
  }
}
