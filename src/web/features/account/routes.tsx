import type { RouteObject } from 'react-router';
import { SET_PASSWORD_PATH } from '../../app/session.js';

// Every role's own account: 账号与安全 inside the layout, and 设置新密码 alone, before anything else.

export const ACCOUNT_PATH = '/account';

export const ACCOUNT_ROUTES: RouteObject[] = [
  { path: ACCOUNT_PATH, lazy: { Component: async () => (await import('./AccountPage.js')).AccountPage } },
];

export const SET_PASSWORD_ROUTES: RouteObject[] = [
  {
    path: SET_PASSWORD_PATH,
    lazy: { Component: async () => (await import('./SetOwnPasswordPage.js')).SetOwnPasswordPage },
  },
];
