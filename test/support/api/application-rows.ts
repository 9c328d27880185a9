import type { Database } from '../../../src/server/db/database.js';
import { applications, calls, people } from '../../../src/server/db/schema.js';

// Rows written straight to the database, for tests and benchmarks that need an application without going
// through the applications API.

const CALL_ID = 'TEST-CALL';

async function ensureCall(db: Database): Promise<string> {
  await db
    .insert(calls)
    .values({
      id: CALL_ID,
      baseCallId: 'JS-INTL-2026',
      name: '测试计划',
      isPractice: true,
      submissionClosesAt: new Date('2026-12-31T17:30:00+08:00'),
      recommendationClosesAt: new Date('2027-01-15T17:30:00+08:00'),
      paperClosesAt: new Date('2027-01-31T17:30:00+08:00'),
    })
    .onConflictDoNothing();
  return CALL_ID;
}

export async function insertPerson(db: Database, employerId: string, name = '测试负责人') {
  const [person] = await db.insert(people).values({ name, employerId }).returning();
  return person!;
}

export async function insertApplication(
  db: Database,
  application: Pick<typeof applications.$inferInsert, 'organizationId' | 'piId' | 'departmentId'> &
    Partial<typeof applications.$inferInsert>,
) {
  const [row] = await db
    .insert(applications)
    .values({ callId: await ensureCall(db), topic: 2, ...application })
    .returning();
  return row!;
}
