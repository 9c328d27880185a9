import type { Bundle } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import { checkBundle } from '../check.js';
import { entitledTo, perInstitution } from '../rules/02-3-limits.js';
import type { Finding } from '../rules/rule.js';

// “科技部批复建设的‘一带一路’联合实验室予以单独推荐名额 1 项” (二、3). READING counts that extra application only
// once its department recommends it as the separate slot; until then the limit of 3 makes all of the applicant's
// 专题二 applications errors, and the fourth could never be submitted for the department to decide on. So an
// application the slot would clear may be submitted: the error becomes a warning saying what the department must do.

const limitRule = perInstitution.id;

/** The findings with the limit's error turned into a warning when granting this application the slot clears it. */
export function awaitingSeparateSlot(
  bundle: Bundle,
  applicationId: string,
  findings: readonly Finding[],
  call: CallParameters,
): Finding[] {
  const application = bundle.applications.find((a) => a.id === applicationId);
  if (!application || application.recommendation || !findings.some((f) => f.rule === limitRule)) {
    return [...findings];
  }
  const granted: Bundle = {
    ...bundle,
    applications: bundle.applications.map((a) =>
      a.id === applicationId
        ? { ...a, recommendation: { status: 'recommended', separateSlot: true, at: bundle.asOf } }
        : a,
    ),
  };
  const after = checkBundle(granted, call).applications.find((a) => a.id === applicationId)!.findings;
  if (after.some((f) => f.rule === limitRule || f.rule.startsWith('slot.'))) return [...findings];
  return findings.map((f) =>
    f.rule === limitRule
      ? {
          ...f,
          severity: 'warning',
          message: `${f.message}贵单位具备“一带一路”联合实验室单独推荐名额的条件，本项目可以提交，但须由项目主管部门推荐时使用单独推荐名额；否则超出限额，不能推荐。`,
        }
      : f,
  );
}

/**
 * Whether the department may be offered 使用单独推荐名额 for this application: its topic has a separate slot
 * and its applicant is entitled to it (the platform, no barring ongoing project), as `slot.not-entitled` judges.
 */
export function separateSlotOffered(bundle: Bundle, applicationId: string, call: CallParameters): boolean {
  const application = bundle.applications.find((a) => a.id === applicationId);
  const applicant = bundle.organizations.find((o) => o.id === application?.applicant);
  if (!application || !applicant) return false;
  const slot = call.separateSlots.value.find((s) => s.topics.includes(application.topic));
  return slot !== undefined && entitledTo(slot, applicant);
}
