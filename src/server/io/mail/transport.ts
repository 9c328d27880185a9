import nodemailer from 'nodemailer';

/** One message of the outbox as it leaves the platform. */
export interface OutgoingMail {
  /** The outbox row's id: the Message-ID, so that a receiving system can tell a repeat from a new message. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Hands a message to the mail system; resolves once the server accepted it, rejects otherwise. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The domain of the Message-ID: the sender's, so that the id is globally unique as RFC 5322 asks. */
function messageIdDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'shenbao.invalid';
}

/** Nodemailer over SMTP (`SMTP_URL`), from `MAIL_FROM`. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(smtpUrl);
  const domain = messageIdDomain(from);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
