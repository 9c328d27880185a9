import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, outbox } from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { createDraft } from '../support/api/applicant.js';
import { attachRequiredDocuments, completeForm } from '../support/api/submitted-applications.js';
import { creditCode, personBody, registrationBody } from '../support/factories/server.js';
import { inject, insertUser, registerUnitAdmin, type UnitAdmin, useTestApp } from '../support/harness.js';
import { PNG, pdf, sha256 } from '../support/pdf.js';

// 属地审核: a self-registered organization waits for its 主管部门; only approved ones submit; a change of the
// facts the rules read is decided again, with its history; claims of a registered credit code.

const t = useTestApp();

let city: Department;
let otherCity: Department;
let university: Department;
/** The department user of `city` (every test registers under it), and one of another city. */
let reviewer: { cookie: string; userId: string };
let stranger: { cookie: string };

beforeAll(async () => {
  const all = await repositories(t.db).departments.list();
  city = all[0]!;
  otherCity = all.find((d) => d.kind === 'city' && d.id !== city.id)!;
  university = all.find((d) => d.kind === 'university')!;
  const user = await insertUser(t, 'department', { departmentId: city.id });
  reviewer = { cookie: user.cookie, userId: user.user.id };
  stranger = await insertUser(t, 'department', { departmentId: otherCity.id });
});

const profile = async (admin: UnitAdmin) =>
  (await inject(t.app, { method: 'GET', url: '/api/organization/profile', cookie: admin.cookie })).json()
    .organization;

const decide = (cookie: string, organizationId: string, action: string, payload?: object) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/department/organizations/${organizationId}/${action}`,
    cookie,
    ...(payload ? { payload } : {}),
  });

const messages = (kind: string) => t.db.select().from(outbox).where(eq(outbox.kind, kind));

/** A pending unit's draft, complete with its documents, ready to submit. */
async function readyDraft(admin: UnitAdmin) {
  const person = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: admin.cookie,
    payload: personBody(),
  });
  const { id, version } = await createDraft(t, { ...admin, personId: person.json().person.id });
  const saved = await inject(t.app, {
    method: 'PUT',
    url: `/api/applications/${id}`,
    cookie: admin.cookie,
    payload: { version, form: completeForm() },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await attachRequiredDocuments(t.db, t.clock.now(), id, admin.organizationId, admin.userId);
  return { id: id as string, version: saved.json().application.version as number };
}

const submit = (admin: UnitAdmin, draft: { id: string; version: number }) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/applications/${draft.id}/submit`,
    cookie: admin.cookie,
    payload: { version: draft.version },
  });

/** The profile body as the administrator would send it back, with `changes`. */
function edited(organization: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const keys = [
    'name',
    'address',
    'contactName',
    'contactMobile',
    'contactEmail',
    'kind',
    'registeredOn',
    'inJiangsu',
    'independentLegalEntity',
    'ministryOrProvincialUniversity',
    'departmentId',
  ];
  return { ...Object.fromEntries(keys.map((k) => [k, organization[k]])), ...changes };
}

const saveProfile = (admin: UnitAdmin, body: object) =>
  inject(t.app, { method: 'PUT', url: '/api/organization/profile', cookie: admin.cookie, payload: body });

describe('注册审核', () => {
  it('待审核的单位可以写草稿但不能提交，提示由哪个部门审核；审核通过后通知单位，可以提交', async () => {
    const admin = await registerUnitAdmin(t, { pending: true });
    expect(await profile(admin)).toMatchObject({
      verification: 'pending',
      canSubmit: false,
      department: { id: city.id },
      pending: { kind: 'registration', department: { id: city.id } },
    });
    const draft = await readyDraft(admin);
    const refused = await submit(admin, draft);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ORGANIZATION_NOT_APPROVED' });
    expect(refused.json().error.message).toContain(`尚待${city.name}审核`);
    expect(refused.json().error.message).toContain('草稿可以继续填写');
    const told = (await messages('organization.verification-requested')).filter(
      (m) => m.userId === reviewer.userId,
    );
    expect(told.some((m) => m.subject.includes('注册'))).toBe(true);

    const listed = await inject(t.app, {
      method: 'GET',
      url: '/api/department/organizations',
      cookie: reviewer.cookie,
    });
    expect(listed.json().organizations).toContainEqual(
      expect.objectContaining({ id: admin.organizationId, verification: 'pending' }),
    );
    const approved = await decide(reviewer.cookie, admin.organizationId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().organization).toMatchObject({
      verification: 'approved',
      canSubmit: true,
      pending: null,
    });
    expect(approved.json().organization.history[0]).toMatchObject({
      status: 'approved',
      kind: 'registration',
    });
    const notices = (await messages('organization.approved')).filter((m) => m.userId === admin.userId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(city.name);

    const submitted = await submit(admin, draft);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().application.status).toBe('submitted');
  });

  it('不予通过须写理由，理由通知单位；单位修改后重新提交，回到待审核并保留历史', async () => {
    const admin = await registerUnitAdmin(t, { pending: true });
    const noReason = await decide(reviewer.cookie, admin.organizationId, 'reject', { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');

    const reason = '注册日期与营业执照不符';
    const rejected = await decide(reviewer.cookie, admin.organizationId, 'reject', { reason });
    expect(rejected.json().organization).toMatchObject({ verification: 'rejected', rejectionReason: reason });
    const notice = (await messages('organization.rejected')).find((m) => m.userId === admin.userId);
    expect(notice!.body).toContain(reason);
    const again = await decide(reviewer.cookie, admin.organizationId, 'approve');
    expect(again.json().error.code).toBe('NOTHING_TO_VERIFY');

    const draft = await readyDraft(admin);
    const refused = await submit(admin, draft);
    expect(refused.json().error.message).toContain(reason);

    t.clock.advance(60_000);
    const resubmitted = await saveProfile(
      admin,
      edited(await profile(admin), { registeredOn: '2014-05-06' }),
    );
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const organization = resubmitted.json().organization;
    expect(organization).toMatchObject({
      verification: 'pending',
      rejectionReason: null,
      registeredOn: '2014-05-06',
    });
    expect(organization.history.map((h: { status: string }) => h.status)).toEqual(['pending', 'rejected']);
    expect(organization.history[1].reason).toBe(reason);
  });

  it('别的部门的单位与不存在的单位一样答 404，什么也不改变', async () => {
    const admin = await registerUnitAdmin(t, { pending: true });
    for (const id of [admin.organizationId, randomUUID()]) {
      const reads = [
        await inject(t.app, {
          method: 'GET',
          url: `/api/department/organizations/${id}`,
          cookie: stranger.cookie,
        }),
        await decide(stranger.cookie, id, 'approve'),
        await decide(stranger.cookie, id, 'reject', { reason: '不符' }),
        await decide(stranger.cookie, id, 'licence-request', {}),
        await inject(t.app, {
          method: 'GET',
          url: `/api/department/organizations/${id}/licence`,
          cookie: stranger.cookie,
        }),
      ];
      for (const response of reads) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
    }
    const listed = await inject(t.app, {
      method: 'GET',
      url: '/api/department/organizations',
      cookie: stranger.cookie,
    });
    expect(listed.json().organizations.map((o: { id: string }) => o.id)).not.toContain(admin.organizationId);
    expect((await profile(admin)).verification).toBe('pending');
  });
});

describe('营业执照', () => {
  it('部门要求上传，单位收到通知；只收 PDF；部门可以打开，别的部门不能', async () => {
    const admin = await registerUnitAdmin(t, { pending: true });
    const asked = await decide(reviewer.cookie, admin.organizationId, 'licence-request', {
      note: '请上传副本',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().organization.licence).toMatchObject({ note: '请上传副本', file: null });
    const notice = (await messages('organization.licence-requested')).find((m) => m.userId === admin.userId);
    expect(notice!.body).toContain('请上传副本');
    expect((await profile(admin)).licence.requestedAt).not.toBeNull();

    const upload = (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
      return inject(t.app, {
        method: 'POST',
        url: '/api/organization/licence',
        cookie: admin.cookie,
        payload: form,
      });
    };
    const notPdf = await upload(PNG, '营业执照.pdf');
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().error.code).toBe('FILE_NOT_PDF');
    expect((await profile(admin)).licence.file).toBeNull();

    const licence = pdf({ seed: `licence-${admin.organizationId}` });
    const uploaded = await upload(licence, '营业执照.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().organization.licence.file).toMatchObject({
      fileName: '营业执照.pdf',
      sha256: sha256(licence),
    });

    const opened = await inject(t.app, {
      method: 'GET',
      url: `/api/department/organizations/${admin.organizationId}/licence`,
      cookie: reviewer.cookie,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toContain('application/pdf');
    expect(sha256(opened.rawPayload)).toBe(sha256(licence));
    const foreign = await inject(t.app, {
      method: 'GET',
      url: `/api/department/organizations/${admin.organizationId}/licence`,
      cookie: stranger.cookie,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('变更规则所依据的信息', () => {
  it('已通过的单位变更主管部门和注册日期：新部门审核，审核前仍按已审核的信息申报，历史保留', async () => {
    const admin = await registerUnitAdmin(t);
    const before = await profile(admin);
    const contactOnly = await saveProfile(admin, edited(before, { address: '南京市新地址1号' }));
    expect(contactOnly.json().organization).toMatchObject({ address: '南京市新地址1号', pending: null });

    t.clock.advance(60_000);
    const changed = await saveProfile(
      admin,
      edited(before, { registeredOn: '2010-01-02', departmentId: otherCity.id, address: '苏州市新地址2号' }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const organization = changed.json().organization;
    expect(organization).toMatchObject({
      verification: 'approved',
      canSubmit: true,
      registeredOn: before.registeredOn,
      departmentId: city.id,
      address: '苏州市新地址2号',
      pending: { kind: 'change', department: { id: otherCity.id }, facts: { registeredOn: '2010-01-02' } },
    });
    expect(organization.pending.changes).toEqual(
      expect.arrayContaining([
        { label: '注册日期', before: before.registeredOn, after: '2010-01-02' },
        { label: '项目主管部门', before: city.name, after: otherCity.name },
      ]),
    );
    const draft = await readyDraft(admin);
    expect((await submit(admin, draft)).statusCode).toBe(200);

    // The old department cannot decide what the new one is asked; the new one sees it and approves.
    expect((await decide(reviewer.cookie, admin.organizationId, 'approve')).json().error.code).toBe(
      'NOTHING_TO_VERIFY',
    );
    const seen = await inject(t.app, {
      method: 'GET',
      url: `/api/department/organizations/${admin.organizationId}`,
      cookie: stranger.cookie,
    });
    expect(seen.statusCode).toBe(200);
    const approved = await decide(stranger.cookie, admin.organizationId, 'approve');
    expect(approved.json().organization).toMatchObject({
      registeredOn: '2010-01-02',
      departmentId: otherCity.id,
      pending: null,
    });
    expect(
      approved
        .json()
        .organization.history.map((h: { kind: string; status: string }) => `${h.kind}:${h.status}`),
    ).toEqual(['change:approved', 'registration:approved']);
  });

  it('变更未通过：原信息不变，理由通知单位', async () => {
    const admin = await registerUnitAdmin(t);
    const before = await profile(admin);
    t.clock.advance(60_000);
    await saveProfile(admin, edited(before, { independentLegalEntity: false }));
    const reason = '无法人证书';
    const rejected = await decide(reviewer.cookie, admin.organizationId, 'reject', { reason });
    expect(rejected.json().organization).toMatchObject({
      verification: 'approved',
      independentLegalEntity: true,
      pending: null,
    });
    expect(rejected.json().organization.history[0]).toMatchObject({
      kind: 'change',
      status: 'rejected',
      reason,
    });
    const notice = (await messages('organization.rejected')).find((m) => m.userId === admin.userId);
    expect(notice!.subject).toContain('变更');
  });
});

describe('主管部门覆盖的单位', () => {
  it('企业不能在高校注册，也不能改到高校名下；字段为 departmentId', async () => {
    const enterprise = registrationBody({ departmentId: university.id });
    const refused = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: enterprise,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'organization.departmentId', message: expect.stringContaining(`${university.name}只推荐本校`) },
    ]);
    const otherUniversity = registrationBody({
      departmentId: university.id,
      kind: 'university',
      name: '某某大学',
    });
    const notItself = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: otherUniversity,
    });
    expect(notItself.json().error.fields[0].path).toBe('organization.departmentId');
    const itsInstitute = registrationBody({
      departmentId: university.id,
      kind: 'institute',
      name: `${university.name}无锡研究院`,
    });
    const accepted = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: itsInstitute,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);

    const admin = await registerUnitAdmin(t);
    const moved = await saveProfile(admin, edited(await profile(admin), { departmentId: university.id }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields[0].path).toBe('departmentId');
    expect((await profile(admin)).pending).toBeNull();
  });
});

describe('认领已注册的单位', () => {
  it('信用代码已注册时提示认领；认领申请交其主管部门，同意后向申请人发送管理员邀请', async () => {
    const admin = await registerUnitAdmin(t);
    const { creditCode: code } = await profile(admin);
    const taken = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: registrationBody({ departmentId: city.id, creditCode: code }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('认领');

    const claimant = {
      creditCode: code,
      name: '王认领',
      mobile: '13912345678',
      email: 'Claimant@Example.com',
      note: '原管理员已离职',
    };
    const unknown = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/claim-organization',
      payload: { ...claimant, creditCode: creditCode() },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('creditCode');
    const claimed = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/claim-organization',
      payload: claimant,
    });
    expect(claimed.statusCode, claimed.body).toBe(202);
    expect(claimed.json()).toEqual({ departmentName: city.name });

    const list = async (cookie: string) =>
      (await inject(t.app, { method: 'GET', url: '/api/department/organization-claims', cookie })).json()
        .claims;
    expect(await list(stranger.cookie)).toEqual([]);
    const [claim] = (await list(reviewer.cookie)).filter(
      (c: { organization: { id: string } }) => c.organization.id === admin.organizationId,
    );
    expect(claim).toMatchObject({ name: '王认领', email: 'claimant@example.com', status: 'pending' });

    const grant = (cookie: string, id = claim.id) =>
      inject(t.app, { method: 'POST', url: `/api/department/organization-claims/${id}/grant`, cookie });
    expect((await grant(stranger.cookie)).statusCode).toBe(404);
    expect((await grant(reviewer.cookie, randomUUID())).statusCode).toBe(404);
    const granted = await grant(reviewer.cookie);
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().claim.status).toBe('granted');
    expect((await grant(reviewer.cookie)).json().error.code).toBe('CLAIM_DECIDED');

    const [token] = await t.db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.email, 'claimant@example.com'), eq(accountTokens.purpose, 'invitation')));
    expect(token!.payload).toMatchObject({ organizationId: admin.organizationId, role: 'unit-admin' });
    const invitation = (await messages('account.invited')).find((m) => m.address === 'claimant@example.com');
    expect(invitation!.userId).toBeNull();
    expect(invitation!.body).toMatch(/\/accept-invitation\?token=[\w-]{43}/);
    const told = (await messages('account.invited')).find((m) => m.userId === admin.userId);
    expect(told!.body).toContain('王认领');
  });

  it('拒绝认领须写理由，以邮件告知申请人', async () => {
    const admin = await registerUnitAdmin(t);
    const { creditCode: code } = await profile(admin);
    const email = `declined-${code.toLowerCase()}@example.com`;
    await inject(t.app, {
      method: 'POST',
      url: '/api/auth/claim-organization',
      payload: { creditCode: code, name: '李某', mobile: '13812345678', email, note: '我是财务' },
    });
    const claims = (
      await inject(t.app, {
        method: 'GET',
        url: '/api/department/organization-claims',
        cookie: reviewer.cookie,
      })
    ).json().claims;
    const claim = claims.find((c: { email: string }) => c.email === email);
    const declined = await inject(t.app, {
      method: 'POST',
      url: `/api/department/organization-claims/${claim.id}/decline`,
      cookie: reviewer.cookie,
      payload: { reason: '无法核实身份' },
    });
    expect(declined.json().claim).toMatchObject({ status: 'declined', reason: '无法核实身份' });
    const notice = (await messages('organization.claim-declined')).find((m) => m.address === email);
    expect(notice!.body).toContain('无法核实身份');
  });
});
