import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/server/repositories/index.js';
import { notify } from '../../src/server/services/notifications/notify.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// 我的消息: each user reads and marks only their own messages; another's id is answered as a missing one.

const t = useTestApp();

async function withMessages(count: number) {
  const { user, cookie } = await insertUser(t, 'expert');
  const subjects: string[] = [];
  for (let i = 0; i < count; i++) {
    const subject = `消息 ${i + 1}（${uniqueNumber()}）`;
    subjects.push(subject);
    await inTransaction(t.db, (repos) =>
      notify(repos, { userIds: [user.id] }, { kind: 'expert.assigned', subject, body: '正文', key: subject }),
    );
  }
  return { user, cookie, subjects };
}

const list = (cookie: string, query = '') =>
  inject(t.app, { method: 'GET', url: `/api/me/messages${query}`, cookie });
const read = (cookie: string, id: string) =>
  inject(t.app, { method: 'POST', url: `/api/me/messages/${id}/read`, cookie });

describe('我的消息', () => {
  it('分页列出自己的消息（最新在前）与未读数；标记已读后未读数减一', async () => {
    const me = await withMessages(3);
    await withMessages(1);
    const first = await list(me.cookie, '?pageSize=2');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(first.json().messages.map((m: { subject: string }) => m.subject)).toEqual([
      me.subjects[2],
      me.subjects[1],
    ]);
    const second = await list(me.cookie, '?pageSize=2&page=2');
    expect(second.json().messages.map((m: { subject: string }) => m.subject)).toEqual([me.subjects[0]]);
    expect(second.json().messages[0]).toMatchObject({ kindLabel: '评审任务分配', email: 'not-emailed' });

    const id = first.json().messages[0].id;
    const marked = await read(me.cookie, id);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().message.readAt).not.toBeNull();
    expect((await list(me.cookie)).json().unread).toBe(2);
  });

  it('别人的消息编号与不存在的一样答 404，且不被标记已读；任何角色都读不到别人的消息', async () => {
    const owner = await withMessages(1);
    const id = (await list(owner.cookie)).json().messages[0].id;
    const admin = await unitWithPerson(t);
    const others: { role: string; cookie: string }[] = [{ role: 'unit-admin', cookie: admin.cookie }];
    for (const role of ['department', 'province', 'expert'] as const) {
      others.push({ role, cookie: (await insertUser(t, role)).cookie });
    }
    for (const { role, cookie } of others) {
      const other = { cookie };
      const response = await read(other.cookie, id);
      expect(response.statusCode, role).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      expect((await list(other.cookie)).json().messages.map((m: { id: string }) => m.id)).not.toContain(id);
    }
    expect((await read(owner.cookie, crypto.randomUUID())).statusCode).toBe(404);
    expect((await list(owner.cookie)).json().unread).toBe(1);
  });

  it('页码无效时答中文错误并指明字段', async () => {
    const me = await withMessages(0);
    const response = await list(me.cookie, '?page=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ path: 'page', message: '页码应为正整数' });
  });
});

describe('邮件接收设置', () => {
  it('列出本角色的消息类型；必发类不能关闭（指明字段），别的角色的类型被拒绝', async () => {
    const { cookie } = await insertUser(t, 'department');
    const got = await inject(t.app, { method: 'GET', url: '/api/me/notification-preferences', cookie });
    expect(got.json().preferences).toEqual(
      expect.arrayContaining([
        { kind: 'deadline.department', label: '推荐截止提醒', mandatory: true, email: true },
        { kind: 'announcement.published', label: '立项公示发布', mandatory: false, email: true },
      ]),
    );
    const put = (preferences: object[]) =>
      inject(t.app, {
        method: 'PUT',
        url: '/api/me/notification-preferences',
        cookie,
        payload: { preferences },
      });
    const mandatory = await put([{ kind: 'deadline.department', email: false }]);
    expect(mandatory.statusCode).toBe(400);
    expect(mandatory.json().error.fields[0].path).toBe('preferences[0].email');
    const foreign = await put([{ kind: 'expert.assigned', email: false }]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('preferences[0].kind');
    const saved = await put([{ kind: 'announcement.published', email: false }]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().preferences).toContainEqual({
      kind: 'announcement.published',
      label: '立项公示发布',
      mandatory: false,
      email: false,
    });
  });
});
