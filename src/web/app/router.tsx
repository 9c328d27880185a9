import { createBrowserRouter, Navigate } from 'react-router';
import { ACCOUNT_ROUTES, SET_PASSWORD_ROUTES } from '../features/account/routes.js';
import { APPLICANT_PRINT_ROUTES, APPLICANT_ROUTES } from '../features/applicant/routes.js';
import { DEPARTMENT_PRINT_ROUTES, DEPARTMENT_ROUTES } from '../features/department/routes.js';
import { EXPERT_ROUTES } from '../features/expert/routes.js';
import { MESSAGES_ROUTES } from '../features/messages/routes.js';
import { PROVINCE_ROUTES } from '../features/province/routes.js';
import { PARTNER_ROUTES } from '../features/partner/routes.js';
import { PUBLIC_ROUTES } from '../features/public/routes.js';
import { FullPageLoading } from './FullPageLoading.js';
import { homeOf } from './menus.js';
import { RouteError } from './RouteError.js';
import { RequireSession, useUser } from './session.js';

/** Each role's home: departments review, the province oversees, experts score, applicants apply. */
function Home() {
  return <Navigate to={homeOf(useUser().role)} replace />;
}

// Every page is loaded lazily by its role's route module; the window shows FullPageLoading until the first
// one arrives, and RouteError when one cannot be loaded (inside the layout, the menu stays usable).
export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageLoading,
    ErrorBoundary: RouteError,
    children: [
      ...PUBLIC_ROUTES,
      ...PARTNER_ROUTES,
      {
        element: <RequireSession />,
        children: [
          {
            lazy: { Component: async () => (await import('./SignedInApp.js')).SignedInApp },
            children: [
              ...SET_PASSWORD_ROUTES,
              ...APPLICANT_PRINT_ROUTES,
              ...DEPARTMENT_PRINT_ROUTES,
              {
                // Signed-in pages only: the login and public pages load neither the menu nor the drawer.
                lazy: { Component: async () => (await import('./AppLayout.js')).AppLayout },
                children: [
                  {
                    ErrorBoundary: RouteError,
                    children: [
                      { index: true, element: <Home /> },
                      ...APPLICANT_ROUTES,
                      ...DEPARTMENT_ROUTES,
                      ...PROVINCE_ROUTES,
                      ...EXPERT_ROUTES,
                      ...ACCOUNT_ROUTES,
                      ...MESSAGES_ROUTES,
                      {
                        path: '*',
                        lazy: { Component: async () => (await import('./NotFoundPage.js')).NotFoundPage },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
