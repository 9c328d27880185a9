import type { RouteObject } from 'react-router';

// Pages anyone may open without signing in: sign-in, registration and claims, password reset, accepting an
// invitation, the 公示 list, the check of a printed 定稿 fingerprint.

export const PUBLIC_ROUTES: RouteObject[] = [
  { path: '/login', lazy: { Component: async () => (await import('./LoginPage.js')).LoginPage } },
  { path: '/register', lazy: { Component: async () => (await import('./RegisterPage.js')).RegisterPage } },
  {
    path: '/forgot-password',
    lazy: { Component: async () => (await import('./ForgotPasswordPage.js')).ForgotPasswordPage },
  },
  {
    path: '/reset-password',
    lazy: { Component: async () => (await import('./ResetPasswordPage.js')).ResetPasswordPage },
  },
  {
    path: '/accept-invitation',
    lazy: { Component: async () => (await import('./AcceptInvitationPage.js')).AcceptInvitationPage },
  },
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
  {
    path: '/verify/:sha256',
    lazy: { Component: async () => (await import('./VerifyFingerprintPage.js')).VerifyFingerprintPage },
  },
];
