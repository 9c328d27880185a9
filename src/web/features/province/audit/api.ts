import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { AuditPageDto, AuditVerdictDto } from '../../../../contract/audit.js';
import { api, query } from '../../../shared/api.js';

// 审计日志 as the web app asks for it: filtered entries a page at a time by seq, and the walk of the hash chain.

export interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function auditQuery(filters: Filters, beforeSeq?: number): string {
  const [from, to] = filters.range ?? [];
  return query({
    action: filters.action?.trim(),
    entityType: filters.entityType?.trim(),
    entityId: filters.entityId?.trim(),
    actor: filters.actor?.trim(),
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
    beforeSeq: beforeSeq || undefined,
  });
}

const AUDIT_KEY = ['province', 'audit'] as const;

export const auditQueries = {
  /** Newest first; each further page starts before the oldest seq read so far. */
  entries: (filters: Filters) =>
    infiniteQueryOptions({
      queryKey: [...AUDIT_KEY, 'entries', auditQuery(filters)],
      queryFn: ({ signal, pageParam }) =>
        api<AuditPageDto>(`/province/audit${auditQuery(filters, pageParam)}`, { signal }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) => page.nextBeforeSeq ?? undefined,
      placeholderData: keepPreviousData,
    }),
  /** Asked for when the province presses the button; forgotten when the page is left. */
  verify: () =>
    queryOptions({
      queryKey: [...AUDIT_KEY, 'verify'],
      queryFn: ({ signal }) => api<AuditVerdictDto>('/province/audit/verify', { signal }),
      enabled: false,
      gcTime: 0,
    }),
};
