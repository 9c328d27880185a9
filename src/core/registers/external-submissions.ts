import type { ExternalSubmission } from '../bundle/schema.js';
import type { RegisterDefinition } from './sheet.js';

// 同年度向其他部门的申报: what other departments received in the call's year, for the one-application, PI and
// duplicate-submission rules of 二、3. Imported for one call.

export interface ExternalSubmissionRecord {
  department: string;
  program: string;
  organizationName: string;
  creditCode: string;
  piName: string;
  title: string;
  summary: string;
  directed: boolean;
}

/** Departments the template names; any other is accepted as written. */
export const EXTERNAL_DEPARTMENTS = [
  '省发展改革委',
  '省工业和信息化厅',
  '省商务厅',
  '省文化和旅游厅',
  '省体育局',
  '省科技厅',
];

type Key =
  'department' | 'program' | 'organizationName' | 'creditCode' | 'piName' | 'title' | 'summary' | 'directed';

export const EXTERNAL_SUBMISSIONS: RegisterDefinition<Key, ExternalSubmissionRecord> = {
  columns: {
    department: {
      header: '受理部门',
      required: true,
      note: `如${EXTERNAL_DEPARTMENTS.join('、')}`,
      example: '省工业和信息化厅',
    },
    program: {
      header: '计划（专项）名称',
      required: true,
      note: '省自然科学基金的申报请写明“自然科学基金”（不计入“一家企业一项”）',
      example: '省级工业和信息产业转型升级专项',
    },
    organizationName: { header: '申报单位名称', required: true, note: '', example: '江苏示例科技有限公司' },
    creditCode: {
      header: '申报单位统一社会信用代码',
      required: true,
      note: '18 位',
      example: '913201000000000192',
    },
    piName: { header: '项目负责人', required: false, note: '用于“一名负责人一项”的比对', example: '张三' },
    title: { header: '项目名称', required: true, note: '', example: '工业互联网平台关键技术攻关' },
    summary: {
      header: '主要研究内容',
      required: false,
      note: '用于重复申报比对',
      example: '研发面向离散制造的工业互联网平台',
    },
    directed: { header: '是否定向组织', required: false, note: '是或否，不填为否', example: '否' },
  },
  keyColumns: () => ['department', 'program', 'creditCode', 'title'],
  read(r) {
    const department = r.text('department', 100);
    const program = r.text('program', 100);
    const organizationName = r.text('organizationName');
    const creditCode = r.creditCode('creditCode');
    const piName = r.text('piName', 50);
    const title = r.text('title');
    const summary = r.text('summary', 5000);
    const directed = r.yesNo('directed');
    if (!creditCode) return undefined;
    return { department, program, organizationName, creditCode, piName, title, summary, directed };
  },
  key: (s) => [s.department, s.program, s.creditCode, s.title].join('|'),
};

/** As the bundle carries it: a 省自然科学基金 application is marked so (exempt from one-per-enterprise). */
export function externalSubmissionOf(record: ExternalSubmissionRecord): ExternalSubmission {
  return {
    program: /自然科学基金/.test(record.program)
      ? 'natural-science-fund'
      : `${record.department}·${record.program}`,
    creditCode: record.creditCode,
    piName: record.piName,
    title: record.title,
    summary: record.summary,
    directed: record.directed,
  };
}
