import type {
  MyAssignmentDetail,
  MyAssignmentView,
  NotificationView,
  RecusalBody,
  ScoresBody,
} from '../../../contract/expert.js';
import { api } from '../../shared/api.js';

// The expert's side of the API: their assignments, scores and notifications.

export type { MyAssignmentDetail, MyAssignmentView, NotificationView };

export const expertApi = {
  assignments: () =>
    api<{ assignments: MyAssignmentView[] }>('/expert/assignments').then((r) => r.assignments),
  assignment: (id: string) => api<MyAssignmentDetail>(`/expert/assignments/${id}`),
  saveDraft: (id: string, body: ScoresBody) =>
    api<{ assignment: MyAssignmentView }>(`/expert/assignments/${id}/scores`, { method: 'PUT', body }),
  submit: (id: string, body: ScoresBody) =>
    api<{ assignment: MyAssignmentView }>(`/expert/assignments/${id}/submit`, { method: 'POST', body }),
  recuse: (id: string, body: RecusalBody) =>
    api<void>(`/expert/assignments/${id}/recuse`, { method: 'POST', body }),
  notifications: () =>
    api<{ notifications: NotificationView[] }>('/expert/notifications').then((r) => r.notifications),
  markRead: (id: string) =>
    api<{ notification: NotificationView }>(`/expert/notifications/${id}/read`, { method: 'POST' }),
};
