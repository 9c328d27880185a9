import { expect } from 'vitest';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import { personBody } from '../factories/server.js';
import { inject, registerUnitAdmin, type TestApp, type UnitAdmin } from '../harness.js';
import { attachRequiredDocuments, completeForm } from './submitted-applications.js';

// Applicants as the API makes them: a unit with a project leader, and an application submitted through the API
// (so its timeline, receipt and audit entries are the real ones).

/** A unit registered through the API, signed in, with a project leader it entered. */
export async function unitWithPerson(t: TestApp): Promise<UnitAdmin & { personId: string }> {
  const admin = await registerUnitAdmin(t);
  const person = await inject(t.app, {
    method: 'POST',
    url: '/api/organization/people',
    cookie: admin.cookie,
    payload: personBody(),
  });
  return { ...admin, personId: person.json().person.id as string };
}

/** A new 专题四 draft of the practice call, created through the API by the unit's administrator. */
export async function createDraft(t: TestApp, admin: UnitAdmin & { personId: string }) {
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/applications',
    cookie: admin.cookie,
    payload: { callId: PRACTICE_CALL_ID, topic: 4, piId: admin.personId },
  });
  expect(created.statusCode).toBe(201);
  return created.json().application as { id: string; version: number };
}

/** A 专题四 application of the practice call, filled in with a complete form and its documents, and submitted. */
export async function submitThroughApi(t: TestApp) {
  const admin = await unitWithPerson(t);
  const { id, version } = await createDraft(t, admin);
  const saved = await inject(t.app, {
    method: 'PUT',
    url: `/api/applications/${id}`,
    cookie: admin.cookie,
    payload: { version, form: completeForm() },
  });
  await attachRequiredDocuments(t.db, t.clock.now(), id, admin.organizationId, admin.userId);
  const submit = await inject(t.app, {
    method: 'POST',
    url: `/api/applications/${id}/submit`,
    cookie: admin.cookie,
    payload: { version: saved.json().application.version },
  });
  expect(submit.statusCode).toBe(200);
  return { admin, id: id as string, receipt: submit.json().receipt };
}
