import type {
  AdminCallDto,
  CallDetailDto,
  CallVersionDto,
  CloneBody,
  DeadlinesBody,
} from '../../../../contract/province-calls.js';
import { api } from '../../../shared/api.js';

// The province's side of calls: every call with its status, a call's parameters and versions, and the changes.

export type { AdminCallDto, CallDetailDto, CallVersionDto, CloneBody, DeadlinesBody };

const base = (id: string) => `/province/calls/${encodeURIComponent(id)}`;

export const callAdminApi = {
  list: () => api<{ calls: AdminCallDto[] }>('/province/calls').then((r) => r.calls),
  detail: (id: string) => api<CallDetailDto>(base(id)),
  versions: (id: string) =>
    api<{ versions: CallVersionDto[] }>(`${base(id)}/versions`).then((r) => r.versions),
  open: (id: string) => api<AdminCallDto>(`${base(id)}/open`, { method: 'POST' }),
  close: (id: string) => api<AdminCallDto>(`${base(id)}/close`, { method: 'POST' }),
  changeDeadlines: (id: string, body: DeadlinesBody) =>
    api<AdminCallDto>(`${base(id)}/deadlines`, { method: 'PUT', body }),
  clone: (id: string, body: CloneBody) => api<AdminCallDto>(`${base(id)}/clone`, { method: 'POST', body }),
};

export const CALL_STATUS_LABELS: Record<AdminCallDto['status'], { label: string; color: string }> = {
  draft: { label: '草稿（未开放）', color: 'default' },
  open: { label: '已开放', color: 'success' },
  closed: { label: '已关闭', color: 'error' },
};

export const CALL_CHANGE_LABELS: Record<CallVersionDto['change'], string> = {
  initial: '初始',
  cloned: '复制创建',
  opened: '开放申报',
  closed: '关闭申报',
  'deadlines-changed': '修改截止时间',
};
