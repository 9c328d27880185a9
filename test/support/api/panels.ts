import { expect } from 'vitest';
import { SCORING_FORMS } from '../../../src/core/experts/scoring-forms.js';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import { inject } from '../harness.js';
import {
  acceptInvitation,
  letterRound,
  newExpert,
  scoreableAssignment,
  type ReviewStage,
} from './expert-review.js';

// 会评 tests: experts who accepted an invitation to a round of the call, 函评 totals submitted, and meetings
// created through the API.

/** A new expert who accepted an invitation to the call's 函评 round. */
export async function panelExpert(stage: ReviewStage, callId = PRACTICE_CALL_ID) {
  const expert = await newExpert(stage);
  const roundId = await letterRound(stage, callId);
  const invited = await inject(stage.t.app, {
    method: 'POST',
    url: `/api/province/review-rounds/${roundId}/invitations`,
    cookie: stage.province,
    payload: { expertIds: [expert.id] },
  });
  expect(invited.statusCode, invited.body).toBe(200);
  await acceptInvitation(stage, roundId, expert);
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
    payload: { scores, comment: '研究方案可行，合作基础扎实，预期成果明确。' },
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
