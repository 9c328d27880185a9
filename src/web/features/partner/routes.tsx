import type { RouteObject } from 'react-router';

// The foreign partner's confirmation page: any path under /partner answers with it, and it shows one plain
// page for every link it cannot use.

export const PARTNER_ROUTES: RouteObject[] = [
  {
    path: '/partner/*',
    lazy: {
      Component: async () => (await import('./PartnerConfirmationPage.js')).PartnerConfirmationPage,
    },
  },
];
