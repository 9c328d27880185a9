import type { z } from 'zod';
import type {
  AnnouncementBody,
  AnnouncementDetailView,
  AnnouncementView,
} from '../../../../contract/announcements.js';
import type { ContractItemView, DecisionBody, DecisionItemView } from '../../../../contract/decisions.js';
import type {
  FormalReviewBody,
  FormalReviewItemView,
  formalReviewListQuerySchema,
  ProvinceResultView,
} from '../../../../contract/formal-review.js';
import { api } from '../../../shared/api.js';

// The province's 形式审查, 立项决定, 公示 and 合同签订, and the applicant's view of the outcome.

export type {
  AnnouncementDetailView,
  AnnouncementView,
  ContractItemView,
  DecisionItemView,
  FormalReviewItemView,
};

const q = (callId: string) => `callId=${encodeURIComponent(callId)}`;

export const decisionsApi = {
  formalReviews: ({ callId, result }: z.input<typeof formalReviewListQuerySchema>) =>
    api<{ items: FormalReviewItemView[] }>(
      `/province/formal-review?${q(callId)}${result ? `&result=${result}` : ''}`,
    ).then((r) => r.items),
  saveFormalReview: (id: string, body: FormalReviewBody) =>
    api<{ item: FormalReviewItemView }>(`/province/formal-review/${id}`, { method: 'PUT', body }),
  decisions: (callId: string) =>
    api<{ items: DecisionItemView[] }>(`/province/decisions?${q(callId)}`).then((r) => r.items),
  decide: (id: string, body: DecisionBody) =>
    api<unknown>(`/province/decisions/${id}`, { method: 'PUT', body }),
  undo: (id: string) => api<unknown>(`/province/decisions/${id}/undo`, { method: 'POST' }),
  contracts: (callId: string) =>
    api<{ items: ContractItemView[] }>(`/province/decisions/contracts?${q(callId)}`).then((r) => r.items),
  enterContractStage: (id: string) =>
    api<unknown>(`/province/decisions/${id}/contract-stage`, { method: 'POST' }),
  announcements: (callId: string) =>
    api<{ announcements: AnnouncementView[] }>(`/province/announcements?${q(callId)}`).then(
      (r) => r.announcements,
    ),
  announcement: (id: string) => api<AnnouncementDetailView>(`/province/announcements/${id}`),
  createAnnouncement: (body: AnnouncementBody) =>
    api<AnnouncementDetailView>('/province/announcements', { method: 'POST', body }),
  publish: (id: string) =>
    api<AnnouncementDetailView>(`/province/announcements/${id}/publish`, { method: 'POST' }),
  removeAnnouncement: (id: string) => api<void>(`/province/announcements/${id}`, { method: 'DELETE' }),
  provinceResult: (applicationId: string) =>
    api<ProvinceResultView>(`/applications/${applicationId}/province-result`),
};
