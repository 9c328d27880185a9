import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import { violatedUniqueConstraint } from '../repositories/constraint-violation.js';
import {
  type Department,
  type DepartmentChange,
  type DepartmentReferences,
  type DepartmentVersionRow,
  type NewDepartment,
  snapshotOf,
} from '../repositories/departments.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { ContactBody, DepartmentBody, DepartmentQuery } from '../../contract/departments.js';

// The directory of 项目主管部门 (issue 12, 4): the public list registration reads, the province's editor, and
// the contact each department keeps for its 汇总表. Every change writes the department's next version (before →
// after) and an audit entry in the transaction that makes it.

/** A department with the name of the city it lies in, for lists grouped by city. */
export interface DirectoryEntry {
  department: Department;
  cityName: string | null;
  /** That city's division code, for ordering by city. */
  cityCode: string | null;
  version: number;
}

export interface DepartmentDetail extends DirectoryEntry {
  /** Every department's name by id, for the cities its versions name. */
  names: Map<string, string>;
  references: DepartmentReferences;
  versions: (DepartmentVersionRow & { actorName: string | null })[];
}

/** The city a department lies in: a county's by its link, others' by their division code's first four digits. */
export function cityOf(department: Department, cities: Map<string, Department>): Department | undefined {
  if (department.kind === 'city') return department;
  if (department.cityId) return [...cities.values()].find((c) => c.id === department.cityId);
  const code = department.divisionCode;
  return code ? cities.get(`${code.slice(0, 4)}00`) : undefined;
}

export function citiesByCode(all: Department[]): Map<string, Department> {
  return new Map(all.filter((d) => d.kind === 'city' && d.divisionCode).map((d) => [d.divisionCode!, d]));
}

const contactOf = (body: ContactBody) => ({
  contactName: body.name,
  contactPhone: body.phone,
  contactEmail: body.email,
});

const refuse = (actor: Principal) => {
  if (actor.role !== 'province') throw new AppError('NOT_FOUND');
};

export class DepartmentService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The public list: active departments, by city (division code), then kind and name. */
  async listActive(): Promise<DirectoryEntry[]> {
    const entries = await this.entries(this.repos);
    return entries
      .filter((e) => e.department.active)
      .sort(
        (a, b) =>
          cityKey(a).localeCompare(cityKey(b)) ||
          KIND_ORDER.indexOf(a.department.kind) - KIND_ORDER.indexOf(b.department.kind) ||
          (a.department.divisionCode ?? '').localeCompare(b.department.divisionCode ?? '') ||
          a.department.name.localeCompare(b.department.name, 'zh'),
      );
  }

  /** The province's list: searched by name, filtered by kind, city and status. */
  async list(actor: Principal, query: DepartmentQuery): Promise<DirectoryEntry[]> {
    refuse(actor);
    const term = query.q?.trim();
    const city = query.cityId ? await this.repos.departments.findById(query.cityId) : undefined;
    return (await this.listAll()).filter(
      ({ department: d, cityName }) =>
        (!term || d.name.includes(term)) &&
        (!query.kind || d.kind === query.kind) &&
        (!query.cityId || (city !== undefined && cityName === city.name)) &&
        (query.status === 'all' || d.active === (query.status === 'active')),
    );
  }

  async detail(actor: Principal, id: string): Promise<DepartmentDetail> {
    refuse(actor);
    const entries = await this.entries(this.repos);
    const entry = entries.find((e) => e.department.id === id);
    if (!entry) throw new AppError('NOT_FOUND');
    return {
      ...entry,
      names: new Map(entries.map((e) => [e.department.id, e.department.name])),
      references: await this.repos.departments.references(id),
      versions: await this.repos.departments.versions(id),
    };
  }

  /** A department's own entry, for its contact form; another's is answered as missing. */
  async own(actor: Principal, id: string): Promise<DirectoryEntry> {
    if (actor.role !== 'department' || actor.departmentId !== id) throw new AppError('NOT_FOUND');
    return (await this.entries(this.repos)).find((e) => e.department.id === id)!;
  }

  async create(actor: Principal, body: DepartmentBody): Promise<DirectoryEntry> {
    refuse(actor);
    return inTransaction(this.db, async (repos) => {
      const row = await departmentFields(repos, body, undefined);
      const created = await insertNamed(repos, row);
      await this.record(repos, actor, 'created', undefined, created);
      return entryOf(repos, created);
    });
  }

  async update(actor: Principal, id: string, body: DepartmentBody): Promise<DirectoryEntry> {
    refuse(actor);
    return this.change(actor, id, 'updated', async (repos, before) => {
      if (before.kind === 'city' && body.kind !== 'city') {
        const { counties } = await repos.departments.references(id);
        if (counties > 0) {
          throw AppError.invalidField(
            'kind',
            `类型：有 ${counties} 个县（市）科技局隶属于该设区市，请先将它们改挂其他设区市，再修改类型`,
          );
        }
      }
      return departmentFields(repos, body, before);
    });
  }

  async setActive(actor: Principal, id: string, active: boolean): Promise<DirectoryEntry> {
    refuse(actor);
    return this.change(actor, id, active ? 'activated' : 'deactivated', async (_repos, before) => {
      if (before.active === active) {
        throw new AppError('STATUS_CONFLICT', {
          message: active ? '该主管部门已是启用状态' : '该主管部门已停用',
        });
      }
      return { active };
    });
  }

  /** Its contact, by the province or by the department itself (another department's: NOT_FOUND). */
  async updateContact(actor: Principal, id: string, contact: ContactBody): Promise<DirectoryEntry> {
    const allowed = actor.role === 'province' || (actor.role === 'department' && actor.departmentId === id);
    if (!allowed) throw new AppError('NOT_FOUND');
    return this.change(actor, id, 'contacts-updated', async () => contactOf(contact));
  }

  /** Deletes a department nothing refers to; otherwise DEPARTMENT_REFERENCED, naming how many of each. */
  async delete(actor: Principal, id: string): Promise<void> {
    refuse(actor);
    await inTransaction(this.db, async (repos) => {
      const before = await repos.departments.lock(id);
      if (!before) throw new AppError('NOT_FOUND');
      const references = await repos.departments.references(id);
      const held = referencesText(references);
      if (held) {
        throw new AppError('DEPARTMENT_REFERENCED', {
          message: `该项目主管部门已被引用（${held}），不能删除；可以停用`,
        });
      }
      await repos.departments.delete(id);
      await this.record(repos, actor, 'deleted', before, undefined);
    });
  }

  /** Every department with its city's name and version, for the editor and the import. */
  async listAll(): Promise<DirectoryEntry[]> {
    return this.entries(this.repos);
  }

  private async entries(repos: Repositories): Promise<DirectoryEntry[]> {
    const [all, versions] = await Promise.all([repos.departments.list(), repos.departments.latestVersions()]);
    const cities = citiesByCode(all);
    return all.map((department) => ({
      department,
      ...cityFields(department, cities),
      version: versions.get(department.id) ?? 0,
    }));
  }

  private change(
    actor: { userId: string },
    id: string,
    change: DepartmentChange,
    changes: (repos: Repositories, before: Department) => Promise<Partial<NewDepartment>>,
  ): Promise<DirectoryEntry> {
    return inTransaction(this.db, async (repos) => {
      const before = await repos.departments.lock(id);
      if (!before) throw new AppError('NOT_FOUND');
      const after = await updateNamed(repos, id, await changes(repos, before));
      await this.record(repos, actor, change, before, after);
      return entryOf(repos, after);
    });
  }

  /** Writes the department's next version and the audit entry of the change. */
  async record(
    repos: Repositories,
    actor: { userId: string },
    change: DepartmentChange,
    before: Department | undefined,
    after: Department | undefined,
  ): Promise<void> {
    const at = this.clock.now();
    const departmentId = (after ?? before)!.id;
    await repos.departments.addVersion({
      departmentId,
      change,
      before: before ? snapshotOf(before) : null,
      after: after ? snapshotOf(after) : null,
      actorUserId: actor.userId,
      at,
    });
    await repos.audit.append({
      at,
      actorUserId: actor.userId,
      action: AUDIT_ACTIONS[change],
      entityType: 'department',
      entityId: departmentId,
      before: before ? { ...snapshotOf(before) } : null,
      after: after ? { ...snapshotOf(after) } : null,
    });
  }
}

const AUDIT_ACTIONS: Record<DepartmentChange, string> = {
  seeded: 'department.created',
  created: 'department.created',
  updated: 'department.updated',
  imported: 'department.imported',
  'contacts-updated': 'department.contact-updated',
  deactivated: 'department.deactivated',
  activated: 'department.activated',
  deleted: 'department.deleted',
};

const KIND_ORDER: readonly Department['kind'][] = [
  'city',
  'county',
  'national-hitech-zone',
  'provincial-hitech-zone',
  'university',
  'provincial-agency',
];

function cityFields(department: Department, cities: Map<string, Department>) {
  const city = cityOf(department, cities);
  return { cityName: city?.name ?? null, cityCode: city?.divisionCode ?? null };
}

/** Departments in a city first, by the city's code; universities and agencies last. */
const cityKey = (entry: DirectoryEntry) => (entry.cityCode === null ? '9' : `0${entry.cityCode}`);

export function referencesText(references: DepartmentReferences): string {
  const parts = [
    references.applications > 0 ? `${references.applications} 份申报书` : '',
    references.organizations > 0 ? `${references.organizations} 家申报单位` : '',
    references.users > 0 ? `${references.users} 个账号` : '',
    references.counties > 0 ? `${references.counties} 个所辖县（市）科技局` : '',
  ].filter(Boolean);
  return parts.join('、');
}

/** The row a body describes, its city checked: a county's must be an existing 设区市科技局 other than itself. */
export async function departmentFields(
  repos: Repositories,
  body: DepartmentBody,
  before: Department | undefined,
): Promise<NewDepartment> {
  if (body.cityId) {
    const city = await repos.departments.findById(body.cityId);
    if (!city || city.kind !== 'city' || city.id === before?.id) {
      throw AppError.invalidField('cityId', '所属设区市：请从列表中选择一个设区市科技局');
    }
  }
  if (body.kind === 'city' && body.divisionCode && !body.divisionCode.endsWith('00')) {
    throw AppError.invalidField('divisionCode', '区划代码：设区市的区划代码以 00 结尾（如 320500）');
  }
  return {
    name: body.name,
    kind: body.kind,
    cityId: body.kind === 'county' ? body.cityId : null,
    divisionCode: body.divisionCode,
    ...contactOf(body.contact),
  };
}

const nameTaken = () =>
  new AppError('DEPARTMENT_NAME_TAKEN', {
    fields: [{ path: 'name', message: '名称：已有同名的项目主管部门' }],
  });

export async function insertNamed(repos: Repositories, row: NewDepartment): Promise<Department> {
  if ((await repos.departments.findByNames([row.name])).length > 0) throw nameTaken();
  try {
    return await repos.departments.insert(row);
  } catch (error) {
    if (violatedUniqueConstraint(error)) throw nameTaken();
    throw error;
  }
}

export async function updateNamed(
  repos: Repositories,
  id: string,
  changes: Partial<NewDepartment>,
): Promise<Department> {
  if (changes.name !== undefined) {
    const [same] = await repos.departments.findByNames([changes.name]);
    if (same && same.id !== id) throw nameTaken();
  }
  return repos.departments.update(id, changes);
}

export async function entryOf(repos: Repositories, department: Department): Promise<DirectoryEntry> {
  const all = await repos.departments.list();
  const versions = await repos.departments.latestVersions();
  return {
    department,
    ...cityFields(department, citiesByCode(all)),
    version: versions.get(department.id) ?? 0,
  };
}
