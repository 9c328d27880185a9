import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePanelBody,
  NormalisationView,
  PanelDetailView,
  PanelItemView,
  PanelRecordBody,
  PanelVoteBody,
  panelCandidatesResponseSchema,
  panelSummarySchema,
} from '../../../../contract/panels.js';
import { api, query } from '../../../shared/api.js';

// 会评: the province's meetings, their records and votes, and the 函评's normalisation; the keys they are cached
// under.

export type PanelSummaryView = z.infer<typeof panelSummarySchema>;
export type PanelCandidates = z.infer<typeof panelCandidatesResponseSchema>;
export type { NormalisationView, PanelDetailView, PanelItemView };

export const panelsApi = {
  list: (callId: string, signal?: AbortSignal) =>
    api<{ meetings: PanelSummaryView[] }>(`/province/panels${query({ callId })}`, { signal }).then(
      (r) => r.meetings,
    ),
  candidates: (callId: string, signal?: AbortSignal) =>
    api<PanelCandidates>(`/province/panels/candidates${query({ callId })}`, { signal }),
  create: (body: CreatePanelBody) =>
    api<{ panel: PanelDetailView }>('/province/panels', { method: 'POST', body }).then((r) => r.panel),
  detail: (id: string, signal?: AbortSignal) =>
    api<{ panel: PanelDetailView }>(`/province/panels/${id}`, { signal }).then((r) => r.panel),
  saveRecord: (id: string, itemId: string, body: PanelRecordBody) =>
    api<{ item: PanelItemView }>(`/province/panels/${id}/items/${itemId}`, { method: 'PUT', body }).then(
      (r) => r.item,
    ),
  vote: (id: string, itemId: string, expertId: string, body: PanelVoteBody) =>
    api<{ item: PanelItemView }>(`/province/panels/${id}/items/${itemId}/votes/${expertId}`, {
      method: 'PUT',
      body,
    }).then((r) => r.item),
  normalisation: (callId: string, signal?: AbortSignal) =>
    api<NormalisationView>(`/province/experts/normalisation${query({ callId })}`, { signal }),
};

export const minutesUrl = (id: string) => `/api/province/panels/${id}/minutes`;

export const PANELS_KEY = ['province', 'panels'] as const;

export const panelsQueries = {
  list: (callId: string) =>
    queryOptions({
      queryKey: [...PANELS_KEY, 'list', callId],
      queryFn: ({ signal }) => panelsApi.list(callId, signal),
    }),
  candidates: (callId: string) =>
    queryOptions({
      queryKey: [...PANELS_KEY, 'candidates', callId],
      queryFn: ({ signal }) => panelsApi.candidates(callId, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...PANELS_KEY, 'detail', id],
      queryFn: ({ signal }) => panelsApi.detail(id, signal),
    }),
  normalisation: (callId: string) =>
    queryOptions({
      queryKey: [...PANELS_KEY, 'normalisation', callId],
      queryFn: ({ signal }) => panelsApi.normalisation(callId, signal),
    }),
};
