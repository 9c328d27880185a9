import { describe, expect, it } from 'vitest';
import { findingStatement } from './rule.js';

describe('findingStatement', () => {
  it('drops the fix sentence: what is missing stays, “请上传” goes', () => {
    expect(
      findingStatement('科技创新合作平台建设项目须提供平台设立的证明文件。请上传平台设立的证明文件。'),
    ).toBe('科技创新合作平台建设项目须提供平台设立的证明文件。');
  });

  it('drops every fix after the first, and a fix after a comma or semicolon', () => {
    expect(
      findingStatement(
        '专题一方向 1 定向组织申报，不接受自由申报。请改选其他专题或方向；如属定向组织的项目，请标注。',
      ),
    ).toBe('专题一方向 1 定向组织申报，不接受自由申报。');
    expect(findingStatement('申请省资助 90 万元超过上限 80 万元，请调减至 80 万元以内')).toBe(
      '申请省资助 90 万元超过上限 80 万元。',
    );
  });

  it('keeps a message that has no fix, and the 请 of 申请', () => {
    expect(findingStatement('申报单位处于科研失信惩戒期内（至 2027年12月31日）。')).toBe(
      '申报单位处于科研失信惩戒期内（至 2027年12月31日）。',
    );
    expect(findingStatement('申请省资助超过江苏方总预算的 50%。')).toBe('申请省资助超过江苏方总预算的 50%。');
  });
});
