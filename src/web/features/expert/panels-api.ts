import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PanelDetailView, panelSummarySchema } from '../../../contract/panels.js';
import { api } from '../../shared/api.js';

// 会评, the chair's side: the meetings I chair, the record read-only, and the sign-off.

export type ChairedPanelView = z.infer<typeof panelSummarySchema>;

export const expertPanelsApi = {
  list: (signal?: AbortSignal) =>
    api<{ meetings: ChairedPanelView[] }>('/expert/panels', { signal }).then((r) => r.meetings),
  detail: (id: string, signal?: AbortSignal) =>
    api<{ panel: PanelDetailView }>(`/expert/panels/${id}`, { signal }).then((r) => r.panel),
  signOff: (id: string) =>
    api<{ panel: PanelDetailView }>(`/expert/panels/${id}/sign-off`, { method: 'POST' }).then((r) => r.panel),
};

export const chairMinutesUrl = (id: string) => `/api/expert/panels/${id}/minutes`;

export const EXPERT_PANELS_KEY = ['expert', 'panels'] as const;

export const expertPanelsQueries = {
  list: () =>
    queryOptions({
      queryKey: [...EXPERT_PANELS_KEY, 'list'],
      queryFn: ({ signal }) => expertPanelsApi.list(signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...EXPERT_PANELS_KEY, 'detail', id],
      queryFn: ({ signal }) => expertPanelsApi.detail(id, signal),
    }),
};
