import type { z } from 'zod';
import { KNOWN_CALLS } from '../../../core/calls/registry.js';
import type { TopicNumber } from '../../../core/bundle/schema.js';
import type { DocumentView } from '../../../contract/documents.js';
import type {
  ChangesView,
  DecisionBody,
  quotaResponseSchema,
  ReturnBody,
  reviewDetailResponseSchema,
  ReviewListQuery,
  reviewItemSchema,
} from '../../../contract/review.js';
import { api, type CallDto, query } from '../../shared/api.js';

// The department's side of the API: its queue, one application, its decisions, its quota and confirmation.

export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type ReviewDetail = z.infer<typeof reviewDetailResponseSchema>;
export type Quota = z.infer<typeof quotaResponseSchema>;
export type { ChangesView, DocumentView };

export const reviewApi = {
  list: (filters: ReviewListQuery) =>
    api<{ applications: ReviewItem[] }>(`/review/applications${query(filters)}`).then((r) => r.applications),
  detail: (id: string) => api<ReviewDetail>(`/review/applications/${id}`),
  changes: (id: string) => api<ChangesView>(`/review/applications/${id}/changes`),
  returnForRevision: (id: string, body: ReturnBody) =>
    api<void>(`/review/applications/${id}/return`, { method: 'POST', body }),
  decide: (id: string, body: DecisionBody) =>
    api<void>(`/review/applications/${id}/decision`, { method: 'POST', body }),
  undo: (id: string) => api<void>(`/review/applications/${id}/undo`, { method: 'POST' }),
  quota: (callId: string) => api<Quota>(`/review/quota${query({ callId })}`),
  confirm: (callId: string) => api<unknown>('/review/confirm', { method: 'POST', body: { callId } }),
};

/** Where the browser fetches a document's PDF. */
export const documentFileUrl = (documentId: string) => `/api/documents/${documentId}/file`;

/** Where the browser fetches a version of the department's signed commitment. */
export const commitmentFileUrl = (commitmentId: string) => `/api/review/commitments/${commitmentId}/file`;

/** The department's applications as a shenbao.bundle/1, for `shenbao check`. */
export const bundleUrl = (callId: string) => `/api/review/bundle${query({ callId })}`;

/** The xlsx of the 推荐项目汇总表, with the contact the department types in. */
export const summaryXlsxUrl = (callId: string, contact: string, phone: string) =>
  `/api/review/summary.xlsx${query({ callId, contact, phone })}`;

/** Topics with a separate recommendation slot (二、3) under the call's parameters. */
export function separateSlotTopics(call: CallDto | undefined): readonly TopicNumber[] {
  const parameters = KNOWN_CALLS.find((c) => c.notice.number.value === call?.noticeNumber);
  return parameters?.separateSlots.value.flatMap((slot) => slot.topics) ?? [];
}
