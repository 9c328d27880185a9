import { createBrowserRouter, Navigate } from 'react-router';
import { ApplicationEditorPage } from './application/EditorPage.js';
import { AppLayout } from './pages/AppLayout.js';
import { ApplicationsPage } from './pages/ApplicationsPage.js';
import { CommitmentPage } from './pages/CommitmentPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PeoplePage } from './pages/PeoplePage.js';
import { ReceiptPage } from './pages/ReceiptPage.js';
import { RegisterPage } from './pages/RegisterPage.js';
import { RequireSession } from './session.js';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: <RequireSession />,
    children: [
      // Print views: the paper alone, without the application's chrome.
      { path: '/applications/:id/commitments/:who', element: <CommitmentPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/applications" replace /> },
          { path: '/applications', element: <ApplicationsPage /> },
          { path: '/applications/:id', element: <ApplicationEditorPage /> },
          { path: '/applications/:id/receipt', element: <ReceiptPage /> },
          { path: '/people', element: <PeoplePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
