import { UNBARRED_PARTNER_ANSWERS } from '../../../src/core/application/form.js';
import { ALL_COMPLETE } from '../../../src/core/bundle/schema.js';
import { creditCode } from './credit-code.js';
import type {
  Application,
  BundleDocument,
  BundleInput,
  Department,
  ExternalSubmission,
  Organization,
  Person,
} from '../../../src/core/bundle/schema.js';

// Factories build valid objects (an eligible 专题四 application by a Jiangsu enterprise with a German
// partner, all documents complete, submitted in time) that a test overrides where it matters.

type Input<T> = Partial<T> & Record<string, unknown>;

export function organization(overrides: Input<Organization> = {}): Organization {
  const id = overrides.id ?? 'o1';
  return {
    id,
    name: `单位${id}`,
    creditCode: creditCode(hash(id)),
    kind: 'enterprise',
    inJiangsu: true,
    registeredOn: '2015-06-01',
    independentLegalEntity: true,
    ministryOrProvincialUniversity: false,
    platforms: [],
    ongoingProjects: [],
    ...overrides,
  };
}

export function person(overrides: Input<Person> = {}): Person {
  const id = overrides.id ?? 'p1';
  return { id, name: `负责人${id}`, employer: 'o1', ongoingProvincialProjects: 0, ...overrides };
}

export function department(overrides: Input<Department> = {}): Department {
  const id = overrides.id ?? 'd1';
  return { id, name: `主管部门${id}`, kind: 'city', ...overrides };
}

export function document(overrides: Input<BundleDocument> = {}): BundleDocument {
  return {
    kind: 'cooperation-agreement',
    parties: [],
    signedOn: '2026-01-15',
    language: 'zh',
    chineseTranslation: false,
    complete: { ...ALL_COMPLETE },
    ...overrides,
  };
}

/** The documents an application of `topic` needs, between `applicant` and `partnerName`. */
export function requiredDocuments(applicant: string, partnerName: string, topic: number): BundleDocument[] {
  const docs = [
    document({ kind: 'cooperation-agreement', parties: [applicant, partnerName] }),
    document({ kind: 'integrity-commitment-unit', parties: [applicant] }),
    document({ kind: 'integrity-commitment-pi', parties: [applicant] }),
    document({ kind: 'info-form', parties: [applicant] }),
    document({ kind: 'application-form', parties: [applicant] }),
  ];
  if (topic === 1) docs.push(document({ kind: 'platform-proof', parties: [applicant] }));
  if (topic === 2) {
    docs.push(
      document({
        kind: 'joint-lab-agreement',
        parties: [applicant, partnerName],
        signedOn: '2025-06-01',
        validUntil: '2030-12-31',
      }),
    );
  }
  return docs;
}

const PARTNER_COUNTRY: Record<number, string> = { 1: 'DE', 2: 'KZ', 3: 'SG', 4: 'DE', 5: 'HK' };
const KEY_FIELD: Record<number, string> = {
  1: '智能制造',
  2: '智慧农业',
  3: '生命健康',
  4: '生物医药',
  5: '人工智能',
};

export function application(overrides: Input<Application> = {}): Application {
  const id = overrides.id ?? 'a1';
  const topic = overrides.topic ?? 4;
  const applicant = overrides.applicant ?? 'o1';
  const partnerName = `境外合作机构${id}`;
  return {
    id,
    title: `国际合作项目${id}：面向先进制造的联合研发`,
    summary: `联合开展关键技术攻关与成果转化（${id}）`,
    topic,
    directed: false,
    applicant,
    pi: 'p1',
    department: 'd1',
    field: KEY_FIELD[topic]!,
    partner: { name: partnerName, country: PARTNER_COUNTRY[topic]!, ...UNBARRED_PARTNER_ANSWERS },
    domesticPartners: [],
    budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: 800_000 },
    documents: requiredDocuments(applicant, partnerName, topic),
    ethics: {
      humanSubjects: false,
      labAnimals: false,
      ai: false,
      humanGeneticResources: false,
      germplasm: false,
      reviewApproved: false,
    },
    classified: false,
    submittedAt: '2026-05-10T10:00:00+08:00',
    ...overrides,
  };
}

export function externalSubmission(overrides: Input<ExternalSubmission> = {}): ExternalSubmission {
  return {
    program: '省重点研发计划',
    creditCode: creditCode(999),
    piName: '',
    title: '另一个部门的项目',
    summary: '',
    directed: false,
    ...overrides,
  };
}

/** A bundle with one organization o1, one PI p1, one city department d1 and the given applications. */
export function bundle(overrides: Partial<BundleInput> & { applications?: Application[] } = {}) {
  return {
    format: 'shenbao.bundle/1' as const,
    call: 'JS-INTL-2026',
    asOf: '2026-05-10T12:00:00+08:00',
    organizations: [organization()],
    people: [person()],
    departments: [department()],
    applications: [application()],
    externalSubmissions: [],
    ...overrides,
  };
}

export { ALL_COMPLETE, creditCode };

function hash(id: string): number {
  let h = 7;
  for (const c of id) h = (h * 31 + c.codePointAt(0)!) % 99_999_989;
  return h;
}
