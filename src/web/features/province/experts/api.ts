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
import { api } from '../../../shared/api.js';

// The province's side of expert review: the pool, declared conflicts, assignments and aggregated scores.

export type ConflictView = z.infer<typeof conflictSchema>;
export type {
  CandidateView,
  ExpertDetail,
  ExpertView,
  ProvinceAssignmentView,
  ReviewedApplicationView,
  ReviewedDetail,
} from '../../../../contract/experts.js';

const base = '/province/experts';

export const expertsApi = {
  list: () => api<{ experts: ExpertView[] }>(base).then((r) => r.experts),
  detail: (id: string) => api<ExpertDetail>(`${base}/${id}`),
  create: (body: CreateExpertBody) => api<ExpertDetail>(base, { method: 'POST', body }),
  update: (id: string, body: UpdateExpertBody) => api<ExpertDetail>(`${base}/${id}`, { method: 'PUT', body }),
  declare: (id: string, body: DeclareConflictBody) =>
    api<{ conflict: DeclaredConflictView }>(`${base}/${id}/conflicts`, { method: 'POST', body }),
  removeConflict: (id: string, conflictId: string) =>
    api<void>(`${base}/${id}/conflicts/${conflictId}`, { method: 'DELETE' }),
  applications: (callId: string) =>
    api<{ applications: ReviewedApplicationView[]; wideSpreadPoints: number }>(
      `${base}/applications?callId=${encodeURIComponent(callId)}`,
    ),
  application: (id: string) => api<ReviewedDetail>(`${base}/applications/${id}`),
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
};
