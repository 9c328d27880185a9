import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/bundle/schema.js';
import { beijingDate } from '../../src/core/time.js';
import { applications, organizations } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { inject, insertUser, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// 平台资质与定向组织 (issue 12, item 6): the province records platforms with evidence and validity, invites
// organizations to the directed streams, and marks 专题二 applications 定向; the rules and applicants follow.

const t = useTestApp();
const repos = () => repositories(t.db);
const LIMIT = 'limit.institution-belt-road';

const province = async () => (await insertUser(t, 'province')).cookie;

function platformForm(fields: Record<string, string>, file: Buffer | null = pdf({ seed: 'evidence' })) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '批复.pdf');
  return body;
}

const addPlatform = (
  cookie: string,
  organizationId: string,
  fields: Record<string, string>,
  file?: Buffer | null,
) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/province/organizations/${organizationId}/platforms`,
    cookie,
    payload: platformForm(fields, file),
  });

const fieldPaths = (response: { json(): { error: { fields?: { path: string }[] } } }) =>
  (response.json().error.fields ?? []).map((f) => f.path);

async function deadlineDate(): Promise<string> {
  const call = await repos().calls.findById(PRACTICE_CALL_ID);
  return beijingDate(call!.submissionClosesAt.getTime());
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** A university with three submitted 专题二 applications; its fourth, as the API judges it, after `record`. */
async function fourthApplication(record: (admin: UnitAdmin) => Promise<void>) {
  const admin = await unitWithPerson(t);
  const [university] = await t.db
    .update(organizations)
    .set({ kind: 'university' })
    .where(eq(organizations.id, admin.organizationId))
    .returning();
  await record(admin);
  for (let i = 1; i <= 3; i++) {
    const pi = await insertPerson(t.db, university!.id, `负责人${i}`);
    await insertApplication(t.db, {
      callId: PRACTICE_CALL_ID,
      organizationId: university!.id,
      piId: pi.id,
      departmentId: university!.departmentId!,
      topic: 2,
      status: 'submitted',
      submittedAt: t.clock.now(),
      form: { title: `“一带一路”创新合作项目${i}` },
    });
  }
  const created = await createApplication(admin, { topic: 2 });
  expect(created.statusCode, created.body).toBe(201);
  const judged = await inject(t.app, {
    method: 'GET',
    url: `/api/applications/${created.json().application.id}`,
    cookie: admin.cookie,
  });
  const findings: { rule: string; severity: string; message: string }[] = judged.json().evaluation.findings;
  return findings.filter((f) => f.rule === LIMIT);
}

const createApplication = (
  admin: UnitAdmin & { personId: string },
  body: { topic: number; direction?: string },
) =>
  inject(t.app, {
    method: 'POST',
    url: '/api/applications',
    cookie: admin.cookie,
    payload: { callId: PRACTICE_CALL_ID, piId: admin.personId, ...body },
  });

const belt = (validTo: string, validFrom = '2024-01-01') => ({
  platform: 'belt-road-joint-lab' satisfies Platform,
  validFrom,
  validTo,
  note: '国科发外〔2024〕1号',
});

describe('平台资质：证明文件与有效期', () => {
  it('有效期覆盖网上填报截止日的联合实验室：第 4 项专题二申报与原先一样提示使用单独推荐名额', async () => {
    const cookie = await province();
    const [limit] = await fourthApplication(async (admin) => {
      const added = await addPlatform(cookie, admin.organizationId, belt(await deadlineDate()));
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json().platform).toMatchObject({
        platform: 'belt-road-joint-lab',
        evidenceName: '批复.pdf',
      });
    });
    expect(limit).toMatchObject({ severity: 'warning' });
    expect(limit!.message).toContain('须由项目主管部门推荐时使用单独推荐名额');
  });

  it('有效期在截止日前一天结束的平台不算：第 4 项超过限额，不能提交', async () => {
    const cookie = await province();
    const [limit] = await fourthApplication(async (admin) => {
      const added = await addPlatform(cookie, admin.organizationId, belt(dayBefore(await deadlineDate())));
      expect(added.statusCode, added.body).toBe(201);
    });
    expect(limit).toMatchObject({ severity: 'error' });
  });

  it('不合格的登记被拒绝并指明字段：缺证明文件、非 PDF、有效期倒置、未知平台；什么都不写入', async () => {
    const cookie = await province();
    const admin = await unitWithPerson(t);
    const cases: [Record<string, string>, Buffer | null, string, number][] = [
      [belt('2027-12-31'), null, 'file', 400],
      [belt('2027-12-31'), Buffer.from('not a pdf at all'), 'file', 415],
      [belt('2025-01-01', '2026-01-01'), pdf({ seed: 'x' }), 'validTo', 400],
      [{ ...belt('2027-12-31'), platform: 'lab' }, pdf({ seed: 'y' }), 'platform', 400],
      [{ ...belt('2027-12-31'), validFrom: '2026-02-30' }, pdf({ seed: 'z' }), 'validFrom', 400],
    ];
    for (const [fields, file, path, status] of cases) {
      const response = await addPlatform(cookie, admin.organizationId, fields, file);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(status);
      expect(fieldPaths(response), response.body).toContain(path);
      expect(response.json().error.message).toMatch(/\p{Script=Han}/u);
    }
    expect(await repos().entitlements.platformsOf(admin.organizationId)).toEqual([]);
  });

  it('申报单位和所属主管部门只读可见；别的部门、别的单位与不存在的一样答 404；登记与删除都记入审计日志', async () => {
    const cookie = await province();
    const admin = await unitWithPerson(t);
    const added = await addPlatform(cookie, admin.organizationId, belt('2027-12-31'));
    const id = added.json().platform.id as string;

    const own = await inject(t.app, { method: 'GET', url: '/api/entitlements', cookie: admin.cookie });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().platforms).toEqual([
      expect.objectContaining({ id, label: '科技部批复建设的“一带一路”联合实验室', validTo: '2027-12-31' }),
    ]);

    const organization = (await repos().organizations.findById(admin.organizationId))!;
    const department = await insertUser(t, 'department', { departmentId: organization.departmentId! });
    const seen = await inject(t.app, {
      method: 'GET',
      url: `/api/review/organizations/${admin.organizationId}/platforms`,
      cookie: department.cookie,
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().platforms).toHaveLength(1);

    const other = (await repos().departments.list()).find(
      (d) =>
        d.id !== organization.departmentId && d.cityId !== organization.departmentId && d.kind !== 'city',
    )!;
    const stranger = await insertUser(t, 'department', { departmentId: other.id });
    const refused = await inject(t.app, {
      method: 'GET',
      url: `/api/review/organizations/${admin.organizationId}/platforms`,
      cookie: stranger.cookie,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');

    const otherUnit = await unitWithPerson(t);
    for (const [method, url] of [
      ['GET', `/api/province/organizations/${admin.organizationId}/platforms`],
      ['DELETE', `/api/province/organization-platforms/${id}`],
      ['GET', `/api/province/organization-platforms/${id}/file`],
    ] as const) {
      const response = await inject(t.app, { method, url, cookie: otherUnit.cookie });
      expect([403, 404], `${method} ${url}`).toContain(response.statusCode);
    }

    const file = await inject(t.app, {
      method: 'GET',
      url: `/api/province/organization-platforms/${id}/file`,
      cookie,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const removed = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/organization-platforms/${id}`,
      cookie,
    });
    expect(removed.statusCode).toBe(204);
    const again = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/organization-platforms/${id}`,
      cookie,
    });
    expect(again.statusCode).toBe(404);
    const actions = (await repos().audit.list({ entityId: admin.organizationId, limit: 20 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['organization.platform-added', 'organization.platform-removed']),
    );
  });
});

describe('省厅查找申报单位', () => {
  it('按名称或统一社会信用代码查找；申报单位不能查', async () => {
    const cookie = await province();
    const admin = await unitWithPerson(t);
    const organization = (await repos().organizations.findById(admin.organizationId))!;
    for (const q of [organization.creditCode, organization.name.slice(-6)]) {
      const found = await inject(t.app, {
        method: 'GET',
        url: `/api/province/organizations?q=${encodeURIComponent(q)}`,
        cookie,
      });
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().organizations.map((o: { id: string }) => o.id)).toContain(admin.organizationId);
    }
    const refused = await inject(t.app, {
      method: 'GET',
      url: '/api/province/organizations',
      cookie: admin.cookie,
    });
    expect([403, 404]).toContain(refused.statusCode);
  });
});

describe('定向组织方向：受邀单位才能申报', () => {
  it('未受邀：不列出、创建被拒（指明方向字段，并给出联系人）；受邀后可创建且为定向；撤销后不再定向', async () => {
    const cookie = await province();
    const admin = await unitWithPerson(t);
    const mine = async () =>
      (await inject(t.app, { method: 'GET', url: '/api/entitlements', cookie: admin.cookie })).json();
    expect((await mine()).invitations).toEqual([]);

    const refused = await createApplication(admin, { topic: 1, direction: 'big-science' });
    expect(refused.statusCode).toBe(400);
    expect(fieldPaths(refused)).toEqual(['direction']);
    expect(refused.body).toContain('定向组织');
    expect(refused.body).toContain('025-57711715');

    const open = await createApplication(admin, { topic: 1, direction: 'platform-inbound' });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().application.directed).toBe(false);

    const notDirected = await inject(t.app, {
      method: 'POST',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/invitations`,
      cookie,
      payload: { topic: 1, direction: 'platform-inbound', organizationId: admin.organizationId },
    });
    expect(notDirected.statusCode).toBe(400);
    expect(fieldPaths(notDirected)).toEqual(['direction']);

    const invited = await inject(t.app, {
      method: 'POST',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/invitations`,
      cookie,
      payload: {
        topic: 1,
        direction: 'big-science',
        organizationId: admin.organizationId,
        note: '经专家论证',
      },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const twice = await inject(t.app, {
      method: 'POST',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/invitations`,
      cookie,
      payload: { topic: 1, direction: 'big-science', organizationId: admin.organizationId },
    });
    expect(twice.statusCode).toBe(400);
    expect((await mine()).invitations).toEqual([
      { callId: PRACTICE_CALL_ID, topic: 1, direction: 'big-science' },
    ]);

    const created = await createApplication(admin, { topic: 1, direction: 'big-science' });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json().application as { id: string; directed: boolean };
    expect(application.directed).toBe(true);
    const judged = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${application.id}`,
      cookie: admin.cookie,
    });
    const rules = judged.json().evaluation.findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('topic.directed-only');

    const overview = await inject(t.app, {
      method: 'GET',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/directed`,
      cookie,
    });
    expect(overview.json().streams.map((s: { direction: string }) => s.direction)).toEqual([
      'big-science',
      'platform-outbound',
    ]);
    const invitation = overview
      .json()
      .invitations.find((i: { organization: { id: string } }) => i.organization.id === admin.organizationId);
    expect(invitation).toMatchObject({ direction: 'big-science', note: '经专家论证' });

    const revoked = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/invitations/${invitation.id}`,
      cookie,
    });
    expect(revoked.statusCode).toBe(204);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, application.id));
    expect(row!.directed).toBe(false);
    const actions = (await repos().audit.list({ entityId: admin.organizationId, limit: 20 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['directed.invited', 'directed.revoked']));
  });

  it('草稿改到未受邀的定向方向被拒，申报书不变', async () => {
    const admin = await unitWithPerson(t);
    const created = await createApplication(admin, { topic: 2 });
    const { id, version } = created.json().application;
    const moved = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${id}`,
      cookie: admin.cookie,
      payload: { version, topic: 1, direction: 'platform-outbound', form: {} },
    });
    expect(moved.statusCode).toBe(400);
    expect(fieldPaths(moved)).toEqual(['direction']);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ topic: 2, direction: null, version });
  });
});

describe('专题二的定向组织标记', () => {
  const markForm = (note: string | null, file: Buffer | null = pdf({ seed: 'joint-lab' })) => {
    const body = new FormData();
    if (note !== null) body.append('note', note);
    if (file) body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '批复.pdf');
    return body;
  };

  it('省厅附说明和证明文件标记为定向，可取消；缺说明或文件被拒；其他专题、别的角色与不存在的一样答 404', async () => {
    const cookie = await province();
    const admin = await unitWithPerson(t);
    const topicTwo = (await createApplication(admin, { topic: 2 })).json().application.id as string;
    const topicFour = (await createApplication(admin, { topic: 4 })).json().application.id as string;
    const mark = (id: string, payload: FormData, as = cookie) =>
      inject(t.app, { method: 'PUT', url: `/api/province/applications/${id}/directed`, cookie: as, payload });
    const directed = async () =>
      (await t.db.select().from(applications).where(eq(applications.id, topicTwo)))[0]!.directed;

    const noNote = await mark(topicTwo, markForm(null));
    expect(noNote.statusCode).toBe(400);
    expect(fieldPaths(noNote)).toEqual(['note']);
    const noFile = await mark(topicTwo, markForm('科技部 2026 年批复', null));
    expect(noFile.statusCode).toBe(400);
    expect(fieldPaths(noFile)).toEqual(['file']);
    expect(await directed()).toBe(false);

    expect((await mark(topicFour, markForm('不适用'))).statusCode).toBe(404);
    const department = await insertUser(t, 'department');
    expect([403, 404]).toContain((await mark(topicTwo, markForm('越权'), department.cookie)).statusCode);
    expect([403, 404]).toContain((await mark(topicTwo, markForm('越权'), admin.cookie)).statusCode);

    const marked = await mark(topicTwo, markForm('科技部 2026 年批复建设的联合实验室'));
    expect(marked.statusCode, marked.body).toBe(204);
    expect(await directed()).toBe(true);
    const overview = await inject(t.app, {
      method: 'GET',
      url: `/api/province/calls/${PRACTICE_CALL_ID}/directed`,
      cookie,
    });
    const listed = overview.json().marked.applications.find((a: { id: string }) => a.id === topicTwo);
    expect(listed).toMatchObject({ directed: true, mark: { note: '科技部 2026 年批复建设的联合实验室' } });
    const evidence = await inject(t.app, {
      method: 'GET',
      url: `/api/province/applications/${topicTwo}/directed/file`,
      cookie,
    });
    expect(evidence.statusCode).toBe(200);

    const unmarked = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/applications/${topicTwo}/directed`,
      cookie,
    });
    expect(unmarked.statusCode).toBe(204);
    expect(await directed()).toBe(false);
    const actions = (await repos().audit.list({ entityId: topicTwo, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['directed.marked', 'directed.unmarked']));
  });
});
