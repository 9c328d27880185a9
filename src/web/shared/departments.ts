import { queryOptions } from '@tanstack/react-query';
import { DEPARTMENT_KINDS } from '../../core/bundle/schema.js';
import { DEPARTMENT_KIND_LABELS } from '../../core/labels.js';
import type { DepartmentView } from '../../contract/departments.js';
import { api } from './api.js';

/** The 主管部门 an organization may choose, grouped by kind for a select (registration, the unit's profile). */
export const departmentOptionsQuery = queryOptions({
  queryKey: ['departments'],
  queryFn: ({ signal }) => api<{ departments: DepartmentView[] }>('/departments', { signal }),
  select: ({ departments }) =>
    DEPARTMENT_KINDS.map((k) => ({
      label: DEPARTMENT_KIND_LABELS[k],
      options: departments.filter((d) => d.kind === k).map((d) => ({ value: d.id, label: d.name })),
    })).filter((group) => group.options.length > 0),
});
