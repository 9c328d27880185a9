import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import type { Principal } from '../../src/server/principal.js';
import type { ApplicationRow } from '../../src/server/repositories/applications.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
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

describe('附件与人员服务自行核对访问权限', () => {
  it('别的单位列出或下载附件得到 NOT_FOUND；设区市可读所辖县（市）的', async () => {
    const { documents } = services;
    await expect(documents.list(stranger(), submitted.id, false)).rejects.toMatchObject(notFound);
    await expect(documents.file(stranger(), documentId)).rejects.toMatchObject(notFound);
    await expect(documents.file(department(otherCity), documentId)).rejects.toMatchObject(notFound);
    expect((await documents.file(department(city), documentId)).document.id).toBe(documentId);
    expect(await documents.list(unitAdmin(submitted.organizationId), submitted.id, false)).toHaveLength(3);
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

const reviewerOf = (d: Department) => ({
  role: 'department' as const,
  userId: randomUUID(),
  departmentId: d.id,
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
