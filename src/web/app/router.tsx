import { createBrowserRouter, Navigate } from 'react-router';
import { ApplicationEditorPage } from '../features/applicant/editor/EditorPage.js';
import { AppLayout } from './AppLayout.js';
import { ApplicationsPage } from '../features/applicant/ApplicationsPage.js';
import { CommitmentPage } from '../features/applicant/CommitmentPage.js';
import { LoginPage } from '../features/public/LoginPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { PeoplePage } from '../features/applicant/PeoplePage.js';
import { ReceiptPage } from '../features/applicant/ReceiptPage.js';
import { RegisterPage } from '../features/public/RegisterPage.js';
import { ConfirmPage } from '../features/department/ConfirmPage.js';
import { DepartmentCommitmentPage } from '../features/department/DepartmentCommitmentPage.js';
import { ImportPage } from '../features/department/ImportPage.js';
import { QueuePage } from '../features/department/QueuePage.js';
import { ReviewPage } from '../features/department/ReviewPage.js';
import { SummaryPage } from '../features/department/SummaryPage.js';
import { EXPERT_ROUTES, PROVINCE_ROUTES, PUBLIC_ROUTES } from '../features/province/menu.js';
import { RequireSession, useUser } from './session.js';

const HOMES = { department: '/review', province: '/province', expert: '/expert' } as const;

/** Each role's home: departments review, the province oversees, experts score, applicants apply. */
function Home() {
  const role = useUser().role;
  return <Navigate to={role in HOMES ? HOMES[role as keyof typeof HOMES] : '/applications'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  ...PUBLIC_ROUTES,
  {
    element: <RequireSession />,
    children: [
      // Print views: the paper alone, without the application's chrome.
      { path: '/applications/:id/commitments/:who', element: <CommitmentPage /> },
      { path: '/review/commitment', element: <DepartmentCommitmentPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          { path: '/applications', element: <ApplicationsPage /> },
          { path: '/applications/:id', element: <ApplicationEditorPage /> },
          { path: '/applications/:id/receipt', element: <ReceiptPage /> },
          { path: '/people', element: <PeoplePage /> },
          { path: '/review', element: <QueuePage /> },
          { path: '/review/confirm', element: <ConfirmPage /> },
          { path: '/review/summary', element: <SummaryPage /> },
          { path: '/review/import', element: <ImportPage /> },
          { path: '/review/:id', element: <ReviewPage /> },
          ...PROVINCE_ROUTES,
          ...EXPERT_ROUTES,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
