import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/bundle/schema.js';
import { organizations } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { unitWithPerson } from '../support/api/applicant.js';
import { insertApplication, insertPerson } from '../support/api/application-rows.js';
import { insertPlatforms } from '../support/api/platforms.js';
import { inject, useTestApp } from '../support/harness.js';

// 二、3: a 科技部批复建设的“一带一路”联合实验室 has one 专题二 application over the limit of 3 as a separate slot
// its department grants when it recommends; the applicant must be able to submit that fourth application.

const t = useTestApp();
const LIMIT = 'limit.institution-belt-road';

/** A university with three submitted 专题二 applications, and its fourth as the API judges it. */
async function fourthApplication(platforms: Platform[]) {
  const admin = await unitWithPerson(t);
  const [university] = await t.db
    .update(organizations)
    .set({ kind: 'university' })
    .where(eq(organizations.id, admin.organizationId))
    .returning();
  await insertPlatforms(t.db, university!.id, platforms);
  for (let i = 1; i <= 3; i++) {
    const pi = await insertPerson(t.db, university!.id, `负责人${i}`);
    await insertApplication(t.db, {
      callId: PRACTICE_CALL_ID,
      organizationId: university!.id,
      piId: pi.id,
      departmentId: university!.departmentId!,
      topic: 2,
      status: 'submitted',
      submittedAt: t.clock.now(),
      form: { title: `“一带一路”创新合作项目${i}` },
    });
  }
  const created = await inject(t.app, {
    method: 'POST',
    url: '/api/applications',
    cookie: admin.cookie,
    payload: { callId: PRACTICE_CALL_ID, topic: 2, piId: admin.personId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const judged = await inject(t.app, {
    method: 'GET',
    url: `/api/applications/${created.json().application.id}`,
    cookie: admin.cookie,
  });
  const findings: { rule: string; severity: string; message: string }[] = judged.json().evaluation.findings;
  return findings.filter((f) => f.rule === LIMIT);
}

describe('“一带一路”联合实验室的单独推荐名额', () => {
  it('联合实验室的第 4 项专题二申报不因限报 3 项而被挡住：提示须由主管部门使用单独推荐名额', async () => {
    const [limit] = await fourthApplication(['belt-road-joint-lab']);
    expect(limit).toMatchObject({ severity: 'warning' });
    expect(limit!.message).toContain('须由项目主管部门推荐时使用单独推荐名额');
  });

  it('没有联合实验室的高校申报第 4 项：超过限额，不能提交', async () => {
    expect(await fourthApplication([])).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});
