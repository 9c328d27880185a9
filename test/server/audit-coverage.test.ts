import { beforeAll, describe, expect, it } from 'vitest';
import { registerColumns } from '../../src/core/registers/kinds.js';
import { ID_NUMBER_HELD } from '../../src/server/audit/personal-data.js';
import { verifyChain, type AuditEntry } from '../../src/server/audit/chain.js';
import { repositories } from '../../src/server/repositories/index.js';
import { createDraft, submitThroughApi, unitWithPerson } from '../support/api/applicant.js';
import {
  personBody,
  registrationBody,
  residentIdNumber,
  uniqueLogin,
  VALID_PASSWORD,
  accountBody,
} from '../support/factories/server.js';
import { inject, insertUser, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';

// Each kind of change made through the API reaches the audit log with its action, actor and before → after;
// passwords never do, nor ID numbers; and the chain still verifies afterwards.

const t = useTestApp();
const repos = () => repositories(t.db);

let province: { userId: string; cookie: string };
/** Every ID number entered in this file: none may reach the log. */
const idNumbers: string[] = [];

function residentId(): string {
  const id = residentIdNumber();
  idNumbers.push(id);
  return id;
}

const enterPerson = (admin: UnitAdmin, login: string) =>
  inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: admin.cookie,
    payload: personBody({ idNumber: residentId(), account: accountBody({ login }) }),
  });

const changePerson = (admin: UnitAdmin, personId: string) =>
  inject(t.app, {
    method: 'PATCH',
    url: `/api/organization/people/${personId}`,
    cookie: admin.cookie,
    payload: { name: '改名后的负责人', idNumber: residentId(), ongoingProvincialProjects: 1 },
  });

/** A 失信 record of a person, with an ID number, imported by the province. */
function importDishonesty(idNumber: string) {
  const row: Record<string, string> = {
    主体类型: '个人',
    单位名称或姓名: '张某某',
    身份证号码: idNumber,
    处理期起: '2025-01-01',
    处理期止: '2027-12-31',
    认定来源: '信用江苏',
    失信行为及处理: '严重失信',
  };
  const headers = registerColumns('dishonesty').map((c) => c.header);
  const csv = [headers, headers.map((h) => row[h] ?? '')].map((l) => l.join(',')).join('\r\n');
  const body = new FormData();
  body.append('file', new Blob([`\uFEFF${csv}\r\n`]), '失信.csv');
  return inject(t.app, {
    method: 'POST',
    url: '/api/province/registers/dishonesty/import',
    cookie: province.cookie,
    payload: body,
  });
}

async function entriesOf(entityId: string): Promise<AuditEntry[]> {
  return (await repos().audit.list({ entityId, limit: 100 })).reverse();
}

async function only(entityId: string, action: string): Promise<AuditEntry> {
  const found = (await entriesOf(entityId)).filter((e) => e.action === action);
  expect(found, `${action} of ${entityId}`).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  const { user, cookie } = await insertUser(t, 'province');
  province = { userId: user.id, cookie };
});

describe('审计日志覆盖每一种状态变化', () => {
  it('单位注册：记录单位和单位管理员账号，操作人是注册的管理员，不记密码', async () => {
    const [department] = await repos().departments.list();
    const body = registrationBody({ departmentId: department!.id });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    const { organization, user } = response.json();

    const registered = await only(organization.id, 'organization.registered');
    expect(registered.actorUserId).toBe(user.id);
    expect(registered.entityType).toBe('organization');
    expect(registered.before).toBeNull();
    expect(registered.after).toMatchObject({
      name: body.organization.name,
      creditCode: body.organization.creditCode,
      departmentId: department!.id,
    });
    const account = await only(user.id, 'user.created');
    expect(account.after).toEqual({
      login: body.admin.login,
      role: 'unit-admin',
      displayName: body.admin.displayName,
      organizationId: organization.id,
      personId: null,
      departmentId: null,
      mustChangePassword: false,
    });
  });

  it('登记和修改项目负责人：记录修改前后，证件号码只记“已登记”和“已修改”', async () => {
    const admin = await unitWithPerson(t);
    const login = uniqueLogin('pi');
    const created = await enterPerson(admin, login);
    expect(created.statusCode).toBe(201);
    const person = created.json().person;

    const entry = await only(person.id, 'person.created');
    expect(entry.actorUserId).toBe(admin.userId);
    expect(entry.after).toEqual({
      employerId: admin.organizationId,
      name: person.name,
      idNumber: ID_NUMBER_HELD,
      ongoingProvincialProjects: 0,
    });
    const [account] = (await repos().audit.list({ action: 'user.created', limit: 100 })).filter(
      (e) => e.after?.personId === person.id,
    );
    expect(account?.after).toMatchObject({
      login,
      role: 'pi',
      organizationId: admin.organizationId,
      mustChangePassword: true,
    });

    const updated = await changePerson(admin, person.id);
    expect(updated.statusCode, updated.body).toBe(200);
    const change = await only(person.id, 'person.updated');
    expect(change.actorUserId).toBe(admin.userId);
    expect(change.before).toEqual({
      name: person.name,
      idNumber: ID_NUMBER_HELD,
      ongoingProvincialProjects: 0,
    });
    expect(change.after).toEqual({
      name: '改名后的负责人',
      idNumber: ID_NUMBER_HELD,
      ongoingProvincialProjects: 1,
      idNumberChanged: true,
    });
  });

  it('申报书改专题记入日志；只改表单内容的自动保存不记', async () => {
    const admin = await unitWithPerson(t);
    const draft = await createDraft(t, admin);
    const save = (version: number, payload: object) =>
      inject(t.app, {
        method: 'PUT',
        url: `/api/applications/${draft.id}`,
        cookie: admin.cookie,
        payload: { version, form: { title: '界面调控联合研发' }, ...payload },
      });
    const autosaved = await save(draft.version, {});
    expect(autosaved.statusCode, autosaved.body).toBe(200);
    expect((await entriesOf(draft.id)).map((e) => e.action)).toEqual(['application.created']);

    const moved = await save(autosaved.json().application.version, { topic: 5 });
    expect(moved.statusCode, moved.body).toBe(200);
    const entry = await only(draft.id, 'application.updated');
    expect(entry.actorUserId).toBe(admin.userId);
    expect(entry.before).toMatchObject({ topic: 4, piId: admin.personId });
    expect(entry.after).toMatchObject({ topic: 5, piId: admin.personId });
  });

  it('修改附件信息：记录附件信息修改前后', async () => {
    const admin = await unitWithPerson(t);
    const { id: applicationId } = await createDraft(t, admin);
    const form = new FormData();
    form.append('kind', 'cooperation-agreement');
    form.append('signedOn', '2026-03-01');
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), '协议.pdf');
    const uploaded = await inject(t.app, {
      method: 'POST',
      url: `/api/applications/${applicationId}/documents`,
      cookie: admin.cookie,
      payload: form,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const old = uploaded.json().document;
    expect((await only(applicationId, 'application.document.uploaded')).after).toMatchObject({
      documentId: old.id,
      metadata: { signedOn: '2026-03-01' },
    });

    const patched = await inject(t.app, {
      method: 'PATCH',
      url: `/api/applications/${applicationId}/documents/${old.id}`,
      cookie: admin.cookie,
      payload: { signedOn: '2026-04-01' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const entry = await only(applicationId, 'application.document.updated');
    expect(entry.actorUserId).toBe(admin.userId);
    expect(entry.before).toMatchObject({ documentId: old.id, metadata: { signedOn: '2026-03-01' } });
    expect(entry.after).toMatchObject({
      previousDocumentId: old.id,
      metadata: { signedOn: '2026-04-01' },
    });
  });

  it('主管部门保存形式审查：记录上一次的答案和这一次的答案', async () => {
    const { admin, id } = await submitThroughApi(t);
    const organization = (await repos().organizations.findById(admin.organizationId))!;
    const reviewer = await insertUser(t, 'department', { departmentId: organization.departmentId! });
    const answers = (ok: boolean) => ({
      documentsCompliant: { ok, note: ok ? '' : '合作协议缺签字' },
      materialsComplete: { ok: true, note: '' },
      ethics: { ok: false, note: '' },
      credit: { ok: true, note: '' },
      separateSlot: { ok: false, note: '' },
    });
    const save = (ok: boolean) =>
      inject(t.app, {
        method: 'PUT',
        url: `/api/review/applications/${id}/checklist`,
        cookie: reviewer.cookie,
        payload: { answers: answers(ok) },
      });
    expect((await save(true)).statusCode).toBe(200);
    expect((await save(false)).statusCode).toBe(200);
    const saves = (await entriesOf(id)).filter((e) => e.action === 'application.checklist-saved');
    expect(saves.map((e) => e.actorUserId)).toEqual([reviewer.user.id, reviewer.user.id]);
    expect(saves.map((e) => [e.before, e.after])).toEqual([
      [{ answers: null }, { answers: answers(true) }],
      [{ answers: answers(true) }, { answers: answers(false) }],
    ]);
  });

  it('导入失信记录：按记录编号记入，修改前后都不含证件号码', async () => {
    const imported = await importDishonesty(residentId());
    expect(imported.statusCode, imported.body).toBe(201);
    const [entry] = await repos().audit.list({ action: 'register.record-created', limit: 10 });
    expect(entry!.actorUserId).toBe(province.userId);
    expect(entry!.entityType).toBe('register:dishonesty');
    expect(entry!.entityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry!.after).toMatchObject({
      name: '张某某',
      idNumber: ID_NUMBER_HELD,
      batchId: imported.json().batchId,
    });
  });

  it('日志中没有密码、密码哈希或证件号码，哈希链完整', async () => {
    // ID numbers entered here, whatever else this file's tests entered before.
    const admin = await unitWithPerson(t);
    const created = await enterPerson(admin, uniqueLogin('pi'));
    expect((await changePerson(admin, created.json().person.id)).statusCode).toBe(200);
    expect((await importDishonesty(residentId())).statusCode).toBe(201);

    const all: AuditEntry[] = [];
    for await (const entry of repos().audit.all()) all.push(entry);
    const text = JSON.stringify(all);
    expect(text).not.toContain(VALID_PASSWORD);
    expect(text).not.toMatch(/argon2|passwordHash/);
    expect(idNumbers.length).toBeGreaterThan(2);
    for (const id of idNumbers) expect(text).not.toContain(id);

    const verdict = await verifyChain(repos().audit.all());
    expect(verdict).toMatchObject({ intact: true, entries: all.length });
  });
});
