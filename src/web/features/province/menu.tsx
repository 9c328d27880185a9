import type { MenuProps } from 'antd';
import type { RouteObject } from 'react-router';
import { ImportPage } from '../department/ImportPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { CallDetailPage } from './calls/CallDetailPage.js';
import { CallsPage } from './calls/CallsPage.js';
import { DashboardPage } from './dashboard/DashboardPage.js';
import { ConfirmationsPage } from './confirmations/ConfirmationsPage.js';
import { DecisionsPage } from './decisions/DecisionsPage.js';
import { FormalReviewPage } from './decisions/FormalReviewPage.js';
import { AnnouncementPage, AnnouncementsPage } from '../public/AnnouncementsPage.js';
import { CrossChecksPage } from './cross-checks/CrossChecksPage.js';
import { PairPage } from './cross-checks/PairPage.js';
import { RegistersPage } from './registers/RegistersPage.js';
import { MyAssignmentsPage } from '../expert/MyAssignmentsPage.js';
import { ScoringPage } from '../expert/ScoringPage.js';
import { AssignmentPage } from './experts/AssignmentPage.js';
import { ExpertsPage } from './experts/ExpertsPage.js';

type MenuItem = Required<MenuProps>['items'][number] & { key: string };

// Each area of the provincial centre adds its pages here: one menu entry and its routes.

/** 省科技厅 / 省科技项目管理中心. */
export const PROVINCE_MENU: MenuItem[] = [
  { key: '/province', label: '总览' },
  { key: '/province/calls', label: '计划管理' },
  { key: '/province/confirmations', label: '推荐名单确认' },
  { key: '/province/import', label: '批量导入' },
  { key: '/province/registers', label: '登记库导入' },
  { key: '/province/cross-checks', label: '全省交叉核查' },
  { key: '/province/formal-review', label: '形式审查' },
  { key: '/province/experts', label: '专家评审' },
  { key: '/province/decisions', label: '立项决定与公示' },
  { key: '/province/audit', label: '审计日志' },
];
export const PROVINCE_ROUTES: RouteObject[] = [
  { path: '/province', element: <DashboardPage /> },
  { path: '/province/calls', element: <CallsPage /> },
  { path: '/province/calls/:id', element: <CallDetailPage /> },
  { path: '/province/audit', element: <AuditPage /> },
  { path: '/province/formal-review', element: <FormalReviewPage /> },
  { path: '/province/decisions', element: <DecisionsPage /> },
  { path: '/province/experts', element: <ExpertsPage /> },
  { path: '/province/experts/applications/:id', element: <AssignmentPage /> },
  { path: '/province/confirmations', element: <ConfirmationsPage /> },
  { path: '/province/import', element: <ImportPage /> },
  { path: '/province/registers', element: <RegistersPage /> },
  { path: '/province/cross-checks', element: <CrossChecksPage /> },
  { path: '/province/cross-checks/pairs/:id', element: <PairPage /> },
];

/** 评审专家. */
export const EXPERT_MENU: MenuItem[] = [{ key: '/expert', label: '我的评审任务' }];
export const EXPERT_ROUTES: RouteObject[] = [
  { path: '/expert', element: <MyAssignmentsPage /> },
  { path: '/expert/assignments/:id', element: <ScoringPage /> },
];

/** Pages anyone may open without signing in (e.g. the 公示 list). */
export const PUBLIC_ROUTES: RouteObject[] = [
  { path: '/public/announcements', element: <AnnouncementsPage /> },
  { path: '/public/announcements/:id', element: <AnnouncementPage /> },
];
