import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { missingFields, withoutUnfilled } from './form.js';

describe('未填写', () => {
  it('保密问题未回答即为未填写，不默认为“否”', () => {
    const fields = (form: object) => missingFields(JS_INTL_2026, 4, undefined, form).map((m) => m.field);
    expect(fields({})).toContain('classified');
    expect(fields({ classified: false })).not.toContain('classified');
  });

  it('脱密声明未作答即为未填写；答“否”不是未填写，由规则 secrecy.not-declassified 判断', () => {
    const fields = (form: object) => missingFields(JS_INTL_2026, 4, undefined, form).map((m) => m.field);
    expect(fields({})).toContain('declassified');
    expect(fields({ declassified: false })).not.toContain('declassified');
    expect(fields({ declassified: true })).not.toContain('declassified');
  });

  it('空白字段只报一次未填写：不再有规则把它读作空文字或 0 万元', () => {
    const missing = missingFields(JS_INTL_2026, 4, undefined, {});
    const findings = [
      { rule: 'field.not-key', field: 'field' },
      { rule: 'budget.consistency', field: 'budget' },
      { rule: 'budget.cap', field: 'budget.provincialFunding' },
      { rule: 'documents.agreement-missing', field: 'documents' },
      { rule: 'topic.not-open' },
    ];
    expect(missing.map((m) => m.field)).toContain('budgetTable');
    expect(withoutUnfilled(findings, missing).map((f) => f.rule)).toEqual([
      'documents.agreement-missing',
      'topic.not-open',
    ]);
  });

  it('经费预算表一个金额都未填，与未填写相同；填了一项即不再缺', () => {
    const table = (whole: object) => ({
      budgetTable: { whole: { sources: {}, expenditures: {}, ...whole } },
    });
    const fields = (form: object) => missingFields(JS_INTL_2026, 4, undefined, form).map((m) => m.field);
    expect(fields(table({}))).toContain('budgetTable');
    expect(fields(table({ sources: { provincial: 0 } }))).not.toContain('budgetTable');
  });

  it('申报书的各部分未填即列为未填写', () => {
    const fields = missingFields(JS_INTL_2026, 4, undefined, {}).map((m) => m.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'period.start',
        'keywords',
        'abstract',
        'team.pi.gender',
        'sections.rationale',
        'sections.risks',
        'budgetTable',
      ]),
    );
  });

  it('已填的字段照常判断', () => {
    const missing = missingFields(JS_INTL_2026, 4, undefined, {
      field: '新材料',
      budget: { total: 1, jiangsuTotal: 1, provincialFunding: 1 },
    });
    const findings = [
      { rule: 'field.not-key', field: 'field' },
      { rule: 'budget.consistency', field: 'budget' },
    ];
    expect(withoutUnfilled(findings, missing)).toEqual(findings);
  });
});
