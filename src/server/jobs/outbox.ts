import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { SmsSender } from '../io/mail/sms.js';
import type { MailTransport } from '../io/mail/transport.js';
import { OutboxRepository, type OutboxMessage } from '../repositories/outbox.js';
import type { JobLog, JobQueue } from './runner.js';

/** Messages one claim takes: a worker holds no more than it sends in a few seconds. */
export const OUTBOX_BATCH = 20;
/** Attempts before a message is given up (it stays readable in the app): about 9 hours of retries. */
export const OUTBOX_MAX_ATTEMPTS = 12;
/** A claim older than this was never marked: its worker died while sending. */
export const OUTBOX_CLAIM_STALE_MS = 10 * 60_000;

const ABANDONED = '发送过程中断，无法确认是否已送达，不再重发';

/** The wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * Delivers the outbox: every instance may run it, each claiming different rows (SKIP LOCKED) and committing
 * its claim before it sends. A failed send is retried with backoff; a claim never marked (the worker died
 * between sending and marking) is given up rather than sent again: at most once per row.
 */
export class OutboxJob implements JobQueue {
  readonly name = 'outbox';
  private readonly outbox: OutboxRepository;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly senders: { mail?: MailTransport | undefined; sms?: SmsSender | undefined },
  ) {
    this.outbox = new OutboxRepository(db);
  }

  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    const abandoned = await this.outbox.abandonStaleClaims(
      new Date(now.getTime() - OUTBOX_CLAIM_STALE_MS),
      now,
      ABANDONED,
    );
    if (abandoned > 0) this.log.error({ abandoned }, 'outbox claims abandoned by a worker that stopped');
    let claimed = 0;
    const { mail, sms } = this.senders;
    if (mail) {
      const rows = await this.outbox.claimDue('email', now, OUTBOX_BATCH);
      claimed += rows.length;
      for (const row of rows) {
        await this.deliver(row, () =>
          mail.send({ id: row.id, to: row.address!, subject: row.subject, text: row.body }),
        );
      }
    }
    if (sms) {
      const rows = await this.outbox.claimDue('sms', now, OUTBOX_BATCH);
      claimed += rows.length;
      for (const row of rows) {
        await this.deliver(row, () => sms.send({ id: row.id, to: row.address!, text: row.body }));
      }
    }
    return claimed > 0;
  }

  private async deliver(row: OutboxMessage, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const at = this.clock.now();
      const retryAt =
        row.attempts < OUTBOX_MAX_ATTEMPTS ? new Date(at.getTime() + retryDelayMs(row.attempts)) : undefined;
      await this.outbox.markFailed(row.id, message, at, retryAt);
      this.log.error({ outboxId: row.id, attempts: row.attempts, err: message }, 'outbox delivery failed');
      return;
    }
    await this.outbox.markSent(row.id, this.clock.now());
  }
}
