import type { RowProblem, Sheet } from '../../core/registers/sheet.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import {
  type DepartmentRecord,
  DEPARTMENT_SHEET,
  parseDepartmentSheet,
} from '../io/department-spreadsheet.js';
import type { Principal } from '../principal.js';
import type { Department, NewDepartment } from '../repositories/departments.js';
import { inTransaction, rolledBack, type Repositories } from '../repositories/index.js';
import type { DepartmentService } from './departments.js';
import { insertNamed, updateNamed } from './departments.js';

// Importing a list of departments (.xlsx): matched by name, so importing the same file again changes nothing.
// A preview is the import itself, rolled back; an import writes every row or, with any problem, none.

export interface DepartmentUpload {
  fileName: string;
  sheet: Sheet;
}

export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'invalid';

export interface DepartmentImportOutcome {
  fileName: string;
  fileProblems: RowProblem[];
  rows: { row: number; name: string; status: ImportRowStatus; problems: RowProblem[] }[];
  counts: Record<ImportRowStatus, number>;
  applied: boolean;
}

const ZONES = new Set<Department['kind']>(['national-hitech-zone', 'provincial-hitech-zone']);

/** A city as people write it: 苏州市, 苏州, 苏州市科学技术局 or 320500. */
function findCity(cities: Department[], written: string): Department | undefined {
  const text = written.replace(/\s/g, '');
  return cities.find(
    (c) =>
      c.name === text ||
      c.divisionCode === text ||
      c.name === `${text}科学技术局` ||
      c.name === `${text}市科学技术局`,
  );
}

/** The fields an imported row sets: empty optional cells leave what the directory holds. */
function rowFields(record: DepartmentRecord, city: Department | undefined, held: Department | undefined) {
  const fields: NewDepartment = {
    name: record.name,
    kind: record.kind,
    cityId: record.kind === 'county' ? city!.id : null,
    divisionCode:
      record.divisionCode ??
      (ZONES.has(record.kind) && city ? city.divisionCode : (held?.divisionCode ?? null)),
    contactName: record.contactName || held?.contactName || '',
    contactPhone: record.contactPhone || held?.contactPhone || '',
    contactEmail: record.contactEmail || held?.contactEmail || '',
  };
  return fields;
}

const CHANGEABLE = ['kind', 'cityId', 'divisionCode', 'contactName', 'contactPhone', 'contactEmail'] as const;

export class DepartmentImportService {
  constructor(
    private readonly db: Database,
    private readonly departments: DepartmentService,
  ) {}

  async preview(actor: Principal, upload: DepartmentUpload): Promise<DepartmentImportOutcome> {
    if (actor.role !== 'province') throw new AppError('NOT_FOUND');
    return rolledBack(this.db, (repos) => this.run(repos, actor, upload, false));
  }

  /** Writes every row, or nothing if any row has a problem (DEPARTMENT_ROWS_INVALID, naming each). */
  async apply(actor: Principal, upload: DepartmentUpload): Promise<DepartmentImportOutcome> {
    if (actor.role !== 'province') throw new AppError('NOT_FOUND');
    return inTransaction(this.db, async (repos) => {
      const outcome = await this.run(repos, actor, upload, true);
      const problems = [...outcome.fileProblems, ...outcome.rows.flatMap((r) => r.problems)];
      if (problems.length > 0) {
        throw new AppError('DEPARTMENT_ROWS_INVALID', {
          fields: problems.map((p) => ({
            path: p.row > 0 ? `第${p.row}行.${p.column}` : p.column,
            message: p.row > 0 ? `第 ${p.row} 行：${p.message}` : p.message,
          })),
        });
      }
      return outcome;
    });
  }

  private async run(
    repos: Repositories,
    actor: { userId: string },
    upload: DepartmentUpload,
    applied: boolean,
  ): Promise<DepartmentImportOutcome> {
    const parse = parseDepartmentSheet(upload.sheet);
    const rows: DepartmentImportOutcome['rows'] = [];
    for (const parsed of parse.rows) {
      const name = parsed.cells.name ?? '';
      if (!parsed.record) {
        rows.push({ row: parsed.row, name, status: 'invalid', problems: parsed.problems });
        continue;
      }
      const problems: RowProblem[] = [];
      const problem = (key: keyof DepartmentRecord, message: string) => {
        const column = DEPARTMENT_SHEET.columns[key].header;
        problems.push({ row: parsed.row, column, message: `“${column}”${message}` });
      };
      const record = parsed.record;
      const all = await repos.departments.list();
      const [held] = await repos.departments.findByNames([record.name]);
      const city = record.city
        ? findCity(
            all.filter((d) => d.kind === 'city' && d.id !== held?.id),
            record.city,
          )
        : undefined;
      if (record.city && !city && (record.kind === 'county' || ZONES.has(record.kind))) {
        problem('city', `找不到设区市“${record.city}”，请填写设区市名称（如 苏州市）或其科技局全称`);
      }
      if (held?.kind === 'city' && record.kind !== 'city' && all.some((d) => d.cityId === held.id)) {
        problem('kind', '不能改：该设区市下还有县（市）科技局，仍为设区市科技局');
      }
      if (problems.length > 0) {
        rows.push({ row: parsed.row, name, status: 'invalid', problems });
        continue;
      }
      const fields = rowFields(record, city, held);
      if (!held) {
        const created = await insertNamed(repos, fields);
        await this.departments.record(repos, actor, 'imported', undefined, created);
        rows.push({ row: parsed.row, name, status: 'created', problems: [] });
      } else if (CHANGEABLE.every((key) => (held[key] ?? null) === (fields[key] ?? null))) {
        rows.push({ row: parsed.row, name, status: 'unchanged', problems: [] });
      } else {
        const updated = await updateNamed(repos, held.id, fields);
        await this.departments.record(repos, actor, 'imported', held, updated);
        rows.push({ row: parsed.row, name, status: 'updated', problems: [] });
      }
    }
    const counts = { created: 0, updated: 0, unchanged: 0, invalid: 0 };
    for (const row of rows) counts[row.status] += 1;
    return {
      fileName: upload.fileName,
      fileProblems: parse.fileProblems,
      rows,
      counts,
      applied,
    };
  }
}
