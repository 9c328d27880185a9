import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/core/summary/summary-table.js';
import { documents } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { inject, useTestApp } from '../support/harness.js';
import { ownDepartment } from '../support/api/own-calls-and-departments.js';
import { reviewSession } from '../support/api/review-session.js';

// The 汇总表's 材料完整 column follows the signed forms of 三、1: a recommended application whose 项目信息表 or
// 项目申报书 scan is then missing, or not signed and sealed, is 否 there, as the rules judge it.

const t = useTestApp();
const { departmentUser, submitted, recommend } = reviewSession(t, '2026-11-23T09:00:00+08:00');

async function materialsComplete(cookie: string, id: string): Promise<string> {
  const summary = await inject(t.app, {
    method: 'GET',
    url: `/api/review/summary?callId=${PRACTICE_CALL_ID}`,
    cookie,
  });
  expect(summary.statusCode, summary.body).toBe(200);
  return (summary.json().rows as SummaryRow[]).find((r) => r.applicationId === id)!.materialsComplete;
}

describe('汇总表“申报材料是否完整”反映签字盖章的项目信息表和项目申报书', () => {
  it('两份扫描件齐全且已签字盖章为“是”；删除项目信息表或项目申报书未盖章即为“否”', async () => {
    const department = await ownDepartment(t, 'city');
    const reviewer = await departmentUser(department);
    const [withoutInfoForm, unsealed] = [await submitted(department), await submitted(department)];
    for (const application of [withoutInfoForm, unsealed]) {
      expect((await recommend(reviewer.cookie, application.id)).statusCode).toBe(204);
      expect(await materialsComplete(reviewer.cookie, application.id)).toBe('是');
    }

    await t.db
      .update(documents)
      .set({ supersededAt: t.clock.now() })
      .where(and(eq(documents.applicationId, withoutInfoForm.id), eq(documents.kind, 'info-form')));
    await t.db.execute(
      sql`update documents set metadata = jsonb_set(metadata, '{complete,seals}', 'false'::jsonb)
          where application_id = ${unsealed.id} and kind = 'application-form'`,
    );

    expect(await materialsComplete(reviewer.cookie, withoutInfoForm.id)).toMatch(/^否（.*项目信息表/);
    expect(await materialsComplete(reviewer.cookie, unsealed.id)).toMatch(/^否（.*项目申报书/);
  });
});
