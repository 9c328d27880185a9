import { Select } from 'antd';
import type { DepartmentView } from './api.js';

/** Filters by 项目主管部门, searchable by name. */
export function DepartmentFilter({
  departments,
  value,
  onChange,
}: {
  departments: DepartmentView[];
  value: string | undefined;
  onChange(departmentId: string | undefined): void;
}) {
  return (
    <Select<string>
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="全部主管部门"
      aria-label="项目主管部门"
      style={{ width: 240 }}
      value={value}
      onChange={onChange}
      options={departments.map((d) => ({ value: d.id, label: d.name }))}
      data-testid="filter-department"
    />
  );
}
