import { eq } from 'drizzle-orm';
import type { DepartmentKind } from '../../../src/core/bundle/schema.js';
import { calls } from '../../../src/server/db/schema.js';
import type { Department } from '../../../src/server/repositories/departments.js';
import { repositories } from '../../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import { uniqueNumber } from '../factories/random.js';
import type { TestApp } from '../harness.js';

// A call or a department of the test's own: what a test does to it (quota used, a confirmed list, changed
// deadlines, a 公示) no other test of the file sees, whatever order they run in.

/** A copy of the practice call (its base call's parameters and its windows), under a new id. */
export async function ownCall(t: TestApp): Promise<string> {
  const [practice] = await t.db.select().from(calls).where(eq(calls.id, PRACTICE_CALL_ID));
  const id = `${PRACTICE_CALL_ID}-${uniqueNumber()}`;
  await t.db.insert(calls).values({ ...practice!, id, createdAt: undefined });
  return id;
}

/** A new 项目主管部门 of `kind` (a county under `city`), whose quota is the kind's. */
export async function ownDepartment(
  t: TestApp,
  kind: DepartmentKind,
  city?: Department,
): Promise<Department> {
  return repositories(t.db).departments.insert({
    name: `测试主管部门${uniqueNumber()}`,
    kind,
    cityId: city?.id ?? null,
  });
}
