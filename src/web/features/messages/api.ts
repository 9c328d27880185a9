import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  MessagesResponse,
  MessageView,
  NotificationPreferencesBody,
  NotificationPreferencesResponse,
} from '../../../contract/notifications.js';
import { api } from '../../shared/api.js';

// 我的消息 and the e-mail preferences, for every role; and the keys they are cached under.

export type { MessageView };

export const MESSAGES_PAGE_SIZE = 20;
const MESSAGES_KEY = ['me', 'messages'] as const;

export const messagesApi = {
  page: (page: number, signal?: AbortSignal) =>
    api<MessagesResponse>(`/me/messages?page=${page}&pageSize=${MESSAGES_PAGE_SIZE}`, { signal }),
  markRead: (id: string) => api<{ message: MessageView }>(`/me/messages/${id}/read`, { method: 'POST' }),
  preferences: (signal?: AbortSignal) =>
    api<NotificationPreferencesResponse>('/me/notification-preferences', { signal }).then(
      (r) => r.preferences,
    ),
  savePreferences: (body: NotificationPreferencesBody) =>
    api<NotificationPreferencesResponse>('/me/notification-preferences', { method: 'PUT', body }).then(
      (r) => r.preferences,
    ),
};

export const messagesQueries = {
  all: MESSAGES_KEY,
  page: (page: number) =>
    queryOptions({
      queryKey: [...MESSAGES_KEY, page],
      queryFn: ({ signal }) => messagesApi.page(page, signal),
      placeholderData: keepPreviousData,
    }),
  /** The first page carries the unread count the menu shows; looked at again every minute. */
  unread: () =>
    queryOptions({
      queryKey: [...MESSAGES_KEY, 1],
      queryFn: ({ signal }) => messagesApi.page(1, signal),
      select: (r: MessagesResponse) => r.unread,
      refetchInterval: 60_000,
    }),
  preferences: () =>
    queryOptions({
      queryKey: ['me', 'notification-preferences'],
      queryFn: ({ signal }) => messagesApi.preferences(signal),
    }),
};
