import { isIdNumberPath } from '../audit/personal-data.js';
import { applicationContentShape, type ApplicationContent } from '../../core/application/content.js';
import type { ApplicationForm } from '../../core/application/form.js';
import type { ReviewerContent, ReviewerForm, ReviewerTeam } from '../../contract/reviewer-content.js';

// What a reviewer may read of a person in the 申报书. No reviewer needs an ID number to judge an application,
// so neither it nor its type ever leaves for one (the bundle export, the exchange format the cross-checks need
// whole, is not a reading view). The expert view names no person, as it always has: no names, no contact, no
// birth year or gender; organisations stay, since the expert already reads the applicant's and partners' names.

/** Who reads: the department and the province see names and the PI's contact; an expert neither. */
export type ReviewerAudience = 'official' | 'expert';

const CONTENT_KEYS = Object.keys(applicationContentShape) as (keyof ApplicationContent)[];

export function teamForReviewer(
  team: NonNullable<ApplicationContent['team']>,
  audience: ReviewerAudience,
): ReviewerTeam {
  const expert = audience === 'expert';
  const person = <P extends { name?: string }>(p: P): P => (expert ? { ...p, name: undefined } : p);
  const pi = team.pi && (expert ? { title: team.pi.title, degree: team.pi.degree } : team.pi);
  return {
    pi,
    members: team.members?.map(({ idType: _type, idNumber: _number, ...member }) => person(member)),
    foreignPi: team.foreignPi && person(expert ? { ...team.foreignPi, email: undefined } : team.foreignPi),
    foreignMembers: team.foreignMembers?.map(person),
  };
}

/** The 申报书's content as `audience` reads it. */
export function contentForReviewer(form: ApplicationForm, audience: ReviewerAudience): ReviewerContent {
  const content: ReviewerContent = Object.fromEntries(
    CONTENT_KEYS.filter((key) => form[key] !== undefined).map((key) => [key, form[key]]),
  );
  if (form.team) content.team = teamForReviewer(form.team, audience);
  if (audience === 'expert' && form.partnerInstitution) {
    const { legalRepresentative: _person, ...institution } = form.partnerInstitution;
    content.partnerInstitution = institution;
  }
  return content;
}

/** The whole form as a department or the province reads it. */
export function formForReviewer(form: ApplicationForm): ReviewerForm {
  return form.team ? { ...form, team: teamForReviewer(form.team, 'official') } : form;
}

/** A path holding a person's ID number or its type, which no reviewer reads. */
export const isIdField = (path: string) => isIdNumberPath(path) || path.endsWith('.idType');
