import type { Bundle } from '../../core/bundle/schema.js';
import { summaryTable, type SummaryTable } from '../../core/summary/summary-table.js';
import type { Clock } from '../clock.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import type { Repositories } from '../repositories/index.js';
import type { SummaryQuery } from '../../contract/review.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';
import { withChecklist } from './review-checklist.js';
import type { DepartmentUser } from './review.js';

// What a department takes away from its review: the 推荐项目汇总表 and the bundle the CLI checks, both
// assembled from the database exactly as the review list judges it; and a preview of a bundle to import.

export interface BundleExport {
  bundle: Bundle;
  /** Set when the bundle says something other than the database (a practice call exported as its base). */
  note: string | undefined;
}

export class ReviewReportService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /**
   * The department's 汇总表: its (a city's with its counties') recommended applications, its answers in place,
   * and the contact the department keeps in the directory.
   */
  async summary(actor: DepartmentUser, query: SummaryQuery): Promise<SummaryTable> {
    const { call, jurisdiction, rows } = await this.received(actor, query.callId);
    const own = jurisdiction.find((d) => d.id === actor.departmentId)!;
    const { bundle, report } = await new BundleService(this.repos).judge(
      call.parameters,
      rows,
      this.clock.now(),
    );
    const listed = new Set(bundle.departments.map((d) => d.id));
    const withJurisdiction: Bundle = {
      ...bundle,
      departments: [
        ...bundle.departments,
        ...jurisdiction
          .filter((d) => !listed.has(d.id))
          .map((d) => ({ id: d.id, name: d.name, kind: d.kind, ...(d.cityId ? { city: d.cityId } : {}) })),
      ],
    };
    const table = summaryTable(
      withJurisdiction,
      report,
      {
        departmentId: actor.departmentId,
        contact: own.contactName,
        phone: own.contactPhone,
        ...(query.date ? { date: query.date } : {}),
        acceptanceNumbers: Object.fromEntries(rows.map((r) => [r.id, r.acceptanceNo ?? r.id])),
      },
      call.parameters,
    )!;
    const saved = new Map(
      (await this.repos.review.checklists(table.rows.map((r) => r.applicationId))).map((c) => [
        c.applicationId,
        c.answers,
      ]),
    );
    return {
      header: table.header,
      rows: table.rows.map((row) => {
        const answers = saved.get(row.applicationId);
        return answers ? withChecklist(row, answers) : row;
      }),
    };
  }

  /**
   * The department's received applications as a shenbao.bundle/1, with every other live application of the
   * call that the rules compare them with. `shenbao check` knows only real calls: a practice call is exported
   * under its base call's id, which the checker judges with the base call's windows.
   */
  async exportBundle(actor: DepartmentUser, callId: string): Promise<BundleExport> {
    const { call, rows } = await this.received(actor, callId);
    const judged = await new BundleService(this.repos).judge(call.parameters, rows, this.clock.now());
    const bundle = redactOthers(judged.bundle, new Set(rows.map((r) => r.id)));
    if (!call.row.isPractice) return { bundle, note: undefined };
    return {
      bundle: { ...bundle, call: call.row.baseCallId },
      note: `practice call ${call.row.id} exported as ${call.row.baseCallId}; shenbao check judges it with the windows of ${call.row.baseCallId}`,
    };
  }

  /** What the department received for the call (a city: with its counties'), as the review list shows it. */
  private async received(
    actor: DepartmentUser,
    callId: string,
  ): Promise<{ call: CallView; jurisdiction: Department[]; rows: ApplicationRow[] }> {
    const call = await this.calls.require(callId);
    const jurisdiction = await this.repos.review.jurisdiction(actor.departmentId);
    const rows = await this.repos.review.received(
      jurisdiction.map((d) => d.id),
      { callId },
    );
    return { call, jurisdiction, rows };
  }
}

/**
 * The applications the rules compare with but the department may not see (the same applicant's drafts, or
 * its applications under another department) keep only what the limits count — applicant, PI, topic,
 * status — and lose their content. No rule compares one application's content with another's, so the
 * department's own verdicts are those the web shows.
 */
function redactOthers(bundle: Bundle, visible: ReadonlySet<string>): Bundle {
  const applications = bundle.applications.map((a) =>
    visible.has(a.id)
      ? a
      : {
          ...a,
          title: '（不在本部门审核范围内的申报）',
          summary: '',
          field: '',
          partner: undefined,
          domesticPartners: [],
          budget: { total: 0, jiangsuTotal: 0, provincialFunding: 0 },
          documents: [],
        },
  );
  const referenced = new Set([
    ...applications.flatMap((a) => [a.applicant, ...a.domesticPartners]),
    ...bundle.people.map((p) => p.employer),
  ]);
  return { ...bundle, applications, organizations: bundle.organizations.filter((o) => referenced.has(o.id)) };
}
