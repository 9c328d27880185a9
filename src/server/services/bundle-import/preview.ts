import { parseBundle } from '../../../core/bundle/parse.js';
import type { Bundle } from '../../../core/bundle/schema.js';
import { checkBundle } from '../../../core/check.js';
import type { ImportPlan, ImportPreview } from '../../../contract/review.js';
import type { Department } from '../../repositories/departments.js';
import { within } from './applications.js';
import { APPLICATION_STATUS_LABELS } from '../../../contract/vocabulary.js';
import type { ImportRun } from './run.js';

/** Every parse problem, or every rule finding, of a bundle, judged by the call it names. */
export function verdictsOf(input: unknown): ImportPreview {
  const declared = (input as { call?: unknown } | null)?.call;
  const parsed = parseBundle(input);
  if (!parsed.ok) {
    return {
      ok: false,
      call: typeof declared === 'string' ? declared : null,
      problems: parsed.problems,
      applications: [],
      departments: [],
    };
  }
  const { bundle } = parsed;
  const report = checkBundle(bundle);
  const verdicts = new Map(report.applications.map((a) => [a.id, a]));
  const quotas = new Map(report.departments.map((d) => [d.id, d]));
  return {
    ok: true,
    call: bundle.call,
    problems: [],
    applications: bundle.applications.map((a) => ({
      id: a.id,
      title: a.title,
      topic: a.topic,
      department: a.department,
      eligible: verdicts.get(a.id)!.eligible,
      findings: verdicts.get(a.id)!.findings,
    })),
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
    const seenBy =
      planned.status === 'draft'
        ? '草稿未提交，主管部门和省科技厅看不到'
        : `${run.importer.role === 'department' ? '本部门' : department.name}和省科技厅可见`;
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
