import { BUDGET_TABLE_RULES } from './01-budget-table.js';
import { TOPIC_RULES } from './01-topics.js';
import { APPLICANT_AND_PARTNER_RULES } from './02-1-applicant-and-partner.js';
import { DOCUMENT_RULES } from './02-2-documents.js';
import { LIMIT_RULES } from './02-3-limits.js';
import { QUOTA_RULES } from './02-3-quotas.js';
import { INTEGRITY_RULES } from './02-4-integrity.js';
import { SECRECY_RULES } from './02-5-secrecy.js';
import { INSTRUMENT_RULES } from './02-7-instruments.js';
import { SIGNED_FORM_RULES } from './03-1-signed-forms.js';
import { OTHER_ATTACHMENT_RULES } from './03-1-other-attachments.js';
import { DEADLINE_RULES } from './03-3-deadlines.js';
import { CONTENT_RULES } from './04-content.js';
import type { Rule, RuleInfo } from './rule.js';

/** Every rule, in the notice's order; findings are reported in this order. */
export const RULES: readonly Rule[] = [
  ...TOPIC_RULES,
  ...BUDGET_TABLE_RULES,
  ...APPLICANT_AND_PARTNER_RULES,
  ...DOCUMENT_RULES,
  ...LIMIT_RULES,
  ...QUOTA_RULES,
  ...INTEGRITY_RULES,
  ...SECRECY_RULES,
  ...INSTRUMENT_RULES,
  ...SIGNED_FORM_RULES,
  ...OTHER_ATTACHMENT_RULES,
  ...DEADLINE_RULES,
  ...CONTENT_RULES,
];

/** The rules as data (for `shenbao rules`, the API and the web). */
export const RULE_CATALOGUE: readonly RuleInfo[] = RULES.map(({ id, severity, clause, title, target }) => ({
  id,
  severity,
  clause,
  title,
  target,
}));

const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/** What a rule requires, in Chinese; an unknown id (a rule since retired) as it is. */
export function ruleTitle(id: string): string {
  return TITLES.get(id) ?? id;
}

/** A rule as people read it: its requirement, the id beside it for reference. */
export function ruleLabel(id: string): string {
  const title = TITLES.get(id);
  return title ? `${title}（${id}）` : id;
}
