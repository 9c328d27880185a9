import { FileTextOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../format.js';
import { useSession, useUser } from '../session.js';

export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: '/applications', icon: <FileTextOutlined />, label: '申报书' },
    ...(user.role === 'unit-admin' ? [{ key: '/people', icon: <TeamOutlined />, label: '项目负责人' }] : []),
  ];
  const selected = items.find((item) => pathname.startsWith(item.key))?.key ?? '/applications';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0d3c78', paddingInline: 24 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          省国际科技合作/港澳台科技合作计划 · 项目申报
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="middle" style={{ color: '#fff' }}>
          {user.organization && <span className="hide-narrow">{user.organization.name}</span>}
          <span data-testid="current-user">
            <UserOutlined /> {user.displayName}
          </span>
          <Tag color="gold" variant="outlined" style={{ marginInlineEnd: 0 }}>
            {ROLE_LABELS[user.role]}
          </Tag>
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
