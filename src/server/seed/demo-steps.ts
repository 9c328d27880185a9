import { Readable } from 'node:stream';
import type { ApplicationContent } from '../../core/application/content.js';
import { UNBARRED_PARTNER_ANSWERS, type ApplicationForm } from '../../core/application/form.js';
import { ALL_COMPLETE, type OrganizationKind, type TopicNumber } from '../../core/bundle/schema.js';
import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { UploadDocumentForm } from '../../contract/documents.js';
import { hashPassword } from '../security/passwords.js';
import type { Services } from '../services/index.js';
import { approveWithoutReview } from '../services/organization-verification.js';
import type { UserRole } from '../../contract/vocabulary.js';
import { sampleContent } from './application-content.js';
import { PRACTICE_CALL_ID } from './calls.js';
import { pdfChunks } from './pdf.js';

// The steps the demo seeds are made of (demo.ts, province-stage.ts): registering an organization with its
// administrator and PI, drafting, attaching documents and submitting through the services, and officials.

export const DEMO_PASSWORD = 'Shenbao2026';

export interface DemoAccount {
  login: string;
  role: UserRole;
  who: string;
}

type Applicant = PrincipalOf<'unit-admin'>;

export interface DemoOrganization {
  login: string;
  name: string;
  creditCode: string;
  kind: 'enterprise' | 'university' | 'institute';
  department: string;
  pi: { name: string; login: string };
}

/** An applicant of the demo: its unit administrator, and the PI its next applications name. */
export interface DemoApplicant {
  actor: Applicant;
  organizationId: string;
  piId: string;
}

export interface DemoOfficial {
  login: string;
  role: UserRole;
  name: string;
  department?: string;
  /** What a newcomer finds there, in the printed list. */
  shows?: string;
}

/** A demo account's e-mail and mobile, made from its login: example.com receives no mail, and 1380000xxxx is no one's. */
export function demoContact(login: string): { email: string; mobile: string } {
  let n = 0;
  for (const c of login) n = (n * 31 + c.charCodeAt(0)) % 10_000;
  return { email: `${login}@example.com`, mobile: `1380000${String(n).padStart(4, '0')}` };
}

export const partner = (name: string, country: string, kind?: OrganizationKind) => ({
  name,
  country,
  ...(kind ? { kind } : {}),
  ...UNBARRED_PARTNER_ANSWERS,
});

/** The application's own facts: what the newcomer sees in the list, and the figures the rules judge. */
export interface DemoApplication {
  title: string;
  summary: string;
  field: string;
  /** Name (original language), ISO country code and, where the call asks it, the partner's kind. */
  partner: [string, string, OrganizationKind?];
  domesticPartners?: ApplicationForm['domesticPartners'];
  /** 总预算, 江苏方总预算, 省资助经费 (yuan). */
  budget: [number, number, number];
}

type Team = NonNullable<ApplicationContent['team']>;
type Sections = NonNullable<ApplicationContent['sections']>;

/** What sets one demo 申报书 apart from the next, beyond the parts every one of them writes alike. */
export interface DemoStory {
  abstract: string;
  keywords: string[];
  period: { start: string; end: string };
  pi: Omit<NonNullable<Team['pi']>, 'mobile' | 'email'>;
  members: NonNullable<Team['members']>;
  foreignPi: { name: string; position: string; email?: string };
  partnerInstitution: NonNullable<ApplicationContent['partnerInstitution']>;
  sections: Pick<Sections, 'rationale' | 'cooperationBasis' | 'researchPlan' | 'innovations'>;
  indicators: NonNullable<ApplicationContent['indicators']>;
  milestones: NonNullable<ApplicationContent['milestones']>;
}

/** The whole 申报书 of a demo application: its facts, its story, and the PI's contact from the PI's login. */
export function demoForm(a: DemoApplication, story: DemoStory, piLogin: string): ApplicationForm {
  const [partnerName, country, partnerKind] = a.partner;
  const [total, jiangsuTotal, provincialFunding] = a.budget;
  const base = sampleContent({
    title: a.title,
    field: a.field,
    budget: { total, jiangsuTotal, provincialFunding },
    foreign: { name: story.partnerInstitution.nameZh ?? partnerName, country },
  });
  return {
    ...base,
    title: a.title,
    summary: a.summary,
    field: a.field,
    partner: partner(partnerName, country, partnerKind),
    domesticPartners: a.domesticPartners ?? [],
    abstract: story.abstract,
    keywords: story.keywords,
    period: story.period,
    team: {
      pi: { ...story.pi, ...demoContact(piLogin) },
      members: story.members,
      foreignPi: { ...story.foreignPi, nationality: country },
      foreignMembers: [],
    },
    partnerInstitution: story.partnerInstitution,
    sections: { ...base.sections, ...story.sections },
    indicators: story.indicators,
    milestones: story.milestones,
  };
}

/** Registers the organization in its department, with its administrator and its PI (both can log in). */
export async function registerDemoOrganization(
  repos: Repositories,
  services: Services,
  o: DemoOrganization,
): Promise<DemoApplicant> {
  const department = (await repos.departments.list()).find((d) => d.name === o.department)!;
  const { organization } = await services.accounts.registerOrganization({
    organization: {
      name: o.name,
      creditCode: o.creditCode,
      kind: o.kind,
      registeredOn: '2012-03-15',
      inJiangsu: true,
      independentLegalEntity: true,
      ministryOrProvincialUniversity: o.kind === 'university',
      departmentId: department.id,
      address: `${o.name}（演示地址）`,
      contactName: `${o.name}联系人`,
      contactMobile: '13800000000',
      contactEmail: `${o.login}@example.com`,
    },
    admin: {
      login: o.login,
      password: DEMO_PASSWORD,
      displayName: `${o.name}管理员`,
      ...demoContact(o.login),
    },
  });
  // The demo's organizations are verified, so that a newcomer submits straight away.
  await approveWithoutReview(repos, organization.id, new Date());
  const actor = principalOf((await repos.users.findByLogin(o.login))!) as Applicant;
  return addDemoPi(services, { actor, organizationId: organization.id, piId: '' }, o.pi);
}

/** The applicant with another PI of its own, who can log in. */
export async function addDemoPi(
  services: Services,
  applicant: DemoApplicant,
  pi: DemoOrganization['pi'],
): Promise<DemoApplicant> {
  const person = await services.people.create(
    applicant.actor,
    {
      name: pi.name,
      ongoingProvincialProjects: 0,
      account: { login: pi.login, password: DEMO_PASSWORD, ...demoContact(pi.login) },
    },
    { seeded: true },
  );
  return { ...applicant, piId: person.id };
}

/** A draft in the practice call (or `callId`) with the applicant's PI; its 保密 question answered 否 unless `form` says. */
export async function draftDemo(
  services: Services,
  { actor, piId }: DemoApplicant,
  topic: TopicNumber,
  form: ApplicationForm,
  callId = PRACTICE_CALL_ID,
): Promise<string> {
  const row = await services.applications.create(actor, { callId, topic, piId });
  await services.applications.update(actor, row.id, {
    version: row.version,
    form: { classified: false, ...form },
  });
  return row.id;
}

/** Uploads a real PDF as the document `kind`, complete and signed unless `extra` says otherwise. */
export async function attachDemo(
  services: Services,
  { actor }: DemoApplicant,
  applicationId: string,
  kind: UploadDocumentForm['kind'],
  parties: string[],
  extra: Partial<UploadDocumentForm> = {},
): Promise<void> {
  const staged = await services.documents.stage(
    Readable.from(pdfChunks({ seed: `shenbao demo ${applicationId} ${kind}` })),
  );
  await services.documents.upload(
    actor,
    applicationId,
    {
      kind,
      parties,
      language: 'zh',
      chineseTranslation: false,
      complete: ALL_COMPLETE,
      signedOn: '2026-10-20',
      ...extra,
    },
    { ...staged, fileName: `${kind}.pdf` },
  );
}

/** The 项目信息表 and 项目申报书, signed and sealed, scanned and uploaded (三、1). */
export async function attachSignedForms(
  services: Services,
  applicant: DemoApplicant,
  applicationId: string,
): Promise<void> {
  // Signed scans name the 定稿 they were printed from, as an applicant's upload must.
  const { sha256 } = await services.finalization.finalize(applicant.actor, applicationId);
  for (const kind of ['info-form', 'application-form'] as const) {
    await attachDemo(services, applicant, applicationId, kind, [applicant.organizationId], {
      printedFrom: sha256,
    });
  }
}

/** Submits, or fails the seed with the rules' verdict. */
export async function submitDemo(
  services: Services,
  { actor }: DemoApplicant,
  applicationId: string,
): Promise<void> {
  const row = await services.applications.get(actor, applicationId);
  const outcome = await services.applications.submit(actor, applicationId, row.version);
  if (!outcome.submitted)
    throw new Error(`demo application did not pass: ${JSON.stringify(outcome.evaluation)}`);
}

/** Department, province and expert logins, with the demo's password. */
export async function insertDemoOfficials(repos: Repositories, officials: DemoOfficial[]): Promise<void> {
  const departments = new Map((await repos.departments.list()).map((d) => [d.name, d.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const o of officials) {
    await repos.users.insert({
      login: o.login,
      passwordHash,
      displayName: o.name,
      ...demoContact(o.login),
      role: o.role,
      departmentId: o.department ? departments.get(o.department)! : null,
      // Each demo official is its office's 管理员, so every page of its role can be shown.
      duties: o.role === 'province' || o.role === 'department' ? ['admin'] : [],
    });
  }
}
