import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { awardNoticeDocument } from './award-notice.js';

describe('立项通知书', () => {
  it('states the number, the funding in 万元, the period and the call’s conditions in order, dated', () => {
    const doc = awardNoticeDocument({
      award: JS_INTL_2026.award.value,
      callName: '2026年度省国际科技合作/港澳台科技合作计划',
      projectNo: 'BZ2026001',
      title: '固态电解质联合研发',
      organizationName: '江苏示例科技有限公司',
      piName: '张三',
      funding: 600_000,
      period: { start: '2026-07', end: '2028-06' },
      issuedOn: '2026-12-28',
      announcementTitle: '拟立项项目公示',
    });
    const text = JSON.stringify(doc.blocks);
    for (const s of [
      'BZ2026001',
      '60.00 万元',
      '2026年7月 至 2028年6月',
      '2026年12月28日',
      JS_INTL_2026.award.value.issuer,
    ])
      expect(text).toContain(s);
    const list = doc.blocks.find((b) => b.kind === 'list');
    expect(list && list.kind === 'list' && list.items.map((i) => i[0]!.text)).toEqual([
      ...JS_INTL_2026.award.value.conditions,
    ]);
  });
});
