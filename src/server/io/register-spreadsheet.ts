import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REGISTER_LABELS, registerColumns, type RegisterKind } from '../../core/registers/kinds.js';
import type { Column, Sheet } from '../../core/registers/sheet.js';
import { AppError } from '../errors.js';
import type { Received } from '../http/multipart.js';
import { FILE_FIELD } from '../../contract/documents.js';
import { formatMb } from '../../core/file-size.js';
import { checkInflatedSize, ZipOverLimit } from './zip-inflated-size.js';

// Register files in and out: an uploaded .xlsx or .csv read into a Sheet of text cells (hashed and held to a size
// limit as it streams in), and the .xlsx template of each register.

export interface SpreadsheetLimits {
  /** The file as uploaded. */
  maxBytes: number;
  /** Everything an .xlsx inflates to, counted as it inflates. */
  maxInflatedBytes: number;
  /** Data rows, below the header. */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell. */
  maxCellLength: number;
}

// Each register row is one project, person or organisation: the province's largest register (在研项目) holds
// thousands of rows of a dozen short columns, far inside these.
export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 50,
  maxCellLength: 2_000,
};
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

const fileError = (
  code: 'FILE_TOO_LARGE' | 'FILE_NOT_SPREADSHEET' | 'SPREADSHEET_OVER_LIMIT',
  message: string,
) => new AppError(code, { message, fields: [{ path: FILE_FIELD, message }] });

const unreadable = () =>
  fileError('FILE_NOT_SPREADSHEET', '无法读取该表格文件（.xlsx 或 .csv），请用模板重新填写后上传');

/** A cell as text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) || !Number.isInteger(value)
      ? String(value)
      : `${value}（超过 15 位的数字已被 Excel 改动，请将该列设为文本格式后重新填写）`;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** Collects a sheet's rows as they are read, refusing the first row past a limit. */
class SheetCollector {
  private headers: string[] | undefined;
  private readonly rows: Sheet['rows'] = [];

  constructor(
    private readonly limits: SpreadsheetLimits,
    private readonly noun: string,
  ) {}

  add(row: ExcelJS.Row): void {
    if (!row.hasValues) return;
    if (row.cellCount > this.limits.maxColumns) {
      throw fileError(
        'SPREADSHEET_OVER_LIMIT',
        `第 ${row.number} 行超过 ${this.limits.maxColumns} 列的上限，请按模板填写`,
      );
    }
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) {
      const text = cellText(row.getCell(i).value);
      if (text.length > this.limits.maxCellLength) {
        throw fileError(
          'SPREADSHEET_OVER_LIMIT',
          `第 ${row.number} 行第 ${i} 列超过 ${this.limits.maxCellLength} 个字符的上限`,
        );
      }
      cells.push(text);
    }
    if (!this.headers) {
      this.headers = cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      return;
    }
    if (this.rows.length >= this.limits.maxRows) {
      throw fileError(
        'SPREADSHEET_OVER_LIMIT',
        `${this.noun}超过 ${this.limits.maxRows} 行的上限，请拆分后分批导入`,
      );
    }
    this.rows.push({ row: row.number, cells });
  }

  sheet(): Sheet {
    return { headers: this.headers ?? [], rows: this.rows };
  }
}

/** The first worksheet of an .xlsx, read as a stream once its inflated size is known to be within the limit. */
async function readXlsx(bytes: Buffer, limits: SpreadsheetLimits, noun: string): Promise<Sheet> {
  try {
    await checkInflatedSize(bytes, limits.maxInflatedBytes);
  } catch (error) {
    if (error instanceof ZipOverLimit) {
      throw fileError(
        'SPREADSHEET_OVER_LIMIT',
        `表格解压后超过 ${formatMb(limits.maxInflatedBytes)}的上限，请删去无关的工作表、图片和格式，或拆分后分批导入`,
      );
    }
    throw unreadable();
  }
  const collector = new SheetCollector(limits, noun);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) collector.add(row);
    break;
  }
  return collector.sheet();
}

async function readCsv(bytes: Buffer, limits: SpreadsheetLimits, noun: string): Promise<Sheet> {
  if (!isUtf8(bytes)) {
    throw fileError(
      'FILE_NOT_SPREADSHEET',
      '文件不是 .xlsx，也不是 UTF-8 编码的 CSV；请上传 .xlsx，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
    );
  }
  // Every cell as the text it is: ExcelJS would otherwise turn long codes into numbers and guess dates.
  const worksheet = await new ExcelJS.Workbook().csv.read(Readable.from([bytes]), {
    map: (datum: string) => datum,
  } as never);
  const collector = new SheetCollector(limits, noun);
  worksheet.eachRow({ includeEmpty: false }, (row) => collector.add(row));
  return collector.sheet();
}

export interface ReceivedSheet extends Received {
  sha256: string;
  sheet: Sheet;
}

/**
 * Reads an uploaded register: its bytes are counted (refused above the limit as they arrive) and hashed, then
 * read as .xlsx if they are a zip and as UTF-8 CSV otherwise. An .xlsx is held in memory within the upload
 * limit; what it inflates to is bounded before it is parsed, and rows, columns and cells as they are read.
 */
export async function receiveSpreadsheet(
  source: Readable,
  overrides: Partial<SpreadsheetLimits> = {},
  noun = '登记表',
): Promise<ReceivedSheet> {
  const limits = { ...SPREADSHEET_LIMITS, ...overrides };
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limits.maxBytes) {
      source.resume();
      throw fileError(
        'FILE_TOO_LARGE',
        `${noun}超过 ${formatMb(limits.maxBytes)}的大小上限，请拆分后分批导入`,
      );
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  let sheet: Sheet;
  try {
    sheet = bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)
      ? await readXlsx(bytes, limits, noun)
      : await readCsv(bytes, limits, noun);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
  return { sha256: hash.digest('hex'), sheet, discard: async () => undefined };
}

/** The register's template: the header row on the first sheet (code columns as text), instructions on the second. */
export function templateXlsx(kind: RegisterKind): Promise<Buffer> {
  return columnsTemplateXlsx(REGISTER_LABELS[kind], registerColumns(kind));
}

/** A template of any table read with `parseRegister`: its header row, and a sheet of instructions. */
export async function columnsTemplateXlsx(title: string, columns: Column[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(title);
  data.columns = columns.map((c) => ({
    header: c.header,
    width: Math.max(14, Array.from(c.header).length * 2 + 4),
    // Text, so that Excel keeps codes and ID numbers as typed instead of as numbers.
    style: { numFmt: '@' },
  }));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 60 },
    { header: '示例', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);
  help.addRow([]);
  help.addRow(['在第一个工作表中从第 2 行起每行填写一条记录；表头请勿改动。也可另存为 CSV（UTF-8）上传。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
