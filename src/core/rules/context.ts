import type { Application, Bundle, Department, Organization, Person } from '../bundle/schema.js';
import { openStreamOf, type CallParameters, type StreamTerms, type TopicTerms } from '../calls/parameters.js';
import { beijingDate, instantMs } from '../time.js';
import type { Finding, Rule } from './rule.js';

export interface ApplicationView {
  app: Application;
  applicant: Organization;
  pi: Person;
  department: Department;
  topic: TopicTerms;
  /** The terms of its topic (or direction); `undefined` when the topic is closed or 专题一 lacks a direction. */
  terms: StreamTerms | undefined;
}

export interface FindingsByTarget {
  applications: Map<string, Finding[]>;
  departments: Map<string, Finding[]>;
}

export interface CheckContext {
  call: CallParameters;
  bundle: Bundle;
  asOfMs: number;
  /** The date of `asOf` in Beijing time. */
  asOfDate: string;
  organizations: ReadonlyMap<string, Organization>;
  people: ReadonlyMap<string, Person>;
  departments: ReadonlyMap<string, Department>;
  views: readonly ApplicationView[];
  /** Records a finding on an application or a department, as the rule's `target` says. */
  report(target: string, rule: Rule, clause: string, message: string, field?: string): void;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

/** A parsed bundle's references all resolve (parseBundle guarantees it). */
export function createContext(
  bundle: Bundle,
  call: CallParameters,
  findings: FindingsByTarget,
): CheckContext {
  const organizations = byId(bundle.organizations);
  const people = byId(bundle.people);
  const departments = byId(bundle.departments);
  const asOfMs = instantMs(bundle.asOf);
  const views = bundle.applications.map((app): ApplicationView => {
    return {
      app,
      applicant: organizations.get(app.applicant)!,
      pi: people.get(app.pi)!,
      department: departments.get(app.department)!,
      topic: call.topics[app.topic],
      terms: openStreamOf(call, app.topic, app.direction),
    };
  });
  return {
    call,
    bundle,
    asOfMs,
    asOfDate: beijingDate(asOfMs),
    organizations,
    people,
    departments,
    views,
    report(target, rule, clause, message, field) {
      const finding: Finding = { rule: rule.id, severity: rule.severity, clause, message };
      if (field !== undefined) finding.field = field;
      const byTarget = rule.target === 'application' ? findings.applications : findings.departments;
      byTarget.get(target)!.push(finding);
    },
  };
}
