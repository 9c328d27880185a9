import type { RegisterDefinition } from './sheet.js';

// 失信记录: credit and dishonesty records with their punishment periods. An applicant or PI with a period in
// force may not apply (二、4).

export type DishonestySubject = 'organization' | 'person';

export interface DishonestyRecord {
  subject: DishonestySubject;
  /** The organization's name, or the person's. */
  name: string;
  /** The organization's code, or the code of the person's employer. */
  creditCode: string | null;
  idNumber: string | null;
  startsOn: string;
  endsOn: string;
  source: string;
  recordNo: string | null;
  reason: string;
}

const SUBJECTS = new Map<string, DishonestySubject>([
  ['单位', 'organization'],
  ['法人', 'organization'],
  ['个人', 'person'],
  ['自然人', 'person'],
]);

type Key =
  'subject' | 'name' | 'creditCode' | 'idNumber' | 'startsOn' | 'endsOn' | 'source' | 'recordNo' | 'reason';

export const DISHONESTY: RegisterDefinition<Key, DishonestyRecord> = {
  columns: {
    subject: { header: '主体类型', required: true, note: '单位或个人', example: '单位' },
    name: { header: '单位名称或姓名', required: true, note: '', example: '江苏示例科技有限公司' },
    creditCode: {
      header: '统一社会信用代码',
      required: false,
      note: '单位必填；个人填所在单位的代码（未填身份证号码时必填）',
      example: '913201000000000192',
    },
    idNumber: { header: '身份证号码', required: false, note: '个人填写；单位不填', example: '' },
    startsOn: { header: '处理期起', required: true, note: 'YYYY-MM-DD', example: '2026-01-01' },
    endsOn: { header: '处理期止', required: true, note: 'YYYY-MM-DD；含当日', example: '2028-12-31' },
    source: {
      header: '认定来源',
      required: true,
      note: '作出认定的部门或信用平台',
      example: '省科技厅科研诚信',
    },
    recordNo: {
      header: '文号或记录编号',
      required: false,
      note: '填写后按“认定来源 + 编号”识别记录；不填则按主体和处理期识别',
      example: '苏科监〔2026〕1号',
    },
    reason: {
      header: '失信行为及处理',
      required: true,
      note: '',
      example: '项目申报材料弄虚作假，取消申报资格 3 年',
    },
  },
  keyColumns: (d) =>
    d.recordNo ? ['source', 'recordNo'] : ['subject', 'creditCode', 'name', 'idNumber', 'startsOn', 'endsOn'],
  read(r) {
    const subject = r.choice('subject', SUBJECTS, ['单位', '个人']);
    const name = r.text('name', 100);
    const creditCode = r.creditCode('creditCode') ?? null;
    const idNumber = r.idNumber('idNumber') ?? null;
    const startsOn = r.date('startsOn');
    const endsOn = r.date('endsOn');
    r.period('startsOn', startsOn, 'endsOn', endsOn);
    const source = r.text('source', 100);
    const recordNo = r.text('recordNo', 100) || null;
    const reason = r.text('reason', 500);
    if (subject === 'organization' && idNumber) r.problem('idNumber', '只用于个人，单位请留空');
    if (subject === 'organization' && !r.filled('creditCode'))
      r.problem('creditCode', '主体为单位时不能为空');
    if (subject === 'person' && !r.filled('idNumber') && !r.filled('creditCode')) {
      r.problem('idNumber', '与“统一社会信用代码”（所在单位）至少填写一项，才能识别该人员');
    }
    if (!subject || !startsOn || !endsOn) return undefined;
    return { subject, name, creditCode, idNumber, startsOn, endsOn, source, recordNo, reason };
  },
  key(d) {
    if (d.recordNo) return `record|${d.source}|${d.recordNo}`;
    const who = d.subject === 'organization' ? d.creditCode : (d.idNumber ?? `${d.name}|${d.creditCode}`);
    return `${d.subject}|${who}|${d.startsOn}|${d.endsOn}`;
  },
};
