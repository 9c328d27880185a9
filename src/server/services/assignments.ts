import type { ApplicationParties } from '../../core/experts/conflicts.js';
import { toBeijingIso } from '../../core/time.js';
import { AppError } from '../errors.js';
import { violatedUniqueConstraint } from '../repositories/constraint-violation.js';
import type { AssignmentRow, ExpertReviewApplication } from '../repositories/experts.js';
import type { Repositories } from '../repositories/index.js';

// Writing an assignment, shared by assignment by hand, automatic assignment and reassignment (experts.ts,
// review-rounds.ts), and what the conflict rules and the audit log read of one.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function partiesOf(application: ExpertReviewApplication): ApplicationParties {
  return {
    id: application.id,
    applicant: application.organization,
    domesticPartners: application.form.domesticPartners ?? [],
    partner: application.form.partner,
    avoidedExperts: application.avoidedExperts,
  };
}

/** What the audit log keeps of an assignment. */
export const auditedAssignment = (a: AssignmentRow) => ({
  roundId: a.roundId,
  expertId: a.expertId,
  applicationId: a.applicationId,
  dueAt: iso(a.dueAt),
  conflicts: a.conflicts,
  overrideReason: a.overrideReason,
});

/** Writes an assignment and its audit entry in the caller's transaction. */
export async function insertAssignment(
  repos: Repositories,
  now: Date,
  actorUserId: string,
  values: Pick<
    AssignmentRow,
    'roundId' | 'expertId' | 'applicationId' | 'dueAt' | 'conflicts' | 'overrideReason'
  >,
): Promise<AssignmentRow> {
  const row = await repos.experts
    .insertAssignment({ ...values, assignedAt: now, assignedBy: actorUserId })
    .catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === 'expert_assignments_round_pair_key')
        throw new AppError('ALREADY_ASSIGNED');
      throw error;
    });
  await repos.audit.append({
    at: now,
    actorUserId,
    action: values.conflicts.length > 0 ? 'expert.assigned-despite-conflict' : 'expert.assigned',
    entityType: 'expert-assignment',
    entityId: row.id,
    after: auditedAssignment(row),
  });
  return row;
}
