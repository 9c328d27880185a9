import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ApplicationForm } from '../../../src/core/application/form.js';
import { applications, reviewConfirmations } from '../../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import type { CreateExpertBody } from '../../../src/contract/experts.js';
import { uniqueLogin, VALID_PASSWORD } from '../factories/server.js';
import { inject, insertUser, signInAsNewHolder, type TestApp } from '../harness.js';
import { insertSubmitted } from './submitted-applications.js';

// The review stage for tests that start after 形式审查: applications 受理 by the province, experts created
// through the API, and assignments an expert can score. Every review test reaches experts through these, so
// that how an expert comes to hold a scoreable assignment (a round, an invitation accepted) is said once.

const HOUR = 60 * 60 * 1000;

export interface ReviewStage {
  t: TestApp;
  /** A province 管理员's cookie. */
  province: string;
  /** Their account (absent in stages built by hand). */
  provinceUserId?: string;
  departmentId: string;
  departmentUserId: string;
}

/** A province 管理员 and a department whose list of `callId` is confirmed (its recommendations reach 形式审查). */
export async function reviewStage(t: TestApp, callId = PRACTICE_CALL_ID): Promise<ReviewStage> {
  const provinceUser = await insertUser(t, 'province');
  const province = provinceUser.cookie;
  const department = await insertUser(t, 'department');
  const stage = {
    t,
    province,
    provinceUserId: provinceUser.user.id,
    departmentId: department.user.departmentId!,
    departmentUserId: department.user.id,
  };
  await confirmList(stage, callId);
  return stage;
}

export async function confirmList(stage: ReviewStage, callId: string): Promise<void> {
  await stage.t.db
    .insert(reviewConfirmations)
    .values({
      departmentId: stage.departmentId,
      callId,
      confirmedAt: stage.t.clock.now(),
      confirmedBy: stage.departmentUserId,
      summary: {},
    })
    .onConflictDoNothing();
}

/** An application recommended by its department and 受理 at the province's 形式审查. */
export async function acceptedApplication(
  stage: ReviewStage,
  form: Partial<ApplicationForm> = {},
  callId = PRACTICE_CALL_ID,
) {
  const { t } = stage;
  const row = await insertSubmitted(t.db, t.clock.now(), { departmentId: stage.departmentId, callId, form });
  await t.db.update(applications).set({ status: 'recommended' }).where(eq(applications.id, row.id));
  const accepted = await inject(t.app, {
    method: 'PUT',
    url: `/api/province/formal-review/${row.id}`,
    cookie: stage.province,
    payload: { result: 'accepted' },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return row;
}

export function expertBody(overrides: Partial<CreateExpertBody> = {}): CreateExpertBody {
  const name = `专家${uniqueLogin('e').slice(2)}`;
  return {
    name,
    organizationName: `南京测试大学${name}`,
    organizationCreditCode: null,
    fields: ['氢能与新型储能'],
    title: '教授',
    phone: '025-83790000',
    email: 'expert@example.cn',
    account: { login: uniqueLogin('expert'), password: VALID_PASSWORD },
    ...overrides,
  };
}

/** An expert created through the API, signed in as they first do: choosing their own password. */
export async function newExpert(stage: ReviewStage, overrides: Partial<CreateExpertBody> = {}) {
  const body = expertBody(overrides);
  const response = await inject(stage.t.app, {
    method: 'POST',
    url: '/api/province/experts',
    cookie: stage.province,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  const id: string = response.json().expert.id;
  const { cookie } = await signInAsNewHolder(stage.t.app, body.account.login);
  return { id, cookie, login: body.account.login, name: body.name };
}

/**
 * The call's 函评 round, created on first use: invitations answered within two days, scores due in thirty.
 * Its id.
 */
export async function letterRound(stage: ReviewStage, callId = PRACTICE_CALL_ID): Promise<string> {
  const listed = await inject(stage.t.app, {
    method: 'GET',
    url: `/api/province/review-rounds?callId=${encodeURIComponent(callId)}`,
    cookie: stage.province,
  });
  expect(listed.statusCode, listed.body).toBe(200);
  const existing = (listed.json().rounds as { id: string; kind: string }[]).find((r) => r.kind === 'letter');
  if (existing) return existing.id;
  const now = stage.t.clock.now().getTime();
  const created = await inject(stage.t.app, {
    method: 'POST',
    url: '/api/province/review-rounds',
    cookie: stage.province,
    payload: {
      callId,
      kind: 'letter',
      name: '函评',
      respondBy: new Date(now + 48 * HOUR).toISOString(),
      dueAt: new Date(now + 30 * 24 * HOUR).toISOString(),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().round.id;
}

/** The expert accepts their pending invitation to the round, declaring no conflict; a no-op once accepted. */
export async function acceptInvitation(
  stage: ReviewStage,
  roundId: string,
  expert: { cookie: string },
): Promise<void> {
  const mine = await inject(stage.t.app, {
    method: 'GET',
    url: '/api/expert/invitations',
    cookie: expert.cookie,
  });
  expect(mine.statusCode, mine.body).toBe(200);
  const invitation = (
    mine.json().invitations as {
      id: string;
      status: string;
      round: { id: string };
      applications: { applicationId: string }[];
    }[]
  ).find((i) => i.round.id === roundId);
  expect(invitation, 'the expert is invited to the round').toBeDefined();
  if (invitation!.status === 'accepted') return;
  const accepted = await inject(stage.t.app, {
    method: 'POST',
    url: `/api/expert/invitations/${invitation!.id}/accept`,
    cookie: expert.cookie,
    payload: {
      confidentiality: true,
      conflicts: invitation!.applications.map((a) => ({ applicationId: a.applicationId, conflict: false })),
    },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
}

/**
 * An assignment of `applicationId` to the expert that the expert may score now: in `round` (by default the
 * call's 函评 round), the expert's invitation to it accepted (保密承诺 agreed, no conflict declared). Its id.
 */
export async function scoreableAssignment(
  stage: ReviewStage,
  applicationId: string,
  expert: { id: string; cookie: string },
  dueInHours = 7 * 24,
  round?: string,
): Promise<string> {
  const [row] = await stage.t.db
    .select({ callId: applications.callId })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const roundId = round ?? (await letterRound(stage, row!.callId));
  const response = await inject(stage.t.app, {
    method: 'POST',
    url: `/api/province/experts/applications/${applicationId}/assignments`,
    cookie: stage.province,
    payload: {
      roundId,
      expertId: expert.id,
      dueAt: new Date(stage.t.clock.now().getTime() + dueInHours * HOUR).toISOString(),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  await acceptInvitation(stage, roundId, expert);
  return response.json().assignment.id;
}
