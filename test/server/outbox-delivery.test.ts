import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../src/server/db/schema.js';
import { smtpTransport } from '../../src/server/io/mail/transport.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import { OUTBOX_CLAIM_STALE_MS, OUTBOX_MAX_ATTEMPTS, OutboxJob } from '../../src/server/jobs/outbox.js';
import { inTransaction, repositories } from '../../src/server/repositories/index.js';
import { notify, type Notice } from '../../src/server/services/notifications/notify.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, login, useTestApp } from '../support/harness.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';

// The outbox delivered over a real SMTP server: once per row, through outages, across workers at once, and
// only the e-mails their readers chose.

const t = useTestApp();
const log = { info() {}, error() {} };
const FROM = '申报系统 <noreply@shenbao.test>';

let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const worker = (url = smtp.url) => new OutboxJob(t.db, t.clock, log, { mail: smtpTransport(url, FROM) });

async function reader(
  role: 'unit-admin' | 'expert' = 'expert',
  email: string | null = `r${uniqueNumber()}@example.test`,
) {
  const { user, cookie } = await insertUser(t, role, role === 'unit-admin' ? await organizationScope() : {});
  await t.db.update(users).set({ email }).where(eq(users.id, user.id));
  return { id: user.id, email, cookie, login: user.login };
}

async function organizationScope() {
  const [department] = await repositories(t.db).departments.list();
  const application = await insertSubmitted(t.db, t.clock.now(), { departmentId: department!.id });
  return { organizationId: application.organizationId };
}

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  kind: 'expert.assigned',
  subject: `评审任务 ${uniqueNumber()}`,
  body: '请于 2026年12月1日 17:30（北京时间）前完成评分。',
  key: `test:${uniqueNumber()}`,
  ...overrides,
});

const write = (userIds: string[], n: Notice) => inTransaction(t.db, (repos) => notify(repos, { userIds }, n));
const rowsOf = (userId: string) => t.db.select().from(outbox).where(eq(outbox.userId, userId));

describe('发送邮件', () => {
  it('工作进程把消息经 SMTP 发出：收件人、主题、正文、发件人都对，Message-ID 即消息编号，标记已发送', async () => {
    const r = await reader();
    const n = notice();
    await write([r.id], n);
    expect(await worker().runNext()).toBe(true);
    const mail = await smtp.waitFor((m) => m.subject === n.subject);
    expect(mail.to).toEqual([r.email]);
    expect(mail.text).toContain('2026年12月1日 17:30');
    expect(mail.raw).toMatch(/^From: .*noreply@shenbao\.test/m);
    const [row] = await rowsOf(r.id);
    expect(mail.messageId).toBe(`<${row!.id}@shenbao.test>`);
    expect(row).toMatchObject({ sentAt: t.clock.now(), attempts: 1, claimedAt: null, lastError: null });
    // Sent once: another run finds nothing to send.
    expect(await worker().runNext()).toBe(false);
    expect(smtp.messages.filter((m) => m.subject === n.subject)).toHaveLength(1);
  });

  it('同一事件写两次（同一 key）只有一条消息', async () => {
    const r = await reader();
    const n = notice();
    expect(await write([r.id], n)).toBe(1);
    expect(await write([r.id], n)).toBe(0);
    expect(await rowsOf(r.id)).toHaveLength(1);
  });

  it('没有邮箱的账号：只在站内，从不发送', async () => {
    const r = await reader('expert', null);
    await write([r.id], notice());
    await worker().runNext();
    const [row] = await rowsOf(r.id);
    expect(row).toMatchObject({ address: null, sentAt: null, attempts: 0 });
  });

  it('SMTP 中断时消息不丢：记下错误、稍后重试，恢复后只送达一次', async () => {
    const down = await startSmtp();
    const r = await reader();
    const n = notice();
    await write([r.id], n);
    const port = down.port;
    await down.close();
    await worker(down.url).runNext();
    let [row] = await rowsOf(r.id);
    expect(row).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, claimedAt: null });
    expect(row!.lastError).toBeTruthy();
    expect(row!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 60_000);
    // Not due yet: nothing is tried.
    await worker(down.url).runNext();
    expect((await rowsOf(r.id))[0]!.attempts).toBe(1);

    const up = await startSmtp({ port });
    try {
      t.clock.advance(60_000);
      await worker(up.url).runNext();
      await up.waitFor((m) => m.subject === n.subject);
      [row] = await rowsOf(r.id);
      expect(row).toMatchObject({ attempts: 2, lastError: null });
      expect(row!.sentAt).not.toBeNull();
      await worker(up.url).runNext();
      expect(up.messages.filter((m) => m.subject === n.subject)).toHaveLength(1);
    } finally {
      await up.close();
    }
  });

  it(`重试 ${OUTBOX_MAX_ATTEMPTS} 次仍失败则放弃，消息仍在站内`, async () => {
    const down = await startSmtp();
    await down.close();
    const r = await reader();
    await write([r.id], notice());
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS + 2; i++) {
      await worker(down.url).runNext();
      t.clock.advance(60 * 60_000);
    }
    const [row] = await rowsOf(r.id);
    expect(row!.attempts).toBe(OUTBOX_MAX_ATTEMPTS);
    expect(row!.failedAt).not.toBeNull();
    expect(row!.sentAt).toBeNull();
    // Signed in again: the session ended while the clock moved on.
    const cookie = await login(t.app, r.login);
    const messages = await inject(t.app, { method: 'GET', url: '/api/me/messages', cookie });
    expect(messages.json().messages[0]).toMatchObject({ subject: row!.subject, email: 'failed' });
  });

  it('发送中途进程退出（已认领未标记）的消息不再重发（至多一次），标记为放弃', async () => {
    const r = await reader();
    const n = notice();
    await write([r.id], n);
    const [row] = await rowsOf(r.id);
    await t.db
      .update(outbox)
      .set({ claimedAt: new Date(t.clock.now().getTime() - OUTBOX_CLAIM_STALE_MS - 1), attempts: 1 })
      .where(eq(outbox.id, row!.id));
    await worker().runNext();
    const [after] = await rowsOf(r.id);
    expect(after).toMatchObject({ sentAt: null, claimedAt: null });
    expect(after!.failedAt).not.toBeNull();
    expect(smtp.messages.some((m) => m.subject === n.subject)).toBe(false);
  });

  it('两个工作进程同时运行：每条消息只发一次', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => reader()));
    const subjects: string[] = [];
    for (let i = 0; i < 15; i++) {
      const n = notice();
      subjects.push(n.subject);
      await write(
        readers.map((r) => r.id),
        n,
      );
    }
    const drain = async (job: OutboxJob) => {
      while (await job.runNext());
    };
    await Promise.all([drain(worker()), drain(worker()), drain(worker())]);
    const received = smtp.messages.filter((m) => subjects.includes(m.subject));
    expect(received).toHaveLength(45);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(45);
    const rows = await t.db
      .select()
      .from(outbox)
      .where(
        inArray(
          outbox.userId,
          readers.map((r) => r.id),
        ),
      );
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
  });

  it('没有 SMTP_URL（演示）时不发送：消息留作站内消息', async () => {
    const r = await reader();
    const n = notice();
    await write([r.id], n);
    const runner = createJobRunner({ db: t.db, clock: t.clock, log });
    await runner.runPending();
    await runner.stop();
    const [row] = await rowsOf(r.id);
    expect(row).toMatchObject({ sentAt: null, attempts: 0 });
  });
});

describe('邮件接收设置', () => {
  it('未选择接收的可选类消息不发邮件（站内仍有）；必发类照发', async () => {
    const r = await reader('unit-admin');
    const put = await inject(t.app, {
      method: 'PUT',
      url: '/api/me/notification-preferences',
      cookie: r.cookie,
      payload: { preferences: [{ kind: 'formal-review.result', email: false }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const optional = notice({ kind: 'formal-review.result' });
    const mandatory = notice({ kind: 'application.returned' });
    await write([r.id], optional);
    await write([r.id], mandatory);
    await worker().runNext();
    await smtp.waitFor((m) => m.subject === mandatory.subject);
    expect(smtp.messages.some((m) => m.subject === optional.subject)).toBe(false);
    const rows = await rowsOf(r.id);
    expect(rows.find((row) => row.subject === optional.subject)).toMatchObject({
      deliver: false,
      sentAt: null,
    });
    const listed = await inject(t.app, { method: 'GET', url: '/api/me/messages', cookie: r.cookie });
    expect(
      listed.json().messages.map((m: { subject: string; email: string }) => [m.subject, m.email]),
    ).toEqual(
      expect.arrayContaining([
        [optional.subject, 'not-emailed'],
        [mandatory.subject, 'sent'],
      ]),
    );
  });
});
