import type { DepartmentKind } from '../../core/bundle/schema.js';
import { DEPARTMENT_KIND_LABELS } from '../../core/labels.js';
import {
  parseRegister,
  type Column,
  type RegisterDefinition,
  type RegisterParse,
  type Sheet,
} from '../../core/registers/sheet.js';
import { CONTACT_PHONE, contactSchema, DIVISION_CODE } from '../../contract/departments.js';
import { columnsTemplateXlsx, SPREADSHEET_LIMITS, type SpreadsheetLimits } from './register-spreadsheet.js';

// The directory of 项目主管部门 as an .xlsx: one department per row, matched by name. Its city is named as
// people name it (苏州市, or the bureau's full name) and resolved against the directory when it is imported.

export const DEPARTMENT_SHEET_TITLE = '项目主管部门名单';

/** A directory of a few hundred rows: far inside these. */
export const DEPARTMENT_SHEET_LIMITS: SpreadsheetLimits = {
  ...SPREADSHEET_LIMITS,
  maxBytes: 2 * 1024 * 1024,
  maxInflatedBytes: 16 * 1024 * 1024,
  maxRows: 2_000,
  maxColumns: 20,
  maxCellLength: 200,
};

export interface DepartmentRecord {
  name: string;
  kind: DepartmentKind;
  /** As written: a city's name, its bureau's name or its division code; '' when absent. */
  city: string;
  divisionCode: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

type Key = keyof DepartmentRecord;

const KIND_OPTIONS = new Map<string, DepartmentKind>(
  Object.entries(DEPARTMENT_KIND_LABELS).flatMap(([kind, label]) => [
    [label.replace(/\s/g, ''), kind as DepartmentKind],
    [label.replace(/（/g, '(').replace(/）/g, ')'), kind as DepartmentKind],
  ]),
);
const KIND_LISTED = Object.values(DEPARTMENT_KIND_LABELS);

export const DEPARTMENT_SHEET: RegisterDefinition<Key, DepartmentRecord> = {
  columns: {
    name: {
      header: '名称',
      required: true,
      note: '主管部门全称；与系统中已有名称相同的行更新该部门，否则新增',
      example: '昆山市科学技术局',
    },
    kind: { header: '类型', required: true, note: KIND_LISTED.join('、'), example: '县（市）科技局' },
    city: {
      header: '所属设区市',
      required: false,
      note: '县（市）科技局必填（共用该设区市的推荐限额）；高新区填所在设区市；其他类型不填',
      example: '苏州市',
    },
    divisionCode: {
      header: '区划代码',
      required: false,
      note: '6 位行政区划代码（32 开头）；高新区可不填，按所在设区市',
      example: '320583',
    },
    contactName: { header: '联系人', required: false, note: '打印在推荐项目汇总表上', example: '王敏' },
    contactPhone: { header: '联系电话', required: false, note: '', example: '0512-57500000' },
    contactEmail: { header: '电子邮箱', required: false, note: '', example: 'kjj@example.gov.cn' },
  },
  keyColumns: () => ['name'],
  key: (record) => record.name,
  read(row) {
    const name = row.text('name', 100);
    if (name !== '' && Array.from(name).length < 2) row.problem('name', '至少 2 个字');
    const kind = row.choice('kind', KIND_OPTIONS, KIND_LISTED);
    const city = row.text('city', 50);
    if (kind === 'county' && city === '') row.problem('city', '县（市）科技局必须填写所属设区市');
    const divisionCode = row.text('divisionCode', 6);
    if (divisionCode !== '' && !DIVISION_CODE.test(divisionCode)) {
      row.problem('divisionCode', `“${divisionCode}”不是江苏的 6 位行政区划代码（32 开头）`);
    }
    const contactName = row.text('contactName', 50);
    const contactPhone = row.text('contactPhone', 30);
    if (!CONTACT_PHONE.test(contactPhone)) row.problem('contactPhone', '只能包含数字、空格和 + - ( )');
    const contactEmail = row.text('contactEmail', 200);
    if (!contactSchema.shape.email.safeParse(contactEmail).success) row.problem('contactEmail', '格式不正确');
    if (kind === undefined) return undefined;
    return {
      name,
      kind,
      city,
      divisionCode: divisionCode || null,
      contactName,
      contactPhone,
      contactEmail,
    };
  },
};

export function parseDepartmentSheet(sheet: Sheet): RegisterParse<DepartmentRecord> {
  return parseRegister(DEPARTMENT_SHEET, sheet);
}

export function departmentTemplateXlsx(): Promise<Buffer> {
  return columnsTemplateXlsx(DEPARTMENT_SHEET_TITLE, Object.values<Column>(DEPARTMENT_SHEET.columns));
}
