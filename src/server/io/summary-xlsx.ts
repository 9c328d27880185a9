import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  SUMMARY_COLUMNS,
  summaryRowCells,
  summaryTableTexts,
  type SummaryTable,
} from '../../core/summary/summary-table.js';

// The 汇总表 as the notice's attachment lays it out, on A4 landscape.

/** Column widths in characters, in SUMMARY_COLUMNS order. */
const WIDTHS = [6, 14, 16, 28, 22, 11, 24, 18, 20, 18, 24];
const LAST_COLUMN = String.fromCharCode('A'.charCodeAt(0) + SUMMARY_COLUMNS.length - 1);
const HEADER_ROW = 5;
const FONT = { name: '仿宋', size: 11 } as const;
const HEADING_FONT = { name: '宋体', size: 10, bold: true } as const;
const TITLE_FONT = { name: '宋体', size: 18, bold: true } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const LINE_HEIGHT = 14;

/** Display width in character cells: a CJK or full-width character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return width;
}

/** A height that shows every wrapped line of the row (Excel does not grow rows written by a program). */
function rowHeight(cells: readonly (string | number)[]): number {
  const lines = cells.map((c, i) => Math.ceil(displayWidth(String(c)) / Math.max(1, WIDTHS[i]! - 1)) || 1);
  return Math.max(...lines) * LINE_HEIGHT + 6;
}

export function buildSummaryWorkbook(table: SummaryTable): ExcelJS.Workbook {
  const texts = summaryTableTexts();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shenbao';
  const sheet = workbook.addWorksheet('推荐项目汇总表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const span = (row: number, from = 'A', to = LAST_COLUMN) => sheet.mergeCells(`${from}${row}:${to}${row}`);

  sheet.getCell('A1').value = texts.attachmentLabel;
  sheet.getCell('A1').font = { name: '黑体', size: 12 };

  span(2);
  const title = sheet.getCell('A2');
  title.value = texts.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(2).height = 36;

  span(3, 'A', 'G');
  span(3, 'H');
  sheet.getCell('A3').value = `${texts.departmentLabel}${table.header.departmentName}`;
  sheet.getCell('H3').value = table.header.date;
  sheet.getCell('H3').alignment = { horizontal: 'right', vertical: 'middle' };
  span(4, 'A', 'E');
  span(4, 'F');
  sheet.getCell('A4').value = `${texts.contactLabel}${table.header.contact}`;
  sheet.getCell('F4').value = `${texts.phoneLabel}${table.header.phone}`;
  for (const ref of ['A3', 'H3', 'A4', 'F4']) sheet.getCell(ref).font = FONT;
  sheet.getRow(3).height = 22;
  sheet.getRow(4).height = 22;

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...texts.headings];
  header.height = rowHeight(texts.headings);
  header.eachCell((cell) => {
    cell.font = HEADING_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  table.rows.forEach((row, i) => {
    const cells = summaryRowCells(row);
    const line = sheet.getRow(HEADER_ROW + 1 + i);
    line.values = cells;
    line.height = rowHeight(cells);
    for (let c = 1; c <= cells.length; c++) {
      const cell = line.getCell(c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { horizontal: c === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
  });

  const notesAt = HEADER_ROW + table.rows.length + 1;
  texts.notes.forEach((note, i) => {
    const row = notesAt + i;
    span(row);
    const cell = sheet.getCell(`A${row}`);
    cell.value = note;
    cell.font = { ...FONT, size: 10 };
    cell.alignment = { vertical: 'top', wrapText: true, indent: i === 0 ? 0 : 3 };
    sheet.getRow(row).height = 30;
  });

  sheet.pageSetup.printArea = `A1:${LAST_COLUMN}${notesAt + texts.notes.length - 1}`;
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  return workbook;
}

/**
 * Writes the table as .xlsx: to a writable stream, or to a file path through a temporary file renamed
 * into place, so that a failed write leaves no half-written file.
 */
export async function writeSummaryXlsx(table: SummaryTable, target: string | Writable): Promise<void> {
  const workbook = buildSummaryWorkbook(table);
  if (typeof target !== 'string') {
    await workbook.xlsx.write(target);
    return;
  }
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function summaryXlsxBuffer(table: SummaryTable): Promise<Buffer> {
  return Buffer.from(await buildSummaryWorkbook(table).xlsx.writeBuffer());
}
