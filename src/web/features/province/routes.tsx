import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';
import { MESSAGES_MENU_ITEM } from '../messages/routes.js';

// 省科技厅 / 省科技项目管理中心: each page is its own chunk, loaded when first opened (ECharts only with the
// dashboard, the one page that draws charts). Each area of the provincial centre adds its menu entry and routes.

export const PROVINCE_MENU: MenuItem[] = [
  { key: '/province', label: '总览' },
  { key: '/province/calls', label: '计划管理' },
  { key: '/province/confirmations', label: '推荐名单确认' },
  { key: '/province/import', label: '批量导入', duty: 'center' },
  { key: '/province/registers', label: '登记库导入', duty: 'center' },
  { key: '/province/departments', label: '主管部门名录', duty: 'admin' },
  { key: '/province/organizations', label: '单位平台资质' },
  { key: '/province/directed', label: '定向组织' },
  { key: '/province/cross-checks', label: '全省交叉核查' },
  { key: '/province/formal-review', label: '形式审查' },
  { key: '/province/appeals', label: '不予受理复核' },
  { key: '/province/paper', label: '纸质材料登记', duty: 'center' },
  { key: '/province/experts', label: '专家评审' },
  { key: '/province/scoring-forms', label: '评分表' },
  { key: '/province/panels', label: '会评会议' },
  { key: '/province/decisions', label: '立项决定与公示' },
  { key: '/province/objections', label: '公示异议与意见反馈' },
  { key: '/province/audit', label: '审计日志' },
  { key: '/province/accounts', label: '账号管理', duty: 'admin' },
  MESSAGES_MENU_ITEM,
];

export const PROVINCE_ROUTES: RouteObject[] = [
  {
    path: '/province',
    lazy: { Component: async () => (await import('./dashboard/DashboardPage.js')).DashboardPage },
  },
  {
    path: '/province/calls',
    lazy: { Component: async () => (await import('./calls/CallsPage.js')).CallsPage },
  },
  {
    path: '/province/calls/:id',
    lazy: { Component: async () => (await import('./calls/CallDetailPage.js')).CallDetailPage },
  },
  {
    path: '/province/calls/:id/edit',
    lazy: { Component: async () => (await import('./calls/editor/CallEditorPage.js')).CallEditorPage },
  },
  {
    path: '/province/accounts',
    lazy: { Component: async () => (await import('./accounts/AccountsPage.js')).AccountsPage },
  },
  {
    path: '/province/audit',
    lazy: { Component: async () => (await import('./audit/AuditPage.js')).AuditPage },
  },
  {
    path: '/province/formal-review',
    lazy: { Component: async () => (await import('./decisions/FormalReviewPage.js')).FormalReviewPage },
  },
  {
    path: '/province/appeals',
    lazy: { Component: async () => (await import('./appeals/AppealsPage.js')).AppealsPage },
  },
  {
    path: '/province/decisions',
    lazy: { Component: async () => (await import('./decisions/DecisionsPage.js')).DecisionsPage },
  },
  {
    path: '/province/objections',
    lazy: { Component: async () => (await import('./objections/ObjectionsPage.js')).ObjectionsPage },
  },
  {
    path: '/province/paper',
    lazy: { Component: async () => (await import('./paper/PaperPage.js')).PaperPage },
  },
  {
    path: '/province/experts',
    lazy: { Component: async () => (await import('./experts/ExpertsPage.js')).ExpertsPage },
  },
  {
    path: '/province/scoring-forms',
    lazy: {
      Component: async () => (await import('./scoring-forms/ScoringFormsPage.js')).ScoringFormsPage,
    },
  },
  {
    path: '/province/experts/applications/:id',
    lazy: { Component: async () => (await import('./experts/AssignmentPage.js')).AssignmentPage },
  },
  {
    path: '/province/panels',
    lazy: { Component: async () => (await import('./panels/PanelsPage.js')).PanelsPage },
  },
  {
    path: '/province/panels/:id',
    lazy: { Component: async () => (await import('./panels/PanelPage.js')).PanelPage },
  },
  {
    path: '/province/confirmations',
    lazy: {
      Component: async () => (await import('./confirmations/ConfirmationsPage.js')).ConfirmationsPage,
    },
  },
  {
    path: '/province/import',
    lazy: { Component: async () => (await import('../department/ImportPage.js')).ImportPage },
  },
  {
    path: '/province/registers',
    lazy: { Component: async () => (await import('./registers/RegistersPage.js')).RegistersPage },
  },
  {
    path: '/province/departments',
    lazy: { Component: async () => (await import('./departments/DepartmentsPage.js')).DepartmentsPage },
  },
  {
    path: '/province/organizations',
    lazy: {
      Component: async () => (await import('./entitlements/OrganizationsPage.js')).OrganizationsPage,
    },
  },
  {
    path: '/province/organizations/:id',
    lazy: { Component: async () => (await import('./entitlements/OrganizationPage.js')).OrganizationPage },
  },
  {
    path: '/province/directed',
    lazy: { Component: async () => (await import('./entitlements/DirectedPage.js')).DirectedPage },
  },
  {
    path: '/province/cross-checks',
    lazy: { Component: async () => (await import('./cross-checks/CrossChecksPage.js')).CrossChecksPage },
  },
  {
    path: '/province/cross-checks/pairs/:id',
    lazy: { Component: async () => (await import('./cross-checks/PairPage.js')).PairPage },
  },
];
