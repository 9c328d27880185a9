import type { RouteObject } from 'react-router';

// Pages anyone may open without signing in: sign-in, registration and claims, the 公示 list.

export const PUBLIC_ROUTES: RouteObject[] = [
  { path: '/login', lazy: { Component: async () => (await import('./LoginPage.js')).LoginPage } },
  { path: '/register', lazy: { Component: async () => (await import('./RegisterPage.js')).RegisterPage } },
  {
    path: '/claim-organization',
    lazy: { Component: async () => (await import('./ClaimPage.js')).ClaimPage },
  },
  {
    path: '/public/announcements',
    lazy: { Component: async () => (await import('./AnnouncementsPage.js')).AnnouncementsPage },
  },
  {
    path: '/public/announcements/:id',
    lazy: { Component: async () => (await import('./AnnouncementsPage.js')).AnnouncementPage },
  },
];
