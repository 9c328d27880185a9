import { describe, expect, it } from 'vitest';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { instantMs } from '../time.js';
import {
  isLate,
  lateNotice,
  owedPaper,
  type OwedPaper,
  type PaperFacts,
  type PaperReceiptFact,
  paperState,
} from './register.js';

const call = JS_INTL_2026;
const at = (iso: string) => instantMs(iso);

const facts = (over: Partial<PaperFacts> = {}): PaperFacts => ({
  applications: [],
  confirmedDepartmentIds: [],
  ...over,
});
const app = (id: string, topic: number, funded = false) => ({
  id,
  topic,
  departmentId: 'd1',
  organizationId: 'o1',
  funded,
});

describe('应交的纸质材料', () => {
  const cases: { name: string; facts: PaperFacts; expected: Partial<OwedPaper>[] }[] = [
    { name: '没有申报、没有确认名单时，什么也不欠', facts: facts(), expected: [] },
    {
      name: '专题一的申报书须同步提交 7 份纸质材料，截止于网上填报截止时间',
      facts: facts({ applications: [app('a1', 1)] }),
      expected: [
        {
          kind: 'application-copies',
          applicationId: 'a1',
          copies: 7,
          deadline: call.deadlines.submission,
        },
      ],
    },
    {
      name: '其他专题申报阶段不交纸质材料',
      facts: facts({ applications: [app('a2', 2), app('a4', 4)] }),
      expected: [],
    },
    {
      name: '已确认推荐名单的主管部门交汇总表及诚信承诺书一式两份，截止于 5 月 22 日 17:30（三、3）',
      facts: facts({ confirmedDepartmentIds: ['d9'] }),
      expected: [
        {
          kind: 'department-materials',
          applicationId: null,
          departmentId: 'd9',
          copies: 2,
          deadline: call.deadlines.paper,
        },
      ],
    },
    {
      name: '最终立项的项目交装订本一份，时间由项目主管部门通知（无截止时间）',
      facts: facts({ applications: [app('a3', 3, true)] }),
      expected: [{ kind: 'funded-copy', applicationId: 'a3', copies: 1, deadline: null }],
    },
    {
      name: '立项的专题一项目两份都欠：申报阶段 7 份与立项后装订本 1 份',
      facts: facts({ applications: [app('a1', 1, true)] }),
      expected: [
        { kind: 'application-copies', copies: 7 },
        { kind: 'funded-copy', copies: 1 },
      ],
    },
  ];
  it.each(cases)('$name', ({ facts, expected }) => {
    const owed = owedPaper(call, facts);
    expect(owed).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(owed[i]).toMatchObject(e));
  });

  it('条款与原文来自计划参数', () => {
    const [materials] = owedPaper(call, facts({ confirmedDepartmentIds: ['d1'] }));
    expect(materials!.terms.clause).toBe('三、1');
    expect(materials!.terms.quote).toContain('一式两份');
    expect(materials!.deadline!.clause).toBe('三、3');
    expect(lateNotice(materials!)).toBe('逾期不予受理（三、3）');
  });
});

describe('收到时间的判断（北京时间）', () => {
  const [materials] = owedPaper(call, facts({ confirmedDepartmentIds: ['d1'] }));
  const [copies] = owedPaper(call, facts({ applications: [app('a1', 1)] }));
  const [funded] = owedPaper(call, facts({ applications: [app('a3', 3, true)] }));
  const cases = [
    {
      name: '5 月 22 日 17:29:59 收到，未逾期',
      item: materials!,
      at: '2026-05-22T17:29:59+08:00',
      late: false,
    },
    { name: '5 月 22 日 17:30 整收到，逾期', item: materials!, at: '2026-05-22T17:30:00+08:00', late: true },
    { name: '同一时刻以 UTC 表示（09:30Z），逾期', item: materials!, at: '2026-05-22T09:30:00Z', late: true },
    { name: '5 月 23 日收到，逾期', item: materials!, at: '2026-05-23T09:00:00+08:00', late: true },
    {
      name: '专题一 7 份在 5 月 18 日 17:30 前收到，未逾期',
      item: copies!,
      at: '2026-05-18T17:00:00+08:00',
      late: false,
    },
    {
      name: '专题一 7 份在 5 月 18 日 17:30 收到，逾期',
      item: copies!,
      at: '2026-05-18T17:30:00+08:00',
      late: true,
    },
    { name: '立项装订本没有截止时间，从不逾期', item: funded!, at: '2027-01-01T00:00:00+08:00', late: false },
  ];
  it.each(cases)('$name', ({ item, at: when, late }) => {
    expect(isLate(item, at(when))).toBe(late);
  });
});

describe('登记状态', () => {
  const [copies] = owedPaper(call, facts({ applications: [app('a1', 1)] }));
  const receipt = (
    id: string,
    n: number,
    when: string,
    over: Partial<PaperReceiptFact> = {},
  ): PaperReceiptFact => ({
    id,
    kind: 'application-copies',
    applicationId: 'a1',
    departmentId: null,
    copies: n,
    receivedAtMs: at(when),
    ...over,
  });
  const before = at('2026-05-10T09:00:00+08:00');
  const after = at('2026-05-19T09:00:00+08:00');

  it('未收到且未到截止时间：未收', () => {
    expect(paperState(copies!, [], before).status).toBe('owed');
  });
  it('截止时间已过仍未收到：逾期未收', () => {
    expect(paperState(copies!, [], after).status).toBe('overdue');
  });
  it('份数收齐且在截止前：已收，记录收齐的时间', () => {
    const state = paperState(copies!, [receipt('r1', 7, '2026-05-17T10:00:00+08:00')], after);
    expect(state).toMatchObject({ status: 'received', receivedCopies: 7 });
    expect(state.completedAtMs).toBe(at('2026-05-17T10:00:00+08:00'));
  });
  it('分两次送达，以收齐的一次判断是否逾期', () => {
    const state = paperState(
      copies!,
      [receipt('r2', 3, '2026-05-18T18:00:00+08:00'), receipt('r1', 4, '2026-05-17T10:00:00+08:00')],
      after,
    );
    expect(state).toMatchObject({ status: 'late', receivedCopies: 7 });
  });
  it('份数不足时仍为未收，并计已收份数', () => {
    const state = paperState(copies!, [receipt('r1', 4, '2026-05-17T10:00:00+08:00')], before);
    expect(state).toMatchObject({ status: 'owed', receivedCopies: 4, completedAtMs: null });
  });
  it('别的申报书或别的种类的收件不计入', () => {
    const state = paperState(
      copies!,
      [
        receipt('r1', 7, '2026-05-17T10:00:00+08:00', { applicationId: 'a2' }),
        receipt('r2', 7, '2026-05-17T10:00:00+08:00', { kind: 'funded-copy' }),
      ],
      before,
    );
    expect(state).toMatchObject({ status: 'owed', receivedCopies: 0, receipts: [] });
  });
});
