import { describe, expect, it } from 'vitest';
import { creditCode } from '../../../test/support/factories/bundle.js';
import { bundle, organization } from '../../../test/support/factories/bundle.js';
import { check } from '../../../test/support/factories/check.js';
import { readDate, readIdNumber, readYesNo } from './cells.js';
import type { DishonestyRecord } from './dishonesty.js';
import { verdictChanges } from './effect.js';
import { externalSubmissionOf, type ExternalSubmissionRecord } from './external-submissions.js';
import { isSamePerson, organizationFacts, personFacts } from './facts.js';
import { parseRegisterSheet, registerColumns, type RegisterKind } from './kinds.js';
import type { OngoingProjectRecord } from './ongoing-projects.js';
import type { Sheet } from './sheet.js';

const CODE = creditCode(1);
const OTHER = creditCode(2);

function sheet(
  kind: RegisterKind,
  rows: Record<string, string>[],
  headers = registerColumns(kind).map((c) => c.header),
): Sheet {
  return { headers, rows: rows.map((r, i) => ({ row: i + 2, cells: headers.map((h) => r[h] ?? '') })) };
}

describe('单元格', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
  ])('日期“%s”读作 %s', (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, value: date });
  });

  it.each(['2026-02-30', '2026-13-01', '20260301', '明年'])('“%s”不是有效日期', (text) => {
    expect(readDate(text)).toMatchObject({ ok: false, problem: expect.stringContaining('不是有效日期') });
  });

  it('身份证号码按 GB 11643 校验末位，小写 x 视同 X', () => {
    expect(readIdNumber('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(readIdNumber('110105194912310021')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('应为“X”'),
    });
    expect(readIdNumber('1101051949')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('18 位'),
    });
  });

  it('是否：是/否，不填为否，其他值报错', () => {
    expect(readYesNo('是')).toEqual({ ok: true, value: true });
    expect(readYesNo('')).toEqual({ ok: true, value: false });
    expect(readYesNo('可能')).toMatchObject({ ok: false });
  });
});

describe('登记表逐行检查', () => {
  const project = {
    项目编号: 'BZ1',
    计划类别: '前沿技术',
    承担单位名称: '甲公司',
    承担单位统一社会信用代码: CODE,
    项目名称: '项目甲',
    项目负责人: '张三',
    执行期起: '2025-01-01',
    执行期止: '2027-12-31',
  };

  it('表头可带空格和必填标记 *，列的顺序不限，多余的列忽略', () => {
    const headers = [
      '备注',
      ...registerColumns('ongoing-projects')
        .map((c) => ` ${c.header}* `)
        .reverse(),
    ];
    const parsed = parseRegisterSheet('ongoing-projects', {
      headers,
      rows: [
        {
          row: 2,
          cells: headers.map(
            (h) =>
              (project as Record<string, string>)[h.replace(/[\s*]/g, '')] ??
              (h === '备注' ? '随便写的备注' : ''),
          ),
        },
      ],
    });
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows[0]!.record).toMatchObject({
      projectNo: 'BZ1',
      program: 'frontier-tech',
      creditCode: CODE,
    });
  });

  it('表头重复或缺少必填列时不读任何行', () => {
    const headers = registerColumns('ongoing-projects').map((c) => c.header);
    const parsed = parseRegisterSheet(
      'ongoing-projects',
      sheet('ongoing-projects', [project], [...headers.slice(1), '执行期起']),
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.fileProblems.map((p) => p.message)).toEqual([
      '表头“执行期起”出现了两次',
      '缺少必填列“项目编号”（请使用模板的表头）',
    ]);
  });

  it('必填单元格为空时指出列名；空行跳过', () => {
    const parsed = parseRegisterSheet(
      'ongoing-projects',
      sheet('ongoing-projects', [{ ...project, 项目名称: '' }, {}]),
    );
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.problems).toEqual([{ row: 2, column: '项目名称', message: '“项目名称”不能为空' }]);
  });

  it('失信记录：单位须有信用代码，个人须有身份证号码或所在单位代码', () => {
    const base = {
      处理期起: '2026-01-01',
      处理期止: '2027-01-01',
      认定来源: '信用中国',
      失信行为及处理: '失信',
    };
    const parsed = parseRegisterSheet(
      'dishonesty',
      sheet('dishonesty', [
        { ...base, 主体类型: '单位', 单位名称或姓名: '甲公司' },
        { ...base, 主体类型: '个人', 单位名称或姓名: '张三' },
        { ...base, 主体类型: '个人', 单位名称或姓名: '李四', 统一社会信用代码: CODE },
        { ...base, 主体类型: '团体', 单位名称或姓名: '乙' },
      ]),
    );
    expect(parsed.rows.map((r) => r.problems.map((p) => p.column))).toEqual([
      ['统一社会信用代码'],
      ['身份证号码'],
      [],
      ['主体类型'],
    ]);
    expect(parsed.rows[2]!.key).toBe(`person|李四|${CODE}|2026-01-01|2027-01-01`);
  });

  it('同年度申报：同一部门、计划、单位和项目名称的两行是重复行；自然科学基金单独标记', () => {
    const row = {
      受理部门: '省科技厅',
      '计划（专项）名称': '省自然科学基金',
      申报单位名称: '甲',
      申报单位统一社会信用代码: CODE,
      项目名称: '项目甲',
    };
    const parsed = parseRegisterSheet(
      'external-submissions',
      sheet('external-submissions', [row, { ...row, 主要研究内容: '不同' }]),
    );
    expect(parsed.rows[1]!.problems[0]!.message).toContain(
      '与第 2 行重复（“受理部门”、“计划（专项）名称”、“申报单位统一社会信用代码”、“项目名称”相同）',
    );
    expect(externalSubmissionOf(parsed.rows[0]!.record!).program).toBe('natural-science-fund');
    expect(
      externalSubmissionOf({
        ...(parsed.rows[0]!.record as ExternalSubmissionRecord),
        program: '转型升级专项',
        department: '省工信厅',
      }).program,
    ).toBe('省工信厅·转型升级专项');
  });
});

describe('登记库对单位和人员的认定', () => {
  const ongoing = (overrides: Partial<OngoingProjectRecord>): OngoingProjectRecord => ({
    projectNo: 'P',
    program: 'intl-coop',
    organizationName: '甲',
    creditCode: CODE,
    title: '在研项目',
    piName: '张三',
    piIdNumber: null,
    startsOn: '2025-01-01',
    endsOn: '2026-06-30',
    ...overrides,
  });
  const record = (overrides: Partial<DishonestyRecord>): DishonestyRecord => ({
    subject: 'person',
    name: '张三',
    creditCode: CODE,
    idNumber: null,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    source: '信用中国',
    recordNo: null,
    reason: '失信',
    ...overrides,
  });
  const zhang = { name: '张三', idNumber: null, employerCreditCode: CODE };

  it('人员：双方都有身份证号码时只比号码，否则比姓名和所在单位信用代码', () => {
    const id = '11010519491231002X';
    expect(isSamePerson({ ...zhang, idNumber: id }, { name: '张叁', idNumber: id, creditCode: OTHER })).toBe(
      true,
    );
    expect(
      isSamePerson(
        { ...zhang, idNumber: id },
        { name: '张三', idNumber: '110105194912310029', creditCode: CODE },
      ),
    ).toBe(false);
    expect(isSamePerson(zhang, { name: '张三', idNumber: id, creditCode: CODE })).toBe(true);
    expect(isSamePerson(zhang, { name: '张三', idNumber: null, creditCode: OTHER })).toBe(false);
  });

  it('在研项目只在执行期内计入（含首尾两日）', () => {
    expect(organizationFacts(CODE, '2026-06-30', [ongoing({})], []).ongoingProjects).toEqual([
      { program: 'intl-coop', title: '在研项目' },
    ]);
    expect(organizationFacts(CODE, '2026-07-01', [ongoing({})], []).ongoingProjects).toEqual([]);
    expect(
      personFacts(zhang, '2026-06-30', [ongoing({}), ongoing({ creditCode: OTHER })], [])
        .ongoingProvincialProjects,
    ).toBe(1);
  });

  it('失信处理期：已开始的记录中取最晚的截止日；尚未开始的不计', () => {
    const records = [
      record({ endsOn: '2026-12-31' }),
      record({ endsOn: '2030-01-01', startsOn: '2027-01-01' }),
    ];
    expect(personFacts(zhang, '2026-05-01', [], records).dishonestyUntil).toBe('2026-12-31');
    expect(personFacts(zhang, '2025-05-01', [], records).dishonestyUntil).toBeUndefined();
    expect(
      organizationFacts(CODE, '2026-05-01', [], [record({ subject: 'organization', endsOn: '2026-09-01' })]),
    ).toEqual({
      ongoingProjects: [],
      dishonestyUntil: '2026-09-01',
    });
  });
});

describe('对检查结论的影响', () => {
  it('只列出结论有变化的申报书，带新增和消除的问题', () => {
    const before = check(bundle());
    const after = check(bundle({ organizations: [organization({ dishonestyUntil: '2030-01-01' })] }));
    const changes = verdictChanges(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      application: 'a1',
      eligibleBefore: true,
      eligibleAfter: false,
      removed: [],
    });
    expect(changes[0]!.added.map((f) => f.rule)).toEqual(['integrity.applicant-dishonest']);
    expect(verdictChanges(after, after)).toEqual([]);
  });
});
