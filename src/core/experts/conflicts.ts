import { normalizeCreditCode } from '../credit-code.js';

// 利益冲突回避. The notice says nothing of expert review; issue 5 names the conflicts the centre recuses for:
// the expert's own organization is the applicant, a domestic partner or the foreign partner, or the expert
// declared a conflict with an organization or with the application itself. Recusal errs on the side of
// caution: an organization is the same one when its credit code or its name (compared loosely) is.

export interface ExpertAffiliation {
  /** The expert's name, which an applicant's 回避专家 names. */
  name?: string | undefined;
  organizationName: string;
  organizationCreditCode: string | null;
}

export interface DeclaredConflict {
  /** An organization the expert must not judge, by 统一社会信用代码 … */
  creditCode: string | null;
  /** … or one application. */
  applicationId: string | null;
  reason: string;
}

/** 回避专家: an expert the applicant asked not to be judged by, named as the applicant knows them. */
export interface AvoidedExpert {
  name: string;
  organization: string;
  reason: string;
}

export interface ApplicationParties {
  id: string;
  applicant: { name: string; creditCode: string };
  domesticPartners: readonly { name: string; creditCode: string }[];
  partner?: { name?: string | undefined } | undefined;
  /** The experts the applicant named to avoid (issue 14 §2). */
  avoidedExperts?: readonly AvoidedExpert[] | undefined;
}

export const CONFLICT_KINDS = [
  'same-organization',
  'domestic-partner',
  'foreign-partner',
  'declared-organization',
  'declared-application',
  'applicant-avoidance',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  kind: ConflictKind;
  message: string;
}

export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  'same-organization': '与申报单位为同一单位',
  'domestic-partner': '与境内合作单位为同一单位',
  'foreign-partner': '与境外合作机构为同一单位',
  'declared-organization': '本人声明回避该单位',
  'declared-application': '本人声明回避该项目',
  'applicant-avoidance': '申请人要求回避',
};

/** Names as people type them: full-width folded, case, spaces and brackets ignored (“东南大学 ” = “东南大学”). */
export function organizationNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}（）【】·.,，、'"“”‘’-]/gu, '');
}

interface Organization {
  name: string;
  creditCode?: string | null;
}

function same(a: Organization, b: Organization): boolean {
  if (a.creditCode && b.creditCode && normalizeCreditCode(a.creditCode) === normalizeCreditCode(b.creditCode))
    return true;
  const key = organizationNameKey(a.name);
  return key !== '' && key === organizationNameKey(b.name);
}

/** Two organization names match when equal, or one contains the other, compared loosely (“东南大学” ⊂ “东南大学医学院”). */
export function organizationsMatch(a: string, b: string): boolean {
  const [x, y] = [organizationNameKey(a), organizationNameKey(b)];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

/**
 * Whether the applicant's named expert is this one of the pool: the same name (trimmed, full-width folded)
 * and matching organizations. A namesake elsewhere is not avoided; the province still sees the name.
 */
export function isAvoided(
  expert: { name: string; organizationName: string },
  avoided: AvoidedExpert,
): boolean {
  const name = (value: string) => value.normalize('NFKC').trim();
  return (
    name(expert.name) !== '' &&
    name(expert.name) === name(avoided.name) &&
    organizationsMatch(expert.organizationName, avoided.organization)
  );
}

/** Every reason `expert` must not review `application`, in the order of CONFLICT_KINDS. */
export function conflictsOf(
  expert: ExpertAffiliation,
  declared: readonly DeclaredConflict[],
  application: ApplicationParties,
): Conflict[] {
  const own = { name: expert.organizationName, creditCode: expert.organizationCreditCode };
  const conflicts: Conflict[] = [];
  if (same(own, application.applicant)) {
    conflicts.push({
      kind: 'same-organization',
      message: `专家所在单位“${expert.organizationName}”即申报单位“${application.applicant.name}”`,
    });
  }
  for (const partner of application.domesticPartners.filter((p) => same(own, p))) {
    conflicts.push({
      kind: 'domestic-partner',
      message: `专家所在单位“${expert.organizationName}”是境内合作单位“${partner.name}”`,
    });
  }
  const foreign = application.partner?.name;
  if (foreign && same(own, { name: foreign })) {
    conflicts.push({
      kind: 'foreign-partner',
      message: `专家所在单位“${expert.organizationName}”是境外合作机构“${foreign}”`,
    });
  }
  const parties = [application.applicant, ...application.domesticPartners];
  for (const d of declared) {
    const party = d.creditCode
      ? parties.find((p) => normalizeCreditCode(p.creditCode) === normalizeCreditCode(d.creditCode!))
      : undefined;
    if (party) {
      conflicts.push({
        kind: 'declared-organization',
        message: `专家声明回避“${party.name}”（${party.creditCode}）：${d.reason}`,
      });
    }
    if (d.applicationId === application.id) {
      conflicts.push({ kind: 'declared-application', message: `专家声明回避本项目：${d.reason}` });
    }
  }
  if (expert.name !== undefined) {
    const named = { name: expert.name, organizationName: expert.organizationName };
    for (const avoided of (application.avoidedExperts ?? []).filter((a) => isAvoided(named, a))) {
      conflicts.push({
        kind: 'applicant-avoidance',
        message: `申请人要求回避该专家“${avoided.name}”（${avoided.organization}）：${avoided.reason}`,
      });
    }
  }
  return conflicts;
}
