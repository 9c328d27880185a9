import type { TopicNumber } from '../bundle/schema.js';
import type { CallParameters, Cited } from '../calls/parameters.js';
import { TOPIC_LABELS } from '../labels.js';
import { instantMs } from '../time.js';

// The paper the notice asks for (三、1, 三、2, 三、3) and the province's judgement of each receipt. The register is
// the platform's record, not a bundle verdict: nothing here feeds `shenbao check`.

export const PAPER_KINDS = ['application-copies', 'department-materials', 'funded-copy'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_KIND_LABELS: Readonly<Record<PaperKind, string>> = {
  'application-copies': '申报阶段纸质申报材料',
  'department-materials': '推荐项目汇总表及主管部门科研诚信承诺书',
  'funded-copy': '立项项目纸质申报材料（装订本）',
};

export const PAPER_STATUSES = ['owed', 'overdue', 'received', 'late'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const PAPER_STATUS_LABELS: Readonly<Record<PaperStatus, string>> = {
  owed: '未收',
  overdue: '逾期未收',
  received: '已收',
  late: '逾期',
};

/** What the register knows of a call beside its parameters. */
export interface PaperFacts {
  /** The call's applications that reached their department and were not withdrawn. */
  applications: readonly {
    id: string;
    topic: number;
    departmentId: string;
    organizationId: string;
    /** 最终确定立项: approved, and the 公示 listing it published. */
    funded: boolean;
  }[];
  /** Departments that confirmed their list for the call (网上确认提交). */
  confirmedDepartmentIds: readonly string[];
}

export interface OwedPaper {
  kind: PaperKind;
  /** The application it belongs to; `null` for a department's own materials. */
  applicationId: string | null;
  /** The department that sends it, or whose applicant does. */
  departmentId: string;
  organizationId: string | null;
  copies: number;
  /** What is owed, cited. */
  terms: Cited<unknown>;
  /** The deadline (an instant; receipt at or after it is late); `null`: the department tells the unit when (三、2). */
  deadline: Cited<string> | null;
}

/** The deadline of a kind of paper: 专题一's copies go with the online submission, the departments' by the paper deadline. */
export function paperDeadline(call: CallParameters, kind: PaperKind): Cited<string> | null {
  switch (kind) {
    case 'application-copies':
      return call.deadlines.submission;
    case 'department-materials':
      return call.deadlines.paper;
    case 'funded-copy':
      return null;
  }
}

/**
 * What is owed for a call. 专题一's copies are 同步提交: due with the online submission, so by the submission
 * deadline; the department materials by the paper deadline, once the department confirmed its list; the bound copy
 * of a funded project has no date here, since 三、2 leaves it to the department's notice.
 */
export function owedPaper(call: CallParameters, facts: PaperFacts): OwedPaper[] {
  const { applicationCopies, departmentMaterials, fundedCopies } = call.paper;
  const owed: OwedPaper[] = [];
  for (const departmentId of facts.confirmedDepartmentIds) {
    owed.push({
      kind: 'department-materials',
      applicationId: null,
      departmentId,
      organizationId: null,
      copies: departmentMaterials.value.commitmentCopies,
      terms: departmentMaterials,
      deadline: paperDeadline(call, 'department-materials'),
    });
  }
  for (const application of facts.applications) {
    const of = {
      applicationId: application.id,
      departmentId: application.departmentId,
      organizationId: application.organizationId,
    };
    if ((applicationCopies.value.topics as readonly number[]).includes(application.topic)) {
      owed.push({
        kind: 'application-copies',
        ...of,
        copies: applicationCopies.value.copies,
        terms: applicationCopies,
        deadline: paperDeadline(call, 'application-copies'),
      });
    }
    if (application.funded) {
      owed.push({
        kind: 'funded-copy',
        ...of,
        copies: fundedCopies.value.copies,
        terms: fundedCopies,
        deadline: paperDeadline(call, 'funded-copy'),
      });
    }
  }
  return owed;
}

/** A receipt as the register judges it. */
export interface PaperReceiptFact {
  id: string;
  kind: PaperKind;
  applicationId: string | null;
  departmentId: string | null;
  copies: number;
  receivedAtMs: number;
}

export function receiptFor(item: OwedPaper, receipt: PaperReceiptFact): boolean {
  if (receipt.kind !== item.kind) return false;
  return item.applicationId === null
    ? receipt.departmentId === item.departmentId
    : receipt.applicationId === item.applicationId;
}

/** Received at or after the deadline instant: 逾期不予受理. */
export function isLate(item: Pick<OwedPaper, 'deadline'>, receivedAtMs: number): boolean {
  return item.deadline !== null && receivedAtMs >= instantMs(item.deadline.value);
}

export interface PaperState {
  item: OwedPaper;
  status: PaperStatus;
  receivedCopies: number;
  /** When the copies owed were all in: the receipt that completed them. */
  completedAtMs: number | null;
  receipts: PaperReceiptFact[];
}

/**
 * An item with its (current) receipts: received once the copies add up, late when the receipt completing them came
 * at or after the deadline; overdue when the deadline passed with copies missing.
 */
export function paperState(
  item: OwedPaper,
  receipts: readonly PaperReceiptFact[],
  nowMs: number,
): PaperState {
  const mine = receipts.filter((r) => receiptFor(item, r)).sort((a, b) => a.receivedAtMs - b.receivedAtMs);
  let receivedCopies = 0;
  let completedAtMs: number | null = null;
  for (const receipt of mine) {
    receivedCopies += receipt.copies;
    if (completedAtMs === null && receivedCopies >= item.copies) completedAtMs = receipt.receivedAtMs;
  }
  const status: PaperStatus =
    completedAtMs !== null
      ? isLate(item, completedAtMs)
        ? 'late'
        : 'received'
      : isLate(item, nowMs)
        ? 'overdue'
        : 'owed';
  return { item, status, receivedCopies, completedAtMs, receipts: mine };
}

/** The words a late item is flagged with, naming the deadline's clause: 逾期不予受理（三、3）. */
export function lateNotice(item: Pick<OwedPaper, 'deadline'>): string | null {
  return item.deadline ? `逾期不予受理（${item.deadline.clause}）` : null;
}

/** What is owed, in words: the copies, and how (同步提交, 加盖公章, 装订成册 in the call's order). */
export function describePaper(call: CallParameters, item: OwedPaper, topic: number | null): string {
  switch (item.kind) {
    case 'application-copies':
      return `${topic ? TOPIC_LABELS[topic as TopicNumber] : ''}纸质申报材料 ${item.copies} 份，与网上填报同步提交`;
    case 'department-materials':
      return `推荐项目汇总表及项目主管部门科研诚信承诺书（一式 ${item.copies} 份），加盖单位公章`;
    case 'funded-copy':
      return `纸质申报材料一式 ${item.copies} 份，A4 纸打印，按${call.paper.fundedCopies.value.order.join('、')}顺序装订成册`;
  }
}
