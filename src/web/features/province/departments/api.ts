import { queryOptions } from '@tanstack/react-query';
import type {
  ContactBody,
  DepartmentBody,
  DepartmentDetailView,
  DepartmentImportView,
  DepartmentQuery,
  ManagedDepartmentView,
} from '../../../../contract/departments.js';
import { api, query } from '../../../shared/api.js';
import { fileForm } from '../registers/api.js';

// 主管部门名录: the list, one department with its versions, writes, and the .xlsx import.

export type { DepartmentDetailView, DepartmentImportView, ManagedDepartmentView };

export const DEPARTMENTS_KEY = ['province', 'departments'] as const;

const json = (method: 'POST' | 'PUT', body: unknown) => ({ method, body });

export const departmentsApi = {
  list: (filter: Partial<DepartmentQuery>, signal?: AbortSignal) =>
    api<{ departments: ManagedDepartmentView[] }>(`/province/departments${query(filter)}`, { signal }).then(
      (r) => r.departments,
    ),
  detail: (id: string, signal?: AbortSignal) =>
    api<DepartmentDetailView>(`/province/departments/${id}`, { signal }),
  create: (body: DepartmentBody) => api<ManagedDepartmentView>('/province/departments', json('POST', body)),
  update: (id: string, body: DepartmentBody) =>
    api<ManagedDepartmentView>(`/province/departments/${id}`, json('PUT', body)),
  setActive: (id: string, active: boolean) =>
    api<ManagedDepartmentView>(`/province/departments/${id}/${active ? 'activate' : 'deactivate'}`, {
      method: 'POST',
    }),
  remove: (id: string) => api<null>(`/province/departments/${id}`, { method: 'DELETE' }),
  templateUrl: '/api/province/departments/template',
  preview: (file: File) =>
    api<DepartmentImportView>('/province/departments/import/preview', {
      method: 'POST',
      form: fileForm(file),
    }),
  apply: (file: File) =>
    api<DepartmentImportView>('/province/departments/import', { method: 'POST', form: fileForm(file) }),
};

export const departmentsQueries = {
  list: (filter: Partial<DepartmentQuery>) =>
    queryOptions({
      queryKey: [...DEPARTMENTS_KEY, 'list', filter],
      queryFn: ({ signal }) => departmentsApi.list(filter, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...DEPARTMENTS_KEY, 'detail', id],
      queryFn: ({ signal }) => departmentsApi.detail(id, signal),
    }),
};

export type { ContactBody, DepartmentBody };
