import { describe, expect, it } from 'vitest';
import {
  type ApplicationParties,
  type ConflictKind,
  conflictsOf,
  type DeclaredConflict,
  type ExpertAffiliation,
} from './conflicts.js';

// 利益冲突回避: who may not review an application, case by case.

const SEU = { name: '东南大学', creditCode: '12320000MB0A12342M' };
const XINGHE = { name: '南京星河智能装备有限公司', creditCode: '91320100MA1W7K3P4B' };

const application: ApplicationParties = {
  id: 'app-1',
  applicant: SEU,
  domesticPartners: [XINGHE],
  partner: { name: 'Fraunhofer IPA' },
};

const expert = (
  organizationName: string,
  organizationCreditCode: string | null = null,
): ExpertAffiliation => ({
  organizationName,
  organizationCreditCode,
});
const declared = (d: Partial<DeclaredConflict>): DeclaredConflict => ({
  creditCode: null,
  applicationId: null,
  reason: '近三年有合作',
  ...d,
});

interface Case {
  name: string;
  expert: ExpertAffiliation;
  declared?: DeclaredConflict[];
  conflicts: ConflictKind[];
}

const cases: Case[] = [
  {
    name: '专家与申报单位同一信用代码：回避',
    expert: expert('东南大学仪器科学学院', SEU.creditCode),
    conflicts: ['same-organization'],
  },
  {
    name: '专家单位名称与申报单位相同（无信用代码）：回避',
    expert: expert(' 东南大学 '),
    conflicts: ['same-organization'],
  },
  {
    name: '全角括号与半角括号视为同名',
    expert: expert('南京星河智能装备(有限公司)'),
    conflicts: ['domestic-partner'],
  },
  {
    name: '专家来自境内合作单位（按信用代码）：回避',
    expert: expert('星河装备', XINGHE.creditCode.toLowerCase()),
    conflicts: ['domestic-partner'],
  },
  {
    name: '专家来自境外合作机构（按名称，不分大小写）：回避',
    expert: expert('FRAUNHOFER IPA'),
    conflicts: ['foreign-partner'],
  },
  {
    name: '声明回避申报单位：回避',
    expert: expert('南京大学'),
    declared: [declared({ creditCode: SEU.creditCode })],
    conflicts: ['declared-organization'],
  },
  {
    name: '声明回避境内合作单位：回避',
    expert: expert('南京大学'),
    declared: [declared({ creditCode: XINGHE.creditCode })],
    conflicts: ['declared-organization'],
  },
  {
    name: '声明回避本项目：回避',
    expert: expert('南京大学'),
    declared: [declared({ applicationId: 'app-1' })],
    conflicts: ['declared-application'],
  },
  {
    name: '声明回避其他单位或其他项目：不回避',
    expert: expert('南京大学'),
    declared: [declared({ creditCode: '91320500MA1X0000X0' }), declared({ applicationId: 'app-2' })],
    conflicts: [],
  },
  { name: '无关单位的专家：不回避', expert: expert('南京大学', '12100000466006770Q'), conflicts: [] },
  { name: '名称仅部分相同不算同一单位', expert: expert('东南大学附属中大医院'), conflicts: [] },
  {
    name: '同时命中多项：全部列出',
    expert: expert('东南大学', SEU.creditCode),
    declared: [declared({ applicationId: 'app-1' })],
    conflicts: ['same-organization', 'declared-application'],
  },
];

describe('专家利益冲突', () => {
  it.each(cases)('$name', (c) => {
    const found = conflictsOf(c.expert, c.declared ?? [], application);
    expect(found.map((f) => f.kind)).toEqual(c.conflicts);
    for (const f of found) expect(f.message).toMatch(/专家/);
  });

  it('声明回避的理由写入提示', () => {
    const [found] = conflictsOf(
      expert('南京大学'),
      [declared({ applicationId: 'app-1', reason: '曾指导该负责人' })],
      application,
    );
    expect(found!.message).toContain('曾指导该负责人');
  });
});
