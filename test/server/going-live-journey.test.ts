import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { provinceAdminFromEnv, seedProvinceAdmin } from '../../src/server/seed/province-admin.js';
import { completeForm, attachRequiredDocuments } from '../support/api/submitted-applications.js';
import { uploadCommitment } from '../support/api/department-commitments.js';
import { personBody, registrationBody } from '../support/factories/server.js';
import { inject, login, signInAsNewHolder, useTestApp } from '../support/harness.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import type { ReceivedMail } from '../support/smtp.js';

// Going live with no demo seed: the first province administrator from the environment, a department's accounts,
// an enterprise registered and verified, a PI invited, a password reset, then the applicant's and the
// department's journeys. Every e-mail is delivered by the outbox worker through a real SMTP server and read there.

const t = useTestApp();
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox(t, '江苏省科技厅 <noreply@shenbao.test>');
});
afterAll(() => mailbox?.close());

const tokenIn = (mail: ReceivedMail, path: string) => {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  expect(match, `邮件正文应含 ${path} 链接：${mail.text}`).not.toBeNull();
  return match![1]!;
};

describe('上线：无演示数据，从首位省级管理员到主管部门确认推荐，每封邮件都经真实 SMTP 送达', () => {
  it('管理员 → 主管部门账号与工作人员 → 单位注册并审核 → 邀请项目负责人 → 重置密码 → 申报、退回、重报、推荐、确认', async () => {
    // 1. The first province administrator, as `node dist/server/main.js` creates it from SHENBAO_ADMIN_*.
    const first = provinceAdminFromEnv({
      SHENBAO_ADMIN_LOGIN: 'jsst-admin',
      SHENBAO_ADMIN_PASSWORD: 'Jiangsu-Admin-2026',
      SHENBAO_ADMIN_NAME: '省厅管理员',
      SHENBAO_ADMIN_MOBILE: '13900000001',
      SHENBAO_ADMIN_EMAIL: 'admin@jsst.gov.cn',
    })!;
    expect((await seedProvinceAdmin(t.db, t.clock, first, '环境变量')).created).toBe(true);
    const before = await login(t.app, 'jsst-admin', 'Jiangsu-Admin-2026');
    const gated = await inject(t.app, { method: 'GET', url: '/api/province/accounts', cookie: before });
    expect(gated.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const province = (await signInAsNewHolder(t.app, 'jsst-admin', 'Jiangsu-Admin-2026')).cookie;

    // 2. A department account (its 管理员), who then creates a member of staff.
    const departments = await inject(t.app, { method: 'GET', url: '/api/departments' });
    const nanjing = (departments.json().departments as { id: string; name: string }[]).find(
      (d) => d.name === '南京市科学技术局',
    )!;
    const created = await inject(t.app, {
      method: 'POST',
      url: '/api/province/accounts',
      cookie: province,
      payload: {
        role: 'department',
        departmentId: nanjing.id,
        duties: ['admin'],
        login: 'nj-admin',
        displayName: '南京科技局管理员',
        mobile: '13900000002',
        email: 'admin@njkj.gov.cn',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const initial = created.json().initialPassword as string;
    const opened = await mailbox.mailTo('admin@njkj.gov.cn', /账号/);
    expect(opened.text).not.toContain(initial);
    const department = (await signInAsNewHolder(t.app, 'nj-admin', initial)).cookie;
    const staff = await inject(t.app, {
      method: 'POST',
      url: '/api/department/staff',
      cookie: department,
      payload: {
        login: 'nj-staff',
        displayName: '南京科技局经办人',
        mobile: '13900000003',
        email: 'staff@njkj.gov.cn',
        duties: [],
      },
    });
    expect(staff.statusCode, staff.body).toBe(201);
    await mailbox.mailTo('staff@njkj.gov.cn', /账号/);

    // 3. An enterprise registers under 南京; it may write but not submit until the department approves it.
    const registration = registrationBody({ departmentId: nanjing.id });
    registration.admin.email = 'boss@enterprise.example.cn';
    const registered = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/register-organization',
      payload: registration,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const organizationId = registered.json().organization.id as string;
    await mailbox.mailTo('admin@njkj.gov.cn', /审核/);
    const approved = await inject(t.app, {
      method: 'POST',
      url: `/api/department/organizations/${organizationId}/approve`,
      cookie: department,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const approval = await mailbox.mailTo('boss@enterprise.example.cn', /通过/);
    expect(approval.text).toContain(registration.organization.name);
    const unit = await login(t.app, registration.admin.login, registration.admin.password);

    // 4. The unit enters its project leader and invites her by e-mail; she accepts through the mailed link.
    const person = personBody();
    const entered = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/people',
      cookie: unit,
      payload: person,
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const personId = entered.json().person.id as string;
    const invited = await inject(t.app, {
      method: 'POST',
      url: '/api/organization/invitations',
      cookie: unit,
      payload: { email: 'pi@enterprise.example.cn', role: 'pi', personId },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = await mailbox.mailTo('pi@enterprise.example.cn', /邀请/);
    const accepted = await inject(t.app, {
      method: 'POST',
      url: '/api/invitations/accept',
      payload: {
        token: tokenIn(invitation, '/accept-invitation'),
        login: 'pi-zhang',
        displayName: person.name,
        mobile: '13900000004',
        password: '负责人最初的口令2026',
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);

    // 5. She forgets it and resets it through the mailed link, which then works no more.
    const asked = await inject(t.app, {
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { account: 'pi@enterprise.example.cn' },
    });
    expect(asked.statusCode).toBe(202);
    const token = tokenIn(await mailbox.mailTo('pi@enterprise.example.cn', /密码/), '/reset-password');
    const reset = (newPassword: string) =>
      inject(t.app, {
        method: 'POST',
        url: '/api/auth/password-reset/complete',
        payload: { token, newPassword },
      });
    expect((await reset('负责人重置后的口令2026')).statusCode).toBe(204);
    expect((await reset('再用一次同一个链接2026')).json().error.code).toBe('RESET_LINK_USED');
    const pi = await login(t.app, 'pi-zhang', '负责人重置后的口令2026');

    // 6. The applicant's journey: the unit writes and submits; the department returns it with a reason.
    const draft = await inject(t.app, {
      method: 'POST',
      url: '/api/applications',
      cookie: unit,
      payload: { callId: PRACTICE_CALL_ID, topic: 4, piId: personId },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().application.id as string;
    const saved = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${id}`,
      cookie: unit,
      payload: { version: draft.json().application.version, form: completeForm() },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const unitUser = registered.json().user.id as string;
    await attachRequiredDocuments(t.db, t.clock.now(), id, organizationId, unitUser);
    const submit = (version: number) =>
      inject(t.app, {
        method: 'POST',
        url: `/api/applications/${id}/submit`,
        cookie: unit,
        payload: { version },
      });
    const submitted = await submit(saved.json().application.version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const mine = await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: pi });
    expect(mine.statusCode).toBe(200);

    const reviewer = (await signInAsNewHolder(t.app, 'nj-staff', staff.json().initialPassword as string))
      .cookie;
    const returned = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${id}/return`,
      cookie: reviewer,
      payload: { reasons: [{ message: '请补充合作方的研发分工说明' }] },
    });
    expect(returned.statusCode, returned.body).toBe(204);
    for (const address of ['boss@enterprise.example.cn', 'pi@enterprise.example.cn']) {
      expect((await mailbox.mailTo(address, /退回/)).text).toContain('请补充合作方的研发分工说明');
    }

    // 7. Resubmitted, recommended and confirmed by the department.
    const current = await inject(t.app, { method: 'GET', url: `/api/applications/${id}`, cookie: unit });
    const fixed = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${id}`,
      cookie: unit,
      payload: {
        version: current.json().application.version,
        form: completeForm({
          summary: '与德国合作机构联合开展固态电解质界面调控与中试验证，双方分工已写明。',
        }),
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await submit(fixed.json().application.version)).statusCode).toBe(200);
    const recommended = await inject(t.app, {
      method: 'POST',
      url: `/api/review/applications/${id}/decision`,
      cookie: reviewer,
      payload: { decision: 'recommended', reason: '符合条件，同意推荐' },
    });
    expect(recommended.statusCode, recommended.body).toBe(204);
    expect((await uploadCommitment(t, reviewer, PRACTICE_CALL_ID)).statusCode).toBe(201);
    const confirmed = await inject(t.app, {
      method: 'POST',
      url: '/api/review/confirm',
      cookie: reviewer,
      payload: { callId: PRACTICE_CALL_ID },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  }, 120_000);
});
