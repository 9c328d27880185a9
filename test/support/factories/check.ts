import { parseBundle } from '../../../src/core/bundle/parse.js';
import { checkBundle, type Report } from '../../../src/core/check.js';
import type { CallParameters } from '../../../src/core/calls/parameters.js';

/**
 * Parses (as the CLI does) and checks, under `call` when given (as `check --call` does) or else the bundle's own;
 * a malformed bundle fails the test with its problems.
 */
export function check(input: unknown, call?: CallParameters): Report {
  const parsed = parseBundle(input);
  if (!parsed.ok) throw new Error(`malformed bundle: ${JSON.stringify(parsed.problems)}`);
  return checkBundle(parsed.bundle, call);
}

/** Rule ids found on an application (errors and warnings). */
export function rulesOn(report: Report, applicationId = 'a1'): string[] {
  return report.applications.find((a) => a.id === applicationId)!.findings.map((f) => f.rule);
}

export function errorsOn(report: Report, applicationId = 'a1'): string[] {
  return report.applications
    .find((a) => a.id === applicationId)!
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.rule);
}
