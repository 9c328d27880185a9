import { UNBARRED_PARTNER_ANSWERS, type ApplicationForm } from '../../../src/core/application/form.js';
import { ALL_COMPLETE, type Platform } from '../../../src/core/bundle/schema.js';
import type { Database } from '../../../src/server/db/database.js';
import { documents, files, organizations, users } from '../../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../../src/server/seed/calls.js';
import { insertApplication, insertPerson } from './application-rows.js';
import { insertPlatforms } from './platforms.js';
import { uniqueNumber } from '../factories/random.js';
import { sampleContent } from '../../../src/server/seed/application-content.js';
import { creditCode, uniqueLogin } from '../factories/server.js';

// Applications that break no rule of the notice: the form, the documents, and whole submitted applications
// written straight to the database for tests that start where submission ends.

export const SHA = 'a'.repeat(64);

/**
 * A complete 专题四 form that breaks no rule of the notice: the whole 申报书, whose 经费预算表 yields `budget`
 * (given in the overrides, a test's budget is written as that table).
 */
export function completeForm(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  const { budget = { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 800_000 }, ...rest } =
    overrides;
  const title = rest.title ?? '面向氢能与新型储能的固态电解质联合研发';
  const field = rest.field ?? '氢能与新型储能';
  const tableable =
    budget.total !== undefined && budget.jiangsuTotal !== undefined && budget.provincialFunding !== undefined;
  return {
    ...sampleContent({
      title,
      field,
      budget: tableable
        ? (budget as Required<typeof budget>)
        : { total: 0, jiangsuTotal: 0, provincialFunding: 0 },
      foreign: { name: '弗劳恩霍夫协会', country: 'DE' },
    }),
    title,
    summary: '与德国合作机构联合开展固态电解质界面调控与中试验证。',
    field,
    partner: { name: 'Fraunhofer-Institut', country: 'DE', ...UNBARRED_PARTNER_ANSWERS },
    domesticPartners: [],
    ...(tableable ? {} : { budget, budgetTable: undefined }),
    classified: false,
    ...rest,
  };
}

/** The documents a 专题四 application needs (uploads are tested elsewhere). */
export async function attachRequiredDocuments(
  db: Database,
  at: Date,
  applicationId: string,
  organizationId: string,
  uploadedBy: string,
) {
  await db.insert(files).values({ sha256: SHA, size: 1000, mime: 'application/pdf' }).onConflictDoNothing();
  const base = { applicationId, fileSha256: SHA, uploadedBy, uploadedAt: at };
  const meta = { language: 'zh' as const, chineseTranslation: false, complete: ALL_COMPLETE };
  return db
    .insert(documents)
    .values([
      {
        ...base,
        kind: 'cooperation-agreement',
        fileName: '合作协议.pdf',
        metadata: { ...meta, parties: [organizationId, 'Fraunhofer-Institut'], signedOn: '2026-10-01' },
      },
      {
        ...base,
        kind: 'integrity-commitment-unit',
        fileName: '单位承诺书.pdf',
        metadata: { ...meta, parties: [organizationId] },
      },
      {
        ...base,
        kind: 'integrity-commitment-pi',
        fileName: '负责人承诺书.pdf',
        metadata: { ...meta, parties: [organizationId] },
      },
      {
        ...base,
        kind: 'info-form',
        fileName: '项目信息表.pdf',
        metadata: { ...meta, parties: [organizationId] },
      },
      {
        ...base,
        kind: 'application-form',
        fileName: '项目申报书.pdf',
        metadata: { ...meta, parties: [organizationId] },
      },
    ])
    .returning();
}

/** An enterprise of its own, with a PI, and its eligible application submitted to `departmentId` (the practice call unless `callId`). */
export async function insertSubmitted(
  db: Database,
  at: Date,
  options: {
    departmentId: string;
    callId?: string;
    topic?: number;
    platforms?: Platform[];
    form?: Partial<ApplicationForm>;
  },
) {
  const [organization] = await db
    .insert(organizations)
    .values({
      name: `测试企业${uniqueNumber()}`,
      creditCode: creditCode(),
      kind: 'enterprise',
      inJiangsu: true,
      registeredOn: '2015-06-01',
      independentLegalEntity: true,
      departmentId: options.departmentId,
    })
    .returning();
  await insertPlatforms(db, organization!.id, options.platforms ?? []);
  const person = await insertPerson(db, organization!.id, `负责人${uniqueNumber()}`);
  const [user] = await db
    .insert(users)
    .values({
      login: uniqueLogin('unit'),
      passwordHash: '-',
      displayName: '单位管理员',
      role: 'unit-admin',
      organizationId: organization!.id,
    })
    .returning();
  const application = await insertApplication(db, {
    callId: options.callId ?? PRACTICE_CALL_ID,
    organizationId: organization!.id,
    piId: person.id,
    departmentId: options.departmentId,
    topic: options.topic ?? 4,
    status: 'submitted',
    submittedAt: at,
    acceptanceNo: `T-${uniqueNumber()}`,
    form: completeForm(options.form),
  });
  await attachRequiredDocuments(db, at, application.id, organization!.id, user!.id);
  return application;
}
