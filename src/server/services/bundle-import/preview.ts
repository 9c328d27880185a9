import type { Bundle } from '../../../core/bundle/schema.js';
import { checkBundle } from '../../../core/check.js';
import type { Finding } from '../../../core/rules/rule.js';
import type { ImportPlan, ImportPreview } from '../../../contract/review.js';
import type { ApplicationRow } from '../../repositories/applications.js';
import type { Department } from '../../repositories/departments.js';
import { BundleService } from '../bundles.js';
import { within } from './applications.js';
import { APPLICATION_STATUS_LABELS } from '../../../contract/vocabulary.js';
import type { ImportRun } from './run.js';

/**
 * The findings of each application the run wrote (or found unchanged), by bundle index, as the department's
 * review judges it: in the database, with the documents uploaded here and the call's own windows.
 */
export async function judgeWritten(run: ImportRun, bundle: Bundle): Promise<Map<number, Finding[]>> {
  const rows = new Map<number, ApplicationRow>();
  for (const i of run.planned.keys()) {
    const row = await run.repos.applications.findById(
      run.key('application', bundle.applications[i]!.id)!.dbId,
    );
    rows.set(i, row!);
  }
  const judged = new Map<number, Finding[]>();
  if (rows.size === 0) return judged;
  const { report } = await new BundleService(run.repos).judge(
    run.call.parameters,
    [...rows.values()],
    run.now,
  );
  const findings = new Map(report.applications.map((a) => [a.id, a.findings]));
  for (const [i, row] of rows) judged.set(i, findings.get(row.id)!);
  return judged;
}

/**
 * The bundle's verdicts under the call it is imported into: an application the run wrote as the review will
 * judge it (`judged`), any other as the bundle itself describes it; each with what the import does with it.
 */
export function verdictsOf(
  run: ImportRun,
  bundle: Bundle,
  judged: Map<number, Finding[]>,
  plans: ImportPlan[],
): Omit<ImportPreview, 'importProblems'> {
  const report = checkBundle(bundle, run.call.parameters);
  const own = new Map(report.applications.map((a) => [a.id, a.findings]));
  const quotas = new Map(report.departments.map((d) => [d.id, d]));
  return {
    ok: true,
    call: bundle.call,
    problems: [],
    applications: bundle.applications.map((a, i) => {
      const findings = judged.get(i) ?? own.get(a.id)!;
      return {
        id: a.id,
        title: a.title,
        topic: a.topic,
        department: a.department,
        eligible: !findings.some((f) => f.severity === 'error'),
        findings,
        plan: plans[i]!,
      };
    }),
    departments: bundle.departments.map((d) => ({
      id: d.id,
      name: d.name,
      withinQuota: quotas.get(d.id)!.withinQuota,
      findings: quotas.get(d.id)!.findings,
    })),
  };
}

/**
 * What the run did with each application of the bundle, row by row: refused with every problem of the row, its
 * applicant, its PI's employer, its PI or its department; else created, updated or unchanged, in which status
 * and visible to whom.
 */
export function plansOf(run: ImportRun, bundle: Bundle, departments: Map<string, Department>): ImportPlan[] {
  const index = <T extends { id: string }>(list: T[], id: string) => list.findIndex((x) => x.id === id);
  return bundle.applications.map((a, i): ImportPlan => {
    const pi = index(bundle.people, a.pi);
    const employer = index(bundle.organizations, bundle.people[pi]?.employer ?? '');
    const concerned = [
      `applications[${i}]`,
      `organizations[${index(bundle.organizations, a.applicant)}]`,
      `organizations[${employer}]`,
      `people[${pi}]`,
      `departments[${index(bundle.departments, a.department)}]`,
    ];
    const problems = run.problems.filter((p) => concerned.some((at) => within(p.path, at)));
    const planned = run.planned.get(i);
    if (problems.length > 0 || !planned) {
      return {
        action: 'refused',
        status: null,
        message: `不能导入：${problems.map((p) => p.message).join('；')}`,
        problems,
      };
    }
    const status = `“${APPLICATION_STATUS_LABELS[planned.status]}”`;
    const department = departments.get(a.department)!;
    const seenBy = `${run.importer.role === 'department' ? '本部门' : department.name}和省科技厅可见`;
    const message = {
      created: `将新建，状态为${status}，${seenBy}`,
      updated: `将更新，更新后状态为${status}，${seenBy}`,
      unchanged: `与本系统中一致，不作修改，状态为${status}，${seenBy}`,
    }[planned.outcome];
    const action = ({ created: 'create', updated: 'update', unchanged: 'unchanged' } as const)[
      planned.outcome
    ];
    return { action, status: planned.status, message, problems: [] };
  });
}
