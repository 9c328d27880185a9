import { describe, expect, it } from 'vitest';
import { type AssignmentNeed, autoAssign, type Candidate, fieldMatches } from './assignment.js';

const need = (applicationId: string, field: string, extra: Partial<AssignmentNeed> = {}): AssignmentNeed => ({
  applicationId,
  field,
  assigned: [],
  conflicted: [],
  ...extra,
});
const candidate = (id: string, fields: string[], load = 0): Candidate => ({ id, fields, load });

describe('技术领域匹配', () => {
  it.each([
    { name: '相同领域匹配', expert: ['先进材料'], field: '先进材料', matches: true },
    { name: '专家领域包含于申报领域', expert: ['新型储能'], field: '氢能与新型储能', matches: true },
    {
      name: '申报领域包含于专家领域',
      expert: ['智能制造装备与机器人'],
      field: '智能制造装备',
      matches: true,
    },
    { name: '空格与大小写不影响', expert: ['AI 芯片'], field: 'ai芯片', matches: true },
    { name: '不同领域不匹配', expert: ['生物医药'], field: '先进材料', matches: false },
    { name: '未填写领域的申报书不匹配任何专家', expert: ['先进材料'], field: '', matches: false },
  ])('$name', (c) => expect(fieldMatches(c.expert, c.field)).toBe(c.matches));
});

describe('自动分配', () => {
  it('每项分配指定人数，负担最轻者优先', () => {
    const experts = [
      candidate('a', ['材料'], 2),
      candidate('b', ['材料'], 0),
      candidate('c', ['材料'], 1),
      candidate('d', ['材料'], 0),
    ];
    const { pairs, shortfalls } = autoAssign([need('x', '先进材料')], experts, 3);
    expect(pairs.map((p) => p.expertId)).toEqual(['b', 'd', 'c']);
    expect(shortfalls).toEqual([]);
  });

  it('多项申报之间均衡负担', () => {
    const experts = ['a', 'b', 'c', 'd'].map((id) => candidate(id, ['材料']));
    const { pairs } = autoAssign([need('x', '材料'), need('y', '材料')], experts, 2);
    const load = new Map<string, number>();
    for (const p of pairs) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    expect([...load.values()]).toEqual([1, 1, 1, 1]);
  });

  it('不分配存在利益冲突的专家，不足时报告缺额', () => {
    const experts = [candidate('a', ['材料']), candidate('b', ['材料'])];
    const { pairs, shortfalls } = autoAssign([need('x', '材料', { conflicted: ['a'] })], experts, 2);
    expect(pairs).toEqual([{ applicationId: 'x', expertId: 'b' }]);
    expect(shortfalls).toEqual([{ applicationId: 'x', missing: 1 }]);
  });

  it('只分配领域匹配的专家', () => {
    const experts = [candidate('bio', ['生物医药']), candidate('mat', ['材料'])];
    const { pairs } = autoAssign([need('x', '材料')], experts, 3);
    expect(pairs.map((p) => p.expertId)).toEqual(['mat']);
  });

  it('已分配的专家计入人数，不重复分配', () => {
    const experts = [candidate('a', ['材料'], 1), candidate('b', ['材料']), candidate('c', ['材料'])];
    const { pairs } = autoAssign([need('x', '材料', { assigned: ['a', 'b'] })], experts, 3);
    expect(pairs).toEqual([{ applicationId: 'x', expertId: 'c' }]);
  });

  it('可选专家少的申报书先分配，稀缺专家留给它', () => {
    const experts = [candidate('both', ['材料', '医药']), candidate('mat', ['材料'])];
    // y can only have `both`; x comes first in the input but is served after y.
    const { pairs, shortfalls } = autoAssign([need('x', '材料'), need('y', '医药')], experts, 1);
    expect(pairs).toContainEqual({ applicationId: 'y', expertId: 'both' });
    expect(pairs).toContainEqual({ applicationId: 'x', expertId: 'mat' });
    expect(shortfalls).toEqual([]);
  });
});
