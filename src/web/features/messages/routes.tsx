import { MailOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import type { MenuItem } from '../../app/menu-item.js';

// 我的消息, in every role's menu.

export const MESSAGES_PATH = '/messages';

export const MESSAGES_MENU_ITEM: MenuItem = { key: MESSAGES_PATH, icon: <MailOutlined />, label: '我的消息' };

export const MESSAGES_ROUTES: RouteObject[] = [
  { path: MESSAGES_PATH, lazy: { Component: async () => (await import('./MessagesPage.js')).MessagesPage } },
];
