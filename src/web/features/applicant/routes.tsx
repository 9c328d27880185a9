import {
  BankOutlined,
  FileTextOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';
import { MESSAGES_MENU_ITEM } from '../messages/routes.js';

// 申报单位 and 项目负责人: each page is its own chunk, loaded when first opened.

const APPLICATIONS: MenuItem = { key: '/applications', icon: <FileTextOutlined />, label: '申报书' };

const PEOPLE: MenuItem = { key: '/people', icon: <TeamOutlined />, label: '项目负责人' };

export const PI_MENU: MenuItem[] = [APPLICATIONS, MESSAGES_MENU_ITEM];
export const UNIT_CONTACT_MENU: MenuItem[] = [APPLICATIONS, PEOPLE, MESSAGES_MENU_ITEM];
export const UNIT_ADMIN_MENU: MenuItem[] = [
  APPLICATIONS,
  PEOPLE,
  { key: '/organization', icon: <BankOutlined />, label: '单位信息' },
  { key: '/entitlements', icon: <SafetyCertificateOutlined />, label: '平台资质' },
  { key: '/unit-users', icon: <IdcardOutlined />, label: '单位用户' },
  MESSAGES_MENU_ITEM,
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
  {
    path: '/entitlements',
    lazy: { Component: async () => (await import('./EntitlementsPage.js')).EntitlementsPage },
  },
  { path: '/people', lazy: { Component: async () => (await import('./PeoplePage.js')).PeoplePage } },
  {
    path: '/unit-users',
    lazy: { Component: async () => (await import('./UnitUsersPage.js')).UnitUsersPage },
  },
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
