import { toBeijingIso } from '../../core/time.js';
import type { DepartmentSnapshot } from '../repositories/departments.js';
import type { DepartmentDetail, DirectoryEntry } from '../services/departments.js';
import type { DepartmentImportOutcome } from '../services/department-import.js';
import type {
  DepartmentDetailView,
  DepartmentImportView,
  DepartmentView,
  ManagedDepartmentView,
} from '../../contract/departments.js';

export function presentDepartment({ department, cityName }: DirectoryEntry): DepartmentView {
  return {
    id: department.id,
    name: department.name,
    kind: department.kind,
    cityId: department.cityId,
    divisionCode: department.divisionCode,
    cityName,
  };
}

export function presentManagedDepartment(entry: DirectoryEntry): ManagedDepartmentView {
  const { department } = entry;
  return {
    ...presentDepartment(entry),
    active: department.active,
    contact: {
      name: department.contactName,
      phone: department.contactPhone,
      email: department.contactEmail,
    },
    version: entry.version,
  };
}

export function presentDepartmentDetail(detail: DepartmentDetail): DepartmentDetailView {
  const { names } = detail;
  const snapshot = (s: DepartmentSnapshot | null) =>
    s && {
      name: s.name,
      kind: s.kind,
      cityName: s.cityId ? (names.get(s.cityId) ?? null) : null,
      divisionCode: s.divisionCode,
      active: s.active,
      contact: { name: s.contactName, phone: s.contactPhone, email: s.contactEmail },
    };
  return {
    department: presentManagedDepartment(detail),
    references: detail.references,
    versions: detail.versions.map((v) => ({
      version: v.version,
      change: v.change,
      at: toBeijingIso(v.at.getTime()),
      actorName: v.actorName,
      before: snapshot(v.before),
      after: snapshot(v.after),
    })),
  };
}

export function presentDepartmentImport(outcome: DepartmentImportOutcome): DepartmentImportView {
  return outcome;
}
