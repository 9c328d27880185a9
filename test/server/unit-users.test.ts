import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, sessions } from '../../src/server/db/schema.js';
import type { UnitRole } from '../../src/contract/vocabulary.js';
import { createDraft, unitWithPerson } from '../support/api/applicant.js';
import { mobileNumber, personBody, uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { uniqueNumber } from '../support/factories/random.js';
import {
  inject,
  insertUser,
  login,
  registerUnitAdmin,
  useTestApp,
  type UnitAdmin,
} from '../support/harness.js';

// An organization's own accounts: invited by e-mail, accepted through a single-use link, handed the
// administration, disabled; the last enabled administrator always stays.

const PUBLIC_URL = 'https://shenbao.example.org';
const t = useTestApp({ PUBLIC_URL: `${PUBLIC_URL}/` });
const DAY_MS = 86_400_000;

const invite = (admin: UnitAdmin, payload: Record<string, unknown>) =>
  inject(t.app, { method: 'POST', url: '/api/organization/invitations', cookie: admin.cookie, payload });

const inspect = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/invitations/inspect', payload: { token } });

const accept = (token: string, overrides: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    payload: {
      token,
      login: uniqueLogin('invited'),
      displayName: '受邀用户',
      mobile: mobileNumber(),
      password: VALID_PASSWORD,
      ...overrides,
    },
  });

const patchUser = (admin: UnitAdmin, userId: string, payload: Record<string, unknown>) =>
  inject(t.app, {
    method: 'PATCH',
    url: `/api/organization/users/${userId}`,
    cookie: admin.cookie,
    payload,
  });

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Invites `role` by e-mail and accepts the invitation; the new account signed in. */
async function invited(
  admin: UnitAdmin,
  role: UnitRole,
  { personId, displayName }: { personId?: string; displayName?: string } = {},
) {
  const email = `invitee${uniqueNumber()}@example.com`;
  const created = await invite(admin, { email, role, ...(personId && { personId }) });
  expect(created.statusCode).toBe(201);
  const loginName = uniqueLogin(role);
  const accepted = await accept(tokenOf(created.json().link), {
    login: loginName,
    ...(displayName && { displayName }),
  });
  expect(accepted.statusCode).toBe(201);
  const cookie = await login(t.app, loginName);
  const me = (await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie })).json().user;
  return { cookie, login: loginName, userId: me.id as string, organizationId: admin.organizationId, me };
}

async function auditActions(entityId: string) {
  const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
  return rows.map((r) => r.action);
}

describe('邀请单位用户', () => {
  it('邀请写入带链接的邮件 → 接受邀请 → 以所邀角色登录，限于本单位', async () => {
    const admin = await registerUnitAdmin(t);
    const email = `Contact${uniqueNumber()}@Example.com`;
    const created = await invite(admin, { email: ` ${email} `, role: 'unit-contact' });
    expect(created.statusCode).toBe(201);
    const { link, invitation } = created.json();
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/accept-invitation\\?token=[A-Za-z0-9_-]{43}$`));
    expect(invitation).toMatchObject({ email: email.toLowerCase(), role: 'unit-contact', personName: null });
    expect(invitation.expiresAt).toBe('2026-11-30T09:00:00+08:00');

    const [message] = await t.db.select().from(outbox).where(eq(outbox.address, email.toLowerCase()));
    expect(message).toMatchObject({ kind: 'account.invited', channel: 'email', userId: null });
    expect(message!.body).toContain(link);
    expect(message!.subject).toMatch(/^南京测试科技有限公司\d+邀请您/);

    const pending = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/invitations',
      cookie: admin.cookie,
    });
    expect(pending.json().invitations).toEqual([invitation]);

    const summary = await inspect(tokenOf(link));
    expect(summary.statusCode).toBe(200);
    expect(Object.keys(summary.json()).sort()).toEqual(['organizationName', 'role']);
    expect(summary.json()).toMatchObject({ role: 'unit-contact' });

    const loginName = uniqueLogin('contact');
    const accepted = await accept(tokenOf(link), { login: loginName, mobile: '+86 139-1234-5678' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ login: loginName });
    const cookie = await login(t.app, loginName);
    const me = (await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie })).json().user;
    expect(me).toMatchObject({ role: 'unit-contact', organization: { id: admin.organizationId } });

    const users = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/users',
      cookie: admin.cookie,
    });
    expect(users.json().users).toContainEqual(
      expect.objectContaining({
        id: me.id,
        role: 'unit-contact',
        email: email.toLowerCase(),
        mobile: '139****5678',
        disabled: false,
      }),
    );
    const after = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/invitations',
      cookie: admin.cookie,
    });
    expect(after.json().invitations).toEqual([]);
    expect(await auditActions(admin.organizationId)).toContain('invitation.created');
    expect(await auditActions(me.id)).toEqual(['invitation.accepted', 'user.created']);
  });

  it('联系人可以新建和修改申报书，但不能管理用户或登记人员（403）', async () => {
    const admin = await unitWithPerson(t);
    const contact = await invited(admin, 'unit-contact');
    const draft = await createDraft(t, { ...admin, cookie: contact.cookie });
    const saved = await inject(t.app, {
      method: 'PUT',
      url: `/api/applications/${draft.id}`,
      cookie: contact.cookie,
      payload: { version: draft.version, form: { title: '联系人填写的项目' } },
    });
    expect(saved.statusCode).toBe(200);
    const people = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/people',
      cookie: contact.cookie,
    });
    expect(people.statusCode).toBe(200);

    const refused = [
      { method: 'GET', url: '/api/organization/users' },
      { method: 'GET', url: '/api/organization/invitations' },
      {
        method: 'POST',
        url: '/api/organization/invitations',
        payload: { email: 'x@example.com', role: 'unit-admin' },
      },
      { method: 'PATCH', url: `/api/organization/users/${contact.userId}`, payload: { role: 'unit-admin' } },
      { method: 'POST', url: '/api/organization/people', payload: personBody() },
    ] as const;
    for (const request of refused) {
      const response = await inject(t.app, { ...request, cookie: contact.cookie });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('项目负责人的邀请绑定本单位登记的人员：姓名须一致，开通后不能再邀请', async () => {
    const admin = await unitWithPerson(t);
    const other = await unitWithPerson(t);
    const withoutPerson = await invite(admin, { email: 'pi@example.com', role: 'pi' });
    expect(withoutPerson.statusCode).toBe(400);
    expect(withoutPerson.json().error.fields).toEqual([
      { path: 'personId', message: '项目负责人：请选择本单位登记的人员' },
    ]);
    const foreign = await invite(admin, { email: 'pi@example.com', role: 'pi', personId: other.personId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('personId');

    const created = await invite(admin, { email: 'pi@example.com', role: 'pi', personId: admin.personId });
    expect(created.statusCode).toBe(201);
    const { personName } = created.json().invitation;
    const token = tokenOf(created.json().link);
    const wrongName = await accept(token, { displayName: '别人' });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error.fields[0].path).toBe('displayName');

    const loginName = uniqueLogin('pi');
    expect((await accept(token, { login: loginName, displayName: personName })).statusCode).toBe(201);
    const cookie = await login(t.app, loginName);
    const me = (await inject(t.app, { method: 'GET', url: '/api/auth/me', cookie })).json().user;
    expect(me).toMatchObject({ role: 'pi', person: { id: admin.personId, name: personName } });

    const again = await invite(admin, { email: 'pi2@example.com', role: 'pi', personId: admin.personId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PERSON_HAS_ACCOUNT');
  });

  it('用过、过期、撤销或伪造的链接被拒绝，并说明原因', async () => {
    const admin = await registerUnitAdmin(t);
    const used = tokenOf((await invite(admin, { email: 'a@example.com', role: 'unit-contact' })).json().link);
    expect((await accept(used)).statusCode).toBe(201);
    for (const response of [await accept(used), await inspect(used)]) {
      expect(response.statusCode).toBe(410);
      expect(response.json().error).toMatchObject({
        code: 'INVITATION_USED',
        message: expect.stringMatching(/已使用/),
      });
    }

    const created = await invite(admin, { email: 'b@example.com', role: 'unit-admin' });
    const expiring = tokenOf(created.json().link);
    const start = t.clock.now();
    try {
      t.clock.advance(7 * DAY_MS - 1000);
      expect((await inspect(expiring)).statusCode).toBe(200);
      t.clock.advance(1000);
      for (const response of [await inspect(expiring), await accept(expiring)]) {
        expect(response.statusCode).toBe(410);
        expect(response.json().error).toMatchObject({
          code: 'INVITATION_EXPIRED',
          message: expect.stringMatching(/已过期/),
        });
      }
      const pending = await inject(t.app, {
        method: 'GET',
        url: '/api/organization/invitations',
        // The administrator's session has expired meanwhile.
        cookie: await login(t.app, admin.login),
      });
      expect(pending.json().invitations).toEqual([]);
    } finally {
      t.clock.set(start);
    }
    // Signing in 7 days on cleared the sessions that had expired by then.
    admin.cookie = await login(t.app, admin.login);

    const revoked = (await invite(admin, { email: 'c@example.com', role: 'unit-contact' })).json();
    const revoke = await inject(t.app, {
      method: 'DELETE',
      url: `/api/organization/invitations/${revoked.invitation.id}`,
      cookie: admin.cookie,
    });
    expect(revoke.statusCode).toBe(204);
    for (const token of [tokenOf(revoked.link), 'made-up-token']) {
      const response = await accept(token);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('INVITATION_INVALID');
    }
    expect(await auditActions(admin.organizationId)).toContain('invitation.revoked');
  });

  it('接受邀请时的错误输入逐项以中文指出，邀请仍可使用', async () => {
    const admin = await registerUnitAdmin(t);
    const token = tokenOf(
      (await invite(admin, { email: 'd@example.com', role: 'unit-contact' })).json().link,
    );
    const response = await accept(token, {
      login: '-x',
      mobile: '12345',
      displayName: ' ',
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    expect([...new Set(response.json().error.fields.map((f: { path: string }) => f.path))].sort()).toEqual([
      'displayName',
      'login',
      'mobile',
      'password',
    ]);
    expect(response.json().error.fields.find((f: { path: string }) => f.path === 'mobile').message).toMatch(
      /^手机号码：/,
    );
    const taken = await accept(token, { login: admin.login });
    expect(taken.statusCode).toBe(409);
    expect((await inspect(token)).statusCode).toBe(200);
  });

  it('别的单位的管理员看不到、撤销不了本单位的邀请，也改不了本单位的用户（404）', async () => {
    const admin = await registerUnitAdmin(t);
    const stranger = await registerUnitAdmin(t);
    const { invitation } = (await invite(admin, { email: 'e@example.com', role: 'unit-contact' })).json();
    const theirs = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/invitations',
      cookie: stranger.cookie,
    });
    expect(theirs.json().invitations).toEqual([]);
    const revoke = await inject(t.app, {
      method: 'DELETE',
      url: `/api/organization/invitations/${invitation.id}`,
      cookie: stranger.cookie,
    });
    expect(revoke.statusCode).toBe(404);
    expect(revoke.json().error.code).toBe('NOT_FOUND');
    const missing = await inject(t.app, {
      method: 'DELETE',
      url: `/api/organization/invitations/${'0'.repeat(64)}`,
      cookie: admin.cookie,
    });
    expect(missing.statusCode).toBe(404);

    const users = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/users',
      cookie: stranger.cookie,
    });
    expect(users.json().users.map((u: { id: string }) => u.id)).toEqual([stranger.userId]);
    for (const change of [{ disabled: true }, { role: 'unit-contact' }]) {
      const response = await patchUser(stranger, admin.userId, change);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const pending = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/invitations',
      cookie: admin.cookie,
    });
    expect(pending.json().invitations).toHaveLength(1);
  });
});

describe('移交管理权限，保留最后一名管理员', () => {
  it('唯一的管理员不能卸任或停用自己；设另一人为管理员后可以卸任', async () => {
    const admin = await registerUnitAdmin(t);
    const stepDown = await patchUser(admin, admin.userId, { role: 'unit-contact' });
    expect(stepDown.statusCode).toBe(409);
    expect(stepDown.json().error).toMatchObject({
      code: 'LAST_ADMIN',
      message: expect.stringMatching(/最后一位启用的管理员/),
    });
    expect((await patchUser(admin, admin.userId, { disabled: true })).statusCode).toBe(400);

    const contact = await invited(admin, 'unit-contact');
    const promoted = await patchUser(admin, contact.userId, { role: 'unit-admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().user).toMatchObject({ role: 'unit-admin' });
    expect((await patchUser(admin, admin.userId, { role: 'unit-contact' })).statusCode).toBe(200);

    // The same session now acts as a contact, and the new administrator is the last one.
    const refused = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/users',
      cookie: admin.cookie,
    });
    expect(refused.statusCode).toBe(403);
    const successor = { ...admin, cookie: contact.cookie, userId: contact.userId };
    expect((await patchUser(successor, contact.userId, { role: 'unit-contact' })).statusCode).toBe(409);
    const province = await insertUser(t, 'province');
    const audit = await inject(t.app, {
      method: 'GET',
      url: `/api/province/audit?entityType=user&entityId=${admin.userId}`,
      cookie: province.cookie,
    });
    const stepped = audit.json().entries.find((e: { action: string }) => e.action === 'user.role-changed');
    expect(stepped).toMatchObject({
      actionLabel: '变更账号角色',
      changes: [{ label: '角色', before: '单位管理员', after: '单位联系人' }],
    });
  });

  it('停用最后一名启用的管理员被拒绝；管理员之间可以相互停用', async () => {
    const admin = await registerUnitAdmin(t);
    const second = await invited(admin, 'unit-admin');
    const secondAdmin = { ...admin, cookie: second.cookie, userId: second.userId };
    expect((await patchUser(secondAdmin, admin.userId, { disabled: true })).statusCode).toBe(200);
    const last = await patchUser(secondAdmin, second.userId, { role: 'unit-contact' });
    expect(last.statusCode).toBe(409);
    // Enabling the first again makes room to step down.
    expect((await patchUser(secondAdmin, admin.userId, { disabled: false })).statusCode).toBe(200);
    expect((await patchUser(secondAdmin, second.userId, { role: 'unit-contact' })).statusCode).toBe(200);
  });

  it('两名管理员同时互相卸任：一人成功，另一人被拒绝，单位仍有管理员', async () => {
    const admin = await registerUnitAdmin(t);
    const second = await invited(admin, 'unit-admin');
    const secondAdmin = { ...admin, cookie: second.cookie, userId: second.userId };
    const answers = await Promise.all([
      patchUser(admin, second.userId, { role: 'unit-contact' }),
      patchUser(secondAdmin, admin.userId, { role: 'unit-contact' }),
    ]);
    // The loser is refused either by the last-administrator check (409) or, when the winner's change
    // committed before its request was authorised, because it is no longer an administrator (403).
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const users = await inject(t.app, {
      method: 'GET',
      url: '/api/organization/users',
      cookie: answers[0]!.statusCode === 200 ? admin.cookie : second.cookie,
    });
    expect(users.json().users.filter((u: { role: string }) => u.role === 'unit-admin')).toHaveLength(1);
  });

  it('项目负责人的账号不能改为管理员', async () => {
    const admin = await unitWithPerson(t);
    const pi = await invited(admin, 'pi', { personId: admin.personId, displayName: await personName(admin) });
    const response = await patchUser(admin, pi.userId, { role: 'unit-admin' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('role');
  });
});

async function personName(admin: UnitAdmin) {
  const people = await inject(t.app, {
    method: 'GET',
    url: '/api/organization/people',
    cookie: admin.cookie,
  });
  return people.json().people[0].name as string;
}

describe('停用账号', () => {
  it('停用立即结束该账号的会话，旧 Cookie 答 401；停用期间不能登录，启用后可以', async () => {
    const admin = await registerUnitAdmin(t);
    const contact = await invited(admin, 'unit-contact');
    expect(
      (await inject(t.app, { method: 'GET', url: '/api/applications', cookie: contact.cookie })).statusCode,
    ).toBe(200);

    expect((await patchUser(admin, contact.userId, { disabled: true })).json().user.disabled).toBe(true);
    const stale = await inject(t.app, { method: 'GET', url: '/api/applications', cookie: contact.cookie });
    expect(stale.statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, contact.userId))).toEqual([]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: contact.login, password: VALID_PASSWORD },
    });
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');

    expect((await patchUser(admin, contact.userId, { disabled: false })).statusCode).toBe(200);
    const cookie = await login(t.app, contact.login);
    expect((await inject(t.app, { method: 'GET', url: '/api/applications', cookie })).statusCode).toBe(200);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, contact.userId), eq(auditLog.actorUserId, admin.userId)))
      .orderBy(auditLog.seq);
    expect(entries.map((e) => [e.action, e.after])).toEqual([
      ['user.disabled', { disabled: true }],
      ['user.enabled', { disabled: false }],
    ]);
  });
});
