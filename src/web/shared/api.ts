import type { z } from 'zod';
import type {
  ApplicationDto,
  applicationResponseSchema,
  Evaluation,
  receiptSchema,
  timelineResponseSchema,
} from '../../contract/applications.js';
import type { CallDto } from '../../contract/calls.js';
import type { fieldErrorSchema } from '../../contract/common.js';

// The one way the web app talks to the server: JSON (or a multipart form) under /api, the session in a cookie,
// errors as ApiError with the server's Chinese message and field paths.

export type { ApplicationDto, CallDto, Evaluation };
export type FieldErrorView = z.infer<typeof fieldErrorSchema>;
/** An application with the rules' verdict on it, as every application route answers. */
export type ApplicationRead = z.infer<typeof applicationResponseSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type TimelineEvent = z.infer<typeof timelineResponseSchema>['events'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrorView[] = [],
    /** The whole response body, for errors that carry more (e.g. a blocked submission's evaluation). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired when the server says the session is gone, so the app can send the user to the login page. */
export const UNAUTHENTICATED_EVENT = 'shenbao:unauthenticated';
/** Fired when the server says the account must first choose its own password. */
export const PASSWORD_CHANGE_REQUIRED_EVENT = 'shenbao:password-change-required';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  form?: FormData;
  /** TanStack Query's signal: a request whose answer nobody waits for any more is cancelled. */
  signal?: AbortSignal;
}

export async function api<T>(
  path: string,
  { method = 'GET', body, form, signal }: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 204) return undefined as T;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      `服务器返回了无法识别的响应（HTTP ${response.status}）`,
    );
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: FieldErrorView[] } })
      .error;
    const failure = new ApiError(
      response.status,
      error?.code ?? 'UNKNOWN',
      error?.message ?? `请求失败（HTTP ${response.status}）`,
      error?.fields ?? [],
      payload,
    );
    if (failure.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    if (failure.code === 'PASSWORD_CHANGE_REQUIRED') {
      window.dispatchEvent(new Event(PASSWORD_CHANGE_REQUIRED_EVENT));
    }
    throw failure;
  }
  return payload as T;
}

/** A message fit for a toast: the server's words, with the first field problem when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.fields[0];
    return first && first.message !== error.message ? `${error.message}：${first.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `?key=value&…` of the given values, leaving out the empty ones; '' when none is left. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
