import type { Clause } from '../calls/parameters.js';
import type { ApplicationView, CheckContext } from './context.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable identifier, e.g. `budget.cap`. */
  rule: string;
  severity: Severity;
  /** The clause as the notice numbers itself: `一、专题二`, `二、3`, `三、3`. */
  clause: Clause;
  /** Chinese: names the figures and says what to do. */
  message: string;
  /** Where in the application the problem lies (bundle field path), for forms to focus it. */
  field?: string;
}

/**
 * A finding as a statement of fact, without the fix its message ends with (“。请上传…”, “，请…”): for
 * whoever can no longer act on it, e.g. the reasons of 不予受理 given after submission.
 */
export function findingStatement(message: string): string {
  const fix = /[。，；]\s*请/u.exec(message);
  return fix ? `${message.slice(0, fix.index)}。` : message;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** The clause(s) the rule enforces, for the catalogue; each finding cites its concrete clause. */
  clause: Clause;
  /** What the rule requires, in Chinese. */
  title: string;
  target: 'application' | 'department';
}

export interface Rule extends RuleInfo {
  run(ctx: CheckContext): void;
}

export type Emit = (clause: Clause, message: string, field?: string) => void;

/** A rule that judges each application on its own (its references resolved). */
export function applicationRule(
  info: Omit<RuleInfo, 'target'>,
  check: (view: ApplicationView, emit: Emit, ctx: CheckContext) => void,
): Rule {
  const rule: Rule = {
    ...info,
    target: 'application',
    run(ctx) {
      for (const view of ctx.views) {
        check(view, (clause, message, field) => ctx.report(view.app.id, rule, clause, message, field), ctx);
      }
    },
  };
  return rule;
}

/** A rule that looks across applications; it reports on whichever targets it finds. */
export function crossRule(
  info: RuleInfo,
  run: (
    ctx: CheckContext,
    emit: (target: string, clause: Clause, message: string, field?: string) => void,
  ) => void,
): Rule {
  const rule: Rule = {
    ...info,
    run(ctx) {
      run(ctx, (target, clause, message, field) => ctx.report(target, rule, clause, message, field));
    },
  };
  return rule;
}
