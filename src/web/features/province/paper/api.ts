import { queryOptions, skipToken } from '@tanstack/react-query';
import type {
  CorrectReceiptBody,
  PaperReceipt,
  PaperRegisterQuery,
  PaperRegisterResponse,
  RecordReceiptBody,
} from '../../../../contract/paper.js';
import { api, query } from '../../../shared/api.js';
import { PAPER_KEY } from '../../../shared/paper.js';

export const paperApi = {
  register: (q: PaperRegisterQuery, signal?: AbortSignal) =>
    api<PaperRegisterResponse>(`/province/paper${query({ ...q })}`, { signal }),
  record: (body: RecordReceiptBody) =>
    api<{ receipt: PaperReceipt }>('/province/paper/receipts', { method: 'POST', body }),
  correct: (id: string, body: CorrectReceiptBody) =>
    api<{ receipt: PaperReceipt }>(`/province/paper/receipts/${id}/correction`, { method: 'POST', body }),
};

export const paperRegisterQuery = (q: Partial<PaperRegisterQuery>) =>
  queryOptions({
    queryKey: [...PAPER_KEY, 'province', q],
    queryFn: q.callId ? ({ signal }) => paperApi.register({ ...q, callId: q.callId! }, signal) : skipToken,
  });
