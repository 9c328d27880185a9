import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import type { Principal } from '../../src/server/principal.js';
import type { ApplicationRow } from '../../src/server/repositories/applications.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { inTransaction, repositories } from '../../src/server/repositories/index.js';
import { notify } from '../../src/server/services/notifications/notify.js';
import { users } from '../../src/server/db/schema.js';
import { createServices, type Services } from '../../src/server/services/index.js';
import { insertApplication } from '../support/api/application-rows.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { useTestApp } from '../support/harness.js';

// Services called directly, as another route or a job would: each checks the principal itself, and answers
// one it may not serve exactly as a missing record.

const t = useTestApp();

let services: Services;
let county: Department;
let city: Department;
let otherCity: Department;
let submitted: ApplicationRow;
let draft: ApplicationRow;
let documentId: string;

const unitAdmin = (organizationId: string): Principal => ({
  role: 'unit-admin',
  userId: randomUUID(),
  organizationId,
});
const department = (d: Department): Principal => ({
  role: 'department',
  userId: randomUUID(),
  departmentId: d.id,
  duties: [],
});
const stranger = () => unitAdmin(randomUUID());
const strangerPi = (): Principal => ({
  role: 'pi',
  userId: randomUUID(),
  organizationId: randomUUID(),
  personId: randomUUID(),
});
const notFound = { code: 'NOT_FOUND' };

beforeAll(async () => {
  services = createServices({
    db: t.db,
    clock: t.clock,
    config: loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }),
  });
  const all = await repositories(t.db).departments.list();
  county = all.find((d) => d.kind === 'county')!;
  city = all.find((d) => d.id === county.cityId)!;
  otherCity = all.find((d) => d.kind === 'city' && d.id !== city.id)!;
  submitted = await insertSubmitted(t.db, t.clock.now(), { departmentId: county.id });
  draft = await insertApplication(t.db, {
    organizationId: submitted.organizationId,
    piId: submitted.piId,
    departmentId: county.id,
  });
  const [document] = await repositories(t.db).documents.listByApplication(submitted.id, false);
  documentId = document!.id;
});

describe('申报书服务自行核对访问权限', () => {
  it('别的单位读取申报书（含名称、检查结果）与不存在的申报书一样得到 NOT_FOUND', async () => {
    const { applications } = services;
    for (const actor of [stranger(), strangerPi()]) {
      await expect(applications.get(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(applications.named(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(applications.view(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(
        applications.save(actor, draft.id, { version: draft.version, form: draft.form }),
      ).rejects.toMatchObject(notFound);
      await expect(applications.namedWithin(actor, [submitted.id])).rejects.toMatchObject(notFound);
    }
    await expect(applications.named(unitAdmin(submitted.organizationId), randomUUID())).rejects.toMatchObject(
      notFound,
    );
    const own = await applications.named(unitAdmin(submitted.organizationId), submitted.id);
    expect(own).toMatchObject({ id: submitted.id, departmentName: county.name });
  });

  it('一次取回多项申报书的名称：任一项无权查看则整体答 NOT_FOUND', async () => {
    const owner = unitAdmin(submitted.organizationId);
    const named = await services.applications.namedWithin(owner, [draft.id, submitted.id]);
    expect(named.map((a) => a.id)).toEqual([draft.id, submitted.id]);
    const foreign = await insertSubmitted(t.db, t.clock.now(), { departmentId: otherCity.id });
    await expect(services.applications.namedWithin(owner, [submitted.id, foreign.id])).rejects.toMatchObject(
      notFound,
    );
  });

  it('主管部门：本部门和所辖县（市）收到的申报书可读；草稿和别的部门的不可读', async () => {
    const { applications } = services;
    for (const reader of [department(county), department(city)]) {
      expect((await applications.namedWithin(reader, [submitted.id]))[0]!.id).toBe(submitted.id);
    }
    await expect(applications.namedWithin(department(otherCity), [submitted.id])).rejects.toMatchObject(
      notFound,
    );
    await expect(applications.namedWithin(department(county), [draft.id])).rejects.toMatchObject(notFound);
  });
});

describe('境外合作方确认服务自行核对访问权限', () => {
  it('别的单位、别人的负责人和别的部门查看或发送确认链接，与不存在的申报书一样得到 NOT_FOUND；部门看不到草稿', async () => {
    const { partnerConfirmations } = services;
    for (const actor of [stranger(), strangerPi(), department(otherCity)]) {
      await expect(partnerConfirmations.status(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(partnerConfirmations.send(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(partnerConfirmations.agreement(actor, submitted.id, randomUUID())).rejects.toMatchObject(
        notFound,
      );
    }
    await expect(partnerConfirmations.status(department(county), draft.id)).rejects.toMatchObject(notFound);
    expect((await partnerConfirmations.status(department(city), submitted.id)).links).toEqual([]);
  });
});

describe('纸质材料服务自行核对访问权限', () => {
  it('别的部门、别的单位和别人的负责人看不到一项专题一申报书的纸质材料；更正不存在的登记答 NOT_FOUND', async () => {
    const { paper } = services;
    const topicOne = await insertSubmitted(t.db, t.clock.now(), { departmentId: county.id, topic: 1 });
    const owes = (entries: { state: { item: { applicationId: string | null } } }[]) =>
      entries.some((e) => e.state.item.applicationId === topicOne.id);
    expect(
      owes((await paper.forApplicant(unitAdmin(topicOne.organizationId) as never, topicOne.callId)).entries),
    ).toBe(true);
    expect(owes((await paper.forDepartment(department(county) as never, topicOne.callId)).entries)).toBe(
      true,
    );
    for (const actor of [stranger(), strangerPi()]) {
      expect(owes((await paper.forApplicant(actor as never, topicOne.callId)).entries)).toBe(false);
    }
    for (const other of [city, otherCity]) {
      expect(owes((await paper.forDepartment(department(other) as never, topicOne.callId)).entries)).toBe(
        false,
      );
    }
    const province = { role: 'province' as const, userId: randomUUID(), duties: ['center' as const] };
    await expect(
      paper.correct(province, randomUUID(), {
        kind: 'funded-copy',
        applicationId: topicOne.id,
        copies: 1,
        receivedAt: '2026-05-01T10:00:00+08:00',
        receiver: '李彬',
        note: '',
        reason: '更正',
      }),
    ).rejects.toMatchObject(notFound);
  });
});

describe('定稿与打印服务自行核对访问权限', () => {
  it('别的单位、别的主管部门和专家定稿、查看定稿或打印，与不存在的申报书一样得到 NOT_FOUND', async () => {
    const { finalization } = services;
    const expert: Principal = { role: 'expert', userId: randomUUID() };
    for (const actor of [stranger(), strangerPi(), department(otherCity), expert]) {
      await expect(finalization.finalization(actor, submitted.id)).rejects.toMatchObject(notFound);
      await expect(finalization.print(actor, submitted.id, 'forms', false)).rejects.toMatchObject(notFound);
    }
    for (const actor of [stranger(), strangerPi(), department(county)]) {
      await expect(finalization.finalize(actor, draft.id)).rejects.toMatchObject(notFound);
    }
    await expect(finalization.finalization(department(county), draft.id)).rejects.toMatchObject(notFound);
    expect((await finalization.finalization(department(county), submitted.id)).current).toBeNull();
  });
});

describe('附件与人员服务自行核对访问权限', () => {
  it('别的单位列出或下载附件得到 NOT_FOUND；设区市可读所辖县（市）的', async () => {
    const { documents } = services;
    await expect(documents.list(stranger(), submitted.id, false)).rejects.toMatchObject(notFound);
    await expect(documents.file(stranger(), documentId)).rejects.toMatchObject(notFound);
    await expect(documents.file(department(otherCity), documentId)).rejects.toMatchObject(notFound);
    expect((await documents.file(department(city), documentId)).document.id).toBe(documentId);
    expect(await documents.list(unitAdmin(submitted.organizationId), submitted.id, false)).toHaveLength(5);
  });

  it('别的单位修改项目负责人得到 NOT_FOUND，人员不变', async () => {
    const actor = { role: 'unit-admin' as const, userId: randomUUID(), organizationId: randomUUID() };
    await expect(services.people.update(actor, submitted.piId, { name: '改名' })).rejects.toMatchObject(
      notFound,
    );
    const [person] = await repositories(t.db).people.listByEmployer(submitted.organizationId);
    expect(person!.name).not.toBe('改名');
  });
});

describe('主管部门名录服务自行核对访问权限', () => {
  it('只有省里能列出、查看、新增、修改、停用、删除；主管部门只能改自己的联系人，别的部门的与不存在的一样得到 NOT_FOUND', async () => {
    const { departments, departmentImport } = services;
    const contact = { name: '冒名', phone: '', email: '' };
    const body = { name: '冒名部门', kind: 'university' as const, cityId: null, divisionCode: null, contact };
    const upload = { fileName: 'x.xlsx', sheet: { headers: [], rows: [] } };
    for (const actor of [department(city), stranger(), strangerPi()]) {
      await expect(departments.list(actor, { status: 'all' })).rejects.toMatchObject(notFound);
      await expect(departments.detail(actor, city.id)).rejects.toMatchObject(notFound);
      await expect(departments.create(actor, body)).rejects.toMatchObject(notFound);
      await expect(departments.update(actor, city.id, body)).rejects.toMatchObject(notFound);
      await expect(departments.setActive(actor, city.id, false)).rejects.toMatchObject(notFound);
      await expect(departments.delete(actor, county.id)).rejects.toMatchObject(notFound);
      await expect(departmentImport.preview(actor, upload)).rejects.toMatchObject(notFound);
      await expect(departmentImport.apply(actor, upload)).rejects.toMatchObject(notFound);
    }
    await expect(departments.updateContact(department(county), city.id, contact)).rejects.toMatchObject(
      notFound,
    );
    await expect(departments.own(department(county), city.id)).rejects.toMatchObject(notFound);
    await expect(departments.updateContact(stranger(), city.id, contact)).rejects.toMatchObject(notFound);
    const after = (await repositories(t.db).departments.findById(city.id))!;
    expect(after).toMatchObject({ name: city.name, active: true });
    expect(after.contactName).not.toBe('冒名');
  });
});

describe('平台资质服务自行核对访问权限', () => {
  it('别的单位、别的设区市读取平台资质得到 NOT_FOUND；本单位、所属县和所辖设区市可读', async () => {
    const { entitlements } = services;
    const organizationId = submitted.organizationId;
    for (const actor of [stranger(), strangerPi(), department(otherCity)]) {
      await expect(entitlements.platforms(actor, organizationId)).rejects.toMatchObject(notFound);
    }
    await expect(entitlements.platforms(unitAdmin(organizationId), randomUUID())).rejects.toMatchObject(
      notFound,
    );
    for (const actor of [unitAdmin(organizationId), department(county), department(city)]) {
      expect((await entitlements.platforms(actor, organizationId)).organization.id).toBe(organizationId);
    }
  });
});

describe('账号服务自行核对职责和范围', () => {
  const province = (duties: ('admin' | 'cooperation' | 'center')[]): Principal => ({
    role: 'province',
    userId: randomUUID(),
    duties,
  });

  it('没有管理员职责的省级账号不能列出或修改账号；别的部门的管理员修改本部门账号与不存在的一样答 NOT_FOUND', async () => {
    const { staffAccounts } = services;
    const centerOnly = province(['center']) as Extract<Principal, { role: 'province' }>;
    await expect(staffAccounts.list(centerOnly, {})).rejects.toMatchObject({ code: 'MISSING_DUTY' });
    const target = await insertDepartmentUser(county.id);
    const otherAdmin = { ...department(otherCity), duties: ['admin'] } as Extract<
      Principal,
      { role: 'department' }
    >;
    await expect(staffAccounts.setDisabled(otherAdmin, target.id, true)).rejects.toMatchObject(notFound);
    expect((await repositories(t.db).users.findById(target.id))!.disabled).toBe(false);
  });

  it('最后一位启用的省级管理员不能被停用（两位管理员同时互相停用时，后一个被拒绝）', async () => {
    const { user } = await services.staffAccounts.createFirstProvinceAdmin(
      {
        login: 'only-admin',
        displayName: '唯一管理员',
        mobile: '13600001111',
        email: 'only@jsst.gov.cn',
        password: 'Only-Admin-2026',
      },
      '命令行',
      false,
    );
    const actor = province(['admin']) as Extract<Principal, { role: 'province' }>;
    await expect(services.staffAccounts.setDisabled(actor, user.id, true)).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    await expect(services.staffAccounts.setDuties(actor, user.id, ['center'])).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
  });
});

async function insertDepartmentUser(departmentId: string) {
  return repositories(t.db).users.insert({
    login: `staff-${randomUUID()}`,
    passwordHash: 'x',
    displayName: '部门工作人员',
    role: 'department',
    departmentId,
  });
}

describe('单位用户服务自行核对访问权限', () => {
  it('别的单位的管理员修改用户、撤销邀请得到 NOT_FOUND，用户和邀请不变', async () => {
    const owner = await repositories(t.db).users.insert({
      login: `owner-${randomUUID()}`,
      passwordHash: 'x',
      displayName: '本单位管理员',
      role: 'unit-admin',
      organizationId: submitted.organizationId,
    });
    const admin = { role: 'unit-admin' as const, userId: owner.id, organizationId: submitted.organizationId };
    const { invitation } = await services.organizationUsers.invite(admin, {
      email: 'someone@example.com',
      role: 'unit-contact',
    });
    const actor = { role: 'unit-admin' as const, userId: randomUUID(), organizationId: randomUUID() };
    const { organizationUsers } = services;
    await expect(organizationUsers.update(actor, owner.id, { disabled: true })).rejects.toMatchObject(
      notFound,
    );
    await expect(organizationUsers.revoke(actor, invitation.id)).rejects.toMatchObject(notFound);
    expect(await organizationUsers.list(actor)).toEqual([]);
    expect(await organizationUsers.invitations(actor)).toEqual([]);
    expect((await organizationUsers.invitations(admin)).map((i) => i.id)).toEqual([invitation.id]);
    expect((await organizationUsers.list(admin)).find((u) => u.id === owner.id)?.disabled).toBe(false);
  });
});

describe('消息服务自行核对访问权限', () => {
  it('别人的消息：标记已读与不存在的消息一样得到 NOT_FOUND，也不出现在自己的列表里', async () => {
    const [admin] = await t.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, submitted.organizationId), eq(users.role, 'unit-admin')));
    await inTransaction(t.db, (repos) =>
      notify(
        repos,
        { userIds: [admin!.id] },
        { kind: 'application.returned', subject: '退回', body: '理由', key: `access:${randomUUID()}` },
      ),
    );
    const owner = unitAdmin(submitted.organizationId);
    const own = await services.inbox.messages({ ...owner, userId: admin!.id }, { page: 1, pageSize: 20 });
    const id = own.rows[0]!.id;
    for (const actor of [stranger(), strangerPi(), department(county)]) {
      await expect(services.inbox.markRead(actor, id)).rejects.toMatchObject(notFound);
      expect((await services.inbox.messages(actor, { page: 1, pageSize: 20 })).rows).toEqual([]);
    }
    expect(
      (await services.inbox.messages({ ...owner, userId: admin!.id }, { page: 1, pageSize: 20 })).unread,
    ).toBe(1);
  });
});

const reviewerOf = (d: Department) => ({
  role: 'department' as const,
  userId: randomUUID(),
  departmentId: d.id,
  duties: [] as const,
});

describe('单位审核服务自行核对访问权限', () => {
  it('别的部门读取、审核单位或打开其营业执照，别的单位打开营业执照，都与不存在的单位一样得到 NOT_FOUND', async () => {
    const { organizationVerification: verification } = services;
    const id = submitted.organizationId;
    for (const actor of [reviewerOf(otherCity), reviewerOf(city)]) {
      await expect(verification.get(actor, id)).rejects.toMatchObject(notFound);
      await expect(verification.approve(actor, id)).rejects.toMatchObject(notFound);
      await expect(verification.reject(actor, id, '不符')).rejects.toMatchObject(notFound);
      await expect(verification.requestLicence(actor, id, undefined)).rejects.toMatchObject(notFound);
      await expect(verification.licence(actor, id)).rejects.toMatchObject(notFound);
    }
    await expect(verification.get(reviewerOf(county), randomUUID())).rejects.toMatchObject(notFound);
    await expect(
      verification.licence({ role: 'unit-admin', userId: randomUUID(), organizationId: randomUUID() }, id),
    ).rejects.toMatchObject(notFound);
    expect((await verification.get(reviewerOf(county), id)).organization.id).toBe(id);
  });

  it('别的部门处理认领申请得到 NOT_FOUND，申请不变', async () => {
    const { organizationVerification: verification } = services;
    const organization = (await repositories(t.db).organizations.findById(submitted.organizationId))!;
    await verification.claim({
      creditCode: organization.creditCode,
      name: '认领人',
      mobile: '13900000001',
      email: 'claim@example.com',
      note: '原管理员离职',
    });
    const [claim] = await verification.claims(reviewerOf(county));
    await expect(verification.grantClaim(reviewerOf(otherCity), claim!.id)).rejects.toMatchObject(notFound);
    await expect(verification.declineClaim(reviewerOf(city), claim!.id, '不符')).rejects.toMatchObject(
      notFound,
    );
    expect(await verification.claims(reviewerOf(otherCity))).toEqual([]);
    expect((await verification.claims(reviewerOf(county)))[0]!.status).toBe('pending');
  });
});

describe('专家附件服务自行核对访问权限', () => {
  it('没有专家档案的专家账号、不存在的任务：列出和读取附件都答 NOT_FOUND', async () => {
    const expert = { role: 'expert' as const, userId: randomUUID() };
    await expect(services.expertDocuments.list(expert, randomUUID())).rejects.toMatchObject(notFound);
    await expect(services.expertDocuments.file(expert, randomUUID(), documentId)).rejects.toMatchObject(
      notFound,
    );
  });
});

describe('会评服务自行核对访问权限', () => {
  it('没有专家档案的专家账号、不存在的会议：查看、签署、下载纪要都答 NOT_FOUND；省里的写入对不存在的会议答 NOT_FOUND', async () => {
    const expert = { role: 'expert' as const, userId: randomUUID() };
    const province = { role: 'province' as const, userId: randomUUID(), duties: ['center' as const] };
    const id = randomUUID();
    await expect(services.panels.chaired(expert)).resolves.toEqual([]);
    await expect(services.panels.forChair(expert, id)).rejects.toMatchObject(notFound);
    await expect(services.panels.signOff(expert, id)).rejects.toMatchObject(notFound);
    await expect(services.panels.minutes(expert, id)).rejects.toMatchObject(notFound);
    await expect(services.panels.get(province, id)).rejects.toMatchObject(notFound);
    await expect(
      services.panels.saveRecord(province, id, randomUUID(), {
        version: 1,
        notes: '',
        consensusScore: null,
        recommendation: null,
        proposedFunding: null,
      }),
    ).rejects.toMatchObject(notFound);
    await expect(
      services.panels.vote(province, id, randomUUID(), randomUUID(), { version: 0, vote: 'support' }),
    ).rejects.toMatchObject(notFound);
  });
});

describe('回避专家与复核服务自行核对访问权限', () => {
  it('别的单位、别人的负责人、别的主管部门和专家读取或修改回避专家、查看或申请复核，与不存在的申报书一样得到 NOT_FOUND', async () => {
    const { avoidedExperts, appeals } = services;
    const expert: Principal = { role: 'expert', userId: randomUUID() };
    const body = { name: '王立新', organization: '南京大学', reason: '竞争关系' };
    for (const actor of [stranger(), strangerPi(), department(otherCity), expert]) {
      await expect(avoidedExperts.list(actor, draft.id)).rejects.toMatchObject(notFound);
      await expect(appeals.evidence(actor, randomUUID(), 0)).rejects.toMatchObject(notFound);
    }
    for (const actor of [stranger(), strangerPi(), department(county)]) {
      await expect(avoidedExperts.add(actor as never, draft.id, body)).rejects.toMatchObject(notFound);
      await expect(avoidedExperts.remove(actor as never, draft.id, randomUUID())).rejects.toMatchObject(
        notFound,
      );
      await expect(appeals.forApplicant(actor as never, submitted.id)).rejects.toMatchObject(notFound);
      await expect(appeals.assertMayFile(actor as never, submitted.id)).rejects.toMatchObject(notFound);
      await expect(appeals.assertMayAddEvidence(actor as never, randomUUID())).rejects.toMatchObject(
        notFound,
      );
    }
    expect((await avoidedExperts.list(department(county), submitted.id)).rows).toEqual([]);
    expect((await avoidedExperts.list(unitAdmin(draft.organizationId), draft.id)).editable).toBe(true);
  });
});
