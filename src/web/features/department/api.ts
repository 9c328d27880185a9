import { queryOptions, skipToken } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactBody, ManagedDepartmentView } from '../../../contract/departments.js';
import type { DocumentView } from '../../../contract/documents.js';
import type {
  ChangesView,
  Checklist,
  ChecklistView,
  CommitmentOverview,
  CommitmentView,
  DecisionBody,
  ImportPreview,
  ImportResult,
  ownConfirmationResponseSchema,
  quotaResponseSchema,
  ReturnBody,
  reviewDetailResponseSchema,
  ReviewListQuery,
  reviewItemSchema,
  SummaryView,
} from '../../../contract/review.js';
import { api, query } from '../../shared/api.js';

// The department's side of the API: its queue, one application, its decisions, its quota and confirmation;
// and the keys under which their answers are cached.

export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type ReviewDetail = z.infer<typeof reviewDetailResponseSchema>;
export type Quota = z.infer<typeof quotaResponseSchema>;
export type OwnConfirmation = z.infer<typeof ownConfirmationResponseSchema>;
export interface Commitments {
  current: CommitmentView | null;
  history: CommitmentView[];
}
export type { ChangesView, DocumentView };

export const reviewApi = {
  list: (filters: ReviewListQuery, signal?: AbortSignal) =>
    api<{ applications: ReviewItem[] }>(`/review/applications${query(filters)}`, { signal }).then(
      (r) => r.applications,
    ),
  detail: (id: string, signal?: AbortSignal) => api<ReviewDetail>(`/review/applications/${id}`, { signal }),
  changes: (id: string, signal?: AbortSignal) =>
    api<ChangesView>(`/review/applications/${id}/changes`, { signal }),
  checklist: (id: string, signal?: AbortSignal) =>
    api<ChecklistView>(`/review/applications/${id}/checklist`, { signal }),
  saveChecklist: (id: string, answers: Checklist) =>
    api<ChecklistView>(`/review/applications/${id}/checklist`, { method: 'PUT', body: { answers } }),
  returnForRevision: (id: string, body: ReturnBody) =>
    api<void>(`/review/applications/${id}/return`, { method: 'POST', body }),
  decide: (id: string, body: DecisionBody) =>
    api<void>(`/review/applications/${id}/decision`, { method: 'POST', body }),
  undo: (id: string) => api<void>(`/review/applications/${id}/undo`, { method: 'POST' }),
  quota: (callId: string, signal?: AbortSignal) =>
    api<Quota>(`/review/quota${query({ callId })}`, { signal }),
  confirmation: (callId: string, signal?: AbortSignal) =>
    api<OwnConfirmation>(`/review/confirmation${query({ callId })}`, { signal }),
  confirm: (callId: string) => api<unknown>('/review/confirm', { method: 'POST', body: { callId } }),
  commitments: (callId: string, signal?: AbortSignal) =>
    api<Commitments>(`/review/commitment${query({ callId })}`, { signal }),
  /** The server reads the call from the address before it reads the file, and again from the form. */
  uploadCommitment: (callId: string, form: FormData) =>
    api<unknown>(`/review/commitment${query({ callId })}`, { method: 'POST', form }),
  /** For the province: each department's confirmation and current commitment. */
  commitmentOverview: (callId: string, signal?: AbortSignal) =>
    api<CommitmentOverview>(`/review/commitments${query({ callId })}`, { signal }),
  summary: (callId: string, signal?: AbortSignal) =>
    api<SummaryView>(`/review/summary${query({ callId })}`, { signal }),
  ownDepartment: (id: string, signal?: AbortSignal) =>
    api<ManagedDepartmentView>(`/review/departments/${id}`, { signal }),
  saveContact: (id: string, contact: ContactBody) =>
    api<ManagedDepartmentView>(`/review/departments/${id}/contact`, { method: 'PUT', body: { contact } }),
  /** Judged under `callId`, the call the page imports into. */
  previewImport: (callId: string, bundle: unknown) =>
    api<ImportPreview>(`/review/import/preview${query({ callId })}`, { method: 'POST', body: bundle }),
  importBundle: (callId: string, bundle: unknown) =>
    api<ImportResult>(`/review/import${query({ callId })}`, { method: 'POST', body: bundle }),
};

/** Every answer of the department's review lives under `review`: a decision may change any of them. */
export const REVIEW_KEY = ['review'] as const;

export const reviewQueries = {
  list: (filters: ReviewListQuery) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'list', filters],
      queryFn: ({ signal }) => reviewApi.list(filters, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'application', id],
      queryFn: ({ signal }) => reviewApi.detail(id, signal),
    }),
  changes: (id: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'application', id, 'changes'],
      queryFn: ({ signal }) => reviewApi.changes(id, signal),
    }),
  checklist: (id: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'application', id, 'checklist'],
      queryFn: ({ signal }) => reviewApi.checklist(id, signal),
    }),
  quota: (callId: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'quota', callId],
      queryFn: ({ signal }) => reviewApi.quota(callId, signal),
    }),
  confirmation: (callId: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'confirmation', callId],
      queryFn: ({ signal }) => reviewApi.confirmation(callId, signal),
    }),
  commitments: (callId: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'commitments', callId],
      queryFn: ({ signal }) => reviewApi.commitments(callId, signal),
    }),
  /** Asked for only once a call is chosen. */
  commitmentOverview: (callId: string | undefined) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'commitment-overview', callId],
      queryFn: callId ? ({ signal }) => reviewApi.commitmentOverview(callId, signal) : skipToken,
    }),
  /** Asked for only once a call is chosen. */
  summary: (callId: string | undefined) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'summary', callId],
      queryFn: callId ? ({ signal }) => reviewApi.summary(callId, signal) : skipToken,
    }),
  ownDepartment: (id: string) =>
    queryOptions({
      queryKey: [...REVIEW_KEY, 'department', id],
      queryFn: ({ signal }) => reviewApi.ownDepartment(id, signal),
    }),
};

/** Where the browser fetches a document's PDF. */
export const documentFileUrl = (documentId: string) => `/api/documents/${documentId}/file`;

/** Where the browser fetches a version of the department's signed commitment. */
export const commitmentFileUrl = (commitmentId: string) => `/api/review/commitments/${commitmentId}/file`;

/** The department's applications as a shenbao.bundle/1, for `shenbao check`. */
export const bundleUrl = (callId: string) => `/api/review/bundle${query({ callId })}`;

/** The xlsx of the 推荐项目汇总表, with the contact the department keeps in the directory. */
export const summaryXlsxUrl = (callId: string) => `/api/review/summary.xlsx${query({ callId })}`;
