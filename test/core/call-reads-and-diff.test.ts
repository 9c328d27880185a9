import { describe, expect, it } from 'vitest';
import { callDiff } from '../../src/core/calls/diff.js';
import { JS_INTL_2026 } from '../../src/core/calls/js-intl-2026.js';
import { RULES } from '../../src/core/rules/catalogue.js';
import { RULE_READS, rulesUsedBy } from '../../src/core/rules/reads.js';
import { CALL_FILES, readCallFile } from '../../src/server/seed/call-files.js';

// What the editor shows of a call: the rules it exercises (issue 15 §3) and its changes for people (§2).

const CALL_2027 = readCallFile(CALL_FILES.next);
const BILATERAL = readCallFile(CALL_FILES.bilateral);
const used = (call: typeof JS_INTL_2026) => rulesUsedBy(call).map((r) => r.id);

describe('每条规则都声明它读取的计划参数', () => {
  it('目录中的每条规则在 RULE_READS 中都有一项，且 RULE_READS 不含不存在的规则', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id) => !RULE_READS[id])).toEqual([]);
    expect(Object.keys(RULE_READS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('2026 年计划不用合作方类型规则（专题三另行发布），双边计划用它而不用推荐限额和单独名额', () => {
    expect(used(JS_INTL_2026)).not.toContain('partner.kind');
    expect(used(JS_INTL_2026)).toContain('quota.department');
    expect(used(BILATERAL)).toContain('partner.kind');
    expect(used(BILATERAL)).not.toContain('quota.department');
    expect(used(BILATERAL)).not.toContain('slot.not-offered');
    expect(used(BILATERAL)).not.toContain('limit.institution-belt-road');
  });

  it('所用规则列出它在本计划中读取的参数（中文名称）', () => {
    const cap = rulesUsedBy(BILATERAL).find((r) => r.id === 'budget.cap');
    expect(cap?.reads).toEqual(['专题三 › 省资助经费上限']);
  });
});

describe('两个版本之间的修改以中文名称和人看的数值列出', () => {
  it('2027 年计划相对 2026 年：上限以万元、国别以中文名、限额以项数列出，并注明条款', () => {
    const lines = callDiff(JS_INTL_2026, CALL_2027);
    expect(lines).toContainEqual({
      path: 'topics.2.terms.funding.value.cap',
      label: '专题二 › 省资助经费上限',
      before: '80 万元',
      after: '100 万元',
      clause: '一、专题二',
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        label: '专题四 › 重点国别（地区）',
        before: '英国、德国、芬兰、荷兰',
        after: '英国、德国、芬兰、荷兰、法国',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ label: '推荐限额 › 设区市科技局', before: '6', after: '8' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        label: '网上填报截止时间',
        before: '2026-05-18 17:30:00（北京时间）',
        after: '2027-05-17 17:30:00（北京时间）',
      }),
    );
  });

  it('同一计划与自身相比没有修改', () => {
    expect(callDiff(JS_INTL_2026, JS_INTL_2026)).toEqual([]);
  });
});
