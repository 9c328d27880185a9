import type { Clock } from '../../src/server/clock.js';
import type { Database } from '../../src/server/db/database.js';
import { smtpTransport } from '../../src/server/io/mail/transport.js';
import { OutboxJob } from '../../src/server/jobs/outbox.js';
import { startSmtp, type ReceivedMail } from './smtp.js';

export interface Mailbox {
  /** Delivers every message the outbox holds, then the first mail to `address` (whose subject matches `subject`). */
  mailTo(address: string, subject?: RegExp): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server, and the outbox job that delivers to it as the server's job runner would. */
export async function startMailbox(world: { db: Database; clock: Clock }, from: string): Promise<Mailbox> {
  const smtp = await startSmtp();
  const worker = new OutboxJob(
    world.db,
    world.clock,
    { info() {}, error() {} },
    { mail: smtpTransport(smtp.url, from) },
  );
  return {
    async mailTo(address, subject) {
      while (await worker.runNext()) {
        /* deliver every due message */
      }
      return smtp.waitFor(
        (mail) => mail.to.includes(address) && (subject?.test(mail.subject) ?? true),
        5_000,
      );
    },
    close: () => smtp.close(),
  };
}
