import { queryOptions } from '@tanstack/react-query';
import type { ChangePasswordBody, SessionView } from '../../../contract/auth.js';
import { api } from '../../shared/api.js';

// 账号与安全: one's own password and sessions, whatever the role.

export const sessionsQuery = queryOptions({
  queryKey: ['me', 'sessions'],
  queryFn: ({ signal }) =>
    api<{ sessions: SessionView[] }>('/me/sessions', { signal }).then((r) => r.sessions),
});

export const accountApi = {
  changePassword: (body: ChangePasswordBody) => api<void>('/me/password', { method: 'POST', body }),
  signOutOthers: () => api<{ ended: number }>('/me/sessions/sign-out-others', { method: 'POST' }),
};
