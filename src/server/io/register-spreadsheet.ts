import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REGISTER_LABELS, registerColumns, type RegisterKind } from '../../core/registers/kinds.js';
import type { Sheet } from '../../core/registers/sheet.js';
import { AppError } from '../errors.js';
import type { Received } from '../http/multipart.js';
import { FILE_FIELD } from '../../contract/documents.js';

// Register files in and out: an uploaded .xlsx or .csv read into a Sheet of text cells (hashed and held to a size
// limit as it streams in), and the .xlsx template of each register.

export const REGISTER_MAX_BYTES = 10 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

const fileError = (code: 'FILE_TOO_LARGE' | 'FILE_NOT_SPREADSHEET', message: string) =>
  new AppError(code, { message, fields: [{ path: FILE_FIELD, message }] });

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

function sheetOf(worksheet: ExcelJS.Worksheet | undefined): Sheet {
  const rows: Sheet['rows'] = [];
  let headers: string[] | undefined;
  worksheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i).value));
    if (headers) rows.push({ row: row.number, cells });
    else headers = cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
  });
  return { headers: headers ?? [], rows };
}

export interface ReceivedSheet extends Received {
  sha256: string;
  sheet: Sheet;
}

/**
 * Reads an uploaded register: its bytes are counted (refused above the limit as they arrive) and hashed, then
 * read as .xlsx if they are a zip and as UTF-8 CSV otherwise. An .xlsx is a zip that can only be read whole, so
 * the file is held in memory, within the limit.
 */
export async function receiveSpreadsheet(
  source: Readable,
  maxBytes = REGISTER_MAX_BYTES,
): Promise<ReceivedSheet> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBytes) {
      source.resume();
      throw fileError(
        'FILE_TOO_LARGE',
        `登记表超过 ${maxBytes / 1024 / 1024} MB 的大小上限，请拆分后分批导入`,
      );
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  const workbook = new ExcelJS.Workbook();
  let sheet: Sheet;
  try {
    if (bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      sheet = sheetOf(workbook.worksheets[0]);
    } else {
      if (!isUtf8(bytes)) {
        throw fileError(
          'FILE_NOT_SPREADSHEET',
          '文件不是 .xlsx，也不是 UTF-8 编码的 CSV；请上传 .xlsx，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
        );
      }
      // Every cell as the text it is: ExcelJS would otherwise turn long codes into numbers and guess dates.
      sheet = sheetOf(
        await workbook.csv.read(Readable.from([bytes]), { map: (datum: string) => datum } as never),
      );
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError('FILE_NOT_SPREADSHEET', '无法读取该表格文件（.xlsx 或 .csv），请用模板重新填写后上传');
  }
  return { sha256: hash.digest('hex'), sheet, discard: async () => undefined };
}

/** The register's template: the header row on the first sheet (code columns as text), instructions on the second. */
export async function templateXlsx(kind: RegisterKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const columns = registerColumns(kind);
  const data = workbook.addWorksheet(REGISTER_LABELS[kind]);
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
