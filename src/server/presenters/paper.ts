import type { CallParameters } from '../../core/calls/parameters.js';
import {
  describePaper,
  isLate,
  lateNotice,
  PAPER_KIND_LABELS,
  PAPER_STATUS_LABELS,
  type PaperStatus,
  paperDeadline,
} from '../../core/paper/register.js';
import { formatBeijing, instantMs, toBeijingIso } from '../../core/time.js';
import type {
  PaperItem,
  PaperOwedResponse,
  PaperReceipt,
  PaperRegisterResponse,
} from '../../contract/paper.js';
import type { PaperReceiptRecord } from '../repositories/paper.js';
import type { PaperEntry, PaperRegister } from '../services/paper.js';

// 纸质材料登记 for people: Chinese labels, Beijing times, the clause and the notice's words of each item.

const beijingMinute = (ms: number) => formatBeijing(ms).slice(0, 16);

export function presentPaperReceipt(call: CallParameters, row: PaperReceiptRecord): PaperReceipt {
  const ms = row.receivedAt.getTime();
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PAPER_KIND_LABELS[row.kind],
    applicationId: row.applicationId,
    departmentId: row.departmentId,
    copies: row.copies,
    receivedAt: toBeijingIso(ms),
    receivedAtText: beijingMinute(ms),
    late: isLate({ deadline: paperDeadline(call, row.kind) }, ms),
    receiver: row.receiver,
    note: row.note,
    recordedBy: row.recordedByName,
    recordedAtText: beijingMinute(row.createdAt.getTime()),
    supersedes: row.supersedes,
    correctionReason: row.correctionReason,
    supersededAtText: row.supersededAt ? beijingMinute(row.supersededAt.getTime()) : null,
  };
}

function presentEntry(
  call: CallParameters,
  byId: Map<string, PaperReceiptRecord>,
  entry: PaperEntry,
): PaperItem {
  const { item, status, receivedCopies, receipts } = entry.state;
  const application = entry.application;
  const overdue = status === 'late' || status === 'overdue';
  return {
    kind: item.kind,
    kindLabel: PAPER_KIND_LABELS[item.kind],
    applicationId: item.applicationId,
    acceptanceNo: application?.acceptanceNo ?? null,
    title: application?.title ?? null,
    topic: application?.topic ?? null,
    organizationName: application?.organizationName ?? null,
    departmentId: item.departmentId,
    departmentName: entry.departmentName,
    what: describePaper(call, item, application?.topic ?? null),
    copies: item.copies,
    receivedCopies,
    status,
    statusLabel: PAPER_STATUS_LABELS[status],
    due: item.deadline ? toBeijingIso(instantMs(item.deadline.value)) : null,
    dueText: item.deadline ? beijingMinute(instantMs(item.deadline.value)) : '由项目主管部门通知',
    clause: item.terms.clause,
    quote: item.terms.quote,
    deadlineClause: item.deadline?.clause ?? null,
    deadlineQuote: item.deadline?.quote ?? null,
    lateNotice: overdue ? lateNotice(item) : null,
    receipts: receipts.map((r) => presentPaperReceipt(call, byId.get(r.id)!)),
  };
}

function countsOf(entries: readonly PaperEntry[]): Record<PaperStatus, number> {
  const counts: Record<PaperStatus, number> = { owed: 0, overdue: 0, received: 0, late: 0 };
  for (const { state } of entries) counts[state.status] += 1;
  return counts;
}

/** Where paper goes: the contact of the notice that names an address (三、1). */
function addressOf(call: CallParameters): PaperRegisterResponse['address'] {
  const contact = call.contacts.find((c) => c.value.address !== null);
  if (!contact?.value.address) return null;
  return {
    unit: contact.value.unit,
    address: contact.value.address.value,
    phones: [...contact.value.phones],
    clause: contact.value.address.clause,
    quote: contact.value.address.quote,
  };
}

export function presentPaperOwed(register: PaperRegister): PaperOwedResponse {
  const call = register.call.parameters;
  const byId = new Map(register.receipts.map((r) => [r.id, r]));
  return {
    items: register.entries.map((e) => presentEntry(call, byId, e)),
    counts: countsOf(register.entries),
    address: addressOf(call),
  };
}

export function presentPaperRegister(register: PaperRegister): PaperRegisterResponse {
  return {
    ...presentPaperOwed(register),
    history: register.receipts.map((r) => presentPaperReceipt(register.call.parameters, r)),
  };
}
