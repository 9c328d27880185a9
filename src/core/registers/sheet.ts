import { readChoice, readCreditCode, readDate, readIdNumber, readYesNo, type CellResult } from './cells.js';

// A register file is one table: a header row naming the columns, then one record per row. Its columns are
// matched by their Chinese header, in any order; columns the register does not know are ignored.

/** The table as the server read it: every cell as trimmed text, `row` the row number the spreadsheet shows. */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export interface Column {
  header: string;
  required: boolean;
  /** What to fill in, for the template's instructions. */
  note: string;
  /** The template's example row. */
  example: string;
}

export interface RowProblem {
  /** 0 for a problem of the whole file (a missing column). */
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow<T> {
  row: number;
  /** The row's cells by record field, as the file has them ('' for an absent optional column). */
  cells: Record<string, string>;
  /** Present when the row has no problem. */
  record?: T;
  /** The natural key: importing a record with a key already held updates it. */
  key?: string;
  problems: RowProblem[];
}

export interface RegisterParse<T> {
  /** Problems of the whole file: without these columns no row can be read. */
  fileProblems: RowProblem[];
  rows: ParsedRow<T>[];
}

export interface RegisterDefinition<K extends string, T> {
  columns: Record<K, Column>;
  /** The columns that make a record's natural key, named in the duplicate-row message. */
  keyColumns(record: T): readonly K[];
  read(row: RowReader<K>): T | undefined;
  key(record: T): string;
}

/** A header as people type it: without spaces and without a trailing required-mark `*`. */
export function normalizeHeader(header: string): string {
  return header.replace(/[\s\u3000]/g, '').replace(/[*＊]$/, '');
}

/** Reads one row's cells by column, collecting a problem per bad cell. */
export class RowReader<K extends string> {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly row: number,
    private readonly columns: Record<K, Column>,
    private readonly cells: Partial<Record<K, string>>,
  ) {}

  problem(key: K, message: string): void {
    const column = this.columns[key].header;
    this.problems.push({ row: this.row, column, message: `“${column}”${message}` });
  }

  filled(key: K): boolean {
    return (this.cells[key] ?? '') !== '';
  }

  /** The cell's text; an empty required cell is a problem. */
  text(key: K, maxLength = 200): string {
    const value = this.cells[key] ?? '';
    if (value === '' && this.columns[key].required) this.problem(key, '不能为空');
    else if (Array.from(value).length > maxLength) this.problem(key, `超过 ${maxLength} 字`);
    return value;
  }

  private read<V>(key: K, reader: (text: string) => CellResult<V>): V | undefined {
    const text = this.text(key);
    if (text === '') return undefined;
    const result = reader(text);
    if (result.ok) return result.value;
    this.problem(key, result.problem);
    return undefined;
  }

  date(key: K): string | undefined {
    return this.read(key, readDate);
  }

  creditCode(key: K): string | undefined {
    return this.read(key, readCreditCode);
  }

  idNumber(key: K): string | undefined {
    return this.read(key, readIdNumber);
  }

  yesNo(key: K): boolean {
    return this.read(key, readYesNo) ?? false;
  }

  choice<V>(key: K, options: ReadonlyMap<string, V>, listed: readonly string[]): V | undefined {
    return this.read(key, (text) => readChoice(text, options, listed));
  }

  /** `until` on or after `from`, both read already. */
  period(fromKey: K, from: string | undefined, untilKey: K, until: string | undefined): void {
    if (from && until && until < from) {
      this.problem(untilKey, `${until} 早于“${this.columns[fromKey].header}”${from}`);
    }
  }
}

/**
 * Reads a register file: every row with its problems, each naming its column. A row whose natural key an
 * earlier row of the file already has is a problem too, so that no file says two things of one record.
 */
export function parseRegister<K extends string, T>(
  definition: RegisterDefinition<K, T>,
  sheet: Sheet,
): RegisterParse<T> {
  const keys = Object.keys(definition.columns) as K[];
  const position = new Map(sheet.headers.map((h, i) => [normalizeHeader(h), i] as const));
  const fileProblems: RowProblem[] = [];
  const seen = new Set<string>();
  sheet.headers.forEach((header) => {
    const name = normalizeHeader(header);
    if (name === '') return;
    if (seen.has(name)) fileProblems.push({ row: 0, column: name, message: `表头“${name}”出现了两次` });
    seen.add(name);
  });
  for (const key of keys) {
    const { header, required } = definition.columns[key];
    if (required && !position.has(header)) {
      fileProblems.push({ row: 0, column: header, message: `缺少必填列“${header}”（请使用模板的表头）` });
    }
  }
  if (fileProblems.length > 0) return { fileProblems, rows: [] };

  const firstRowOfKey = new Map<string, number>();
  const rows = sheet.rows
    .filter((r) => r.cells.some((c) => c !== ''))
    .map(({ row, cells: texts }): ParsedRow<T> => {
      const cells = {} as Record<K, string>;
      for (const key of keys) {
        const i = position.get(definition.columns[key].header);
        cells[key] = i === undefined ? '' : (texts[i] ?? '');
      }
      const reader = new RowReader(row, definition.columns, cells);
      const record = definition.read(reader);
      if (record === undefined || reader.problems.length > 0)
        return { row, cells, problems: reader.problems };
      const key = definition.key(record);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        const keyColumns = definition.keyColumns(record);
        const named = keyColumns.map((k) => `“${definition.columns[k].header}”`).join('、');
        const column = definition.columns[keyColumns[0]!].header;
        return {
          row,
          cells,
          key,
          problems: [{ row, column, message: `与第 ${first} 行重复（${named}相同）；同一记录只能出现一次` }],
        };
      }
      firstRowOfKey.set(key, row);
      return { row, cells, record, key, problems: [] };
    });
  return { fileProblems, rows };
}

/** Every problem of a parse, the file's first. */
export function problemsOf(parse: RegisterParse<unknown>): RowProblem[] {
  return [...parse.fileProblems, ...parse.rows.flatMap((r) => r.problems)];
}
