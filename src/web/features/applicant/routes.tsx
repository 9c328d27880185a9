import { BankOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';

// 申报单位 and 项目负责人: each page is its own chunk, loaded when first opened.

const APPLICATIONS: MenuItem = { key: '/applications', icon: <FileTextOutlined />, label: '申报书' };

export const PI_MENU: MenuItem[] = [APPLICATIONS];
export const UNIT_ADMIN_MENU: MenuItem[] = [
  APPLICATIONS,
  { key: '/people', icon: <TeamOutlined />, label: '项目负责人' },
  { key: '/organization', icon: <BankOutlined />, label: '单位信息' },
];

export const APPLICANT_ROUTES: RouteObject[] = [
  {
    path: '/applications',
    lazy: { Component: async () => (await import('./ApplicationsPage.js')).ApplicationsPage },
  },
  {
    path: '/applications/:id',
    lazy: { Component: async () => (await import('./editor/EditorPage.js')).ApplicationEditorPage },
  },
  {
    path: '/applications/:id/receipt',
    lazy: { Component: async () => (await import('./ReceiptPage.js')).ReceiptPage },
  },
  { path: '/people', lazy: { Component: async () => (await import('./PeoplePage.js')).PeoplePage } },
  {
    path: '/organization',
    lazy: { Component: async () => (await import('./OrganizationPage.js')).OrganizationPage },
  },
];

/** Print views: the paper alone, without the application's chrome. */
export const APPLICANT_PRINT_ROUTES: RouteObject[] = [
  {
    path: '/applications/:id/commitments/:who',
    lazy: { Component: async () => (await import('./CommitmentPage.js')).CommitmentPage },
  },
];
