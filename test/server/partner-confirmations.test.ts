import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import { createDraft, unitWithPerson } from '../support/api/applicant.js';
import { attachRequiredDocuments, completeForm } from '../support/api/submitted-applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, type UnitAdmin, useTestApp } from '../support/harness.js';
import { pdfWithXrefStream } from '../support/pdf.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import type { ReceivedMail } from '../support/smtp.js';

// Issue 15 §5: the applicant sends the foreign partner's PI a single-use, expiring link by e-mail; the partner
// confirms or corrects the six facts of 二、1 without an account, and the rules judge its word from then on.

const t = useTestApp();
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox(t, '申报系统 <noreply@shenbao.test>');
});
afterAll(() => mailbox?.close());

const tokenIn = (mail: ReceivedMail) => {
  const match = /\/partner\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return match![1]!;
};

type Applicant = UnitAdmin & { personId: string };

/** A 专题四 draft naming a German partner and its PI with an e-mail, with its English title and abstract. */
async function draftWithPartner(country = 'DE'): Promise<{ admin: Applicant; id: string; email: string }> {
  const admin = await unitWithPerson(t);
  const { id, version } = await createDraft(t, admin);
  const email = `pi${uniqueNumber()}@partner.example`;
  const form = completeForm();
  const saved = await inject(t.app, {
    method: 'PUT',
    url: `/api/applications/${id}`,
    cookie: admin.cookie,
    payload: {
      version,
      form: {
        ...form,
        partner: { ...form.partner, country },
        titleEn: 'Joint R&D of solid electrolytes for hydrogen and energy storage',
        abstractEn: 'Interface engineering of solid electrolytes, with pilot-scale validation.',
        team: {
          ...form.team,
          foreignPi: { name: 'Anna Schmidt', nationality: country, position: 'Professor', email },
        },
      },
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await attachRequiredDocuments(t.db, t.clock.now(), id, admin.organizationId, admin.userId);
  return { admin, id, email };
}

async function submittedWithPartner() {
  const draft = await draftWithPartner();
  const current = await inject(t.app, {
    method: 'GET',
    url: `/api/applications/${draft.id}`,
    cookie: draft.admin.cookie,
  });
  const submitted = await inject(t.app, {
    method: 'POST',
    url: `/api/applications/${draft.id}/submit`,
    cookie: draft.admin.cookie,
    payload: { version: current.json().application.version },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return draft;
}

async function departmentOf(id: string) {
  const application = await repositories(t.db).applications.findById(id);
  return insertUser(t, 'department', { departmentId: application!.departmentId });
}

const send = (cookie: string, id: string) =>
  inject(t.app, { method: 'POST', url: `/api/applications/${id}/partner-confirmation`, cookie });
const status = (cookie: string, id: string) =>
  inject(t.app, { method: 'GET', url: `/api/applications/${id}/partner-confirmation`, cookie });
const page = (token: string) =>
  inject(t.app, { method: 'POST', url: '/api/public/partner-confirmation/page', payload: { token } });

const CONFIRM_ALL = {
  independentLegalEntity: 'true',
  ownedByApplicant: 'false',
  foreignInvestedInChina: 'false',
  taxHavenShell: 'false',
  sameGroup: 'false',
  piAffiliated: 'true',
};

function answer(token: string, fields: Record<string, string> = {}, file?: Buffer) {
  const body = new FormData();
  for (const [name, value] of Object.entries({
    token,
    ...CONFIRM_ALL,
    name: 'Anna Schmidt',
    position: 'Professor',
    ...fields,
  })) {
    body.append(name, value);
  }
  if (file)
    body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'agreement.pdf');
  return inject(t.app, { method: 'POST', url: '/api/public/partner-confirmation/answer', payload: body });
}

async function sentToken(admin: Applicant, id: string, email: string): Promise<string> {
  const sent = await send(admin.cookie, id);
  expect(sent.statusCode, sent.body).toBe(201);
  return tokenIn(await mailbox.mailTo(email));
}

const rulesOf = async (admin: Applicant, id: string) =>
  (await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie }))
    .json()
    .evaluation.findings.map((f: { rule: string }) => f.rule) as string[];

describe('发送确认链接', () => {
  it('境外合作方收到英文邮件，链接打开的页面只有本项目的英文名称、摘要、合作方角色和申报单位填写的六项', async () => {
    const { admin, id, email } = await draftWithPartner();
    const sent = await send(admin.cookie, id);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().links[0]).toMatchObject({ state: 'sent', email, language: 'en' });
    const mail = await mailbox.mailTo(email);
    expect(mail.subject).toBe(
      "Please confirm your institution's details: Joint R&D of solid electrolytes for hydrogen and energy storage",
    );
    expect(mail.text).toContain('Dear Anna Schmidt');
    expect(mail.text).toContain('valid until');
    const shown = await page(tokenIn(mail));
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      language: 'en',
      project: { titleEn: 'Joint R&D of solid electrolytes for hydrogen and energy storage' },
      partner: { name: 'Fraunhofer-Institut', country: 'DE' },
      pi: { name: 'Anna Schmidt', position: 'Professor' },
      declared: { independentLegalEntity: true, sameGroup: false, piAffiliated: true },
    });
    expect(shown.json().partner.role.length).toBeGreaterThan(0);
    expect(shown.body).not.toContain(email);
    expect(shown.body).not.toContain(id);
  });

  it('港澳台合作方的邮件是中文', async () => {
    const { admin, id, email } = await draftWithPartner('HK');
    await send(admin.cookie, id);
    const mail = await mailbox.mailTo(email);
    expect(mail.subject).toMatch(/^请确认合作项目信息/);
    expect((await page(tokenIn(mail))).json().language).toBe('zh-CN');
  });

  it('未填境外方负责人的电子邮箱：422，指出字段，不发送', async () => {
    const { admin, id } = await draftWithPartner();
    const current = (
      await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie })
    ).json().application;
    const form = {
      ...current.form,
      team: { ...current.form.team, foreignPi: { ...current.form.team.foreignPi, email: undefined } },
    };
    await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${id}`,
      cookie: admin.cookie,
      payload: { version: current.version, form },
    });
    const refused = await send(admin.cookie, id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'team.foreignPi.email',
    ]);
    expect((await status(admin.cookie, id)).json()).toMatchObject({ canSend: false, links: [] });
  });

  it('其他单位、主管部门（草稿）、专家：与不存在的申报书一样答 404 或 403，不发送', async () => {
    const { id } = await draftWithPartner();
    const other = await unitWithPerson(t);
    expect((await send(other.cookie, id)).statusCode).toBe(404);
    expect((await status(other.cookie, id)).statusCode).toBe(404);
    const department = await insertUser(t, 'department');
    expect((await status(department.cookie, id)).statusCode).toBe(404);
    expect((await send(department.cookie, id)).statusCode).toBe(403);
    const expert = await insertUser(t, 'expert');
    expect([403, 404]).toContain((await status(expert.cookie, id)).statusCode);
  });

  it('重新发送使旧链接失效；每份申报书每天至多发送 5 次', async () => {
    const { admin, id, email } = await draftWithPartner();
    const first = await sentToken(admin, id, email);
    const second = await send(admin.cookie, id);
    expect(second.json().links.map((l: { state: string }) => l.state)).toEqual(['sent', 'superseded']);
    expect((await page(first)).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) expect((await send(admin.cookie, id)).statusCode).toBe(201);
    const refused = await send(admin.cookie, id);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toContain('每天至多发送 5 次');
  });
});

describe('合作方确认或更正', () => {
  it('确认六项：只能提交一次，第二次与未知链接答同样的 404；申报单位看到确认日期并收到消息，日志有记录', async () => {
    const { admin, id, email } = await draftWithPartner();
    const token = await sentToken(admin, id, email);
    const done = await answer(token, {}, pdfWithXrefStream());
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().outcome).toBe('confirmed');
    const again = await answer(token);
    const unknown = await answer('x'.repeat(43));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual(unknown.json());
    expect((await page(token)).json()).toEqual((await page('y'.repeat(43))).json());

    const link = (await status(admin.cookie, id)).json().links[0];
    expect(link).toMatchObject({
      state: 'confirmed',
      mark: `经合作方确认（${done.json().confirmedOn}）`,
      confirmer: { name: 'Anna Schmidt', position: 'Professor' },
      agreement: { fileName: 'agreement.pdf' },
    });
    const file = await inject(t.app, {
      method: 'GET',
      url: `/api/applications/${id}/partner-confirmation/${link.id}/agreement`,
      cookie: admin.cookie,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const entries = await repositories(t.db).audit.list({ entityId: id, limit: 50 });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['application.partner-confirmation-sent', 'application.partner-confirmed']),
    );
    const messages = await inject(t.app, { method: 'GET', url: '/api/me/messages', cookie: admin.cookie });
    expect(messages.body).toContain('境外合作方已确认');
  });

  it('已提交的申报书，合作方把“同一企业集团”更正为“是”：规则按合作方的答复判断，主管部门的形式审查清单同时看到申报和确认的答案', async () => {
    const { admin, id, email } = await submittedWithPartner();
    expect(await rulesOf(admin, id)).not.toContain('partner.same-group');
    const corrected = await answer(await sentToken(admin, id, email), { sameGroup: 'true' });
    expect(corrected.json().outcome).toBe('corrected');
    expect(await rulesOf(admin, id)).toContain('partner.same-group');
    const department = await departmentOf(id);
    const checklist = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${id}/checklist`,
      cookie: department.cookie,
    });
    expect(checklist.json().partnerConfirmation).toBe(
      `经合作方确认（${corrected.json().confirmedOn}）；是否为同一企业集团境内外分支机构之间的合作：申报“否”，合作方确认“是”`,
    );
    const facts = (await status(department.cookie, id)).json().links[0].facts;
    expect(facts.find((f: { fact: string }) => f.fact === 'sameGroup')).toMatchObject({
      declared: false,
      confirmed: true,
    });
  });

  it('已提交的申报书：确认后主管部门的形式审查清单显示“经合作方确认（日期）”', async () => {
    const { admin, id, email } = await submittedWithPartner();
    const done = await answer(await sentToken(admin, id, email));
    const department = await departmentOf(id);
    const checklist = await inject(t.app, {
      method: 'GET',
      url: `/api/review/applications/${id}/checklist`,
      cookie: department.cookie,
    });
    expect(checklist.json().partnerConfirmation).toBe(`经合作方确认（${done.json().confirmedOn}）`);
    expect((await status(department.cookie, id)).json().links[0].state).toBe('confirmed');
  });

  it('申报单位修改合作方情况后确认失效，规则重新按申报的答案判断；采纳合作方的更正不使其失效', async () => {
    const { admin, id, email } = await draftWithPartner();
    await answer(await sentToken(admin, id, email), { sameGroup: 'true' });
    const read = async () =>
      (await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: admin.cookie })).json()
        .application;
    const save = async (partner: object) => {
      const current = await read();
      const saved = await inject(t.app, {
        method: 'PUT',
        url: `/api/applications/${id}`,
        cookie: admin.cookie,
        payload: {
          version: current.version,
          form: { ...current.form, partner: { ...current.form.partner, ...partner } },
        },
      });
      expect(saved.statusCode).toBe(200);
    };
    await save({ sameGroup: true });
    expect((await status(admin.cookie, id)).json().links[0].state).toBe('corrected');
    await save({ sameGroup: false, name: 'Fraunhofer-Gesellschaft' });
    expect((await status(admin.cookie, id)).json().links[0].state).toBe('lapsed');
    expect(await rulesOf(admin, id)).not.toContain('partner.same-group');
    const entries = await repositories(t.db).audit.list({ entityId: id, limit: 50 });
    expect(entries.map((e) => e.action)).toContain('application.partner-confirmation-lapsed');
  });

  it('链接过期后打开或提交：与未知链接一样答 404', async () => {
    const { admin, id, email } = await draftWithPartner();
    const token = await sentToken(admin, id, email);
    const start = t.clock.now();
    try {
      t.clock.advance(14 * 24 * 60 * 60_000);
      expect((await page(token)).statusCode).toBe(404);
      expect((await answer(token)).json().error.code).toBe('PARTNER_LINK_INVALID');
    } finally {
      t.clock.set(start);
    }
    expect((await status(admin.cookie, id)).json().links[0].state).toBe('sent');
  });

  it('每一项都须回答，姓名和职务不能为空：422 指出字段，链接仍可使用', async () => {
    const { admin, id, email } = await draftWithPartner();
    const token = await sentToken(admin, id, email);
    const refused = await answer(token, { sameGroup: 'maybe', name: '' });
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['name', 'sameGroup']);
    expect((await page(token)).statusCode).toBe(200);
  });
});
