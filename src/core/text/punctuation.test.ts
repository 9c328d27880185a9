import { describe, expect, it } from 'vitest';
import { joinClauses, sentence, withoutFinalPunctuation } from './punctuation.js';

describe('punctuation', () => {
  it('退回理由以“；”相连，不出现“。；”“；；”', () => {
    expect(joinClauses(['预算须重新核算。', '合作协议须重新盖章；', '  补充签署日期. ', '项目名称'])).toBe(
      '预算须重新核算；合作协议须重新盖章；补充签署日期；项目名称',
    );
  });

  it('空理由不留下空的分隔', () => {
    expect(joinClauses(['', '。', '补充附件'])).toBe('补充附件');
  });

  it('句末只有一个“。”', () => {
    expect(sentence('请在截止前重新提交。。')).toBe('请在截止前重新提交。');
    expect(sentence('请在截止前重新提交')).toBe('请在截止前重新提交。');
    expect(sentence('  ')).toBe('');
  });

  it('句中的标点保留', () => {
    expect(withoutFinalPunctuation('经费（万元）：80，自筹。')).toBe('经费（万元）：80，自筹');
  });
});
