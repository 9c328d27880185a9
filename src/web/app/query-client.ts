import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api.js';

/**
 * The app's one cache of server state. A refusal (4xx) is an answer, not a glitch: only network failures and
 * 5xx are retried. Mutations invalidate what they change, so nothing is refetched on window focus.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
