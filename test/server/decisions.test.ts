import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents, organizations } from '../../src/server/db/schema.js';
import type { ApplicationRow } from '../../src/server/repositories/applications.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { randomUuid, uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, login, useTestApp } from '../support/harness.js';
import { pdf } from '../support/pdf.js';
import { ownCall } from '../support/api/own-calls-and-departments.js';
import { reviewSession } from '../support/api/review-session.js';

const t = useTestApp();

const START = '2026-11-23T09:00:00+08:00';
// The practice call's recommendation deadline (32 days after START) has passed: every recommendation is final.
const AFTER_RECOMMENDATION = '2026-12-28T09:00:00+08:00';
const AFTER_PERIOD = '2027-01-05T09:00:00+08:00';

interface Account {
  login: string;
  cookie: string;
}

const formalReview = (cookie: string, id: string, body: object) =>
  inject(t.app, { method: 'PUT', url: `/api/province/formal-review/${id}`, cookie, payload: body });
const decide = (cookie: string, id: string, body: object) =>
  inject(t.app, { method: 'PUT', url: `/api/province/decisions/${id}`, cookie, payload: body });
const provinceResult = (cookie: string, id: string) =>
  inject(t.app, { method: 'GET', url: `/api/applications/${id}/province-result`, cookie });

function agreementForm(organizationId: string, kind = 'cooperation-agreement'): FormData {
  const body = new FormData();
  const fields: Record<string, string | string[]> = {
    kind,
    parties: [organizationId, 'Fraunhofer-Institut'],
    signedOn: '2027-01-02',
    language: 'zh',
    chineseTranslation: 'false',
    ...Object.fromEntries(
      ['signatures', 'seals', 'dates', 'representatives', 'duties', 'ipClause'].map((f) => [
        `complete.${f}`,
        'true',
      ]),
    ),
  };
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  body.append(
    'file',
    new Blob([new Uint8Array(pdf({ seed: `agreement-${uniqueNumber()}` }))], { type: 'application/pdf' }),
    '正式合作协议.pdf',
  );
  return body;
}
const uploadAgreement = (who: Account, application: ApplicationRow, kind?: string) =>
  inject(t.app, {
    method: 'POST',
    url: `/api/applications/${application.id}/documents`,
    cookie: who.cookie,
    payload: agreementForm(application.organizationId, kind),
  });

/**
 * A test's world: a call of its own in which a 省级机关 (no numeric quota, so that recommendations here count
 * against nothing) has recommended four applications, with the accounts that act on them, at START.
 */
async function recommended() {
  t.clock.set(START);
  const callId = await ownCall(t);
  const accounts: Account[] = [];
  const account = async (role: UserRole, scope: Parameters<typeof insertUser>[2] = {}): Promise<Account> => {
    const { user, cookie } = await insertUser(t, role, scope);
    const signedIn = { login: user.login, cookie };
    accounts.push(signedIn);
    return signedIn;
  };
  /** An account made when a test first asks for it: each costs a login, and another at every clock move. */
  const lazily = (...args: Parameters<typeof account>) => {
    let made: Promise<Account> | undefined;
    return () => (made ??= account(...args));
  };
  const session = reviewSession(t, START);
  const agency = (await repositories(t.db).departments.list()).find((d) => d.kind === 'provincial-agency')!;
  const department = await account('department', { departmentId: agency.id });
  const province = await account('province');

  const ok = await session.submitted(agency, { callId });
  const intent = await session.submitted(agency, {
    callId,
    form: { budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 500_000 } },
  });
  // Applied on a letter of intent only: allowed, with a formal agreement owed at contract signing.
  await t.db
    .update(documents)
    .set({ kind: 'letter-of-intent' })
    .where(and(eq(documents.applicationId, intent.id), eq(documents.kind, 'cooperation-agreement')));
  const dishonest = await session.submitted(agency, { callId });
  const undecided = await session.submitted(agency, { callId });
  for (const a of [ok, intent, dishonest, undecided]) {
    const response = await session.recommend(department.cookie, a.id);
    expect(response.statusCode, response.body).toBe(204);
  }
  return {
    callId,
    province,
    department,
    ok,
    intent,
    dishonest,
    undecided,
    expert: lazily('expert'),
    dishonestAdmin: lazily('unit-admin', { organizationId: dishonest.organizationId }),
    dishonestPi: lazily('pi', { organizationId: dishonest.organizationId, personId: dishonest.piId }),
    intentAdmin: lazily('unit-admin', { organizationId: intent.organizationId }),
    okAdmin: lazily('unit-admin', { organizationId: ok.organizationId }),
    /** Moves the clock and signs everyone in again there (sessions last hours). */
    async moveTo(instant: string) {
      t.clock.set(instant);
      for (const a of accounts) a.cookie = await login(t.app, a.login);
    },
    accept: (id: string) => formalReview(province.cookie, id, { result: 'accepted' }),
    contractStage: (id: string) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/province/decisions/${id}/contract-stage`,
        cookie: province.cookie,
      }),
  };
}

type World = Awaited<ReturnType<typeof recommended>>;

/** After the recommendation deadline: the dishonest applicant refused at 形式审查, the other three accepted. */
async function formallyReviewed() {
  const w = await recommended();
  await w.moveTo(AFTER_RECOMMENDATION);
  await t.db
    .update(organizations)
    .set({ dishonestyUntil: '2027-12-31' })
    .where(eq(organizations.id, w.dishonest.organizationId));
  const rejected = await formalReview(w.province.cookie, w.dishonest.id, {
    result: 'rejected',
    reasons: [{ message: '信用审查：申报单位处于科研失信惩戒期内' }],
  });
  expect(rejected.statusCode, rejected.body).toBe(200);
  for (const a of [w.ok, w.intent, w.undecided]) expect((await w.accept(a.id)).statusCode).toBe(200);
  return w;
}

/** Then decided: ok approved at the cap (80 万元), intent at the 50 万元 it asked for, undecided not approved. */
async function decided() {
  const w = await formallyReviewed();
  const decisions: [ApplicationRow, object][] = [
    [w.ok, { outcome: 'approved', funding: 800_000, reason: '同意立项' }],
    [w.intent, { outcome: 'approved', funding: 500_000, reason: '同意立项' }],
    [w.undecided, { outcome: 'rejected', reason: '评审排名靠后' }],
  ];
  for (const [application, body] of decisions) {
    const response = await decide(w.province.cookie, application.id, body);
    expect(response.statusCode, response.body).toBe(200);
  }
  return w;
}

/** Then the 公示 of the two approved projects is published (default period: 2026-12-28 to 2027-01-04). */
async function published() {
  const w = await decided();
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/province/announcements',
    cookie: w.province.cookie,
    payload: { callId: w.callId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const announcementId: string = created.json().announcement.id;
  const publish = await inject(t.app, {
    method: 'POST',
    url: `/api/province/announcements/${announcementId}/publish`,
    cookie: w.province.cookie,
  });
  expect(publish.statusCode, publish.body).toBe(200);
  return { ...w, announcementId };
}

describe('形式审查（信用审查）', () => {
  it('主管部门未确认且推荐未截止时，省里还不能审查', async () => {
    const { callId, province, ok, accept } = await recommended();
    const response = await accept(ok.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('NOT_AT_PROVINCE');
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/formal-review?callId=${callId}`,
      cookie: province.cookie,
    });
    expect(list.json().items).toEqual([]);
  });

  it('推荐截止后，失信记录作为不予受理理由预先列出；不予受理名单只列不予受理的', async () => {
    const { callId, province, ok, intent, dishonest, undecided, accept, moveTo } = await recommended();
    await moveTo(AFTER_RECOMMENDATION);
    await t.db
      .update(organizations)
      .set({ dishonestyUntil: '2027-12-31' })
      .where(eq(organizations.id, dishonest.organizationId));
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/formal-review?callId=${callId}`,
      cookie: province.cookie,
    });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      application: { id: string };
      suggestedReasons: { rule: string }[];
    }[];
    expect(items.map((i) => i.application.id).sort()).toEqual(
      [ok.id, intent.id, dishonest.id, undecided.id].sort(),
    );
    const suggested = items.find((i) => i.application.id === dishonest.id)!.suggestedReasons;
    expect(suggested.map((r) => r.rule)).toContain('integrity.applicant-dishonest');
    expect(items.find((i) => i.application.id === ok.id)!.suggestedReasons).toEqual([]);

    const noReason = await formalReview(province.cookie, dishonest.id, { result: 'rejected', reasons: [] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reasons');

    const rejected = await formalReview(province.cookie, dishonest.id, {
      result: 'rejected',
      reasons: [...suggested, { message: '信用审查：申报单位处于科研失信惩戒期内' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().item.review).toMatchObject({ result: 'rejected', reviewerName: '测试province' });
    for (const a of [ok, intent, undecided]) expect((await accept(a.id)).statusCode).toBe(200);

    const refusedList = await inject(t.app, {
      method: 'GET',
      url: `/api/province/formal-review?callId=${callId}&result=rejected`,
      cookie: province.cookie,
    });
    expect(refusedList.json().items.map((i: { application: { id: string } }) => i.application.id)).toEqual([
      dishonest.id,
    ]);
  });

  it('不予受理的理由陈述所缺，不再叫申报单位“请上传”（提交后已不能上传）', async () => {
    const w = await recommended();
    await w.moveTo(AFTER_RECOMMENDATION);
    await t.db
      .delete(documents)
      .where(and(eq(documents.applicationId, w.dishonest.id), eq(documents.kind, 'cooperation-agreement')));
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/formal-review?callId=${w.callId}`,
      cookie: w.province.cookie,
    });
    const suggested = (
      list.json().items as { application: { id: string }; suggestedReasons: object[] }[]
    ).find((i) => i.application.id === w.dishonest.id)!.suggestedReasons;
    expect(suggested).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('缺少申报单位') }),
    );
    const rejected = await formalReview(w.province.cookie, w.dishonest.id, {
      result: 'rejected',
      reasons: suggested,
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const result = await provinceResult((await w.dishonestAdmin()).cookie, w.dishonest.id);
    const reasons = result.json().formalReview.reasons as { message: string }[];
    expect(reasons.length).toBeGreaterThan(0);
    for (const { message } of reasons) expect(message).not.toContain('请上传');
  });

  it('不予受理的理由只有该申报单位（管理员、项目负责人）看得到', async () => {
    const w = await formallyReviewed();
    const { province, department, dishonest } = w;
    const [expert, dishonestAdmin, dishonestPi, okAdmin] = [
      await w.expert(),
      await w.dishonestAdmin(),
      await w.dishonestPi(),
      await w.okAdmin(),
    ];
    for (const who of [dishonestAdmin, dishonestPi]) {
      const result = await provinceResult(who.cookie, dishonest.id);
      expect(result.statusCode, result.body).toBe(200);
      expect(result.json().formalReview.result).toBe('rejected');
      expect(result.json().formalReview.reasons.at(-1).message).toBe(
        '信用审查：申报单位处于科研失信惩戒期内',
      );
      expect(result.json().announced).toBeNull();
    }
    const timeline = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${dishonest.id}/timeline`,
      cookie: dishonestAdmin.cookie,
    });
    const event = timeline.json().events.find((e: { kind: string }) => e.kind === 'formal-review');
    expect(event.detail).toMatchObject({ result: 'rejected', previous: null });

    for (const url of [
      `/api/applications/${dishonest.id}/province-result`,
      `/api/applications/${dishonest.id}/timeline`,
    ]) {
      const stranger = await inject(t.app, { method: 'GET', url, cookie: okAdmin.cookie });
      expect(stranger.statusCode).toBe(404);
      expect(stranger.body).not.toContain('失信');
    }
    for (const who of [province, department, expert]) {
      expect((await provinceResult(who.cookie, dishonest.id)).statusCode).toBe(403);
    }
  });
});

describe('立项决定', () => {
  it('只有形式审查受理的项目才能作出立项决定', async () => {
    const { province, dishonest } = await formallyReviewed();
    const response = await decide(province.cookie, dishonest.id, { outcome: 'rejected', reason: '不予立项' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('NOT_ACCEPTED');
  });

  it.each([
    {
      case: '超过本专题上限，说明上限',
      which: (w: World) => w.ok,
      funding: 900_000,
      says: '省资助经费上限（苏科资发〔2026〕26号 一、专题四） 80.00 万元，请调减至 80.00 万元以内',
    },
    {
      case: '超过申请的省资助经费',
      which: (w: World) => w.intent,
      funding: 600_000,
      says: '立项资助经费 60.00 万元，超过申报单位申请的省资助经费 50.00 万元，请调减至 50.00 万元以内',
    },
    {
      case: '同时超过专题上限和申请额，说明起作用的较小者',
      which: (w: World) => w.intent,
      funding: 900_000,
      says: '立项资助经费 90.00 万元，超过申报单位申请的省资助经费 50.00 万元，请调减至 50.00 万元以内',
    },
  ])('资助经费$case：拒绝', async ({ which, funding, says }) => {
    const w = await formallyReviewed();
    const response = await decide(w.province.cookie, which(w).id, {
      outcome: 'approved',
      funding,
      reason: '同意立项',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('FUNDING_OVER_CAP');
    expect(response.json().error.message).toContain(says);
  });

  it('立项须填写资助经费', async () => {
    const { province, ok } = await formallyReviewed();
    const response = await decide(province.cookie, ok.id, { outcome: 'approved', reason: '同意立项' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('funding');
  });

  it('立项、不予立项，公示前可以撤销；作出决定后形式审查结果不能再改', async () => {
    const { province, ok, intent, undecided } = await formallyReviewed();
    const approved = await decide(province.cookie, ok.id, {
      outcome: 'approved',
      funding: 800_000,
      reason: '同意立项',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().item).toMatchObject({
      cap: { amount: 800_000, clause: '一、专题四' },
      decision: { outcome: 'approved', funding: 800_000, locked: false },
    });
    const asked = await decide(province.cookie, intent.id, {
      outcome: 'approved',
      funding: 500_000,
      reason: '同意立项',
    });
    // The dialog's limit is the smaller one, with its reason.
    expect(asked.statusCode).toBe(200);
    expect(asked.json().item.limit).toEqual({ amount: 500_000, reason: '申报单位申请的省资助经费' });
    expect(
      (await decide(province.cookie, undecided.id, { outcome: 'rejected', reason: '评审排名靠后' }))
        .statusCode,
    ).toBe(200);

    const locked = await formalReview(province.cookie, ok.id, {
      result: 'rejected',
      reasons: [{ message: '改判' }],
    });
    expect(locked.json().error.code).toBe('FORMAL_REVIEW_LOCKED');

    const undone = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${undecided.id}/undo`,
      cookie: province.cookie,
    });
    expect(undone.json().item.decision).toBeNull();
    expect(
      (await decide(province.cookie, undecided.id, { outcome: 'rejected', reason: '评审排名靠后' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('公示', () => {
  it('草稿不公开；发布后匿名可见，只含公开字段和公示期（默认 5 个工作日）', async () => {
    const { callId, province, ok, intent, undecided } = await decided();
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/announcements',
      cookie: province.cookie,
      payload: { callId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const announcementId = created.json().announcement.id;
    expect(
      created
        .json()
        .entries.map((e: { acceptanceNo: string }) => e.acceptanceNo)
        .sort(),
    ).toEqual([ok.acceptanceNo, intent.acceptanceNo].sort());
    expect(
      (await inject(t.app, { method: 'GET', url: `/api/public/announcements/${announcementId}` })).statusCode,
    ).toBe(404);

    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${announcementId}/publish`,
      cookie: province.cookie,
    });
    expect(published.statusCode, published.body).toBe(200);

    const list = await inject(t.app, { method: 'GET', url: '/api/public/announcements' });
    expect(list.statusCode).toBe(200);
    // Other tests' calls publish theirs in the same database.
    const ofThisCall = list.json().announcements.filter((a: { callId: string }) => a.callId === callId);
    expect(ofThisCall).toEqual([
      expect.objectContaining({
        id: announcementId,
        startsOn: '2026-12-28',
        // 元旦 is a holiday: the fifth working day is the Monday after.
        endsOn: '2027-01-04',
        entryCount: 2,
      }),
    ]);
    const detail = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${announcementId}` });
    expect(detail.statusCode).toBe(200);
    const entries = detail.json().entries as Record<string, unknown>[];
    expect(Object.keys(entries[0]!).sort()).toEqual(
      [
        'acceptanceNo',
        'funding',
        'organizationName',
        'partnerCountry',
        'partnerCountryName',
        'piName',
        'title',
        'topic',
        'topicLabel',
      ].sort(),
    );
    expect(entries.find((e) => e.acceptanceNo === ok.acceptanceNo)).toMatchObject({
      funding: 800_000,
      topicLabel: '专题四',
      partnerCountry: 'DE',
    });
    for (const id of [ok.id, ok.organizationId, ok.piId, undecided.acceptanceNo!])
      expect(detail.body).not.toContain(id);
  });

  it('省里发布前预览的，正是发布后公众看到的公示（名单、公示期、联系方式）', async () => {
    const { callId, province, ok, intent } = await decided();
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/announcements',
      cookie: province.cookie,
      payload: { callId },
    });
    const announcementId: string = created.json().announcement.id;
    const preview = await inject(t.app, {
      method: 'GET',
      url: `/api/province/announcements/${announcementId}/preview`,
      cookie: province.cookie,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().announcement).toMatchObject({ startsOn: '2026-12-28', endsOn: '2027-01-04' });
    expect(
      preview
        .json()
        .entries.map((e: { acceptanceNo: string }) => e.acceptanceNo)
        .sort(),
    ).toEqual([ok.acceptanceNo, intent.acceptanceNo].sort());

    const published = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${announcementId}/publish`,
      cookie: province.cookie,
    });
    expect(published.statusCode, published.body).toBe(200);
    const detail = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${announcementId}` });
    expect(preview.json()).toEqual(detail.json());

    const missing = await inject(t.app, {
      method: 'GET',
      url: `/api/province/announcements/${randomUuid()}/preview`,
      cookie: province.cookie,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('公开的公示载明异议联系方式：通知三、4 所列单位、联系人和电话', async () => {
    const { announcementId } = await published();
    const detail = await inject(t.app, { method: 'GET', url: `/api/public/announcements/${announcementId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().contacts).toEqual([
      {
        unit: '省科技厅对外合作处',
        people: ['任晓慧', '陶飞'],
        phones: ['025-57711715', '025-57719873'],
        address: null,
        source: '苏科资发〔2026〕26号三、4',
      },
      {
        unit: '省科技项目管理中心',
        people: ['李彬', '陆建玲'],
        phones: ['025-85485926', '025-85485922'],
        address: '南京市玄武区龙蟠路 175 号',
        source: '苏科资发〔2026〕26号三、4，地址见三、1',
      },
    ]);
  });

  it('同一申报计划不能有两份公示草稿：项目只能列入一份公示，拒绝并说明', async () => {
    const w = await decided();
    const create = () =>
      inject(t.app, {
        method: 'POST',
        url: '/api/province/announcements',
        cookie: w.province.cookie,
        payload: { callId: w.callId, title: '拟立项项目公示' },
      });
    expect((await create()).statusCode).toBe(201);
    const second = await create();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ANNOUNCEMENT_DRAFT_EXISTS');
    expect(second.json().error.message).toContain('已有未发布的公示草稿“拟立项项目公示”');
    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/announcements?callId=${w.callId}`,
      cookie: w.province.cookie,
    });
    expect(list.json().announcements).toHaveLength(1);
  });

  it('公示发布后立项决定锁定，不能修改或撤销', async () => {
    const { province, ok, undecided, announcementId } = await published();
    const change = await decide(province.cookie, ok.id, {
      outcome: 'approved',
      funding: 700_000,
      reason: '调减',
    });
    expect(change.json().error.code).toBe('DECISIONS_LOCKED');
    const undo = await inject(t.app, {
      method: 'POST',
      url: `/api/province/decisions/${undecided.id}/undo`,
      cookie: province.cookie,
    });
    expect(undo.json().error.code).toBe('DECISIONS_LOCKED');
    const again = await inject(t.app, {
      method: 'POST',
      url: `/api/province/announcements/${announcementId}/publish`,
      cookie: province.cookie,
    });
    expect(again.statusCode).toBe(409);
    const remove = await inject(t.app, {
      method: 'DELETE',
      url: `/api/province/announcements/${announcementId}`,
      cookie: province.cookie,
    });
    expect(remove.statusCode).toBe(409);
  });

  it('申报单位在公示后看到立项与公示期，并被告知须提供正式合作协议', async () => {
    const w = await published();
    const { intent, ok, announcementId } = w;
    const [intentAdmin, okAdmin] = [await w.intentAdmin(), await w.okAdmin()];
    const result = await provinceResult(intentAdmin.cookie, intent.id);
    expect(result.json()).toMatchObject({
      announced: { announcementId, startsOn: '2026-12-28', endsOn: '2027-01-04', funding: 500_000 },
      formalAgreementDue: true,
    });
    expect((await provinceResult(okAdmin.cookie, ok.id)).json().formalAgreementDue).toBe(false);
  });
});

describe('合同签订', () => {
  it('公示期未满不能进入合同签订', async () => {
    const { ok, contractStage } = await published();
    const response = await contractStage(ok.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('公示期至 2027年1月4日');
  });

  it('仅有合作意向书的项目上传正式合作协议前不能进入合同签订，上传后可以', async () => {
    const w = await published();
    const { callId, province, ok, intent, contractStage } = w;
    await w.moveTo(AFTER_PERIOD);
    const [intentAdmin, okAdmin] = [await w.intentAdmin(), await w.okAdmin()];
    const contracts = await inject(t.app, {
      method: 'GET',
      url: `/api/province/decisions/contracts?callId=${callId}`,
      cookie: province.cookie,
    });
    const missing = Object.fromEntries(
      contracts
        .json()
        .items.map((i: { application: { id: string }; formalAgreementMissing: string[] }) => [
          i.application.id,
          i.formalAgreementMissing.length,
        ]),
    );
    expect(missing).toEqual({ [ok.id]: 0, [intent.id]: 1 });

    const refused = await contractStage(intent.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FORMAL_AGREEMENT_MISSING');
    expect(refused.json().error.message).toContain('Fraunhofer-Institut');

    // Only the formal agreement may be added after 立项, only by the applicant itself.
    expect((await uploadAgreement(intentAdmin, intent, 'letter-of-intent')).statusCode).toBe(409);
    expect((await uploadAgreement(okAdmin, intent)).statusCode).toBe(404);
    const uploaded = await uploadAgreement(intentAdmin, intent);
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    const entered = await contractStage(intent.id);
    expect(entered.statusCode, entered.body).toBe(200);
    expect((await contractStage(ok.id)).statusCode).toBe(200);
    expect((await provinceResult(intentAdmin.cookie, intent.id)).json()).toMatchObject({
      formalAgreementDue: false,
      contractStageAt: '2027-01-05T09:00:00+08:00',
    });
    // Contract signing closes the upload again.
    expect((await uploadAgreement(intentAdmin, intent)).statusCode).toBe(409);
  });
});

describe('授权', () => {
  const id = randomUuid();
  // Only read here: one world, and its accounts, serve every route.
  let w: World;
  let strangers: Account[];
  beforeAll(async () => {
    w = await recommended();
    strangers = [await w.okAdmin(), await w.dishonestPi(), w.department, await w.expert()];
  });
  const routes: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; payload?: object }[] = [
    { method: 'GET', url: `/api/province/formal-review?callId=${PRACTICE_CALL_ID}` },
    { method: 'GET', url: `/api/province/formal-review/${id}` },
    { method: 'PUT', url: `/api/province/formal-review/${id}`, payload: { result: 'accepted' } },
    { method: 'GET', url: `/api/province/decisions?callId=${PRACTICE_CALL_ID}` },
    { method: 'PUT', url: `/api/province/decisions/${id}`, payload: { outcome: 'rejected', reason: '否' } },
    { method: 'POST', url: `/api/province/decisions/${id}/undo` },
    { method: 'GET', url: `/api/province/decisions/contracts?callId=${PRACTICE_CALL_ID}` },
    { method: 'POST', url: `/api/province/decisions/${id}/contract-stage` },
    { method: 'GET', url: '/api/province/announcements' },
    { method: 'POST', url: '/api/province/announcements', payload: { callId: PRACTICE_CALL_ID } },
    { method: 'GET', url: `/api/province/announcements/${id}` },
    { method: 'POST', url: `/api/province/announcements/${id}/publish` },
    { method: 'DELETE', url: `/api/province/announcements/${id}` },
  ];

  it.each(routes)('$method $url：未登录 401，申报单位、主管部门、专家 403', async (route) => {
    expect((await inject(t.app, route)).statusCode).toBe(401);
    for (const who of strangers) {
      const response = await inject(t.app, { ...route, cookie: who.cookie });
      expect(response.statusCode, `${who.login} ${response.body}`).toBe(403);
    }
  });

  it('省里对不存在的申报书答 404', async () => {
    expect((await formalReview(w.province.cookie, id, { result: 'accepted' })).statusCode).toBe(404);
    expect((await w.contractStage(id)).statusCode).toBe(404);
  });

  it('申报书不存在时，申报单位看不到结果（404）', async () => {
    expect((await provinceResult(strangers[0]!.cookie, id)).statusCode).toBe(404);
  });
});
