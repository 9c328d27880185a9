import { MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { InvitationView, UnitUserView } from '../../../contract/organization-users.js';
import { USER_ROLE_LABELS } from '../../../contract/vocabulary.js';
import { useUser } from '../../app/session.js';
import { api, describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { InviteModal } from './InviteModal.js';
import { invitationsQuery, unitUsersQuery } from './queries.js';
import { useState } from 'react';

const ROLE_COLORS: Record<UnitUserView['role'], string> = {
  'unit-admin': 'gold',
  'unit-contact': 'blue',
  pi: 'default',
};

export function UnitUsersPage() {
  const user = useUser();
  if (user.role !== 'unit-admin') {
    return <Alert type="info" showIcon title="单位用户由单位管理员邀请和管理。" />;
  }
  return <UnitUsers />;
}

function UnitUsers() {
  const [inviting, setInviting] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="单位用户"
        extra={
          <Button type="primary" icon={<MailOutlined />} onClick={() => setInviting(true)}>
            邀请用户
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          单位管理员可以邀请其他管理员、单位联系人（可填写和提交申报书，不能管理用户）和项目负责人（只能处理本人的申报书）。
          本单位至少须保留一名启用的单位管理员；停用的用户立即退出登录。
        </Typography.Paragraph>
        <UsersTable />
      </Card>
      <Card title="待接受的邀请">
        <InvitationsTable />
      </Card>
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Space>
  );
}

function UsersTable() {
  const me = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const users = useQuery(unitUsersQuery);
  const change = useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: { role?: 'unit-admin' | 'unit-contact'; disabled?: boolean };
    }) => api<{ user: UnitUserView }>(`/organization/users/${id}`, { method: 'PATCH', body }),
    onSuccess: async ({ user }) => {
      message.success(`已保存：${user.displayName}`);
      // Stepping down changes what this session may do: the menu and pages follow the new role.
      if (user.id === me.id) await queryClient.invalidateQueries({ queryKey: ['session'] });
      else await queryClient.invalidateQueries({ queryKey: unitUsersQuery.queryKey });
    },
    onError: (e) => message.error(describeError(e)),
  });

  const actions = (u: UnitUserView) => {
    const self = u.id === me.id;
    const items = [];
    if (u.role === 'unit-contact') {
      items.push(
        <Button
          key="promote"
          size="small"
          onClick={() => change.mutate({ id: u.id, body: { role: 'unit-admin' } })}
        >
          设为管理员
        </Button>,
      );
    }
    if (u.role === 'unit-admin') {
      items.push(
        <Popconfirm
          key="demote"
          title={
            self
              ? '卸任后您将成为单位联系人，不能再管理用户。确定卸任？'
              : `将 ${u.displayName} 改为单位联系人？`
          }
          okText={self ? '卸任' : '改为联系人'}
          onConfirm={() => change.mutate({ id: u.id, body: { role: 'unit-contact' } })}
        >
          <Button size="small">{self ? '卸任管理员' : '改为联系人'}</Button>
        </Popconfirm>,
      );
    }
    if (!self) {
      items.push(
        u.disabled ? (
          <Button
            key="enable"
            size="small"
            onClick={() => change.mutate({ id: u.id, body: { disabled: false } })}
          >
            启用
          </Button>
        ) : (
          <Popconfirm
            key="disable"
            title={`停用 ${u.displayName} 的账号？该用户将立即退出登录。`}
            okText="停用"
            okButtonProps={{ danger: true }}
            onConfirm={() => change.mutate({ id: u.id, body: { disabled: true } })}
          >
            <Button size="small" danger>
              停用
            </Button>
          </Popconfirm>
        ),
      );
    }
    return <Space wrap>{items}</Space>;
  };

  return (
    <PageState query={users}>
      {(list) => (
        <Table<UnitUserView>
          rowKey="id"
          dataSource={list}
          pagination={false}
          columns={[
            {
              title: '姓名',
              dataIndex: 'displayName',
              render: (name: string, u) => (
                <>
                  {name}
                  {u.id === me.id && <Tag style={{ marginLeft: 8 }}>本人</Tag>}
                </>
              ),
            },
            { title: '登录名', dataIndex: 'login' },
            {
              title: '角色',
              dataIndex: 'role',
              render: (role: UnitUserView['role']) => (
                <Tag color={ROLE_COLORS[role]}>{USER_ROLE_LABELS[role]}</Tag>
              ),
            },
            { title: '手机', dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
            { title: '电子邮箱', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
            {
              title: '状态',
              dataIndex: 'disabled',
              render: (disabled: boolean) =>
                disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">启用</Tag>,
            },
            { title: '操作', key: 'actions', render: (_, u) => actions(u) },
          ]}
        />
      )}
    </PageState>
  );
}

function InvitationsTable() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const invitations = useQuery(invitationsQuery);
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/organization/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success('已撤销邀请，链接随即失效');
      await queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey });
    },
    onError: (e) => message.error(describeError(e)),
  });
  return (
    <PageState query={invitations} isEmpty={(list) => list.length === 0} empty="没有待接受的邀请">
      {(list) => (
        <Table<InvitationView>
          rowKey="id"
          dataSource={list}
          pagination={false}
          columns={[
            { title: '电子邮箱', dataIndex: 'email' },
            {
              title: '角色',
              dataIndex: 'role',
              render: (role: InvitationView['role'], i) =>
                `${USER_ROLE_LABELS[role]}${i.personName ? `（${i.personName}）` : ''}`,
            },
            { title: '邀请人', dataIndex: 'invitedBy' },
            { title: '有效期至', dataIndex: 'expiresAt', render: (v: string) => beijingTime(v) },
            {
              title: '操作',
              key: 'actions',
              render: (_, i) => (
                <Popconfirm
                  title={`撤销对 ${i.email} 的邀请？`}
                  okText="撤销"
                  onConfirm={() => revoke.mutate(i.id)}
                >
                  <Button size="small">撤销</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </PageState>
  );
}
