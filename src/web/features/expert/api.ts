import { queryOptions } from '@tanstack/react-query';
import type {
  ExpertDocumentView,
  MyAssignmentDetail,
  MyAssignmentView,
  NotificationView,
  RecusalBody,
  ScoresBody,
} from '../../../contract/expert.js';
import type {
  AcceptInvitationBody,
  DeclineInvitationBody,
  MyInvitationView,
} from '../../../contract/review-rounds.js';
import { api } from '../../shared/api.js';

// The expert's side of the API: their assignments, scores and notifications; and the keys they are cached under.

export type { ExpertDocumentView, MyAssignmentDetail, MyAssignmentView, MyInvitationView, NotificationView };

export const expertApi = {
  assignments: (signal?: AbortSignal) =>
    api<{ assignments: MyAssignmentView[] }>('/expert/assignments', { signal }).then((r) => r.assignments),
  assignment: (id: string, signal?: AbortSignal) =>
    api<MyAssignmentDetail>(`/expert/assignments/${id}`, { signal }),
  saveDraft: (id: string, body: ScoresBody) =>
    api<{ assignment: MyAssignmentView }>(`/expert/assignments/${id}/scores`, { method: 'PUT', body }),
  submit: (id: string, body: ScoresBody) =>
    api<{ assignment: MyAssignmentView }>(`/expert/assignments/${id}/submit`, { method: 'POST', body }),
  recuse: (id: string, body: RecusalBody) =>
    api<void>(`/expert/assignments/${id}/recuse`, { method: 'POST', body }),
  documents: (id: string, signal?: AbortSignal) =>
    api<{ documents: ExpertDocumentView[] }>(`/expert/assignments/${id}/documents`, { signal }).then(
      (r) => r.documents,
    ),
  notifications: (signal?: AbortSignal) =>
    api<{ notifications: NotificationView[] }>('/expert/notifications', { signal }).then(
      (r) => r.notifications,
    ),
  invitations: (signal?: AbortSignal) =>
    api<{ invitations: MyInvitationView[] }>('/expert/invitations', { signal }).then((r) => r.invitations),
  accept: (id: string, body: AcceptInvitationBody) =>
    api<{ invitation: MyInvitationView }>(`/expert/invitations/${id}/accept`, { method: 'POST', body }),
  decline: (id: string, body: DeclineInvitationBody) =>
    api<{ invitation: MyInvitationView }>(`/expert/invitations/${id}/decline`, { method: 'POST', body }),
  markRead: (id: string) =>
    api<{ notification: NotificationView }>(`/expert/notifications/${id}/read`, { method: 'POST' }),
};

/** The expert's assignments, the list and each one: scoring or recusing changes both. */
export const ASSIGNMENTS_KEY = ['expert', 'assignments'] as const;

export const expertQueries = {
  assignments: () =>
    queryOptions({
      queryKey: [...ASSIGNMENTS_KEY, 'list'],
      queryFn: ({ signal }) => expertApi.assignments(signal),
    }),
  assignment: (id: string) =>
    queryOptions({
      queryKey: [...ASSIGNMENTS_KEY, id],
      queryFn: ({ signal }) => expertApi.assignment(id, signal),
    }),
  documents: (id: string) =>
    queryOptions({
      queryKey: [...ASSIGNMENTS_KEY, id, 'documents'],
      queryFn: ({ signal }) => expertApi.documents(id, signal),
    }),
  invitations: () =>
    queryOptions({
      queryKey: ['expert', 'invitations'],
      queryFn: ({ signal }) => expertApi.invitations(signal),
    }),
  notifications: () =>
    queryOptions({
      queryKey: ['expert', 'notifications'],
      queryFn: ({ signal }) => expertApi.notifications(signal),
    }),
};

/** Where the browser downloads an attachment of the expert's assignment. */
export const expertDocumentFileUrl = (assignmentId: string, documentId: string) =>
  `/api/expert/assignments/${assignmentId}/documents/${documentId}/file`;
