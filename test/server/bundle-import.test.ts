import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Application, BundleInput } from '../../src/core/bundle/schema.js';
import {
  applicationEvents,
  applications,
  auditLog,
  importKeys,
  ongoingProjects,
  organizations,
  people,
  reviewConfirmations,
} from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { sampleContent } from '../../src/server/seed/application-content.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { BundleReader } from '../../src/server/services/bundle-import/reader.js';
import type { ImportPreview } from '../../src/contract/review.js';
import {
  application,
  bundle as bundleOf,
  department,
  organization,
  person,
} from '../support/factories/bundle.js';
import { personBody, registrationBody } from '../support/factories/server.js';
import { inject, insertUser, login, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { createDraft } from '../support/api/applicant.js';
import { ownDepartment } from '../support/api/own-calls-and-departments.js';
import { reviewSession } from '../support/api/review-session.js';
import { attachRequiredDocuments } from '../support/api/submitted-applications.js';

const t = useTestApp();

const START = '2026-11-23T09:00:00+08:00';
const DECIDED_AT = '2026-11-23T08:30:00+08:00';
const RECOMMENDED = { status: 'recommended' as const, separateSlot: false, at: DECIDED_AT };
const { users, departmentUser } = reviewSession(t, START);

let city: Department;
let otherCity: Department;
let zone: Department;
/** Cities no other test imports into or confirms, for tests that need a second importer of their own. */
let spareCities: Department[];
const outsiders: Record<string, string> = {};

beforeAll(async () => {
  const all = await repositories(t.db).departments.list();
  const county = all.find((d) => d.kind === 'county')!;
  city = all.find((d) => d.id === county.cityId)!;
  otherCity = all.find((d) => d.kind === 'city' && d.id !== city.id)!;
  zone = all.find((d) => d.kind === 'national-hitech-zone')!;
  spareCities = all.filter((d) => d.kind === 'city' && d.id !== city.id && d.id !== otherCity.id);
  users.city = await departmentUser(city);
  users.otherCity = await departmentUser(otherCity);
  users.zone = await departmentUser(zone);
  users.province = { login: '', cookie: (await insertUser(t, 'province')).cookie };
  outsiders.applicant = (await registerUnitAdmin(t)).cookie;
  outsiders.expert = (await insertUser(t, 'expert')).cookie;
});

const postImport = (cookie: string, payload: object) =>
  inject(t.app, { method: 'POST', url: `/api/review/import?callId=${PRACTICE_CALL_ID}`, cookie, payload });
const postPreview = (cookie: string, payload: object, callId = PRACTICE_CALL_ID) =>
  inject(t.app, { method: 'POST', url: `/api/review/import/preview?callId=${callId}`, cookie, payload });

/** The preview a user of `department` gets for `bundle`. */
async function previewOf(department: Department, bundle: object, callId?: string): Promise<ImportPreview> {
  const { cookie } = await insertUser(t, 'department', { departmentId: department.id });
  const response = await postPreview(cookie, bundle, callId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * A bundle of `prefix`'s organizations: one application per enterprise under `under`, each with its own PI.
 * The first is not recommended, the rest submitted.
 */
function bundleFor(
  prefix: string,
  under: Department,
  n = 3,
  each: (a: Application) => Application = (a) => a,
) {
  const orgs = Array.from({ length: n }, (_, i) => organization({ id: `${prefix}-o${i}` }));
  return bundleOf({
    call: 'JS-INTL-2026',
    asOf: START,
    organizations: orgs,
    people: orgs.map((o, i) => person({ id: `${prefix}-p${i}`, employer: o.id })),
    departments: [department({ id: 'd', name: under.name, kind: under.kind })],
    applications: orgs.map((o, i) => {
      const a = application({
        id: `${prefix}-a${i}`,
        applicant: o.id,
        pi: `${prefix}-p${i}`,
        department: 'd',
      });
      if (i === 0) a.recommendation = { status: 'not-recommended', separateSlot: false, at: DECIDED_AT };
      return each(a);
    }),
  }) as BundleInput & { applications: Application[] };
}

/** Every row an import may write, in a stable order: equal snapshots mean nothing was written. */
async function databaseState() {
  const tables = [
    applications,
    organizations,
    people,
    ongoingProjects,
    applicationEvents,
    importKeys,
    auditLog,
  ];
  const counts = await Promise.all(
    tables.map(async (table) => (await t.db.select({ n: count() }).from(table))[0]!.n),
  );
  const rows = await t.db.select().from(applications).orderBy(asc(applications.id));
  return { counts, rows: JSON.stringify(rows) };
}

describe('导入 shenbao.bundle/1', () => {
  it('主管部门导入本部门的申报书：新建单位、负责人和申报书；再次导入同一包不作任何修改', async () => {
    const bundle = bundleFor('first', city);
    const response = await postImport(users.city!.cookie, bundle);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.created).toEqual({ organizations: 3, people: 3, applications: 3 });
    expect(result.updated).toEqual({ organizations: 0, people: 0, applications: 0 });
    expect(result.applications.map((a: { status: string }) => a.status)).toEqual([
      'not-recommended',
      'submitted',
      'submitted',
    ]);
    for (const a of result.applications) {
      expect(a.acceptanceNo).toMatch(new RegExp(`^${PRACTICE_CALL_ID}-\\d{5}$`));
    }
    expect(result.notes.map((n: { path: string }) => n.path)).toContain('applications[0].documents');

    const [row] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.id, result.applications[0].applicationId));
    expect(row).toMatchObject({ departmentId: city.id, topic: 4, separateSlot: false });
    expect(row!.form.title).toBe(bundle.applications[0]!.title);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, row!.organizationId));
    expect(org).toMatchObject({ creditCode: bundle.organizations[0]!.creditCode, departmentId: city.id });
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audited.map((a) => a.action)).toEqual(['application.imported']);

    const before = await databaseState();
    const again = await postImport(users.city!.cookie, bundle);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      created: { organizations: 0, people: 0, applications: 0 },
      updated: { organizations: 0, people: 0, applications: 0 },
      unchanged: { organizations: 3, people: 3, applications: 3 },
    });
    expect(again.json().applications).toEqual(result.applications);
    expect(await databaseState()).toEqual(before);
  });

  it('修改过的包只更新有变化的部分：推荐决定可改，已提交申报书的内容不能改', async () => {
    const bundle = bundleFor('changed', city);
    expect((await postImport(users.city!.cookie, bundle)).statusCode).toBe(200);
    const [decided, , submitted] = bundle.applications;
    delete decided!.recommendation;
    submitted!.recommendation = { status: 'not-recommended', separateSlot: false, at: DECIDED_AT };
    const response = await postImport(users.city!.cookie, bundle);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().updated).toEqual({ organizations: 0, people: 0, applications: 2 });
    expect(response.json().applications.map((a: { status: string }) => a.status)).toEqual([
      'submitted',
      'submitted',
      'not-recommended',
    ]);

    const before = await databaseState();
    submitted!.title = '已提交后改了名称';
    const refused = await postImport(users.city!.cookie, bundle);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_REFUSED');
    expect(refused.json().error.fields).toEqual([
      { path: 'applications[2]', message: expect.stringContaining('内容不能通过导入修改（form.title）') },
    ]);
    expect(await databaseState()).toEqual(before);
  });

  it('格式有误的一行使整个包不写入，逐项指明位置', async () => {
    const bundle = bundleFor('malformed', city);
    (bundle.applications[2]!.budget as { provincialFunding: unknown }).provincialFunding = -1;
    const before = await databaseState();
    const response = await postImport(users.city!.cookie, bundle);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'applications[2].budget.provincialFunding',
    ]);
    expect(await databaseState()).toEqual(before);
  });

  it('推荐按主管部门审核时的判断：附件未在本系统上传的不能以推荐导入，预览逐行说明，整个包不写入', async () => {
    // The bundle lists every document, complete: judged by the bundle alone, the application is eligible.
    const bundle = bundleFor('unrecommendable', city, 2, (a) =>
      a.id.endsWith('a0') ? { ...a, recommendation: RECOMMENDED } : a,
    );
    const before = await databaseState();
    const preview = await previewOf(city, bundle);
    const [recommended, submitted] = preview.applications;
    expect(recommended!.eligible).toBe(false);
    expect(recommended!.findings.map((f) => f.rule)).toContain('documents.agreement-missing');
    expect(recommended!.plan).toMatchObject({ action: 'refused', status: null });
    expect(recommended!.plan!.problems).toEqual([
      { path: 'applications[0].recommendation', message: expect.stringContaining('不能推荐') },
    ]);
    expect(recommended!.plan!.message).toContain('合作协议');
    expect(submitted!.plan).toMatchObject({ action: 'create', status: 'submitted' });
    expect(preview.importProblems).toEqual(recommended!.plan!.problems);

    const refused = await postImport(users.city!.cookie, bundle);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual(preview.importProblems);
    expect(await databaseState()).toEqual(before);
  });

  it('附件在本系统上传后推荐可以导入；超过限额的推荐与审核时一样被拒绝', async () => {
    const zone = await ownDepartment(t, 'national-hitech-zone');
    const importer = await departmentUser(zone);
    const { user } = await insertUser(t, 'department', { departmentId: zone.id });
    // The partner that attachRequiredDocuments' agreement names.
    const bundle = bundleFor('quota', zone, 4, (a) => ({
      ...a,
      recommendation: undefined,
      partner: { ...a.partner!, name: 'Fraunhofer-Institut' },
    }));
    const imported = await postImport(importer.cookie, bundle);
    expect(imported.statusCode, imported.body).toBe(200);
    for (const a of imported.json().applications) {
      const [row] = await t.db.select().from(applications).where(eq(applications.id, a.applicationId));
      await attachRequiredDocuments(t.db, t.clock.now(), row!.id, row!.organizationId, user.id);
    }
    const recommend = <A extends object>(a: A) => ({ ...a, recommendation: RECOMMENDED });

    // A national high-tech zone may recommend 3 of 专题四、五.
    const before = await databaseState();
    const over = await postImport(importer.cookie, {
      ...bundle,
      applications: bundle.applications.map(recommend),
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.fields).toEqual(
      [0, 1, 2, 3].map((i) => ({
        path: `applications[${i}].recommendation`,
        message: expect.stringContaining('已推荐 3 项（不含单独推荐名额），限额 3 项'),
      })),
    );
    expect(await databaseState()).toEqual(before);

    const within = await postImport(importer.cookie, {
      ...bundle,
      applications: bundle.applications.map((a, i) => (i < 3 ? recommend(a) : a)),
    });
    expect(within.statusCode, within.body).toBe(200);
    expect(within.json().applications.map((a: { status: string }) => a.status)).toEqual([
      'recommended',
      'recommended',
      'recommended',
      'submitted',
    ]);
  });

  it('其他部门的申报书不能由本部门导入；申报单位和专家无权导入', async () => {
    const before = await databaseState();
    const response = await postImport(users.otherCity!.cookie, bundleFor('foreign', city));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toHaveLength(3);
    expect(response.json().error.fields[0]).toEqual({
      path: 'applications[0].department',
      message: expect.stringContaining(`项目主管部门是“${city.name}”，不是本部门`),
    });
    for (const cookie of Object.values(outsiders)) {
      expect((await postImport(cookie, bundleFor('outsider', city))).statusCode).toBe(403);
    }
    expect(
      (
        await inject(t.app, {
          method: 'POST',
          url: `/api/review/import?callId=${PRACTICE_CALL_ID}`,
          payload: {},
        })
      ).statusCode,
    ).toBe(401);
    expect(await databaseState()).toEqual(before);
  });

  it('省厅可导入任何部门的申报书；已登记的单位按统一社会信用代码匹配，其信息不被修改', async () => {
    const registered = await registerUnitAdmin(t);
    const [known] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, registered.organizationId));
    const bundle = bundleFor('province', otherCity, 2);
    bundle.organizations[0] = {
      ...bundle.organizations[0]!,
      creditCode: known!.creditCode,
      name: '导入包中的另一个名称',
    };
    bundle.departments.push(department({ id: 'z', name: zone.name, kind: zone.kind }));
    bundle.applications[1] = { ...bundle.applications[1]!, department: 'z' };
    const response = await postImport(users.province!.cookie, bundle);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toEqual({ organizations: 1, people: 2, applications: 2 });
    expect(response.json().unchanged.organizations).toBe(1);
    expect(response.json().notes).toContainEqual({
      path: 'organizations[0]',
      message: expect.stringContaining('以本系统为准'),
    });
    const rows = await t.db.select().from(applications).where(eq(applications.organizationId, known!.id));
    expect(rows.map((r) => r.departmentId)).toEqual([otherCity.id]);
    const [after] = await t.db.select().from(organizations).where(eq(organizations.id, known!.id));
    expect(after).toEqual(known);
  });

  // On PostgreSQL (CI's second run) the imports below run at once on separate connections; PGlite takes them
  // one at a time, so there the test shows only that the outcome does not depend on the order.
  it('同时导入和注册：同一家单位只建一次，归先到者；同一个包只写一份，其余导入被拒绝且不写入', async () => {
    const rival = spareCities[0]!;
    const rivalUser = await departmentUser(rival);
    const unrecommended = (a: Application) => ({ ...a, recommendation: undefined });
    const cityBundle = bundleFor('race-city', city, 2, unrecommended);
    const rivalBundle = bundleFor('race-rival', rival, 2, unrecommended);
    const shared = cityBundle.organizations[0]!.creditCode;
    rivalBundle.organizations[0] = { ...rivalBundle.organizations[0]!, creditCode: shared };

    const [registered, ...responses] = await Promise.all([
      inject(t.app, {
        method: 'POST',
        url: '/api/auth/register-organization',
        payload: registrationBody({ departmentId: city.id, creditCode: shared }),
      }),
      postImport(users.city!.cookie, cityBundle),
      postImport(rivalUser.cookie, rivalBundle),
      postImport(users.city!.cookie, cityBundle),
      postImport(rivalUser.cookie, rivalBundle),
    ]);
    if (registered!.statusCode !== 201) {
      expect(registered!.json().error.code, registered!.body).toBe('CREDIT_CODE_TAKEN');
    }
    for (const r of responses) {
      if (r.statusCode === 200) continue;
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
        'organizations[0].creditCode',
      ]);
    }
    // Whoever came first owns the enterprise; both runs of one bundle agree.
    const [cityFirst, rivalFirst, cityAgain, rivalAgain] = responses;
    expect(cityAgain!.statusCode).toBe(cityFirst!.statusCode);
    expect(rivalAgain!.statusCode).toBe(rivalFirst!.statusCode);
    const imported = [cityFirst!, rivalFirst!].filter((r) => r.statusCode === 200);
    expect(imported.length + Number(registered!.statusCode === 201)).toBe(1);

    const created = responses.filter((r) => r.statusCode === 200).map((r) => r.json().created);
    const total = (key: 'organizations' | 'applications') => created.reduce((n, c) => n + c[key], 0);
    expect(total('applications')).toBe(2 * imported.length);
    expect(total('organizations')).toBe(2 * imported.length);
    if (cityFirst!.statusCode === 200)
      expect(cityAgain!.json().applications).toEqual(cityFirst!.json().applications);
    if (rivalFirst!.statusCode === 200)
      expect(rivalAgain!.json().applications).toEqual(rivalFirst!.json().applications);

    const [org] = await t.db.select().from(organizations).where(eq(organizations.creditCode, shared));
    const ofShared = await t.db.select().from(applications).where(eq(applications.organizationId, org!.id));
    const owner = cityFirst!.statusCode === 200 ? city : rivalFirst!.statusCode === 200 ? rival : undefined;
    expect(ofShared.map((a) => a.departmentId)).toEqual(owner ? [owner.id] : []);
  });

  it('确认提交后导入不能再新增或修改，同一包再次导入仍不作修改', async () => {
    // A zone of its own: the other tests still import into theirs after this one confirms.
    const zone = await ownDepartment(t, 'national-hitech-zone');
    const importer = await departmentUser(zone);
    const bundle = bundleFor('confirmed', zone, 1);
    expect((await postImport(importer.cookie, bundle)).statusCode).toBe(200);
    // Confirmation itself is tested with the review; here only its effect on imports.
    const { user } = await insertUser(t, 'department', { departmentId: zone.id });
    await t.db.insert(reviewConfirmations).values({
      departmentId: zone.id,
      callId: PRACTICE_CALL_ID,
      confirmedAt: t.clock.now(),
      confirmedBy: user.id,
      summary: {},
    });
    expect((await postImport(importer.cookie, bundle)).json().unchanged.applications).toBe(1);
    delete bundle.applications[0]!.recommendation;
    const refused = await postImport(importer.cookie, bundle);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].message).toContain('已网上确认提交推荐名单');
  });

  it('申报书的全部内容（执行期、团队、正文、指标、年度计划、经费预算表、仪器清单、脱密声明）导入后原样导出', async () => {
    const under = spareCities[spareCities.length - 1]!;
    const importer = await departmentUser(under);
    const bundle = bundleFor('content', under, 1, (a) => ({
      ...a,
      recommendation: undefined,
      ...sampleContent({
        title: a.title,
        field: a.field,
        budget: a.budget,
        foreign: { name: a.partner!.name, country: 'DE' },
      }),
      instruments: {
        items: [
          {
            name: '透射电镜',
            unitPrice: 800_000,
            quantity: 1,
            purpose: '原位表征。',
            whyNotShared: '机时不足。',
          },
        ],
        sharingCommitment: true,
      },
      largeInstrumentPurchase: { justified: true, sharingCommitment: true },
      ethicsApproval: { number: 'IRB-2026-01', date: '2026-03-01' },
    }));
    const sent = bundle.applications[0]!;
    const imported = await postImport(importer.cookie, bundle);
    expect(imported.statusCode, imported.body).toBe(200);
    const id = imported.json().applications[0].applicationId;

    const exported = await inject(t.app, {
      method: 'GET',
      url: `/api/review/bundle?callId=${PRACTICE_CALL_ID}`,
      cookie: importer.cookie,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const back = exported.json().applications.find((a: { id: string }) => a.id === id);
    const CONTENT = [
      'period',
      'keywords',
      'abstract',
      'team',
      'partnerInstitution',
      'sections',
      'indicators',
      'milestones',
      'budgetTable',
      'instruments',
      'ethicsApproval',
      'declassified',
    ] as const;
    for (const key of CONTENT) expect(back[key], key).toEqual(sent[key]);
    expect(back.budget).toEqual(sent.budget);
    expect(back.largeInstrumentPurchase).toEqual(sent.largeInstrumentPurchase);
    expect(back.title).toBe(sent.title);
  });
});

describe('导入是主管部门的纸质受理：只能写入新单位和本部门导入建立的单位', () => {
  /** An enterprise that registered itself under `under`, with its PI and a draft of its own. */
  async function registeredEnterprise(under: Department) {
    const body = registrationBody({ departmentId: under.id });
    const registered = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: body,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const admin = {
      cookie: await login(t.app, body.admin.login),
      login: body.admin.login,
      organizationId: registered.json().organization.id as string,
      userId: registered.json().user.id as string,
    };
    const pi = personBody();
    const person = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: admin.cookie,
      payload: pi,
    });
    const draft = await createDraft(t, { ...admin, personId: person.json().person.id as string });
    return { admin, creditCode: body.organization.creditCode, piName: pi.name, draft };
  }

  /** `prefix`'s bundle whose one submitted application names the enterprise and its PI by name only. */
  function inTheNameOf(prefix: string, enterprise: { creditCode: string; piName: string }) {
    const bundle = bundleFor(prefix, city, 1, (a) => ({ ...a, recommendation: undefined }));
    bundle.organizations[0] = { ...bundle.organizations[0]!, creditCode: enterprise.creditCode };
    bundle.people[0] = { ...bundle.people[0]!, name: enterprise.piName };
    return bundle;
  }

  it('以其他部门已注册企业的名义导入已提交的申报书被拒绝，不写入任何数据；企业自己的草稿不受影响', async () => {
    const enterprise = await registeredEnterprise(otherCity);
    const bundle = inTheNameOf('foreign-enterprise', enterprise);
    expect(bundle.applications[0]!.submittedAt).toBeDefined();
    const before = await databaseState();
    const response = await postImport(users.city!.cookie, bundle);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('IMPORT_REFUSED');
    expect(response.json().error.fields).toEqual([
      {
        path: 'organizations[0].creditCode',
        message: expect.stringContaining(`隶属于${otherCity.name}，导入不能以其名义新建或修改申报书`),
      },
    ]);
    expect(await databaseState()).toEqual(before);

    const own = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${enterprise.draft.id}`,
      cookie: enterprise.admin.cookie,
    });
    expect(own.statusCode).toBe(200);
    const rules = own.json().evaluation.findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('limit.enterprise-one-application');
    expect(rules).not.toContain('limit.pi-one-application');
  });

  it('本部门辖内自行注册的单位也不能由导入写入：其申报由该单位在本系统办理', async () => {
    const enterprise = await registeredEnterprise(city);
    const before = await databaseState();
    const response = await postImport(users.city!.cookie, inTheNameOf('own-enterprise', enterprise));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.fields).toEqual([
      { path: 'organizations[0].creditCode', message: expect.stringContaining('已在本系统自行注册') },
    ]);
    expect(await databaseState()).toEqual(before);
  });

  it('其他部门导入建立的单位不能由本部门导入写入', async () => {
    const third = spareCities[1]!;
    const theirs = bundleFor('third-made', third, 1);
    const made = await postImport((await departmentUser(third)).cookie, theirs);
    expect(made.statusCode, made.body).toBe(200);
    const ours = bundleFor('city-copy', city, 1);
    ours.organizations[0] = { ...ours.organizations[0]!, creditCode: theirs.organizations[0]!.creditCode };
    const before = await databaseState();
    const response = await postImport(users.city!.cookie, ours);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toEqual([
      { path: 'organizations[0].creditCode', message: expect.stringContaining(`隶属于${third.name}`) },
    ]);
    expect(await databaseState()).toEqual(before);
  });

  it('项目负责人只按证件号码匹配：同名无证件号码的是新人员，证件号码相同的是同一人', async () => {
    const draftOf = (a: Application) => ({ ...a, recommendation: undefined });
    const bundleWith = (prefix: string, name: string, idNumber?: string) => {
      const bundle = bundleFor(prefix, city, 1, draftOf);
      bundle.organizations[0] = {
        ...bundle.organizations[0]!,
        creditCode: first.organizations[0]!.creditCode,
      };
      bundle.people[0] = { ...bundle.people[0]!, name, ...(idNumber ? { idNumber } : {}) };
      return bundle;
    };
    const first = bundleFor('id-match', city, 1, draftOf);
    first.people[0] = { ...first.people[0]!, name: '张同名' };
    const imported = await postImport(users.city!.cookie, first);
    expect(imported.statusCode, imported.body).toBe(200);
    const [firstRow] = await t.db
      .select()
      .from(applications)
      .where(eq(applications.id, imported.json().applications[0].applicationId));
    const colleagues = () =>
      t.db.select().from(people).where(eq(people.employerId, firstRow!.organizationId));

    const namesake = await postImport(users.city!.cookie, bundleWith('id-match-namesake', '张同名'));
    expect(namesake.statusCode, namesake.body).toBe(200);
    expect(namesake.json().created.people).toBe(1);
    expect((await colleagues()).filter((p) => p.name === '张同名')).toHaveLength(2);

    const idNumber = '32010219800101123X';
    const declared = await postImport(
      users.city!.cookie,
      bundleWith('id-match-declared', '李证件', idNumber),
    );
    expect(declared.json().created.people).toBe(1);
    const again = await postImport(
      users.city!.cookie,
      bundleWith('id-match-again', '李证件（改名）', idNumber),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().created.people).toBe(0);
    const [declaredRow, againRow] = await Promise.all(
      [declared, again].map(async (r) => {
        const [row] = await t.db
          .select()
          .from(applications)
          .where(eq(applications.id, r.json().applications[0].applicationId));
        return row!;
      }),
    );
    expect(againRow!.piId).toBe(declaredRow!.piId);
    expect((await colleagues()).filter((p) => p.idNumber === idNumber).map((p) => p.name)).toEqual([
      '李证件（改名）',
    ]);
  });

  it('导入预览逐项说明将新建、更新、不变或拒绝及导入后的状态和可见范围，不写入任何数据', async () => {
    const bundle = bundleFor('plan', city, 3);
    expect((await postImport(users.city!.cookie, bundle)).statusCode).toBe(200);
    delete bundle.applications[0]!.recommendation;
    const enterprise = await registeredEnterprise(otherCity);
    const foreign = inTheNameOf('plan-foreign', enterprise);
    bundle.organizations.push({ ...foreign.organizations[0]!, id: 'plan-foreign-o' });
    bundle.people.push({ ...foreign.people[0]!, id: 'plan-foreign-p', employer: 'plan-foreign-o' });
    bundle.applications.push({
      ...foreign.applications[0]!,
      id: 'plan-foreign-a',
      applicant: 'plan-foreign-o',
      pi: 'plan-foreign-p',
      department: 'd',
    });
    const fresh = bundleFor('plan-new', city, 1, (a) => ({ ...a, recommendation: undefined }));
    bundle.organizations.push(fresh.organizations[0]!);
    bundle.people.push(fresh.people[0]!);
    bundle.applications.push({ ...fresh.applications[0]!, department: 'd' });

    const before = await databaseState();
    const preview = await previewOf(city, bundle);
    expect(await databaseState()).toEqual(before);
    expect(preview.applications.map((a) => [a.plan?.action, a.plan?.status])).toEqual([
      ['update', 'submitted'],
      ['unchanged', 'submitted'],
      ['unchanged', 'submitted'],
      ['refused', null],
      ['create', 'submitted'],
    ]);
    const [updated, , , refused, created] = preview.applications.map((a) => a.plan!);
    expect(created!.message).toBe('将新建，状态为“已提交”，本部门和省科技厅可见');
    expect(updated!.message).toBe('将更新，更新后状态为“已提交”，本部门和省科技厅可见');
    expect(refused!.problems).toEqual([
      { path: 'organizations[3].creditCode', message: expect.stringContaining(`隶属于${otherCity.name}`) },
    ]);
    expect(refused!.message).toContain('不能导入');
    expect(preview.importProblems).toEqual(refused!.problems);

    const other = await previewOf(otherCity, bundleFor('plan', city, 1));
    expect(other.applications[0]!.plan).toMatchObject({ action: 'refused', status: null });
    expect(other.applications[0]!.plan!.problems[0]!.path).toBe('applications[0].department');
  });
});

describe('导入与页面一致：按页面选择的计划判断，与主管部门审核的判断和推荐规则相同', () => {
  it('演示计划的包（call 为 DEMO-JS-INTL-2026）可预览和导入到演示计划；其他计划的包指明 call 不符', async () => {
    const bundle = { ...bundleFor('practice-call', city, 1), call: PRACTICE_CALL_ID };
    const preview = await previewOf(city, bundle);
    expect(preview.problems).toEqual([]);
    expect(preview.applications[0]!.plan).toMatchObject({ action: 'create', status: 'not-recommended' });
    const imported = await postImport(users.city!.cookie, bundle);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().created.applications).toBe(1);

    const other = await previewOf(city, { ...bundle, call: 'JS-INTL-2025' });
    expect(other.ok).toBe(false);
    expect(other.problems).toEqual([{ path: 'call', message: expect.stringContaining('JS-INTL-2025') }]);
  });

  it('正式计划编号的包按页面选择的演示计划的截止时间判断：不判“逾期不予受理”', async () => {
    // After the real call's online submission closed (2026-05-18), before the practice call's.
    const lateForReal = '2026-11-20T10:00:00+08:00';
    const bundle = bundleFor('late-for-real', city, 1, (a) => ({
      ...a,
      recommendation: undefined,
      submittedAt: lateForReal,
    }));
    expect(bundle.call).toBe('JS-INTL-2026');
    const rulesOf = (preview: ImportPreview) => preview.applications[0]!.findings.map((f) => f.rule);
    const practice = await previewOf(city, bundle);
    expect(rulesOf(practice)).not.toContain('deadline.submission-late');
    expect(practice.applications[0]!.plan).toMatchObject({ action: 'create', status: 'submitted' });
    const real = await previewOf(city, bundle, 'JS-INTL-2026');
    expect(rulesOf(real)).toContain('deadline.submission-late');
  });

  it('没有 submittedAt 的申报书不能导入：预览和导入都指明这一行和原因，不建草稿', async () => {
    const bundle = bundleFor('unsubmitted', city, 2, (a) =>
      a.id.endsWith('a1') ? { ...a, submittedAt: undefined } : a,
    );
    const before = await databaseState();
    const preview = await previewOf(city, bundle);
    expect(preview.applications[0]!.plan).toMatchObject({ action: 'create', status: 'not-recommended' });
    expect(preview.applications[1]!.plan).toMatchObject({
      action: 'refused',
      status: null,
      problems: [{ path: 'applications[1].submittedAt', message: expect.stringContaining('没有提交时间') }],
    });
    expect(preview.importProblems).toEqual(preview.applications[1]!.plan!.problems);
    const response = await postImport(users.city!.cookie, bundle);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toEqual(preview.importProblems);
    expect(await databaseState()).toEqual(before);
  });

  it('几 MB 的导入包在工作线程中读取，读取时主线程照常运转；预览和导入结果正确', async () => {
    const bundle = bundleFor('large', city, 5);
    // Organizations and people that no application names: read and validated, not imported.
    for (let i = 0; i < 12_000; i++) {
      bundle.organizations.push(organization({ id: `large-extra-o${i}` }));
      bundle.people.push(person({ id: `large-extra-p${i}`, employer: `large-extra-o${i}` }));
    }
    expect(JSON.stringify(bundle).length).toBeGreaterThan(3 * 1024 * 1024);
    // How many turns the main thread's event loop takes while each bundle is read: none if it were read here.
    const turns: number[] = [];
    const read = BundleReader.prototype.read;
    const spy = vi.spyOn(BundleReader.prototype, 'read').mockImplementation(async function (
      this: BundleReader,
      bytes: Uint8Array,
    ) {
      let reading = true;
      let n = 0;
      const turn = () => {
        if (!reading) return;
        n++;
        setImmediate(turn);
      };
      setImmediate(turn);
      try {
        return await read.call(this, bytes);
      } finally {
        reading = false;
        turns.push(n);
      }
    });
    try {
      const preview = await previewOf(city, bundle);
      expect(preview.applications.map((a) => a.plan!.action)).toEqual(Array(5).fill('create'));
      const imported = await postImport(users.city!.cookie, bundle);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json().created).toEqual({ organizations: 5, people: 5, applications: 5 });
    } finally {
      spy.mockRestore();
    }
    expect(turns).toHaveLength(2);
    for (const n of turns) expect(n).toBeGreaterThan(0);
    // A worker's first start loads the TypeScript sources through tsx: seconds on a busy machine.
  }, 120_000);
});
