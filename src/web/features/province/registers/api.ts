import { queryOptions } from '@tanstack/react-query';
import type { RegisterKind } from '../../../../core/registers/kinds.js';
import type { RegisterBatchView, RegisterOutcomeView } from '../../../../contract/registers.js';
import { api } from '../../../shared/api.js';

// 登记库导入: template, preview, import and the past imports.

export type { RegisterBatchView, RegisterOutcomeView };

const base = (kind: RegisterKind) => `/province/registers/${kind}`;
const query = (callId: string | undefined) => (callId ? `?callId=${encodeURIComponent(callId)}` : '');

export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const registersApi = {
  templateUrl: (kind: RegisterKind) => `/api${base(kind)}/template`,
  preview: (kind: RegisterKind, file: File, callId?: string) =>
    api<RegisterOutcomeView>(`${base(kind)}/preview${query(callId)}`, {
      method: 'POST',
      form: fileForm(file),
    }),
  commit: (kind: RegisterKind, file: File, callId?: string) =>
    api<RegisterOutcomeView>(`${base(kind)}/import${query(callId)}`, {
      method: 'POST',
      form: fileForm(file),
    }),
  batches: (signal?: AbortSignal) =>
    api<{ batches: RegisterBatchView[] }>('/province/registers/batches', { signal }).then((r) => r.batches),
};

export const registersQueries = {
  batches: () =>
    queryOptions({
      queryKey: ['province', 'registers', 'batches'],
      queryFn: ({ signal }) => registersApi.batches(signal),
    }),
};
