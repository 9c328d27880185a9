import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignBody,
  AutoAssignBody,
  AutoAssignResult,
  conflictSchema,
  CreateExpertBody,
  DeclareConflictBody,
  DeclaredConflictView,
  ExpertDetail,
  ExpertView,
  ProvinceAssignmentView,
  ReviewedApplicationView,
  ReviewedDetail,
  UpdateExpertBody,
} from '../../../../contract/experts.js';
import type {
  CreateRoundBody,
  InviteBody,
  ProvinceInvitationView,
  ReassignResult,
  RoundDetail,
  RoundView,
  VacancyView,
} from '../../../../contract/review-rounds.js';
import { api, query } from '../../../shared/api.js';

// The province's side of expert review: the pool, declared conflicts, assignments and aggregated scores; and
// the keys their answers are cached under.

export type ConflictView = z.infer<typeof conflictSchema>;
export type {
  CandidateView,
  ExpertDetail,
  ExpertView,
  ProvinceAssignmentView,
  ReviewedApplicationView,
  ReviewedDetail,
} from '../../../../contract/experts.js';
export type { ProvinceInvitationView, RoundDetail, RoundView, VacancyView };

const base = '/province/experts';

export const expertsApi = {
  list: (q: string | undefined, signal?: AbortSignal) =>
    api<{ experts: ExpertView[] }>(`${base}${query({ q })}`, { signal }).then((r) => r.experts),
  detail: (id: string, signal?: AbortSignal) => api<ExpertDetail>(`${base}/${id}`, { signal }),
  create: (body: CreateExpertBody) => api<ExpertDetail>(base, { method: 'POST', body }),
  update: (id: string, body: UpdateExpertBody) => api<ExpertDetail>(`${base}/${id}`, { method: 'PUT', body }),
  declare: (id: string, body: DeclareConflictBody) =>
    api<{ conflict: DeclaredConflictView }>(`${base}/${id}/conflicts`, { method: 'POST', body }),
  removeConflict: (id: string, conflictId: string) =>
    api<void>(`${base}/${id}/conflicts/${conflictId}`, { method: 'DELETE' }),
  applications: (callId: string, q: string | undefined, signal?: AbortSignal) =>
    api<{ applications: ReviewedApplicationView[]; wideSpreadPoints: number }>(
      `${base}/applications${query({ callId, q })}`,
      { signal },
    ),
  application: (id: string, signal?: AbortSignal) =>
    api<ReviewedDetail>(`${base}/applications/${id}`, { signal }),
  assign: (applicationId: string, body: AssignBody) =>
    api<{ assignment: ProvinceAssignmentView }>(`${base}/applications/${applicationId}/assignments`, {
      method: 'POST',
      body,
    }),
  autoAssign: (body: AutoAssignBody) =>
    api<AutoAssignResult>(`${base}/auto-assign`, { method: 'POST', body }),
  changeDue: (id: string, dueAt: string) =>
    api<{ assignment: ProvinceAssignmentView }>(`${base}/assignments/${id}`, {
      method: 'PATCH',
      body: { dueAt },
    }),
  unassign: (id: string) => api<void>(`${base}/assignments/${id}`, { method: 'DELETE' }),
  sendReminders: () => api<{ sent: number }>(`${base}/reminders`, { method: 'POST' }),
  rounds: (callId: string, signal?: AbortSignal) =>
    api<{ rounds: RoundView[] }>(`/province/review-rounds${query({ callId })}`, { signal }).then(
      (r) => r.rounds,
    ),
  round: (id: string, signal?: AbortSignal) => api<RoundDetail>(`/province/review-rounds/${id}`, { signal }),
  createRound: (body: CreateRoundBody) =>
    api<{ round: RoundView }>('/province/review-rounds', { method: 'POST', body }),
  invite: (roundId: string, body: InviteBody) =>
    api<{ invited: ProvinceInvitationView[]; alreadyInvited: string[] }>(
      `/province/review-rounds/${roundId}/invitations`,
      { method: 'POST', body },
    ),
  vacancies: (callId: string, signal?: AbortSignal) =>
    api<{ vacancies: VacancyView[] }>(`${base}/vacancies${query({ callId })}`, { signal }).then(
      (r) => r.vacancies,
    ),
  reassign: (vacancyId: string) =>
    api<ReassignResult>(`${base}/vacancies/${vacancyId}/reassign`, { method: 'POST', body: {} }),
};

/** The pool and the assignments: an assignment changes the expert's load, a new expert the candidates. */
export const EXPERTS_KEY = ['province', 'experts'] as const;

export const expertsQueries = {
  pool: (q?: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'pool', { q }],
      queryFn: ({ signal }) => expertsApi.list(q, signal),
    }),
  expert: (id: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'pool', id],
      queryFn: ({ signal }) => expertsApi.detail(id, signal),
    }),
  applications: (callId: string, q?: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'applications', callId, { q }],
      queryFn: ({ signal }) => expertsApi.applications(callId, q, signal),
    }),
  application: (id: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'application', id],
      queryFn: ({ signal }) => expertsApi.application(id, signal),
    }),
  rounds: (callId: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'rounds', callId],
      queryFn: ({ signal }) => expertsApi.rounds(callId, signal),
    }),
  round: (id: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'round', id],
      queryFn: ({ signal }) => expertsApi.round(id, signal),
    }),
  vacancies: (callId: string) =>
    queryOptions({
      queryKey: [...EXPERTS_KEY, 'vacancies', callId],
      queryFn: ({ signal }) => expertsApi.vacancies(callId, signal),
    }),
};
