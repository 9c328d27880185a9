import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET_TABLE_RULES } from '../../src/core/rules/01-budget-table.js';
import { TOPIC_RULES } from '../../src/core/rules/01-topics.js';
import { APPLICANT_AND_PARTNER_RULES } from '../../src/core/rules/02-1-applicant-and-partner.js';
import { DOCUMENT_RULES } from '../../src/core/rules/02-2-documents.js';
import { LIMIT_RULES } from '../../src/core/rules/02-3-limits.js';
import { QUOTA_RULES } from '../../src/core/rules/02-3-quotas.js';
import { INTEGRITY_RULES } from '../../src/core/rules/02-4-integrity.js';
import { SECRECY_RULES } from '../../src/core/rules/02-5-secrecy.js';
import { INSTRUMENT_RULES } from '../../src/core/rules/02-7-instruments.js';
import { SIGNED_FORM_RULES } from '../../src/core/rules/03-1-signed-forms.js';
import { OTHER_ATTACHMENT_RULES } from '../../src/core/rules/03-1-other-attachments.js';
import { DEADLINE_RULES } from '../../src/core/rules/03-3-deadlines.js';
import { CONTENT_RULES } from '../../src/core/rules/04-content.js';
import { RULES } from '../../src/core/rules/catalogue.js';
import type { Rule } from '../../src/core/rules/rule.js';

// Each rule file has its table of named cases beside it; every case there also checks that each finding
// speaks Chinese and cites the notice's own numbering (test/factories/rule-cases.ts).

const BY_FILE: Record<string, readonly Rule[]> = {
  '01-topics': TOPIC_RULES,
  '01-budget-table': BUDGET_TABLE_RULES,
  '02-1-applicant-and-partner': APPLICANT_AND_PARTNER_RULES,
  '02-2-documents': DOCUMENT_RULES,
  '02-3-limits': LIMIT_RULES,
  '02-3-quotas': QUOTA_RULES,
  '02-4-integrity': INTEGRITY_RULES,
  '02-5-secrecy': SECRECY_RULES,
  '02-7-instruments': INSTRUMENT_RULES,
  '03-1-signed-forms': SIGNED_FORM_RULES,
  '03-1-other-attachments': OTHER_ATTACHMENT_RULES,
  '03-3-deadlines': DEADLINE_RULES,
  '04-content': CONTENT_RULES,
};

describe('规则目录', () => {
  it('规则 id 唯一', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('目录按通知顺序收录每个规则文件的全部规则', () => {
    expect(RULES).toEqual(Object.values(BY_FILE).flat());
  });

  it('每条规则都有中文标题', () => {
    for (const rule of RULES) expect(rule.title, rule.id).toMatch(/\p{Script=Han}/u);
  });

  it.each(Object.entries(BY_FILE))('%s 的每条规则在旁边的案例表中都有案例', (file, rules) => {
    const table = readFileSync(new URL(`../../src/core/rules/${file}.test.ts`, import.meta.url), 'utf8');
    for (const rule of rules) expect(table, rule.id).toContain(`'${rule.id}'`);
  });
});
