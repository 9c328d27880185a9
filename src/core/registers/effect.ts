import type { Report } from '../check.js';
import type { Finding } from '../rules/rule.js';

// The effect of a register import on verdicts: the same applications judged before and after, compared.

export interface VerdictChange {
  application: string;
  eligibleBefore: boolean;
  eligibleAfter: boolean;
  added: Finding[];
  removed: Finding[];
}

const identity = (f: Finding) => `${f.rule}|${f.severity}|${f.field ?? ''}|${f.message}`;

/** The applications of `after` whose findings differ from `before`, in `after`'s order. */
export function verdictChanges(before: Report, after: Report): VerdictChange[] {
  const earlier = new Map(before.applications.map((a) => [a.id, a]));
  return after.applications.flatMap((now) => {
    const then = earlier.get(now.id);
    if (!then) return [];
    const thenIds = new Set(then.findings.map(identity));
    const nowIds = new Set(now.findings.map(identity));
    const added = now.findings.filter((f) => !thenIds.has(identity(f)));
    const removed = then.findings.filter((f) => !nowIds.has(identity(f)));
    return added.length === 0 && removed.length === 0
      ? []
      : [{ application: now.id, eligibleBefore: then.eligible, eligibleAfter: now.eligible, added, removed }];
  });
}
