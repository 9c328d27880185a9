import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnnouncementBody,
  AnnouncementDetailView,
  AnnouncementView,
} from '../../../../contract/announcements.js';
import type { PublicAnnouncementDetail } from '../../../../contract/public.js';
import type { ContractItemView, DecisionBody, DecisionItemView } from '../../../../contract/decisions.js';
import type {
  FormalReviewBody,
  FormalReviewItemView,
  formalReviewListQuerySchema,
  ProvinceResultView,
} from '../../../../contract/formal-review.js';
import { api, query } from '../../../shared/api.js';

// The province's 形式审查, 立项决定, 公示 and 合同签订, and the applicant's view of the outcome; and the keys
// their answers are cached under.

export type {
  AnnouncementDetailView,
  AnnouncementView,
  ContractItemView,
  DecisionItemView,
  FormalReviewItemView,
};
type FormalReviewQuery = z.input<typeof formalReviewListQuerySchema>;

export const decisionsApi = {
  formalReviews: (filters: FormalReviewQuery, signal?: AbortSignal) =>
    api<{ items: FormalReviewItemView[] }>(`/province/formal-review${query(filters)}`, { signal }).then(
      (r) => r.items,
    ),
  saveFormalReview: (id: string, body: FormalReviewBody) =>
    api<{ item: FormalReviewItemView }>(`/province/formal-review/${id}`, { method: 'PUT', body }),
  decisions: (callId: string, q: string | undefined, signal?: AbortSignal) =>
    api<{ items: DecisionItemView[] }>(`/province/decisions${query({ callId, q })}`, { signal }).then(
      (r) => r.items,
    ),
  decide: (id: string, body: DecisionBody) =>
    api<unknown>(`/province/decisions/${id}`, { method: 'PUT', body }),
  undo: (id: string) => api<unknown>(`/province/decisions/${id}/undo`, { method: 'POST' }),
  contracts: (callId: string, signal?: AbortSignal) =>
    api<{ items: ContractItemView[] }>(`/province/decisions/contracts${query({ callId })}`, { signal }).then(
      (r) => r.items,
    ),
  enterContractStage: (id: string) =>
    api<unknown>(`/province/decisions/${id}/contract-stage`, { method: 'POST' }),
  announcements: (callId: string, signal?: AbortSignal) =>
    api<{ announcements: AnnouncementView[] }>(`/province/announcements${query({ callId })}`, {
      signal,
    }).then((r) => r.announcements),
  createAnnouncement: (body: AnnouncementBody) =>
    api<AnnouncementDetailView>('/province/announcements', { method: 'POST', body }),
  previewAnnouncement: (id: string, signal?: AbortSignal) =>
    api<PublicAnnouncementDetail>(`/province/announcements/${id}/preview`, { signal }),
  publish: (id: string) =>
    api<AnnouncementDetailView>(`/province/announcements/${id}/publish`, { method: 'POST' }),
  removeAnnouncement: (id: string) => api<void>(`/province/announcements/${id}`, { method: 'DELETE' }),
  provinceResult: (applicationId: string, signal?: AbortSignal) =>
    api<ProvinceResultView>(`/applications/${applicationId}/province-result`, { signal }),
};

/**
 * 形式审查, 立项决定, 公示 and 合同签订 follow one another (only 受理 is decided, a publication locks the
 * decisions, only what is published goes to contract): a write to one is read again in all.
 */
export const DECISIONS_KEY = ['province', 'decisions'] as const;

export const decisionsQueries = {
  formalReviews: (filters: FormalReviewQuery) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'formal-review', filters],
      queryFn: ({ signal }) => decisionsApi.formalReviews(filters, signal),
    }),
  decisions: (callId: string, q?: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'decisions', callId, { q }],
      queryFn: ({ signal }) => decisionsApi.decisions(callId, q, signal),
    }),
  contracts: (callId: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'contracts', callId],
      queryFn: ({ signal }) => decisionsApi.contracts(callId, signal),
    }),
  announcements: (callId: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'announcements', callId],
      queryFn: ({ signal }) => decisionsApi.announcements(callId, signal),
    }),
  announcementPreview: (id: string) =>
    queryOptions({
      queryKey: [...DECISIONS_KEY, 'announcements', 'preview', id],
      queryFn: ({ signal }) => decisionsApi.previewAnnouncement(id, signal),
    }),
  /** Under the application, so that whatever changes the application reads this again too. */
  provinceResult: (applicationId: string) =>
    queryOptions({
      queryKey: ['applications', applicationId, 'province-result'],
      queryFn: ({ signal }) => decisionsApi.provinceResult(applicationId, signal),
    }),
};
