import type { Department } from '../../../src/server/repositories/departments.js';
import { inject, insertUser, login, type TestApp } from '../harness.js';
import { insertSubmitted } from './submitted-applications.js';

// What the department review tests share: department users signed in, submitted applications, decisions,
// and running a step at another instant.

export interface SignedIn {
  login: string;
  cookie: string;
}

export function reviewSession(t: TestApp, start: string) {
  const users: Record<string, SignedIn> = {};

  const departmentUser = async (department: Department): Promise<SignedIn> => {
    const { user, cookie } = await insertUser(t, 'department', { departmentId: department.id });
    return { login: user.login, cookie };
  };

  const submitted = (
    department: Department,
    options: Omit<Parameters<typeof insertSubmitted>[2], 'departmentId'> = {},
  ) => insertSubmitted(t.db, t.clock.now(), { departmentId: department.id, ...options });

  const decide = (cookie: string, id: string, body: object) =>
    inject(t.app, { method: 'POST', url: `/api/review/applications/${id}/decision`, cookie, payload: body });
  const recommend = (cookie: string, id: string, extra: object = {}) =>
    decide(cookie, id, { decision: 'recommended', reason: '符合条件，同意推荐', ...extra });

  const confirm = (cookie: string, callId: string) =>
    inject(t.app, { method: 'POST', url: '/api/review/confirm', cookie, payload: { callId } });

  /** Runs `work` at `instant`, signed in again there (sessions last hours), then returns to `start`. */
  const at = async <T>(instant: string, work: () => Promise<T>): Promise<T> => {
    t.clock.set(instant);
    try {
      for (const u of Object.values(users)) u.cookie = await login(t.app, u.login);
      return await work();
    } finally {
      t.clock.set(start);
      for (const u of Object.values(users)) u.cookie = await login(t.app, u.login);
    }
  };

  return { users, departmentUser, submitted, decide, recommend, confirm, at };
}
