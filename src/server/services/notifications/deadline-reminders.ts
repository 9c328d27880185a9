import { groupBy } from '../../../core/group-by.js';
import type { Database } from '../../db/database.js';
import type { CallRow } from '../../repositories/calls.js';
import { inTransaction, type Repositories } from '../../repositories/index.js';
import { describePaper, owedPaper, paperState } from '../../../core/paper/register.js';
import { parametersOf } from '../calls.js';
import { applicantDeadlineMessage, departmentDeadlineMessage, paperDeadlineMessage } from './messages.js';
import { notify } from './notify.js';

const HOUR_MS = 3_600_000;

/** Reminders before a deadline: 3 days, 1 day and 3 hours before it. */
export const DEADLINE_REMINDER_LEADS_MS = [72 * HOUR_MS, 24 * HOUR_MS, 3 * HOUR_MS] as const;

/**
 * The reminder due at `now` before `deadline`: the shortest lead whose moment has come, so that an instance
 * started late sends only the nearest reminder, not every one it missed. None once the deadline has passed.
 */
export function reminderLead(deadline: Date, now: Date): number | undefined {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return undefined;
  const due = DEADLINE_REMINDER_LEADS_MS.filter((lead) => left <= lead);
  return due.length > 0 ? Math.min(...due) : undefined;
}

/**
 * 截止提醒: to organisations with unsubmitted drafts before the applicants' deadline, to departments with
 * unconfirmed lists before theirs, and to departments that confirmed but whose paper is not all in before the paper
 * deadline (三、3). Each reminder's key names the call, deadline, lead and recipient, so that
 * however often and on however many instances this runs, each is written once. Returns how many messages were new.
 */
export async function sendDeadlineReminders(db: Database, repos: Repositories, now: Date): Promise<number> {
  let sent = 0;
  for (const call of await repos.calls.list()) {
    if (call.readOnly || call.status === 'draft') continue;
    if (call.status === 'open') sent += await remindApplicants(db, repos, call, now);
    sent += await remindDepartments(db, repos, call, now);
    sent += await remindPaper(db, repos, call, now);
  }
  return sent;
}

async function remindApplicants(db: Database, repos: Repositories, call: CallRow, now: Date) {
  const deadline = call.submissionClosesAt;
  const leadMs = reminderLead(deadline, now);
  if (leadMs === undefined) return 0;
  const drafts = await repos.applications.draftsOf(call.id);
  const byOrganization = groupBy(drafts, (d) => d.organizationId);
  return inTransaction(db, async (tx) => {
    let written = 0;
    for (const [organizationId, rows] of byOrganization) {
      written += await notify(
        tx,
        { organizationAdminIds: [organizationId], personIds: [...new Set(rows.map((r) => r.piId))] },
        {
          kind: 'deadline.applicant',
          ...applicantDeadlineMessage({
            callName: call.name,
            deadline,
            leadMs,
            titles: rows.map((r) => r.title ?? undefined),
          }),
          key: `deadline.applicant:${call.id}:${deadline.getTime()}:${leadMs}`,
        },
      );
    }
    return written;
  });
}

async function remindDepartments(db: Database, repos: Repositories, call: CallRow, now: Date) {
  const deadline = call.recommendationClosesAt;
  const leadMs = reminderLead(deadline, now);
  if (leadMs === undefined) return 0;
  const departments = await repos.review.unconfirmedDepartments(call.id);
  return inTransaction(db, async (tx) => {
    let written = 0;
    for (const { departmentId, received } of departments) {
      written += await notify(
        tx,
        { departmentIds: [departmentId] },
        {
          kind: 'deadline.department',
          ...departmentDeadlineMessage({ callName: call.name, deadline, leadMs, received }),
          key: `deadline.department:${call.id}:${deadline.getTime()}:${leadMs}`,
        },
      );
    }
    return written;
  });
}

async function remindPaper(db: Database, repos: Repositories, call: CallRow, now: Date) {
  const deadline = call.paperClosesAt;
  const leadMs = reminderLead(deadline, now);
  if (leadMs === undefined) return 0;
  const parameters = parametersOf(call);
  const [departments, receipts] = await Promise.all([
    repos.paper.confirmedDepartments(call.id),
    repos.paper.receipts(call.id),
  ]);
  const current = receipts
    .filter((r) => r.supersededAt === null)
    .map((r) => ({ ...r, receivedAtMs: r.receivedAt.getTime() }));
  const owed = owedPaper(parameters, {
    applications: [],
    confirmedDepartmentIds: departments.map((d) => d.id),
  })
    .map((item) => paperState(item, current, now.getTime()))
    .filter((state) => state.status === 'owed');
  const address = parameters.contacts.find((c) => c.value.address)?.value;
  return inTransaction(db, async (tx) => {
    let written = 0;
    for (const { item, receivedCopies } of owed) {
      written += await notify(
        tx,
        { departmentIds: [item.departmentId] },
        {
          kind: 'deadline.paper',
          ...paperDeadlineMessage({
            callName: call.name,
            deadline,
            leadMs,
            what: describePaper(parameters, item, null),
            received: receivedCopies,
            copies: item.copies,
            address: address?.address ? `${address.address.value}${address.unit}` : undefined,
            clause: item.deadline!.clause,
          }),
          key: `deadline.paper:${call.id}:${deadline.getTime()}:${leadMs}`,
        },
      );
    }
    return written;
  });
}
