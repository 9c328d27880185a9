import { describe, expect, it } from 'vitest';
import {
  application,
  bundle,
  department,
  organization,
  person,
  requiredDocuments,
} from '../../../test/support/factories/bundle.js';
import { NONE_COMPLETE, type Application, type EthicsFlag } from '../bundle/schema.js';
import { parseBundle } from '../bundle/parse.js';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { checkBundle } from '../check.js';
import { SUMMARY_COLUMNS, summaryRowCells, summaryTable, summaryTableTexts } from './summary-table.js';

// 附件 推荐项目汇总表: which applications a department lists, in what order, and what each cell says.

const recommended = (at: string, separateSlot = false) =>
  ({ status: 'recommended', separateSlot, at }) as const;
const MAY_12 = '2026-05-12T09:00:00+08:00';

function table(input: unknown, departmentId = 'd1', options: Record<string, unknown> = {}) {
  const parsed = parseBundle(input);
  if (!parsed.ok) throw new Error(`malformed bundle: ${JSON.stringify(parsed.problems)}`);
  return summaryTable(parsed.bundle, checkBundle(parsed.bundle), { departmentId, ...options });
}

/** The one row of a bundle whose application a1 the city d1 recommends. */
function row(
  overrides: Partial<Application> & Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const result = table(
    bundle({ applications: [application({ recommendation: recommended(MAY_12), ...overrides })], ...extra }),
  );
  expect(result!.rows).toHaveLength(1);
  return result!.rows[0]!;
}

const ethics = (flags: Partial<Record<EthicsFlag, boolean>>) =>
  ({ ...application().ethics, ...flags }) as Application['ethics'];

describe('推荐项目汇总表：列入哪些项目', () => {
  it('设区市的汇总表包含所辖县（市）推荐的项目', () => {
    const input = bundle({
      departments: [
        department({ id: 'd1', name: '南京市科学技术局' }),
        department({ id: 'd2', name: '溧水区科技局', kind: 'county', city: 'd1' }),
      ],
      applications: [
        application({ id: 'a1', department: 'd1', recommendation: recommended(MAY_12) }),
        application({ id: 'a2', department: 'd2', recommendation: recommended(MAY_12) }),
      ],
    });
    expect(table(input, 'd1')!.rows.map((r) => r.applicationId)).toEqual(['a1', 'a2']);
    expect(table(input, 'd2')!.rows.map((r) => r.applicationId)).toEqual(['a2']);
    expect(table(input, 'd2')!.header.departmentName).toBe('溧水区科技局');
  });

  it('不列入未推荐、未作推荐决定和其他主管部门的项目', () => {
    const input = bundle({
      departments: [department({ id: 'd1' }), department({ id: 'd3', kind: 'national-hitech-zone' })],
      applications: [
        application({ id: 'a1', recommendation: recommended(MAY_12) }),
        application({
          id: 'a2',
          recommendation: { status: 'not-recommended', separateSlot: false, at: MAY_12 },
        }),
        application({ id: 'a3' }),
        application({ id: 'a4', department: 'd3', recommendation: recommended(MAY_12) }),
      ],
    });
    expect(table(input, 'd1')!.rows.map((r) => r.applicationId)).toEqual(['a1']);
    expect(table(input, 'd3')!.rows.map((r) => r.applicationId)).toEqual(['a4']);
  });

  it('按推荐时间排序，同一时刻按数据包顺序，序号从 1 起', () => {
    const input = bundle({
      applications: [
        application({ id: 'late', recommendation: recommended('2026-05-15T09:00:00+08:00') }),
        application({ id: 'tie-1', recommendation: recommended('2026-05-13T01:00:00Z') }),
        application({ id: 'early', recommendation: recommended('2026-05-11T09:00:00+08:00') }),
        application({ id: 'tie-2', recommendation: recommended('2026-05-13T09:00:00+08:00') }),
      ],
    });
    const rows = table(input)!.rows;
    expect(rows.map((r) => r.applicationId)).toEqual(['early', 'tie-1', 'tie-2', 'late']);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
  });

  it('数据包中没有该主管部门：不生成汇总表', () => {
    expect(table(bundle(), 'nowhere')).toBeUndefined();
  });
});

describe('推荐项目汇总表：各栏内容', () => {
  it('一个符合要求的专题四项目：受理号、类型、名称、单位、国别与各栏“是”', () => {
    const r = row();
    expect(summaryRowCells(r)).toEqual([
      1,
      'a1',
      '重点国别产业技术研发合作项目',
      '国际合作项目a1：面向先进制造的联合研发',
      '单位o1',
      '德国',
      '是',
      '是',
      '否',
      '良好',
      '否',
    ]);
  });

  it('平台给出的项目受理号取代申报编号', () => {
    const result = table(
      bundle({ applications: [application({ recommendation: recommended(MAY_12) })] }),
      'd1',
      {
        acceptanceNumbers: { a1: 'GJ20260001' },
      },
    );
    expect(result!.rows[0]!.acceptanceNumber).toBe('GJ20260001');
  });

  it.each([
    [1, '重大科技开放合作平台建设项目'],
    [2, '“一带一路”创新合作项目'],
    [3, '双边创新合作项目'],
    [4, '重点国别产业技术研发合作项目'],
    [5, '港澳台科技合作项目'],
  ] as const)('专题%s 的项目类型为“%s”', (topic, name) => {
    expect(row({ topic, direction: topic === 1 ? 'big-science' : undefined }).projectType).toBe(name);
  });

  it('港澳台项目写地区名，没有境外合作机构的写“无”', () => {
    expect(row({ topic: 5 }).country).toBe('中国香港');
    expect(row({ topic: 1, direction: 'big-science', partner: undefined }).country).toBe('无');
  });

  it('经境外合作方确认的项目：国别下注明“经合作方确认（日期）”，更正的一项同时写出申报和确认的答案', () => {
    const partner = application().partner!;
    expect(
      row({ partner: { ...partner, confirmation: { confirmedOn: '2026-05-10', declared: {} } } }).country,
    ).toBe('德国\n经合作方确认（2026-05-10）');
    const corrected = row({
      partner: {
        ...partner,
        piAffiliated: false,
        confirmation: { confirmedOn: '2026-05-11', declared: { piAffiliated: true } },
      },
    });
    expect(corrected.country).toBe(
      '德国\n经合作方确认（2026-05-11）；境外方负责人是否在该机构任职：申报“是”，合作方确认“否”',
    );
  });

  it('缺少合作协议：合作文件一栏为“否”并说明缺少什么', () => {
    const docs = requiredDocuments('o1', '境外合作机构a1', 4).filter(
      (d) => d.kind !== 'cooperation-agreement',
    );
    expect(row({ documents: docs }).documentsCompliant).toBe(
      '否（缺少申报单位与主要境外合作机构“境外合作机构a1”签署的合作协议或合作意向书）',
    );
  });

  it('平台建设项目缺少平台设立证明：合作文件一栏为“否”', () => {
    const docs = requiredDocuments('o1', '境外合作机构a1', 1).filter((d) => d.kind !== 'platform-proof');
    const cell = row({
      topic: 1,
      direction: 'platform-inbound',
      partner: undefined,
      documents: docs,
    }).documentsCompliant;
    expect(cell).toMatch(/^否（.*平台设立的证明文件）$/);
  });

  it('承诺书缺失或文件缺少签字盖章：材料一栏为“否”并列明', () => {
    const docs = requiredDocuments('o1', '境外合作机构a1', 4)
      .filter((d) => d.kind !== 'integrity-commitment-pi')
      .map((d) =>
        d.kind === 'integrity-commitment-unit' ? { ...d, complete: { ...d.complete, seals: false } } : d,
      );
    expect(row({ documents: docs }).materialsComplete).toBe(
      '否（缺少项目负责人科研诚信承诺书；项目申报单位科研诚信承诺书缺少盖章）',
    );
  });

  it('文件只按其种类须具备的要素判断：承诺书不问分工和知识产权条款，平台证明不问签字盖章，材料一栏为“是”', () => {
    const docs = requiredDocuments('o1', '境外合作机构a1', 1).map((d) =>
      d.kind === 'integrity-commitment-pi' || d.kind === 'platform-proof'
        ? { ...d, complete: { ...NONE_COMPLETE, signatures: d.kind !== 'platform-proof', dates: true } }
        : d,
    );
    expect(row({ topic: 1, direction: 'big-science', documents: docs }).materialsComplete).toBe('是');
  });

  it.each([
    [{}, '否'],
    [{ humanGeneticResources: true }, '是（人类遗传资源）'],
    [{ germplasm: true, humanGeneticResources: true }, '是（人类遗传资源、种质资源）'],
    [{ ai: true, reviewApproved: true }, '是（人工智能；已通过科技伦理审查）'],
    [
      { humanGeneticResources: true, humanSubjects: true },
      '是（人类遗传资源、人体研究；未通过科技伦理审查）',
    ],
    [{ reviewApproved: true }, '否'],
  ] as const)('伦理事项 %j 注明为“%s”', (flags, cell) => {
    expect(row({ ethics: ethics(flags) }).ethics).toBe(cell);
  });

  it('申报单位或负责人在失信惩戒期内：信用一栏为“否”并说明', () => {
    expect(row({}, { organizations: [organization({ dishonestyUntil: '2027-01-01' })] }).credit).toBe(
      '否（申报单位“单位o1”有失信行为记录，惩戒执行期至2027年1月1日，期内不得申报）',
    );
    expect(row({}, { people: [person({ dishonestyUntil: '2026-12-31' })] }).credit).toMatch(
      /^否（项目负责人负责人p1有失信行为记录/,
    );
  });

  it('单独推荐名额注明依托的平台', () => {
    const slot = { recommendation: recommended(MAY_12, true) };
    const lab = [organization({ platforms: ['provincial-key-lab', 'belt-road-joint-lab'] })];
    expect(row(slot, { organizations: lab }).separateSlot).toBe('是（省重点实验室）');
    expect(row({ ...slot, topic: 2 }, { organizations: lab }).separateSlot).toBe(
      '是（科技部批复建设的“一带一路”联合实验室）',
    );
    const leader = [organization({ platforms: ['leading-enterprise', 'intl-coop-base'] })];
    expect(row(slot, { organizations: leader }).separateSlot).toBe(
      '是（科技部国际科技合作基地、省重点培育的领军企业）',
    );
  });

  it('不具备资格却占用单独推荐名额：注明不具备的原因', () => {
    expect(row({ recommendation: recommended(MAY_12, true) }).separateSlot).toMatch(
      /^是（专题四、五单独推荐名额：“单位o1”不具备.*之一的资格）$/,
    );
  });
});

describe('推荐项目汇总表：表头', () => {
  it('联系人、电话未给出时留空，日期按附件留作“2026年 月 日”', () => {
    expect(table(bundle())!.header).toEqual({
      departmentName: '主管部门d1',
      contact: '',
      phone: '',
      date: '2026年 月 日',
    });
  });

  it('给出联系人、电话和日期时填入', () => {
    expect(
      table(bundle(), 'd1', { contact: '王明', phone: '025-12345678', date: '2026-05-19' })!.header,
    ).toEqual({
      departmentName: '主管部门d1',
      contact: '王明',
      phone: '025-12345678',
      date: '2026年5月19日',
    });
  });

  it('附件的 11 个栏目依次排列；备注［1］列出的正是五个专题的项目类型', () => {
    const texts = summaryTableTexts();
    expect(texts.headings).toHaveLength(11);
    expect(texts.headings[0]).toBe('序号');
    expect(SUMMARY_COLUMNS.map((c) => c.heading)).toEqual(texts.headings);
    const names = Object.values(JS_INTL_2026.topics).map((t) => t.name);
    expect(texts.notes[0]).toBe(`备注：［1］分为${names.join('、')}。`);
  });
});
