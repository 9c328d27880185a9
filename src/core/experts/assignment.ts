import { organizationNameKey } from './conflicts.js';

// Automatic assignment: each application gets experts of its field, the least loaded first, never one in
// conflict with it. The centre's procedure, not a clause of the notice.

/** How many experts review each application unless the province says otherwise. */
export const DEFAULT_EXPERTS_PER_APPLICATION = 3;

export interface Candidate {
  id: string;
  fields: readonly string[];
  /** Assignments the expert already holds in the call. */
  load: number;
}

export interface AssignmentNeed {
  applicationId: string;
  /** The form's 技术领域. */
  field: string | undefined;
  /** Experts already assigned to it. */
  assigned: readonly string[];
  /** Experts in conflict with it. */
  conflicted: readonly string[];
}

export interface AutoAssignment {
  pairs: { applicationId: string; expertId: string }[];
  /** Applications that could not get enough experts of their field without a conflict. */
  shortfalls: { applicationId: string; missing: number }[];
}

/**
 * An expert's field covers the application's when one names the other or contains it (“新型储能” and
 * “氢能与新型储能”): the form's 技术领域 is free text.
 */
export function fieldMatches(expertFields: readonly string[], applicationField: string | undefined): boolean {
  const wanted = organizationNameKey(applicationField ?? '');
  if (!wanted) return false;
  return expertFields.some((f) => {
    const key = organizationNameKey(f);
    return key !== '' && (key.includes(wanted) || wanted.includes(key));
  });
}

export function autoAssign(
  needs: readonly AssignmentNeed[],
  experts: readonly Candidate[],
  perApplication: number,
): AutoAssignment {
  const load = new Map(experts.map((e) => [e.id, e.load]));
  const eligible = (need: AssignmentNeed) =>
    experts.filter(
      (e) =>
        fieldMatches(e.fields, need.field) &&
        !need.assigned.includes(e.id) &&
        !need.conflicted.includes(e.id),
    );
  // The most constrained first, so that a scarce expert goes where no one else can.
  const ordered = needs
    .map((need, index) => ({ need, index, choices: eligible(need) }))
    .sort((a, b) => a.choices.length - b.choices.length || a.index - b.index);

  const result: AutoAssignment = { pairs: [], shortfalls: [] };
  for (const { need, choices } of ordered) {
    const wanted = Math.max(0, perApplication - need.assigned.length);
    const chosen = [...choices]
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id.localeCompare(b.id))
      .slice(0, wanted);
    for (const expert of chosen) {
      load.set(expert.id, load.get(expert.id)! + 1);
      result.pairs.push({ applicationId: need.applicationId, expertId: expert.id });
    }
    if (chosen.length < wanted)
      result.shortfalls.push({ applicationId: need.applicationId, missing: wanted - chosen.length });
  }
  return result;
}
