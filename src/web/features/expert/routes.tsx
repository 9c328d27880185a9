import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';
import { MESSAGES_MENU_ITEM } from '../messages/routes.js';

// 评审专家: each page is its own chunk, loaded when first opened.

export const EXPERT_MENU: MenuItem[] = [
  { key: '/expert', label: '我的评审任务' },
  { key: '/expert/invitations', label: '评审邀请' },
  MESSAGES_MENU_ITEM,
];

export const EXPERT_ROUTES: RouteObject[] = [
  {
    path: '/expert',
    lazy: { Component: async () => (await import('./MyAssignmentsPage.js')).MyAssignmentsPage },
  },
  {
    path: '/expert/invitations',
    lazy: { Component: async () => (await import('./InvitationsPage.js')).InvitationsPage },
  },
  {
    path: '/expert/panels/:id',
    lazy: { Component: async () => (await import('./PanelMeetingPage.js')).PanelMeetingPage },
  },
  {
    path: '/expert/assignments/:id',
    lazy: { Component: async () => (await import('./ScoringPage.js')).ScoringPage },
  },
];
