import {
  EXPENDITURE_KEYS,
  expendituresTotal,
  INDICATOR_KEYS,
  JUSTIFIED_HEADINGS,
  SECTION_KEYS,
  SOURCE_KEYS,
  sourcesTotal,
  type BudgetColumn,
} from '../application/content.js';
import { SECTION_LABELS } from '../application/form.js';
import type { Application, Bundle, Department, Organization, Person } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import {
  DIRECTION_LABELS,
  ETHICS_LABELS,
  EXPENDITURE_LABELS,
  GENDER_LABELS,
  ID_TYPE_LABELS,
  INDICATOR_LABELS,
  JUSTIFIED_HEADING_LABELS,
  ONGOING_PROGRAM_LABELS,
  ORGANIZATION_KIND_LABELS,
  PLATFORM_LABELS,
  SOURCE_LABELS,
  TOPIC_LABELS,
  listZh,
} from '../labels.js';
import { formatWanDecimal, wanDecimal } from '../money.js';
import { countryName } from '../reference/countries.js';
import { beijingDate, formatChineseDate, instantMs } from '../time.js';
import type { Block, Cell, PrintDocument, SignatureBox } from './blocks.js';
import { sectionBlocks } from './section-text.js';

// The four documents of 三、1 and 三、2, laid out as 江苏省科技计划 forms are: what each holds, in which order,
// and where the paper asks for a signature or a seal. Blank where the application or the record says nothing.

/** The documents the platform prints, in the order 三、2 binds them. */
export const PRINTED_FORMS = ['cover', 'unit-info', 'info-form', 'application-form'] as const;
export type PrintedForm = (typeof PRINTED_FORMS)[number];

export const PRINTED_FORM_LABELS: Record<PrintedForm, string> = {
  cover: '封面',
  'unit-info': '单位信息表',
  'info-form': '项目信息表',
  'application-form': '项目申报书',
};

/** The organisation's verified record beyond what the bundle holds (单位信息表); absent fields print as blank. */
export interface UnitRecord {
  address?: string | null;
  contactName?: string | null;
  contactMobile?: string | null;
  contactEmail?: string | null;
  departmentName?: string | null;
  verified?: boolean;
}

export interface FormsInput {
  call: CallParameters;
  bundle: Bundle;
  applicationId: string;
  unit?: UnitRecord;
  /** 受理编号, on the 封面 once there is one. */
  acceptanceNo?: string;
  /** The 封面's QR code; none without it. */
  verifyUrl?: string;
  generatedAt: Date;
  /** Reviewers' copies: the team's ID numbers are left out. */
  hideIdNumbers?: boolean;
}

/** What the forms are printed from: the application and the records it names. */
interface Subject {
  input: FormsInput;
  application: Application;
  organization: Organization | undefined;
  pi: Person | undefined;
  department: Department | undefined;
}

export class UnknownApplicationError extends Error {
  constructor(readonly applicationId: string) {
    super(`数据包中没有编号为 “${applicationId}” 的申报项目`);
  }
}

function subjectOf(input: FormsInput): Subject {
  const { bundle, applicationId } = input;
  const application = bundle.applications.find((a) => a.id === applicationId);
  if (!application) throw new UnknownApplicationError(applicationId);
  return {
    input,
    application,
    organization: bundle.organizations.find((o) => o.id === application.applicant),
    pi: bundle.people.find((p) => p.id === application.pi),
    department: bundle.departments.find((d) => d.id === application.department),
  };
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? '是' : '否');
const month = (ym: string | undefined) => {
  if (!ym) return '';
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
};
const chineseDate = (date: string | undefined) => (date ? formatChineseDate(date) : '');
const label = (text: string, span?: number): Cell => ({ text, label: true, ...(span ? { span } : {}) });
const value = (text: string | number | undefined | null, span?: number): Cell => ({
  text: text === undefined || text === null ? '' : String(text),
  ...(span ? { span } : {}),
});
/** A row of label–value pairs in a four-column form table; a lone pair spans the row. */
const pairs = (...items: [string, string | number | undefined | null][]): Cell[] =>
  items.length === 1
    ? [label(items[0]![0]), value(items[0]![1], 3)]
    : items.flatMap(([l, v]) => [label(l), value(v)]);
const FORM_WIDTHS = [1.25, 2, 1.25, 2];
const formTable = (...rows: Cell[][]): Block => ({ kind: 'table', widths: FORM_WIDTHS, rows });

export function monthsBetween(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

function periodText(application: Application): string {
  const { start, end } = application.period ?? {};
  if (!start || !end) return [month(start), month(end)].filter(Boolean).join('至');
  return `${month(start)}至${month(end)}（${monthsBetween(start, end)}个月）`;
}

function topicText({ input, application }: Subject): string {
  const topic = input.call.topics[application.topic];
  const direction = application.direction ? ` ${DIRECTION_LABELS[application.direction]}` : '';
  return `${TOPIC_LABELS[application.topic]} ${topic.name}${direction}`;
}

function departmentName({ input, department }: Subject): string {
  return input.unit?.departmentName ?? department?.name ?? '';
}

function applicationDate({ input, application }: Subject): string {
  const at = application.submittedAt ? instantMs(application.submittedAt) : input.generatedAt.getTime();
  return formatChineseDate(beijingDate(at));
}

const box = (title: string, sign: string, room = 0): SignatureBox => ({ title, sign, room });
const DATE_LINE = '年    月    日';
const PI_BOX = box(
  '项目负责人承诺：所填内容真实、准确，如有不实，愿承担相应责任。',
  `项目负责人（签字）：\n${DATE_LINE}`,
  1,
);
const UNIT_BOX = box('申报单位意见：', `申报单位（盖章）\n${DATE_LINE}`, 3);
const DEPARTMENT_BOX = box('主管部门意见：', `主管部门（盖章）\n${DATE_LINE}`, 3);

function cover(s: Subject): PrintDocument {
  const { input, application, organization, pi } = s;
  const blocks: Block[] = [
    { kind: 'space', lines: 3 },
    { kind: 'title', text: input.call.name },
    { kind: 'title', text: '项目申报书' },
    { kind: 'space', lines: 3 },
    {
      kind: 'cover-lines',
      lines: [
        { label: '计划类别', value: input.call.name },
        { label: '专题/方向', value: topicText(s) },
        { label: '项目名称', value: application.title },
        { label: '申报单位', value: organization?.name ?? '' },
        { label: '项目负责人', value: pi?.name ?? '' },
        { label: '主管部门', value: departmentName(s) },
        { label: '受理编号', value: input.acceptanceNo ?? '' },
        { label: '申报日期', value: applicationDate(s) },
      ],
    },
    { kind: 'space', lines: 2 },
    { kind: 'signatures', boxes: [box('', `申报单位（盖章）\n${DATE_LINE}`)] },
  ];
  if (input.verifyUrl) {
    blocks.push({ kind: 'qr', url: input.verifyUrl, caption: '扫码核验本申报书的定稿指纹' });
  }
  return { name: '封面', blocks };
}

function unitInfo(s: Subject): PrintDocument {
  const { input, organization: o } = s;
  const unit = input.unit ?? {};
  const ongoing = (o?.ongoingProjects ?? []).map(
    (p) => `${ONGOING_PROGRAM_LABELS[p.program]}${p.title ? `：${p.title}` : ''}`,
  );
  return {
    name: '单位信息表',
    blocks: [
      { kind: 'title', text: '单位信息表' },
      formTable(
        pairs(['单位名称', o?.name]),
        pairs(['统一社会信用代码', o?.creditCode], ['单位类型', o ? ORGANIZATION_KIND_LABELS[o.kind] : '']),
        pairs(['注册日期', chineseDate(o?.registeredOn)], ['是否在江苏省注册', yesNo(o?.inJiangsu)]),
        pairs(
          ['是否独立法人', yesNo(o?.independentLegalEntity)],
          ['是否部省属高校', yesNo(o?.ministryOrProvincialUniversity)],
        ),
        pairs(['通讯地址', unit.address]),
        pairs(['联系人', unit.contactName], ['手机', unit.contactMobile]),
        pairs(
          ['电子邮箱', unit.contactEmail],
          ['属地审核', unit.verified === undefined ? '' : unit.verified ? '已核验' : '未核验'],
        ),
        pairs(['主管部门', departmentName(s)]),
        pairs(['科研平台', listZh((o?.platforms ?? []).map((p) => PLATFORM_LABELS[p]))]),
        pairs(['在研省科技计划项目', ongoing.join('；')]),
      ),
      { kind: 'space', lines: 1 },
      { kind: 'signatures', boxes: [box('以上信息真实、准确。', `申报单位（盖章）\n${DATE_LINE}`, 2)] },
    ],
  };
}

function partnerRows({ application }: Subject): Cell[][] {
  const partner = application.partner;
  const institution = application.partnerInstitution ?? {};
  const foreignPi = application.team?.foreignPi;
  return [
    pairs(['合作机构（原文）', partner?.name]),
    pairs(['合作机构（中文）', institution.nameZh]),
    pairs(
      ['国别（地区）', partner ? countryName(partner.country) : ''],
      ['法定代表人', institution.legalRepresentative],
    ),
    pairs(['地址', institution.address]),
    pairs(['网址', institution.website]),
    pairs(
      ['境外方负责人', foreignPi?.name],
      ['国籍（地区）', foreignPi ? countryName(foreignPi.nationality) : ''],
    ),
    pairs(['在合作机构的职务', foreignPi?.position]),
  ];
}

function indicatorRows(application: Application): Cell[][] {
  const indicators = application.indicators ?? {};
  return INDICATOR_KEYS.map((key) => {
    const { label: name, unit } = INDICATOR_LABELS[key];
    const n = indicators[key];
    const shown = n === undefined ? '' : key === 'salesRevenue' ? wanDecimal(n) : String(n);
    return [value(name), value(shown, undefined), value(unit)].map((c, i) =>
      i === 0 ? c : { ...c, align: 'center' as const },
    );
  });
}

function infoForm(s: Subject): PrintDocument {
  const { application: a, organization, pi } = s;
  const details = a.team?.pi ?? {};
  const ethics = a.ethics;
  const flagged = (Object.keys(ETHICS_LABELS) as (keyof typeof ETHICS_LABELS)[]).filter(
    (k) => k !== 'reviewApproved' && ethics[k],
  );
  return {
    name: '项目信息表',
    blocks: [
      { kind: 'title', text: '项目信息表' },
      { kind: 'heading', text: '一、基本信息' },
      formTable(
        pairs(['项目名称', a.title]),
        pairs(['专题/方向', topicText(s)]),
        pairs(['申报单位', organization?.name]),
        pairs(['技术领域', a.field], ['关键词', (a.keywords ?? []).join('；')]),
        pairs(['执行期', periodText(a)]),
        pairs(['项目摘要', a.abstract ?? a.summary]),
      ),
      { kind: 'heading', text: '二、项目负责人' },
      formTable(
        pairs(['姓名', pi?.name], ['性别', details.gender ? GENDER_LABELS[details.gender] : '']),
        pairs(['出生年份', details.birthYear], ['职称', details.title]),
        pairs(['学位', details.degree], ['手机', details.mobile]),
        pairs(
          ['电子邮箱', details.email],
          ['工作单位', pi?.employer === organization?.id ? organization?.name : pi?.employer],
        ),
      ),
      { kind: 'heading', text: '三、境外合作机构及负责人' },
      formTable(...partnerRows(s)),
      { kind: 'heading', text: '四、经费预算' },
      formTable(
        pairs(
          ['项目总预算', formatWanDecimal(a.budget.total)],
          ['江苏方总预算', formatWanDecimal(a.budget.jiangsuTotal)],
        ),
        pairs(['申请省资助经费', formatWanDecimal(a.budget.provincialFunding)]),
      ),
      { kind: 'heading', text: '五、考核指标' },
      {
        kind: 'table',
        widths: [3, 1.5, 1],
        header: [[label('指标'), label('数量'), label('单位')]],
        rows: indicatorRows(a),
      },
      { kind: 'heading', text: '六、科技伦理与保密' },
      formTable(
        pairs(['科技伦理', flagged.length > 0 ? listZh(flagged.map((k) => ETHICS_LABELS[k])) : '不涉及']),
        pairs(
          ['伦理审查批件编号', a.ethicsApproval?.number],
          ['批准日期', chineseDate(a.ethicsApproval?.date)],
        ),
        pairs(['是否含有涉密内容', yesNo(a.classified)], ['已作脱密处理', yesNo(a.declassified)]),
      ),
      { kind: 'space', lines: 1 },
      { kind: 'signatures', boxes: [PI_BOX, UNIT_BOX, DEPARTMENT_BOX] },
    ],
  };
}

const CHINESE_NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
];

function budgetTable(s: Subject): Block[] {
  const { application: a, input } = s;
  const table = a.budgetTable;
  if (!table) {
    return [
      formTable(
        pairs(
          ['项目总预算', formatWanDecimal(a.budget.total)],
          ['江苏方总预算', formatWanDecimal(a.budget.jiangsuTotal)],
        ),
        pairs(['申请省资助经费', formatWanDecimal(a.budget.provincialFunding)]),
      ),
    ];
  }
  const columns: BudgetColumn[] = table.jiangsu ? [table.whole, table.jiangsu] : [table.whole];
  const amounts = (name: string, of: (c: BudgetColumn) => number | undefined, bold = false): Cell[] => [
    bold ? label(name) : value(name),
    ...columns.map((c) => ({ text: wanDecimal(of(c) ?? 0), align: 'right' as const })),
  ];
  const indirectAllowed = input.call.content.value.indirectCosts !== null;
  const expenditures = EXPENDITURE_KEYS.filter(
    (k) => k !== 'indirect' || indirectAllowed || columns.some((c) => (c.expenditures.indirect ?? 0) > 0),
  );
  const equipment = (c: BudgetColumn) =>
    (c.expenditures.equipmentPurchase ?? 0) +
    (c.expenditures.equipmentTrial ?? 0) +
    (c.expenditures.equipmentLease ?? 0);
  const span = columns.length + 1;
  const rows: Cell[][] = [
    [label('一、经费来源', span)],
    ...SOURCE_KEYS.map((k) => amounts(SOURCE_LABELS[k], (c) => c.sources[k])),
    amounts('来源合计', sourcesTotal, true),
    [label('二、经费支出', span)],
    amounts('设备费', equipment),
    ...expenditures.map((k) =>
      amounts(
        k.startsWith('equipment') ? `\u3000其中：${EXPENDITURE_LABELS[k]}` : EXPENDITURE_LABELS[k],
        (c) => c.expenditures[k],
      ),
    ),
    amounts('支出合计', expendituresTotal, true),
  ];
  const header: Cell[][] = [
    [
      label('科目'),
      label(table.jiangsu ? '全项目（万元）' : '金额（万元）'),
      ...(table.jiangsu ? [label('江苏方（万元）')] : []),
    ],
  ];
  const justifications = JUSTIFIED_HEADINGS.filter((k) => table.justifications?.[k]?.trim()).map((k) => [
    label(JUSTIFIED_HEADING_LABELS[k]),
    value(table.justifications![k]!.trim()),
  ]);
  return [
    { kind: 'table', widths: table.jiangsu ? [3, 1.5, 1.5] : [3, 2], header, rows },
    ...(justifications.length > 0
      ? [
          { kind: 'paragraph', runs: [{ text: '预算说明', bold: true }] } as Block,
          { kind: 'table', widths: [1, 5], rows: justifications } as Block,
        ]
      : []),
  ];
}

function applicationForm(s: Subject): PrintDocument {
  const { application: a, organization, pi, input } = s;
  const hide = input.hideIdNumbers === true;
  const blocks: Block[] = [{ kind: 'title', text: '项目申报书' }];
  let part = 0;
  const heading = (text: string) =>
    blocks.push({ kind: 'heading', text: `${CHINESE_NUMBERS[part++]}、${text}` });

  heading('项目基本情况');
  blocks.push(
    formTable(
      pairs(['项目名称', a.title]),
      pairs(['申报单位', organization?.name], ['项目负责人', pi?.name]),
      pairs(['技术领域', a.field], ['执行期', periodText(a)]),
      pairs(['专题/方向', topicText(s)]),
    ),
  );
  for (const key of SECTION_KEYS) {
    heading(SECTION_LABELS[key]);
    const text = a.sections?.[key]?.trim();
    blocks.push(
      ...(text ? sectionBlocks(text) : [{ kind: 'paragraph', runs: [{ text: '（未填写）' }] } as Block]),
    );
  }

  heading('项目组成员');
  const members = a.team?.members ?? [];
  blocks.push({
    kind: 'table',
    widths: hide ? [0.8, 1.2, 2.6, 1.3, 2.4, 1.2] : [0.8, 1.1, 1.5, 2.8, 1.9, 1.1, 1.7, 1.2],
    header: [
      [
        label('序号'),
        label('姓名'),
        ...(hide ? [] : [label('证件类型'), label('证件号码')]),
        label('工作单位'),
        label('职称'),
        label('项目分工'),
        label('月/年'),
      ],
    ],
    rows: members.map((m, i) => [
      value(i + 1),
      value(m.name),
      ...(hide ? [] : [value(ID_TYPE_LABELS[m.idType]), value(m.idNumber)]),
      value(m.organization),
      value(m.title),
      value(m.role),
      { text: String(m.monthsPerYear), align: 'center' },
    ]),
  });

  heading('境外合作机构及人员');
  blocks.push(formTable(...partnerRows(s)));
  const history = a.partnerInstitution?.history?.trim();
  if (history)
    blocks.push({ kind: 'paragraph', runs: [{ text: '合作历史：', bold: true }] }, ...sectionBlocks(history));
  const foreign = [
    ...(a.team?.foreignPi ? [{ ...a.team.foreignPi, role: '境外方负责人' }] : []),
    ...(a.team?.foreignMembers ?? []).map((m) => ({ ...m, role: '境外成员' })),
  ];
  blocks.push({
    kind: 'table',
    widths: [0.6, 2.6, 1.4, 2.6, 1.4],
    header: [
      [label('序号'), label('姓名（原文）'), label('国籍（地区）'), label('在合作机构的职务'), label('类别')],
    ],
    rows: foreign.map((m, i) => [
      value(i + 1),
      value(m.name),
      value(countryName(m.nationality)),
      value(m.position),
      value(m.role),
    ]),
  });

  heading('考核指标');
  blocks.push({
    kind: 'table',
    widths: [3, 1.5, 1],
    header: [[label('指标'), label('数量'), label('单位')]],
    rows: indicatorRows(a),
  });

  heading('年度计划');
  blocks.push({
    kind: 'table',
    widths: [0.8, 2.4, 6],
    header: [[label('阶段'), label('起止年月'), label('阶段目标')]],
    rows: (a.milestones ?? []).map((m, i) => [
      value(i + 1),
      value(`${month(m.from)}至${month(m.to)}`),
      value(m.goal),
    ]),
  });

  heading('经费预算表');
  blocks.push(...budgetTable(s));

  heading('大型科学仪器');
  const instruments = a.instruments?.items ?? [];
  blocks.push({
    kind: 'table',
    widths: [2, 1.3, 0.8, 2.5, 2.5],
    header: [
      [label('仪器名称'), label('单价（万元）'), label('数量'), label('用途'), label('不能租用或共享的理由')],
    ],
    rows: instruments.map((i) => [
      value(i.name),
      { text: wanDecimal(i.unitPrice), align: 'right' },
      { text: String(i.quantity), align: 'center' },
      value(i.purpose),
      value(i.whyNotShared),
    ]),
  });
  blocks.push(
    formTable(
      pairs(
        ['大型仪器标准', `单价 ${formatWanDecimal(input.call.content.value.instrumentThreshold)} 及以上`],
        ['查重评议、开放共享承诺', yesNo(a.instruments?.sharingCommitment)],
      ),
    ),
  );

  heading('科技伦理');
  const ethicsFlags = (Object.keys(ETHICS_LABELS) as (keyof typeof ETHICS_LABELS)[]).filter(
    (k) => k !== 'reviewApproved',
  );
  blocks.push(
    formTable(
      ...ethicsFlags.map((k) => pairs([ETHICS_LABELS[k], yesNo(a.ethics[k])])),
      pairs(
        ['伦理审查批件编号', a.ethicsApproval?.number],
        ['批准日期', chineseDate(a.ethicsApproval?.date)],
      ),
      pairs(['是否含有涉密内容', yesNo(a.classified)], ['已作脱密处理', yesNo(a.declassified)]),
    ),
    { kind: 'space', lines: 1 },
    { kind: 'signatures', boxes: [PI_BOX, UNIT_BOX, DEPARTMENT_BOX] },
  );
  return { name: '项目申报书', blocks };
}

const BUILDERS: Record<PrintedForm, (s: Subject) => PrintDocument> = {
  cover,
  'unit-info': unitInfo,
  'info-form': infoForm,
  'application-form': applicationForm,
};

/** The documents `forms`, in that order; throws UnknownApplicationError when the bundle lacks the application. */
export function printDocuments(
  input: FormsInput,
  forms: readonly PrintedForm[] = PRINTED_FORMS,
): PrintDocument[] {
  const subject = subjectOf(input);
  return forms.map((form) => BUILDERS[form](subject));
}
