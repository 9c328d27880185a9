import {
  AuditOutlined,
  BankOutlined,
  FileProtectOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';
import { MESSAGES_MENU_ITEM } from '../messages/routes.js';

// 项目主管部门: each page is its own chunk, loaded when first opened.

export const DEPARTMENT_MENU: MenuItem[] = [
  { key: '/review', icon: <AuditOutlined />, label: '审核推荐' },
  { key: '/review/confirm', icon: <SafetyCertificateOutlined />, label: '确认提交' },
  { key: '/review/summary', icon: <TableOutlined />, label: '推荐项目汇总表' },
  { key: '/review/paper', icon: <FileProtectOutlined />, label: '纸质材料' },
  { key: '/review/import', icon: <ImportOutlined />, label: '批量导入' },
  { key: '/review/organizations', icon: <BankOutlined />, label: '单位审核' },
  { key: '/department/staff', icon: <TeamOutlined />, label: '本部门账号', duty: 'admin' },
  MESSAGES_MENU_ITEM,
];

export const DEPARTMENT_ROUTES: RouteObject[] = [
  { path: '/review', lazy: { Component: async () => (await import('./QueuePage.js')).QueuePage } },
  {
    path: '/review/confirm',
    lazy: { Component: async () => (await import('./ConfirmPage.js')).ConfirmPage },
  },
  {
    path: '/review/summary',
    lazy: { Component: async () => (await import('./SummaryPage.js')).SummaryPage },
  },
  { path: '/review/paper', lazy: { Component: async () => (await import('./PaperPage.js')).PaperPage } },
  { path: '/review/import', lazy: { Component: async () => (await import('./ImportPage.js')).ImportPage } },
  {
    path: '/department/staff',
    lazy: { Component: async () => (await import('./StaffPage.js')).StaffPage },
  },
  {
    path: '/review/organizations',
    lazy: { Component: async () => (await import('./OrganizationsPage.js')).OrganizationsPage },
  },
  {
    path: '/review/organizations/:id',
    lazy: {
      Component: async () => (await import('./OrganizationReviewPage.js')).OrganizationReviewPage,
    },
  },
  { path: '/review/:id', lazy: { Component: async () => (await import('./ReviewPage.js')).ReviewPage } },
];

/** Print views: the paper alone, without the chrome. */
export const DEPARTMENT_PRINT_ROUTES: RouteObject[] = [
  {
    path: '/review/commitment',
    lazy: {
      Component: async () => (await import('./DepartmentCommitmentPage.js')).DepartmentCommitmentPage,
    },
  },
];
