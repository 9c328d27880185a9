import {
  AuditOutlined,
  FileTextOutlined,
  ImportOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../shared/format.js';
import { EXPERT_MENU, PROVINCE_MENU } from '../features/province/menu.js';
import type { UserRole } from '../../contract/vocabulary.js';
import { useSession, useUser } from './session.js';

const AREA_TITLES: Record<UserRole, string> = {
  'unit-admin': '项目申报',
  pi: '项目申报',
  department: '审核推荐',
  province: '省级管理',
  expert: '专家评审',
};

export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const items =
    user.role === 'province'
      ? PROVINCE_MENU
      : user.role === 'expert'
        ? EXPERT_MENU
        : user.role === 'department'
          ? [
              { key: '/review', icon: <AuditOutlined />, label: '审核推荐' },
              { key: '/review/confirm', icon: <SafetyCertificateOutlined />, label: '确认提交' },
              { key: '/review/summary', icon: <TableOutlined />, label: '推荐项目汇总表' },
              { key: '/review/import', icon: <ImportOutlined />, label: '批量导入' },
            ]
          : [
              { key: '/applications', icon: <FileTextOutlined />, label: '申报书' },
              ...(user.role === 'unit-admin'
                ? [{ key: '/people', icon: <TeamOutlined />, label: '项目负责人' }]
                : []),
            ];
  // The longest matching key: /review/confirm is not /review.
  const selected =
    items.filter((item) => pathname.startsWith(item.key)).sort((a, b) => b.key.length - a.key.length)[0]
      ?.key ?? items[0]?.key;
  // The chosen call travels from page to page.
  const go = (key: string) =>
    navigate(user.role === 'department' || user.role === 'province' ? `${key}${search}` : key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0d3c78', paddingInline: 24 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          省国际科技合作/港澳台科技合作计划 · {AREA_TITLES[user.role]}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="middle" style={{ color: '#fff' }}>
          {(user.organization ?? user.department) && (
            <span className="hide-narrow">{(user.organization ?? user.department)!.name}</span>
          )}
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
        <Layout.Sider width={user.role === 'department' ? 200 : 180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => go(key)}
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
