import { expect } from 'vitest';
import { CENTRE_CONFIGURATION } from '../../src/core/calls/parameters.js';
import type { Finding } from '../../src/core/rules/rule.js';
import { check } from '../support/factories/check.js';
import type { RuleCase } from '../support/factories/rule-cases.js';

// `expectOutcome` (test/support/factories/rule-cases.ts) for the case tables whose rules cite the centre's
// configuration (中心配置) besides the notice: that helper accepts only the notice's numbering. Once it accepts
// CENTRE_CONFIGURATION too, the tables use it and this file goes.

const CLAUSE = new RegExp(
  `^(一、专题[一二三四五](至专题五)?|二、[1-7]|三、[13]|${CENTRE_CONFIGURATION})$`,
  'u',
);
const HAN = /\p{Script=Han}/u;
const LOOSE_TYPOGRAPHY = /(?:万元|MB|KB|%) \p{Script=Han}|"/u;

const idsOf = (findings: readonly Finding[], severity: Finding['severity']) =>
  [...new Set(findings.filter((f) => f.severity === severity).map((f) => f.rule))].sort();

/** Checks a case's bundle (one application, `a1` unless `c.app`) and asserts its whole expected outcome. */
export function expectCentreOutcome(c: RuleCase) {
  const report = check(c.bundle);
  const app = report.applications.find((a) => a.id === (c.app ?? 'a1'))!;
  for (const finding of app.findings) {
    expect(finding.message, finding.rule).toMatch(HAN);
    expect(finding.message, finding.rule).not.toMatch(LOOSE_TYPOGRAPHY);
    expect(finding.clause, finding.rule).toMatch(CLAUSE);
  }
  expect(app.eligible, 'eligible').toBe(c.eligible);
  expect(idsOf(app.findings, 'error'), 'errors').toEqual([...(c.errors ?? [])].sort());
  expect(idsOf(app.findings, 'warning'), 'warnings').toEqual([...(c.warnings ?? [])].sort());
  for (const [rule, words] of Object.entries(c.mentions ?? {})) {
    const messages = app.findings.filter((f) => f.rule === rule).map((f) => f.message);
    expect(messages.length, rule).toBeGreaterThan(0);
    for (const message of messages) for (const word of words) expect(message).toContain(word);
  }
  for (const [rule, clause] of Object.entries(c.cites ?? {})) {
    const clauses = app.findings.filter((f) => f.rule === rule).map((f) => f.clause);
    expect(clauses.length, rule).toBeGreaterThan(0);
    for (const found of clauses) expect(found).toBe(clause);
  }
}
