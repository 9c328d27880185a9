import ExcelJS from 'exceljs';
import { yuanToWan } from '../../core/money.js';

// The approved list for finance (issue 14 §9): one row per approved project of a call's published 公示, with
// its number, funding in 万元 (a number cell, two decimals) and where its contract stands.

export interface ApprovedListRow {
  projectNo: string;
  title: string;
  organizationName: string;
  creditCode: string;
  piName: string;
  topic: string;
  /** Yuan; written as 万元. */
  funding: number;
  period: string;
  contractStatus: string;
  signedOn: string;
}

export const APPROVED_LIST_COLUMNS: readonly { key: keyof ApprovedListRow; header: string; width: number }[] =
  [
    { key: 'projectNo', header: '项目编号', width: 14 },
    { key: 'title', header: '项目名称', width: 36 },
    { key: 'organizationName', header: '承担单位', width: 28 },
    { key: 'creditCode', header: '统一社会信用代码', width: 22 },
    { key: 'piName', header: '项目负责人', width: 12 },
    { key: 'topic', header: '专题', width: 24 },
    { key: 'funding', header: '省拨经费（万元）', width: 16 },
    { key: 'period', header: '执行期', width: 22 },
    { key: 'contractStatus', header: '合同状态', width: 14 },
    { key: 'signedOn', header: '项目开始日期（签约）', width: 18 },
  ];

export async function approvedListXlsx(title: string, rows: readonly ApprovedListRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shenbao';
  const sheet = workbook.addWorksheet('立项项目清单', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = APPROVED_LIST_COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, APPROVED_LIST_COLUMNS.length);
  const heading = sheet.getCell('A1');
  heading.value = title;
  heading.font = { name: '宋体', size: 14, bold: true };
  heading.alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = APPROVED_LIST_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  for (const row of rows) {
    const line = sheet.addRow(
      APPROVED_LIST_COLUMNS.map((c) => (c.key === 'funding' ? yuanToWan(row.funding) : row[c.key])),
    );
    line.getCell(APPROVED_LIST_COLUMNS.findIndex((c) => c.key === 'funding') + 1).numFmt = '0.00';
  }
  const total = sheet.addRow(['合计', ...Array(APPROVED_LIST_COLUMNS.length - 1).fill('')]);
  total.getCell(APPROVED_LIST_COLUMNS.findIndex((c) => c.key === 'funding') + 1).value = yuanToWan(
    rows.reduce((a, r) => a + r.funding, 0),
  );
  total.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
