import { LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { USER_ROLE_LABELS, type UserRole } from '../../contract/vocabulary.js';
import { ACCOUNT_PATH } from '../features/account/routes.js';
import { MESSAGES_PATH } from '../features/messages/routes.js';
import { UnreadBadge } from '../features/messages/UnreadBadge.js';
import { menuOf } from './menus.js';
import { useSession, useUser } from './session.js';

const AREA_TITLES: Record<UserRole, string> = {
  'unit-admin': '项目申报',
  'unit-contact': '项目申报',
  pi: '项目申报',
  department: '审核推荐',
  province: '省级管理',
  expert: '专家评审',
};

export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  // A page's code is loaded when it is first opened: the header says so while it is on its way.
  const loadingPage = useNavigation().state === 'loading';
  const { pathname, search } = useLocation();
  const items = menuOf(user);
  const menuItems = items.map((item) =>
    item.key === MESSAGES_PATH ? { ...item, label: <UnreadBadge label={item.label} /> } : item,
  );
  // The longest matching key: /review/confirm is not /review.
  const selected =
    items.filter((item) => pathname.startsWith(item.key)).sort((a, b) => b.key.length - a.key.length)[0]
      ?.key ?? items[0]?.key;
  // Below antd's md (768 px) the side menu would squeeze the page: it opens from a button as a drawer instead.
  // Until the first measurement `md` is unknown, and the desktop layout is kept.
  const narrow = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  // The chosen call travels from page to page.
  const go = (key: string) => {
    setMenuOpen(false);
    void navigate(user.role === 'department' || user.role === 'province' ? `${key}${search}` : key);
  };
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={menuItems}
      onClick={({ key }) => go(key)}
      style={{ height: '100%', paddingTop: 8, borderInlineEnd: narrow ? 0 : undefined }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: 16,
          rowGap: 4,
          background: '#0d3c78',
          paddingInline: narrow ? 12 : 24,
          paddingBlock: 8,
          height: 'auto',
          minHeight: 64,
          lineHeight: 1.5,
        }}
      >
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            aria-label="打开菜单"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {!narrow && '省国际科技合作/港澳台科技合作计划 · '}
          {AREA_TITLES[user.role]}
        </Typography.Text>
        <Spin spinning={loadingPage} delay={200} size="small" />
        <div style={{ flex: 1 }} />
        <Space size="middle" wrap style={{ color: '#fff' }}>
          {(user.organization ?? user.department) && (
            <span className="hide-narrow">{(user.organization ?? user.department)!.name}</span>
          )}
          <span data-testid="current-user">
            <UserOutlined /> {user.displayName}
          </span>
          <Tag color="gold" variant="outlined" style={{ marginInlineEnd: 0 }}>
            {USER_ROLE_LABELS[user.role]}
          </Tag>
          <Button
            size="small"
            ghost
            icon={<SafetyCertificateOutlined />}
            aria-label="账号与安全"
            onClick={() => void navigate(ACCOUNT_PATH)}
          >
            {!narrow && '账号与安全'}
          </Button>
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            title="菜单"
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            size={240}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={user.role === 'department' ? 200 : 180} theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
