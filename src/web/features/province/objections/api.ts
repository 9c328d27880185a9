import { queryOptions } from '@tanstack/react-query';
import type {
  FeedbackCandidateView,
  FeedbackOverviewView,
  FeedbackReleaseBody,
} from '../../../../contract/feedback.js';
import type {
  ObjectionCloseBody,
  ObjectionDetailView,
  ObjectionListView,
} from '../../../../contract/objections.js';
import { api, query } from '../../../shared/api.js';

// 公示异议 and 评审意见反馈: the province's reads and writes, and the keys their answers are cached under.

export const objectionKeys = {
  all: ['province', 'objections'] as const,
  list: (callId: string) => [...objectionKeys.all, 'list', callId] as const,
  detail: (id: string) => [...objectionKeys.all, 'detail', id] as const,
  feedback: (callId: string) => ['province', 'feedback', callId] as const,
};

export const objectionsApi = {
  register: (id: string) =>
    api<ObjectionDetailView>(`/province/objections/${id}/register`, { method: 'POST' }),
  note: (id: string, note: string) =>
    api<ObjectionDetailView>(`/province/objections/${id}/notes`, { method: 'POST', body: { note } }),
  close: (id: string, body: ObjectionCloseBody) =>
    api<ObjectionDetailView>(`/province/objections/${id}/close`, { method: 'POST', body }),
  setFeedback: (callId: string, enabled: boolean) =>
    api<{ enabled: boolean }>(`/province/calls/${callId}/feedback-setting`, {
      method: 'PUT',
      body: { enabled },
    }),
  release: (applicationId: string, body: FeedbackReleaseBody) =>
    api<FeedbackCandidateView>(`/province/applications/${applicationId}/feedback`, { method: 'POST', body }),
};

export const objectionQueries = {
  list: (callId: string) =>
    queryOptions({
      queryKey: objectionKeys.list(callId),
      queryFn: ({ signal }) => api<ObjectionListView>(`/province/objections${query({ callId })}`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: objectionKeys.detail(id),
      queryFn: ({ signal }) => api<ObjectionDetailView>(`/province/objections/${id}`, { signal }),
    }),
  feedback: (callId: string) =>
    queryOptions({
      queryKey: objectionKeys.feedback(callId),
      queryFn: ({ signal }) => api<FeedbackOverviewView>(`/province/calls/${callId}/feedback`, { signal }),
    }),
};
