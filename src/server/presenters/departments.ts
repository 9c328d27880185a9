import type { Department } from '../repositories/departments.js';
import type { DepartmentView } from '../../contract/departments.js';

export function presentDepartment(department: Department): DepartmentView {
  return {
    id: department.id,
    name: department.name,
    kind: department.kind,
    cityId: department.cityId,
    divisionCode: department.divisionCode,
  };
}
