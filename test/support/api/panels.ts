import { expect } from 'vitest';
import { SCORING_FORMS } from '../../../src/core/experts/scoring-forms.js';
import { expertInvitations, reviewRounds } from '../../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import { inject } from '../harness.js';
import { newExpert, scoreableAssignment, type ReviewStage } from './expert-review.js';

// 会评 tests: experts who accepted an invitation to a round of the call (seeded directly until the rounds'
// own routes land), 函评 totals submitted, and meetings created through the API.

const DAY = 24 * 60 * 60 * 1000;

/** The expert has accepted an invitation to a new 函评 round of the call. */
export async function acceptInvitation(stage: ReviewStage, expertId: string, callId = PRACTICE_CALL_ID) {
  const now = stage.t.clock.now();
  const [round] = await stage.t.db
    .insert(reviewRounds)
    .values({
      callId,
      kind: 'letter',
      name: '函评',
      respondBy: new Date(now.getTime() + DAY),
      dueAt: new Date(now.getTime() + 7 * DAY),
      createdAt: now,
      createdBy: stage.departmentUserId,
    })
    .returning();
  await stage.t.db.insert(expertInvitations).values({
    roundId: round!.id,
    expertId,
    status: 'accepted',
    invitedAt: now,
    invitedBy: stage.departmentUserId,
    respondBy: round!.respondBy,
    respondedAt: now,
    confidentialityAgreedAt: now,
  });
}

/** A new expert who accepted an invitation of the call. */
export async function panelExpert(stage: ReviewStage, callId = PRACTICE_CALL_ID) {
  const expert = await newExpert(stage);
  await acceptInvitation(stage, expert.id, callId);
  return expert;
}

/** The expert scores the application (topic 4) at `fraction` of each criterion's maximum, and submits. */
export async function submitLetterScores(
  stage: ReviewStage,
  applicationId: string,
  expert: { id: string; cookie: string },
  fraction: number,
) {
  const id = await scoreableAssignment(stage, applicationId, expert);
  const scores = Object.fromEntries(
    SCORING_FORMS[4].criteria.map((c) => [c.id, Math.round(c.max * fraction)]),
  );
  const response = await inject(stage.t.app, {
    method: 'POST',
    url: `/api/expert/assignments/${id}/submit`,
    cookie: expert.cookie,
    payload: { scores, comment: '同意' },
  });
  expect(response.statusCode, response.body).toBe(200);
}

export function createPanel(stage: ReviewStage, body: object, cookie = stage.province) {
  return inject(stage.t.app, { method: 'POST', url: '/api/province/panels', cookie, payload: body });
}

export function panelBody(members: string[], applications: string[], overrides: object = {}) {
  return {
    callId: PRACTICE_CALL_ID,
    title: '国际合作项目会评',
    startsAt: '2027-01-10T09:00:00+08:00',
    place: '南京市鼓楼区北京西路 15 号',
    memberIds: members,
    chairExpertId: members[0],
    applicationIds: applications,
    ...overrides,
  };
}
