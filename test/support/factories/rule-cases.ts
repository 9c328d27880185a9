import { expect } from 'vitest';
import type {
  Application,
  BundleInput,
  Organization,
  OrganizationKind,
  TopicNumber,
} from '../../../src/core/bundle/schema.js';
import type { Report } from '../../../src/core/check.js';
import type { Finding } from '../../../src/core/rules/rule.js';
import { application, bundle, document, organization, person, requiredDocuments } from './bundle.js';
import { check } from './check.js';
import { CENTRE_CONFIGURATION, type CallParameters } from '../../../src/core/calls/parameters.js';

// The table of named cases beside each rule file: a bundle and the whole expected outcome on the
// applications and departments it names. Listed rule ids are exact: a rule not listed must not fire.

export interface Expected {
  eligible: boolean;
  /** Rule ids reported as errors (each at least once); no other rule may report an error. */
  errors?: string[];
  /** Rule ids reported as warnings; no other rule may report a warning. */
  warnings?: string[];
  /** Words each finding of a rule must contain: the figures it concerns. */
  mentions?: Record<string, string[]>;
  /** The clause each finding of a rule cites. */
  cites?: Record<string, string>;
}

export interface RuleCase extends Partial<Expected> {
  name: string;
  bundle: unknown;
  /** The call the bundle is judged under (default: the bundle's own). */
  call?: CallParameters;
  /** The application the top-level expectation is about (default `a1`). */
  app?: string;
  /** Expectations on further applications. */
  others?: Record<string, Expected>;
  departments?: Record<string, { withinQuota: boolean } & Omit<Expected, 'eligible'>>;
}

/** `一、专题二`, `二、3`, `三、1`, `三、3`: the notice's own numbering; or the centre's configuration (中心配置). */
const NOTICE_CLAUSE = new RegExp(`^(一、专题[一二三四五]|二、[1-7]|三、[13]|${CENTRE_CONFIGURATION})$`, 'u');
const HAN = /\p{Script=Han}/u;
/** A space between a unit and the Chinese after it ("80 万元 以内"), or ASCII quotes in a Chinese message. */
const LOOSE_TYPOGRAPHY = /(?:万元|MB|KB|%) \p{Script=Han}|"/u;

function idsOf(findings: readonly Finding[], severity: Finding['severity']): string[] {
  return [...new Set(findings.filter((f) => f.severity === severity).map((f) => f.rule))].sort();
}

function expectFindings(findings: readonly Finding[], expected: Omit<Expected, 'eligible'>, where: string) {
  expect(idsOf(findings, 'error'), `errors on ${where}`).toEqual([...(expected.errors ?? [])].sort());
  expect(idsOf(findings, 'warning'), `warnings on ${where}`).toEqual([...(expected.warnings ?? [])].sort());
  for (const [rule, words] of Object.entries(expected.mentions ?? {})) {
    const messages = findings.filter((f) => f.rule === rule).map((f) => f.message);
    expect(messages.length, `${rule} on ${where}`).toBeGreaterThan(0);
    for (const message of messages) for (const word of words) expect(message).toContain(word);
  }
  for (const [rule, clause] of Object.entries(expected.cites ?? {})) {
    const clauses = findings.filter((f) => f.rule === rule).map((f) => f.clause);
    expect(clauses.length, `${rule} on ${where}`).toBeGreaterThan(0);
    for (const c of clauses) expect(c).toBe(clause);
  }
}

/** Every finding of a report speaks Chinese, set as Chinese is set, and cites the notice as the notice numbers itself. */
function expectWellFormedFindings(report: Report) {
  for (const target of [...report.applications, ...report.departments]) {
    for (const finding of target.findings) {
      expect(finding.message, finding.rule).toMatch(HAN);
      expect(finding.message, finding.rule).not.toMatch(LOOSE_TYPOGRAPHY);
      expect(finding.clause, finding.rule).toMatch(NOTICE_CLAUSE);
    }
  }
}

/** Checks a case's bundle and asserts its whole expected outcome. */
export function expectOutcome(c: RuleCase) {
  const report = check(c.bundle, c.call);
  expectWellFormedFindings(report);
  const apps: Array<[string, Expected]> = [
    ...(c.eligible === undefined ? [] : [[c.app ?? 'a1', c as Expected] as [string, Expected]]),
    ...Object.entries(c.others ?? {}),
  ];
  for (const [id, expected] of apps) {
    const app = report.applications.find((a) => a.id === id);
    expect(app, `application ${id}`).toBeDefined();
    expect(app!.eligible, `eligible ${id}`).toBe(expected.eligible);
    expectFindings(app!.findings, expected, id);
  }
  for (const [id, expected] of Object.entries(c.departments ?? {})) {
    const dept = report.departments.find((d) => d.id === id);
    expect(dept, `department ${id}`).toBeDefined();
    expect(dept!.withinQuota, `withinQuota ${id}`).toBe(expected.withinQuota);
    expectFindings(dept!.findings, expected, id);
  }
}

/** The factory's bundle with its one application `a1` built from `overrides` (and the bundle's own). */
export function single(overrides: Partial<Application>, bundleOverrides: Partial<BundleInput> = {}) {
  return bundle({ ...bundleOverrides, applications: [application(overrides)] });
}

/** A bundle whose one application `a1` (topic `topic`) is led by organization `lead` of `kind`, with
 * the given domestic partners, each under a complete domestic agreement. */
export function ledBy(
  kind: OrganizationKind,
  topic: TopicNumber,
  { partners = [], app = {} }: { partners?: Organization[]; app?: Partial<Application> } = {},
) {
  const docs = partners.map((p) => document({ kind: 'domestic-agreement', parties: ['lead', p.id] }));
  return bundle({
    organizations: [organization({ id: 'lead', kind }), ...partners],
    people: [person({ employer: 'lead' })],
    applications: [
      application({
        topic,
        applicant: 'lead',
        domesticPartners: partners.map((p) => p.id),
        documents: [...requiredDocuments('lead', '境外合作机构a1', topic), ...docs],
        ...app,
      }),
    ],
  });
}
