import type { OngoingProgram } from '../bundle/schema.js';
import type { RegisterDefinition } from './sheet.js';

// 在研项目登记: the province's own projects still running. An enterprise holding an intl-coop, frontier-tech or
// major-special one may not apply, and a PI leading any may not lead another (二、3).

export interface OngoingProjectRecord {
  projectNo: string;
  program: OngoingProgram;
  organizationName: string;
  creditCode: string;
  title: string;
  piName: string;
  piIdNumber: string | null;
  startsOn: string;
  endsOn: string;
}

const PROGRAM_WORDS: [string, OngoingProgram][] = [
  ['国际合作', 'intl-coop'],
  ['国际科技合作', 'intl-coop'],
  ['港澳台科技合作', 'intl-coop'],
  ['省国际科技合作/港澳台科技合作计划', 'intl-coop'],
  ['前沿技术', 'frontier-tech'],
  ['省前沿技术研发计划', 'frontier-tech'],
  ['重大专项', 'major-special'],
  ['省科技重大专项', 'major-special'],
  ['其他', 'other'],
  ['其他省科技计划', 'other'],
];
const PROGRAMS = new Map(PROGRAM_WORDS);
const LISTED = ['国际合作', '前沿技术', '重大专项', '其他'];

type Key =
  | 'projectNo'
  | 'program'
  | 'organizationName'
  | 'creditCode'
  | 'title'
  | 'piName'
  | 'piIdNumber'
  | 'startsOn'
  | 'endsOn';

export const ONGOING_PROJECTS: RegisterDefinition<Key, OngoingProjectRecord> = {
  columns: {
    projectNo: {
      header: '项目编号',
      required: true,
      note: '省科技计划项目编号，同一编号再次导入即更新该项目',
      example: 'BZ2025001',
    },
    program: {
      header: '计划类别',
      required: true,
      note: `${LISTED.join('、')}之一`,
      example: '国际合作',
    },
    organizationName: { header: '承担单位名称', required: true, note: '', example: '江苏示例科技有限公司' },
    creditCode: {
      header: '承担单位统一社会信用代码',
      required: true,
      note: '18 位',
      example: '913201000000000192',
    },
    title: { header: '项目名称', required: true, note: '', example: '新型储能材料国际联合研发' },
    piName: { header: '项目负责人', required: true, note: '', example: '张三' },
    piIdNumber: {
      header: '项目负责人身份证号码',
      required: false,
      note: '填写后按身份证号码识别负责人；不填则按姓名和承担单位识别',
      example: '11010519491231002X',
    },
    startsOn: { header: '执行期起', required: true, note: 'YYYY-MM-DD', example: '2025-01-01' },
    endsOn: {
      header: '执行期止',
      required: true,
      note: 'YYYY-MM-DD；此日之后不再计为在研',
      example: '2027-12-31',
    },
  },
  keyColumns: () => ['projectNo'],
  read(r) {
    const projectNo = r.text('projectNo', 64).replace(/\s/g, '');
    const program = r.choice('program', PROGRAMS, LISTED);
    const organizationName = r.text('organizationName');
    const creditCode = r.creditCode('creditCode');
    const title = r.text('title');
    const piName = r.text('piName', 50);
    const piIdNumber = r.idNumber('piIdNumber') ?? null;
    const startsOn = r.date('startsOn');
    const endsOn = r.date('endsOn');
    r.period('startsOn', startsOn, 'endsOn', endsOn);
    if (!program || !creditCode || !startsOn || !endsOn) return undefined;
    return { projectNo, program, organizationName, creditCode, title, piName, piIdNumber, startsOn, endsOn };
  },
  key: (record) => record.projectNo,
};
