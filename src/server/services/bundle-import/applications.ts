import { applicationContentShape } from '../../../core/application/content.js';
import { applicationFormSchema, type ApplicationForm } from '../../../core/application/form.js';
import { formatPath } from '../../../core/bundle/parse.js';
import type { Application, Bundle } from '../../../core/bundle/schema.js';
import { APPLICATION_STATUS_LABELS } from '../../../contract/vocabulary.js';
import { AppError } from '../../errors.js';
import type { ApplicationRow, NewApplication } from '../../repositories/applications.js';
import type { Department } from '../../repositories/departments.js';
import { acceptanceNumber } from '../applications.js';
import { DECIDABLE } from '../review/access.js';
import { changesWithoutIdNumbers } from '../../audit/personal-data.js';
import { diffForm } from '../submission-changes.js';
import type { Written } from './recommendations.js';
import type { ImportRun } from './run.js';

/**
 * What refuses an application whatever the database holds. An application without `submittedAt` is refused:
 * the import is the department's intake of what was submitted to it on paper, and a draft it created would
 * wait for its applicant to submit it, which an organization the import created cannot (it has no account).
 */
export function checkApplications(run: ImportRun, bundle: Bundle, departments: Map<string, Department>) {
  bundle.applications.forEach((a, i) => {
    const at = `applications[${i}]`;
    const department = departments.get(a.department);
    if (department && run.importer.role === 'department' && department.id !== run.importer.departmentId) {
      run.problems.push({
        path: `${at}.department`,
        message: `申报书“${a.title}”的项目主管部门是“${department.name}”，不是本部门，不能由本部门导入`,
      });
    }
    if (a.directed && run.importer.role !== 'province') {
      run.problems.push({ path: `${at}.directed`, message: '定向组织的申报书只能由省科技厅导入' });
    }
    if (!a.submittedAt) {
      run.problems.push({
        path: `${at}.submittedAt`,
        message: `申报书“${a.title}”没有提交时间（submittedAt）：批量导入只接收申报单位已提交的申报书，请填写其提交时间（北京时间）；未提交的申报书由申报单位在本系统填写提交`,
      });
    }
    const form = applicationFormSchema.safeParse(formOf(a, bundle));
    if (!form.success) {
      for (const issue of form.error.issues) {
        run.problems.push({ path: `${at}.${formatPath(issue.path)}`, message: issue.message });
      }
    }
    if (a.documents.length > 0) {
      run.notes.push({
        path: `${at}.documents`,
        message: `导入包列出的 ${a.documents.length} 份附件只有说明、没有文件，未导入；须由申报单位在本系统上传`,
      });
    }
  });
}

/**
 * Writes the applications whose applicant and PI the run may write under and that have no problem of their
 * own. Returns, per department, the applications this run made or left recommended anew.
 */
export async function importApplications(
  run: ImportRun,
  bundle: Bundle,
  departments: Map<string, Department>,
  orgIds: Map<string, string>,
  personIds: Map<string, string>,
): Promise<Map<string, Written[]>> {
  const recommendedUnder = new Map<string, Written[]>();
  const isConfirmed = confirmationsOf(run);
  for (const [i, a] of bundle.applications.entries()) {
    const at = `applications[${i}]`;
    const department = departments.get(a.department);
    const organizationId = orgIds.get(a.applicant);
    const piId = personIds.get(a.pi);
    // Each of these is a problem already.
    if (!department || !organizationId || !piId || run.problems.some((p) => within(p.path, at))) continue;
    const target: Target = {
      index: i,
      at,
      bundleId: a.id,
      values: applicationValues(a, bundle, organizationId, piId, department.id),
      locked: `${department.name}已网上确认提交推荐名单，导入不能再新增或修改其申报书`,
    };
    const ours = run.key('application', a.id);
    const existing = ours ? await run.repos.applications.lock(ours.dbId) : undefined;
    const written = existing
      ? await updateApplication(run, target, existing, isConfirmed)
      : await createApplication(run, target, isConfirmed);
    if (written?.status === 'recommended') push(recommendedUnder, department.id, { index: i, row: written });
  }
  return recommendedUnder;
}

/** An application of the bundle as the run would write it. */
interface Target {
  index: number;
  /** Its bundle path. */
  at: string;
  bundleId: string;
  values: ApplicationValues;
  /** The refusal once its department has confirmed its list. */
  locked: string;
}

type IsConfirmed = (departmentId: string) => Promise<boolean>;

/** Whether a department has confirmed its list for the call, asked once per department and run. */
function confirmationsOf(run: ImportRun): IsConfirmed {
  const confirmed = new Map<string, boolean>();
  return async (departmentId) => {
    if (!confirmed.has(departmentId)) {
      const row = await run.repos.review.confirmation(departmentId, run.call.row.id);
      confirmed.set(departmentId, row !== undefined);
    }
    return confirmed.get(departmentId)!;
  };
}

/** A new application, unless the bundle copies one of ours or its department has confirmed its list. */
async function createApplication(
  run: ImportRun,
  target: Target,
  isConfirmed: IsConfirmed,
): Promise<ApplicationRow | undefined> {
  if (isUuid(target.bundleId) && (await run.repos.applications.findById(target.bundleId))) {
    run.problems.push({
      path: `${target.at}.id`,
      message: '这是本系统已有的申报书（导出包中的编号），不能作为新的申报书导入',
    });
    return undefined;
  }
  if (await isConfirmed(target.values.departmentId)) {
    run.problems.push({ path: target.at, message: target.locked });
    return undefined;
  }
  const acceptanceNo = acceptanceNumber(
    run.call.row.id,
    await run.repos.applications.nextAcceptanceNumber(run.call.row.id),
  );
  const row = await run.repos.applications.insert({
    callId: run.call.row.id,
    ...target.values,
    acceptanceNo,
  });
  await run.repos.applications.addEvent(
    {
      applicationId: row.id,
      at: run.now,
      actorUserId: run.importer.userId,
      kind: 'imported',
      detail: { bundleId: target.bundleId, acceptanceNo },
    },
    { from: null, to: row.status },
  );
  await run.remember('application', target.bundleId, row.id, true);
  run.count('created', 'application');
  run.planned.set(target.index, { outcome: 'created', status: row.status });
  return row;
}

/**
 * An application an earlier run of this importer created, changed as far as its status allows: a draft (an
 * earlier import's) entirely, a submitted one only in its recommendation. Returns it if it was written.
 */
async function updateApplication(
  run: ImportRun,
  target: Target,
  existing: ApplicationRow,
  isConfirmed: IsConfirmed,
): Promise<ApplicationRow | undefined> {
  const content = diffForm(contentSnapshot(existing), contentSnapshot(target.values));
  const decision = diffForm(decisionSnapshot(existing), decisionSnapshot(target.values));
  if (content.length === 0 && decision.length === 0) {
    run.count('unchanged', 'application');
    run.planned.set(target.index, { outcome: 'unchanged', status: existing.status });
    return undefined;
  }
  if (await isConfirmed(existing.departmentId)) {
    run.problems.push({ path: target.at, message: target.locked });
    return undefined;
  }
  if (existing.status !== 'draft' && content.length > 0) {
    run.problems.push({
      path: target.at,
      message: `申报书已提交（受理编号 ${existing.acceptanceNo}），内容不能通过导入修改（${content.map((c) => c.path).join('、')}）；如需修改，请退回申报单位修改后重新提交`,
    });
    return undefined;
  }
  if (existing.status !== 'draft' && !DECIDABLE.has(existing.status)) {
    run.problems.push({
      path: `${target.at}.recommendation`,
      message: `申报书当前为“${APPLICATION_STATUS_LABELS[existing.status]}”状态，导入不能改变其推荐决定`,
    });
    return undefined;
  }
  const changes: Partial<NewApplication> =
    existing.status === 'draft' ? { ...target.values } : decisionOf(target.values);
  if (existing.status === 'draft' && !existing.acceptanceNo) {
    changes.acceptanceNo = acceptanceNumber(
      run.call.row.id,
      await run.repos.applications.nextAcceptanceNumber(run.call.row.id),
    );
  }
  const updated = await run.repos.applications.updateAtVersion(existing.id, existing.version, changes);
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await run.repos.applications.addEvent(
    {
      applicationId: existing.id,
      at: run.now,
      actorUserId: run.importer.userId,
      kind: 'import-updated',
      // The timeline is read by the department: a team member's ID number is said to have changed, not shown.
      detail: { bundleId: target.bundleId, changes: changesWithoutIdNumbers([...content, ...decision]) },
    },
    { from: existing.status, to: updated.status },
  );
  run.count('updated', 'application');
  run.planned.set(target.index, { outcome: 'updated', status: updated.status });
  return updated;
}

/** Whether a bundle path is `at` or below it. */
export const within = (path: string, at: string) =>
  path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

const CONTENT_KEYS = Object.keys(applicationContentShape) as (keyof typeof applicationContentShape)[];

/**
 * The form as applicants fill it; domestic partners carry their name, code, kind and province, and the 申报书's
 * content (period … declassified) is kept as the bundle gives it, so that an export gives it back.
 */
function formOf(a: Application, bundle: Bundle): ApplicationForm {
  const orgs = new Map(bundle.organizations.map((o) => [o.id, o]));
  const content = Object.fromEntries(CONTENT_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
  return {
    ...content,
    title: a.title,
    summary: a.summary,
    field: a.field,
    ...(a.partner ? { partner: { ...a.partner } } : {}),
    domesticPartners: a.domesticPartners.map((id) => {
      const o = orgs.get(id)!;
      return { name: o.name, creditCode: o.creditCode, kind: o.kind, inJiangsu: o.inJiangsu };
    }),
    budget: { ...a.budget },
    ethics: { ...a.ethics },
    classified: a.classified,
    ...(a.largeInstrumentPurchase ? { largeInstrumentPurchase: { ...a.largeInstrumentPurchase } } : {}),
  };
}

type ApplicationValues = Required<
  Pick<
    NewApplication,
    | 'organizationId'
    | 'piId'
    | 'departmentId'
    | 'topic'
    | 'direction'
    | 'directed'
    | 'form'
    | 'status'
    | 'submittedAt'
    | 'separateSlot'
    | 'recommendationAt'
  >
>;

/** Imported as submitted (with an acceptance number), with its recommendation as recommended or not. */
function applicationValues(
  a: Application,
  bundle: Bundle,
  organizationId: string,
  piId: string,
  departmentId: string,
): ApplicationValues {
  const { recommendation } = a;
  return {
    organizationId,
    piId,
    departmentId,
    topic: a.topic,
    direction: a.direction ?? null,
    directed: a.directed,
    form: applicationFormSchema.parse(formOf(a, bundle)),
    status: recommendation?.status ?? 'submitted',
    // checkApplications refuses an application without one.
    submittedAt: new Date(a.submittedAt!),
    separateSlot: recommendation?.status === 'recommended' && recommendation.separateSlot,
    recommendationAt: recommendation ? new Date(recommendation.at) : null,
  };
}

function decisionOf(values: ApplicationValues) {
  return {
    status: values.status,
    separateSlot: values.separateSlot,
    recommendationAt: values.recommendationAt,
  };
}

const instant = (d: Date | null) => (d ? d.getTime() : null);

function contentSnapshot(row: ApplicationValues | ApplicationRow) {
  return {
    organizationId: row.organizationId,
    piId: row.piId,
    departmentId: row.departmentId,
    topic: row.topic,
    direction: row.direction,
    directed: row.directed,
    form: row.form,
    submittedAt: instant(row.submittedAt),
  };
}

function decisionSnapshot(row: ApplicationValues | ApplicationRow) {
  return { ...decisionOf(row), recommendationAt: instant(row.recommendationAt) };
}
