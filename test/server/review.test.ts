import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/server/db/schema.js';
import type { Department } from '../../src/server/repositories/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { uploadCommitment } from '../support/api/department-commitments.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { ownDepartment } from '../support/api/own-calls-and-departments.js';
import { randomUuid } from '../support/factories/random.js';
import { submitThroughApi } from '../support/api/applicant.js';
import { reviewSession } from '../support/api/review-session.js';
import { completeForm } from '../support/api/submitted-applications.js';

const t = useTestApp();

const START = '2026-11-23T09:00:00+08:00';
// The practice call's review window, seeded relative to START (online filing closes two days earlier).
const REVIEW_CLOSES = '2026-12-25T17:30:00+08:00';

let zone: Department;
let city: Department;
let county: Department;
let otherCity: Department;
const { users, departmentUser, submitted, decide, recommend, confirm, at } = reviewSession(t, START);

beforeAll(async () => {
  const all = await repositories(t.db).departments.list();
  zone = all.find((d) => d.kind === 'provincial-hitech-zone')!;
  county = all.find((d) => d.kind === 'county')!;
  city = all.find((d) => d.id === county.cityId)!;
  otherCity = all.find((d) => d.kind === 'city' && d.id !== city.id)!;
  users.zone = await departmentUser(zone);
  users.city = await departmentUser(city);
  users.county = await departmentUser(county);
  users.otherCity = await departmentUser(otherCity);
});

describe('GET /api/review/applications', () => {
  it('主管部门看到本部门收到的申报书及规则检查结果，看不到草稿和其他部门的', async () => {
    const mine = await submitted(zone);
    const draft = await submitted(zone);
    await t.db.update(applications).set({ status: 'draft' }).where(eq(applications.id, draft.id));
    const theirs = await submitted(otherCity);
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/review/applications',
      cookie: users.zone!.cookie,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().applications as { application: { id: string }; eligible: boolean }[];
    const ids = items.map((i) => i.application.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(theirs.id);
    expect(items.find((i) => i.application.id === mine.id)).toMatchObject({
      eligible: true,
      readOnly: false,
      countsAgainstQuotaOf: { id: zone.id },
    });
  });

  it('设区市同时看到所辖县（市）的申报书：只读，计入本市限额', async () => {
    const own = await submitted(city);
    const fromCounty = await submitted(county);
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/review/applications',
      cookie: users.city!.cookie,
    });
    const items = response.json().applications as { application: { id: string } }[];
    expect(items.find((i) => i.application.id === own.id)).toMatchObject({ readOnly: false });
    expect(items.find((i) => i.application.id === fromCounty.id)).toMatchObject({
      readOnly: true,
      countsAgainstQuotaOf: { id: city.id, name: city.name },
    });
    const countyView = await inject(t.app, {
      method: 'GET',
      url: '/api/review/applications',
      cookie: users.county!.cookie,
    });
    const countyIds = countyView
      .json()
      .applications.map((i: { application: { id: string } }) => i.application.id);
    expect(countyIds).toContain(fromCounty.id);
    expect(countyIds).not.toContain(own.id);
  });

  it('设区市也能查看所辖县（市）申报书的附件；其他设区市不能，如同不存在', async () => {
    const fromCounty = await submitted(county);
    const documentsOf = (cookie: string) =>
      inject(t.app, { method: 'GET', url: `/api/applications/${fromCounty.id}/documents`, cookie });
    const byCity = await documentsOf(users.city!.cookie);
    expect(byCity.statusCode).toBe(200);
    expect(byCity.json().documents.length).toBeGreaterThan(0);
    expect((await documentsOf(users.county!.cookie)).statusCode).toBe(200);
    const byOther = await documentsOf(users.otherCity!.cookie);
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().error.code).toBe('NOT_FOUND');
  });

  it('按专题、状态、有无错误和规则编号筛选', async () => {
    // A zone of its own: the filters answer exactly this test's applications.
    const zone = await ownDepartment(t, 'provincial-hitech-zone');
    const reviewer = await departmentUser(zone);
    const broken = await submitted(zone, {
      form: { budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 } },
    });
    const topicFive = await submitted(zone, {
      topic: 5,
      form: { field: '人工智能', partner: { ...completeForm().partner!, country: 'HK' } },
    });
    const list = async (query: string) =>
      (
        await inject(t.app, {
          method: 'GET',
          url: `/api/review/applications?${query}`,
          cookie: reviewer.cookie,
        })
      )
        .json()
        .applications.map((i: { application: { id: string } }) => i.application.id) as string[];
    expect(await list('hasErrors=true')).toEqual([broken.id]);
    expect(await list('rule=budget.cap')).toEqual([broken.id]);
    expect(await list('hasErrors=false')).not.toContain(broken.id);
    expect(await list('topic=5')).toEqual([topicFive.id]);
    expect(await list('status=returned')).toEqual([]);
    const bad = await inject(t.app, {
      method: 'GET',
      url: '/api/review/applications?topic=9',
      cookie: reviewer.cookie,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('申报单位、项目负责人和专家不能使用审核接口；未登录要求登录', async () => {
    const admin = await registerUnitAdmin(t);
    const { cookie: expert } = await insertUser(t, 'expert');
    for (const cookie of [admin.cookie, expert]) {
      expect(
        (await inject(t.app, { method: 'GET', url: '/api/review/applications', cookie })).statusCode,
      ).toBe(403);
    }
    expect((await inject(t.app, { method: 'GET', url: '/api/review/applications' })).statusCode).toBe(401);
  });
});

describe('其他部门的申报书：与不存在的编号答复相同', () => {
  it('查看、修改对比、退回、推荐、撤销一律 404', async () => {
    const theirs = await submitted(otherCity);
    const routes = (id: string) => [
      { method: 'GET' as const, url: `/api/review/applications/${id}` },
      { method: 'GET' as const, url: `/api/review/applications/${id}/changes` },
      {
        method: 'POST' as const,
        url: `/api/review/applications/${id}/return`,
        payload: { reasons: [{ message: '补充材料' }] },
      },
      {
        method: 'POST' as const,
        url: `/api/review/applications/${id}/decision`,
        payload: { decision: 'recommended', reason: '同意' },
      },
      { method: 'POST' as const, url: `/api/review/applications/${id}/undo` },
    ];
    const missing = randomUuid();
    for (const [a, b] of routes(theirs.id).map((r, i) => [r, routes(missing)[i]!] as const)) {
      const response = await inject(t.app, { ...a, cookie: users.zone!.cookie });
      const absent = await inject(t.app, { ...b, cookie: users.zone!.cookie });
      expect(response.statusCode, a.url).toBe(404);
      expect(response.json()).toEqual(absent.json());
    }
  });

  it('设区市不能对县（市）的申报书作出决定', async () => {
    const fromCounty = await submitted(county);
    const response = await recommend(users.city!.cookie, fromCounty.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('县（市）');
  });
});

describe('GET /api/review/applications/:id', () => {
  it('只读查看：申报书、检查结果、附件和办理记录', async () => {
    const app = await submitted(zone);
    const response = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${app.id}`,
      cookie: users.zone!.cookie,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.item.application.id).toBe(app.id);
    expect(body.item.eligible).toBe(true);
    expect(body.documents.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'application-form',
      'cooperation-agreement',
      'info-form',
      'integrity-commitment-pi',
      'integrity-commitment-unit',
    ]);
    expect(body.reviewClosesAt).toBe(REVIEW_CLOSES);
    expect(body.confirmed).toBe(false);
  });
});

describe('退回修改与重新提交', () => {
  it('退回后申报单位看到理由，在网上填报截止后、审核推荐截止前修改并重新提交：受理编号不变，修改逐项可查', async () => {
    const first = await submitThroughApi(t);
    const { admin, id: applicationId } = first;
    // Its own signed-in users, whom `atInstant` signs in again at each instant.
    const { users: signedIn, at: atInstant } = reviewSession(t, START);
    const department = (await repositories(t.db).organizations.findById(admin.organizationId))!.departmentId!;
    signedIn.reviewer = await departmentUser((await repositories(t.db).departments.findById(department))!);
    signedIn.admin = { login: admin.login, cookie: admin.cookie };

    const returned = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${applicationId}/return`,
      cookie: signedIn.reviewer.cookie,
      payload: {
        reasons: [{ field: 'title', message: '项目名称应体现合作内容' }, { message: '合作协议须重新盖章' }],
      },
    });
    expect(returned.statusCode).toBe(204);

    const timeline = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${applicationId}/timeline`,
      cookie: admin.cookie,
    });
    const event = timeline.json().events.find((e: { kind: string }) => e.kind === 'returned');
    expect(event.detail.reasons).toEqual([
      { field: 'title', message: '项目名称应体现合作内容' },
      { message: '合作协议须重新盖章' },
    ]);

    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${applicationId}`,
      cookie: admin.cookie,
    });
    expect(read.json().application).toMatchObject({ status: 'returned', editable: true });
    expect(read.json().evaluation.submissionClosesAt).toBe(REVIEW_CLOSES);
    const expectedReturn = {
      at: '2026-11-23T09:00:00+08:00',
      reasons: [{ field: 'title', message: '项目名称应体现合作内容' }, { message: '合作协议须重新盖章' }],
      resubmitBy: REVIEW_CLOSES,
    };
    expect(read.json().application.returned).toEqual(expectedReturn);
    const list = await inject(t.app, { method: 'GET', url: '/api/applications', cookie: admin.cookie });
    expect(list.json().applications.find((a: { id: string }) => a.id === applicationId).returned).toEqual(
      expectedReturn,
    );

    const saved = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${applicationId}`,
      cookie: admin.cookie,
      payload: {
        version: read.json().application.version,
        form: completeForm({
          title: '中德固态电解质联合研发与中试验证',
          budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 600_000 },
        }),
      },
    });
    expect(saved.statusCode).toBe(200);
    const [agreement] = await repositories(t.db).documents.listByApplication(applicationId, false);
    const newSha = 'b'.repeat(64);
    await repositories(t.db).documents.addFile({ sha256: newSha, size: 2000, mime: 'application/pdf' });
    const replacement = await repositories(t.db).documents.insert({
      applicationId,
      kind: agreement!.kind,
      fileSha256: newSha,
      fileName: '合作协议（重新盖章）.pdf',
      metadata: agreement!.metadata,
      uploadedBy: admin.userId,
      uploadedAt: t.clock.now(),
    });
    await repositories(t.db).documents.supersede(agreement!.id, t.clock.now(), replacement.id);

    const version = saved.json().application.version;
    const resubmit = () =>
      inject(t.app, {
        method: 'POST',
        url: `/api/applications/${applicationId}/submit`,
        cookie: signedIn.admin!.cookie,
        payload: { version },
      });
    const late = await atInstant(REVIEW_CLOSES, resubmit);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('审核推荐已截止');

    const again = await atInstant('2026-12-24T10:00:00+08:00', resubmit);
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt.acceptanceNo).toBe(first.receipt.acceptanceNo);
    expect(again.json().application.returned).toBeNull();
    expect(again.json().receipt.payload).toMatchObject({
      submittedAt: first.receipt.payload.submittedAt,
      resubmittedAt: '2026-12-24T10:00:00+08:00',
    });

    const changes = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${applicationId}/changes`,
      cookie: signedIn.reviewer.cookie,
    });
    expect(changes.statusCode).toBe(200);
    expect(changes.json()).toMatchObject({
      previous: first.receipt.issuedAt,
      current: '2026-12-24T10:00:00+08:00',
      form: [
        {
          path: 'abstract',
          label: '项目摘要',
          before: completeForm().abstract,
          after: completeForm({ title: '中德固态电解质联合研发与中试验证' }).abstract,
        },
        // 申请省资助经费 is 江苏方's 省拨款: lowering it moves the difference to 自筹 in both columns.
        {
          path: 'budgetTable.jiangsu.sources.provincial',
          label: '江苏方经费省拨款',
          before: '80 万元',
          after: '60 万元',
        },
        {
          path: 'budgetTable.jiangsu.sources.selfRaised',
          label: '江苏方经费自筹',
          before: '120 万元',
          after: '140 万元',
        },
        {
          path: 'budgetTable.whole.sources.provincial',
          label: '项目总经费省拨款',
          before: '80 万元',
          after: '60 万元',
        },
        {
          path: 'budgetTable.whole.sources.selfRaised',
          label: '项目总经费自筹',
          before: '220 万元',
          after: '240 万元',
        },
        {
          path: 'title',
          label: '项目名称',
          before: completeForm().title,
          after: '中德固态电解质联合研发与中试验证',
        },
      ],
      documents: {
        added: [],
        removed: [],
        replaced: [
          {
            before: { id: agreement!.id, fileName: agreement!.fileName },
            after: { id: replacement.id, fileName: '合作协议（重新盖章）.pdf', sha256: newSha },
            fileChanged: true,
          },
        ],
      },
    });
  });
});

describe('推荐与限额', () => {
  it('推荐无错误的申报书；有错误的不能推荐，列出问题', async () => {
    // A zone of its own, whose quota of 1 no other test uses.
    const zone = await ownDepartment(t, 'provincial-hitech-zone');
    const reviewer = await departmentUser(zone);
    const good = await submitted(zone);
    const broken = await submitted(zone, {
      form: { budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 } },
    });
    const refused = await recommend(reviewer.cookie, broken.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('NOT_RECOMMENDABLE');
    expect(refused.json().findings.map((f: { rule: string }) => f.rule)).toContain('budget.cap');
    expect(
      (await decide(reviewer.cookie, broken.id, { decision: 'not-recommended', reason: '经费超标' }))
        .statusCode,
    ).toBe(204);
    expect((await recommend(reviewer.cookie, good.id)).statusCode).toBe(204);
    const timeline = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${good.id}`,
      cookie: reviewer.cookie,
    });
    expect(timeline.json().events.at(-1)).toMatchObject({
      kind: 'recommended',
      detail: { reason: '符合条件，同意推荐' },
    });
    // 省级高新区限额 1 项：已用完。
    const third = await submitted(zone);
    const over = await recommend(reviewer.cookie, third.id);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('QUOTA_EXCEEDED');
    expect(over.json().error.message).toContain('已推荐 1 项');
    expect(over.json().error.message).toContain('限额 1 项');
    const quota = await inject(t.app, {
      method: 'GET',
      url: `/api/review/quota?callId=${PRACTICE_CALL_ID}`,
      cookie: reviewer.cookie,
    });
    expect(quota.json()).toMatchObject({ holder: { id: zone.id }, used: 1, limit: 1 });
    // Undoing frees the slot.
    expect(
      (
        await inject(t.app, {
          method: 'POST',
          url: `/api/review/applications/${good.id}/undo`,
          cookie: reviewer.cookie,
        })
      ).statusCode,
    ).toBe(204);
    expect((await recommend(reviewer.cookie, third.id)).statusCode).toBe(204);
  });

  it('单独推荐名额：具备平台的单位不占限额，不具备的不能使用', async () => {
    // A zone of its own: its quota of 1 is used here, by the application not entitled to a separate slot.
    const zone = await ownDepartment(t, 'provincial-hitech-zone');
    const reviewer = await departmentUser(zone);
    const lab = await submitted(zone, { platforms: ['provincial-key-lab'] });
    const plain = await submitted(zone);
    // The decision dialog offers the slot only where the applicant is entitled to it.
    const offered = async (id: string) =>
      (
        await inject(t.app, { method: 'GET', url: `/api/review/applications/${id}`, cookie: reviewer.cookie })
      ).json().item.separateSlotOffered;
    expect(await offered(lab.id)).toBe(true);
    expect(await offered(plain.id)).toBe(false);
    const notEntitled = await recommend(reviewer.cookie, plain.id, { separateSlot: true });
    expect(notEntitled.statusCode).toBe(422);
    expect(notEntitled.json().findings.map((f: { rule: string }) => f.rule)).toContain('slot.not-entitled');
    expect((await recommend(reviewer.cookie, plain.id)).statusCode).toBe(204);
    expect((await recommend(reviewer.cookie, lab.id, { separateSlot: true })).statusCode).toBe(204);
    const quota = await inject(t.app, {
      method: 'GET',
      url: `/api/review/quota?callId=${PRACTICE_CALL_ID}`,
      cookie: reviewer.cookie,
    });
    expect(quota.json()).toMatchObject({ used: 1, limit: 1, separateSlotsUsed: 1 });
  });

  it('县（市）的推荐计入设区市限额', async () => {
    const fromCounty = await submitted(county);
    expect((await recommend(users.county!.cookie, fromCounty.id)).statusCode).toBe(204);
    const quota = await inject(t.app, {
      method: 'GET',
      url: `/api/review/quota?callId=${PRACTICE_CALL_ID}`,
      cookie: users.city!.cookie,
    });
    expect(quota.json()).toMatchObject({ holder: { id: city.id, kind: 'city' }, used: 1, limit: 6 });
    expect(quota.json().byDepartment.find((d: { id: string }) => d.id === county.id).used).toBe(1);
    const countyQuota = await inject(t.app, {
      method: 'GET',
      url: `/api/review/quota?callId=${PRACTICE_CALL_ID}`,
      cookie: users.county!.cookie,
    });
    expect(countyQuota.json().holder.id).toBe(city.id);
  });

  it('审核推荐截止（北京时间 17:30:00）一到即不能推荐或退回；前一秒可以', async () => {
    const app = await submitted(otherCity);
    const late = await at(REVIEW_CLOSES, () => recommend(users.otherCity!.cookie, app.id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_CLOSED');
    expect(late.json().error.message).toContain('2026-12-25 17:30:00');
    const lateReturn = await at(REVIEW_CLOSES, () =>
      inject(t.app, {
        method: 'POST',
        url: `/api/review/applications/${app.id}/return`,
        cookie: users.otherCity!.cookie,
        payload: { reasons: [{ message: '补充' }] },
      }),
    );
    expect(lateReturn.json().error.code).toBe('REVIEW_CLOSED');
    const justInTime = await at('2026-12-25T17:29:59+08:00', () =>
      recommend(users.otherCity!.cookie, app.id),
    );
    expect(justInTime.statusCode).toBe(204);
  });
});

describe('确认提交', () => {
  it('已推荐的申报书此后出现错误：拒绝确认，列出该申报书及错误；未决定的一并列出', async () => {
    const agency = await ownDepartment(t, 'provincial-agency');
    const agencyUser = await departmentUser(agency);
    const recommended = await submitted(agency);
    const undecided = await submitted(agency);
    expect((await recommend(agencyUser.cookie, recommended.id)).statusCode).toBe(204);
    // Changed since it was recommended (as a register import or a rule's change would): now over the cap.
    const [row] = await t.db.select().from(applications).where(eq(applications.id, recommended.id));
    await t.db
      .update(applications)
      .set({
        form: {
          ...row!.form,
          budgetTable: completeForm({
            budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 900_000 },
          }).budgetTable,
        },
      })
      .where(eq(applications.id, recommended.id));
    expect((await uploadCommitment(t, agencyUser.cookie, PRACTICE_CALL_ID)).statusCode).toBe(201);

    const refused = await confirm(agencyUser.cookie, PRACTICE_CALL_ID);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('RECOMMENDED_WITH_ERRORS');
    expect(refused.json().error.message).toContain('1 项已推荐的申报书存在错误');
    expect(refused.json().error.message).toContain('1 项申报书尚未作出推荐决定');
    expect(refused.json().problems).toEqual([
      expect.objectContaining({
        applicationId: recommended.id,
        problem: 'errors',
        errors: [expect.stringContaining('90 万元')],
      }),
      expect.objectContaining({ applicationId: undecided.id, problem: 'pending', errors: [] }),
    ]);
    const confirmation = await inject(t.app, {
      method: 'GET',
      url: `/api/review/confirmation?callId=${PRACTICE_CALL_ID}`,
      cookie: agencyUser.cookie,
    });
    expect(confirmation.json()).toEqual({ confirmation: null });
  });

  it('未上传诚信承诺书或尚有未决定的申报书不能确认；确认后一律不予退回，不能再推荐或撤销；省厅看到名单', async () => {
    const agency = (await repositories(t.db).departments.list()).find((d) => d.kind === 'provincial-agency')!;
    const agencyUser = await departmentUser(agency);
    const a = await submitted(agency);
    const b = await submitted(agency);
    const confirmList = () => confirm(agencyUser.cookie, PRACTICE_CALL_ID);
    const ownConfirmation = () =>
      inject(t.app, {
        method: 'GET',
        url: `/api/review/confirmation?callId=${PRACTICE_CALL_ID}`,
        cookie: agencyUser.cookie,
      });
    expect((await ownConfirmation()).json()).toEqual({ confirmation: null });
    const withoutCommitment = await confirmList();
    expect(withoutCommitment.statusCode).toBe(409);
    expect(withoutCommitment.json().error).toMatchObject({
      code: 'COMMITMENT_MISSING',
      message: expect.stringContaining('项目主管部门诚信承诺书'),
    });
    expect((await uploadCommitment(t, agencyUser.cookie, PRACTICE_CALL_ID)).statusCode).toBe(201);
    const pending = await confirmList();
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('DECISIONS_PENDING');
    expect(pending.json().error.message).toContain('2 项');
    expect(pending.json().problems).toEqual(
      expect.arrayContaining(
        [a, b].map((x) => expect.objectContaining({ applicationId: x.id, problem: 'pending', errors: [] })),
      ),
    );

    expect((await recommend(agencyUser.cookie, a.id)).statusCode).toBe(204);
    expect(
      (await decide(agencyUser.cookie, b.id, { decision: 'not-recommended', reason: '创新性不足' }))
        .statusCode,
    ).toBe(204);
    const done = await confirmList();
    expect(done.statusCode).toBe(201);
    expect(done.json().confirmation.summary.recommended.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect((await ownConfirmation()).json().confirmation).toMatchObject({
      department: { id: agency.id },
      confirmedAt: done.json().confirmation.confirmedAt,
    });

    expect((await confirmList()).json().error.code).toBe('LIST_CONFIRMED');
    for (const response of [
      await inject(t.app, {
        method: 'POST',
        url: `/api/review/applications/${b.id}/return`,
        cookie: agencyUser.cookie,
        payload: { reasons: [{ message: '补充' }] },
      }),
      await recommend(agencyUser.cookie, b.id),
      await inject(t.app, {
        method: 'POST',
        url: `/api/review/applications/${a.id}/undo`,
        cookie: agencyUser.cookie,
      }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('LIST_CONFIRMED');
    }

    const { cookie: province } = await insertUser(t, 'province');
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/review/confirmations?callId=${PRACTICE_CALL_ID}`,
      cookie: province,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().confirmations.map((c: { department: { id: string } }) => c.department.id)).toContain(
      agency.id,
    );
    const asDepartment = await inject(t.app, {
      method: 'GET',
      url: '/api/review/confirmations',
      cookie: agencyUser.cookie,
    });
    expect(asDepartment.statusCode).toBe(403);
  });

  it('截止后不能确认', async () => {
    const late = await at(REVIEW_CLOSES, () => confirm(users.zone!.cookie, PRACTICE_CALL_ID));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_CLOSED');
  });
});
