import { callsQuery } from '../../../shared/calls.js';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  AdminCallDto,
  CallDetailDto,
  CallVersionDto,
  CloneBody,
  DeadlinesBody,
} from '../../../../contract/province-calls.js';
import type {
  CallChangeLine,
  CallDocumentResponse,
  CallPreviewResponse,
  callDiffResponseSchema,
} from '../../../../contract/call-documents.js';
import type { CallDocument } from '../../../../core/calls/schema.js';
import type { z } from 'zod';
import { api } from '../../../shared/api.js';
import { CALL_STATUS_LABELS as CALL_STATUS_NAMES } from '../../../../contract/vocabulary.js';

// The province's side of calls: every call with its status, a call's parameters and versions, and the changes.

export type { AdminCallDto, CallDetailDto, CallVersionDto, CloneBody, DeadlinesBody };
export type { CallChangeLine, CallDocumentResponse, CallPreviewResponse };
export type CallDiff = z.infer<typeof callDiffResponseSchema>;

const base = (id: string) => `/province/calls/${encodeURIComponent(id)}`;

export const callAdminApi = {
  list: (signal?: AbortSignal) =>
    api<{ calls: AdminCallDto[] }>('/province/calls', { signal }).then((r) => r.calls),
  detail: (id: string, signal?: AbortSignal) => api<CallDetailDto>(base(id), { signal }),
  versions: (id: string, signal?: AbortSignal) =>
    api<{ versions: CallVersionDto[] }>(`${base(id)}/versions`, { signal }).then((r) => r.versions),
  open: (id: string) => api<AdminCallDto>(`${base(id)}/open`, { method: 'POST' }),
  close: (id: string) => api<AdminCallDto>(`${base(id)}/close`, { method: 'POST' }),
  changeDeadlines: (id: string, body: DeadlinesBody) =>
    api<AdminCallDto>(`${base(id)}/deadlines`, { method: 'PUT', body }),
  clone: (id: string, body: CloneBody) => api<AdminCallDto>(`${base(id)}/clone`, { method: 'POST', body }),
  document: (id: string, signal?: AbortSignal) =>
    api<CallDocumentResponse>(`${base(id)}/document`, { signal }),
  saveDocument: (id: string, body: { baseVersion: number; document: CallDocument; comment: string }) =>
    api<CallDocumentResponse>(`${base(id)}/document`, { method: 'PUT', body }),
  preview: (id: string, document: CallDocument) =>
    api<CallPreviewResponse>(`${base(id)}/document/preview`, { method: 'POST', body: { document } }),
  diff: (id: string, version: number, signal?: AbortSignal) =>
    api<CallDiff>(`${base(id)}/versions/${version}/diff`, { signal }),
  /** A new draft call from a `shenbao.call/1` document (a call file, or another call's as a template). */
  create: (document: unknown) =>
    api<CallDocumentResponse>('/province/calls', { method: 'POST', body: { document } }),
  remove: (id: string) => api<void>(base(id), { method: 'DELETE' }),
};

const CALLS_KEY = ['province', 'calls'] as const;

/** A change to a call may show in any of the province's views of calls, and in the calls everyone reads. */
export const readCallsAgain = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: CALLS_KEY }),
    queryClient.invalidateQueries({ queryKey: callsQuery.queryKey }),
  ]);

export const callAdminQueries = {
  list: () =>
    queryOptions({ queryKey: [...CALLS_KEY, 'list'], queryFn: ({ signal }) => callAdminApi.list(signal) }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...CALLS_KEY, 'call', id],
      queryFn: ({ signal }) => callAdminApi.detail(id, signal),
    }),
  document: (id: string) =>
    queryOptions({
      queryKey: [...CALLS_KEY, 'call', id, 'document'],
      queryFn: ({ signal }) => callAdminApi.document(id, signal),
    }),
  diff: (id: string, version: number) =>
    queryOptions({
      queryKey: [...CALLS_KEY, 'call', id, 'diff', version],
      queryFn: ({ signal }) => callAdminApi.diff(id, version, signal),
      staleTime: Infinity,
    }),
  versions: (id: string) =>
    queryOptions({
      queryKey: [...CALLS_KEY, 'call', id, 'versions'],
      queryFn: ({ signal }) => callAdminApi.versions(id, signal),
    }),
};

export const CALL_STATUS_LABELS: Record<AdminCallDto['status'], { label: string; color: string }> = {
  draft: { label: CALL_STATUS_NAMES.draft, color: 'default' },
  open: { label: CALL_STATUS_NAMES.open, color: 'success' },
  closed: { label: CALL_STATUS_NAMES.closed, color: 'error' },
};

export const CALL_CHANGE_LABELS: Record<CallVersionDto['change'], string> = {
  initial: '初始',
  cloned: '复制创建',
  opened: '开放申报',
  closed: '关闭申报',
  'deadlines-changed': '修改截止时间',
  created: '由参数文件新建',
  'document-saved': '修改参数',
};
