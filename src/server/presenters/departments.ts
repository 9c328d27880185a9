import type { Department } from '../repositories/departments.js';
import type { DepartmentView } from '../routes/departments/schema.js';

export function presentDepartment(department: Department): DepartmentView {
  return {
    id: department.id,
    name: department.name,
    kind: department.kind,
    cityId: department.cityId,
    divisionCode: department.divisionCode,
  };
}
