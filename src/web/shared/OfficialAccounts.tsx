import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CreatedOfficial, OfficialAccount } from '../../contract/accounts.js';
import { DEPARTMENT_DUTIES, DUTY_LABELS, PROVINCE_DUTIES, type Duty } from '../../contract/vocabulary.js';
import { api, ApiError, describeError, query } from './api.js';
import { beijingTime } from './format.js';
import { showFieldErrors } from './forms.js';
import { PageState } from './PageState.js';

// Officials' accounts, the same for the province's 账号管理 and a department's 本部门账号: the list, creation
// (with the generated password shown once), disabling and duties. `base` is the API the page manages through.

export type OfficialsBase = '/province/accounts' | '/department/staff';

const keyOf = (base: OfficialsBase) => ['officials', base] as const;

export const officialsQuery = (base: OfficialsBase, filter: { q?: string; role?: string }) =>
  queryOptions({
    queryKey: [...keyOf(base), filter],
    queryFn: ({ signal }) => api<{ accounts: OfficialAccount[] }>(`${base}${query(filter)}`, { signal }),
    select: (r) => r.accounts,
    placeholderData: keepPreviousData,
  });

const dutiesOf = (role: OfficialAccount['role']): readonly Duty[] =>
  role === 'province' ? PROVINCE_DUTIES : DEPARTMENT_DUTIES;

export const dutyOptions = (role: OfficialAccount['role']) =>
  dutiesOf(role).map((d) => ({ value: d, label: DUTY_LABELS[d] }));

function DutyTags({ duties }: { duties: readonly Duty[] }) {
  if (duties.length === 0) return <Typography.Text type="secondary">工作人员</Typography.Text>;
  return duties.map((d) => (
    <Tag key={d} color={d === 'admin' ? 'gold' : 'blue'}>
      {DUTY_LABELS[d]}
    </Tag>
  ));
}

/** The list, with 停用 / 启用 and 职责 on every account but one's own. */
export function OfficialsTable({
  base,
  filter,
  ownId,
  showDepartment,
}: {
  base: OfficialsBase;
  filter: { q?: string; role?: string };
  ownId: string;
  showDepartment: boolean;
}) {
  const queryClient = useQueryClient();
  const accounts = useQuery(officialsQuery(base, filter));
  const [editing, setEditing] = useState<OfficialAccount>();
  const write = useMutation({
    mutationFn: (w: { url: string; body?: object }) =>
      api(w.url, { method: w.body ? 'PUT' : 'POST', ...(w.body ? { body: w.body } : {}) }),
    onSuccess: () => {
      setEditing(undefined);
      return queryClient.invalidateQueries({ queryKey: keyOf(base) });
    },
    onError: (e) => Modal.error({ title: '未能修改账号', content: describeError(e) }),
  });

  return (
    <PageState query={accounts}>
      {(rows) => (
        <>
          <Table<OfficialAccount>
            data-testid="officials"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: '姓名',
                key: 'name',
                render: (_, a) => (
                  <Space orientation="vertical" size={0}>
                    <span>{a.displayName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.login}
                    </Typography.Text>
                  </Space>
                ),
              },
              ...(showDepartment
                ? [
                    {
                      title: '单位',
                      key: 'department',
                      render: (_: unknown, a: OfficialAccount) => a.department?.name ?? '省科技厅',
                    },
                  ]
                : []),
              { title: '职责', key: 'duties', render: (_, a) => <DutyTags duties={a.duties} /> },
              {
                title: '联系方式',
                key: 'contact',
                render: (_, a) => [a.mobile, a.email].filter(Boolean).join(' / '),
              },
              {
                title: '状态',
                key: 'status',
                render: (_, a) => (
                  <Space size={4} wrap>
                    {a.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">启用</Tag>}
                    {a.mustChangePassword && !a.disabled && <Tag>待首次登录改密码</Tag>}
                  </Space>
                ),
              },
              {
                title: '最近登录',
                key: 'lastLoginAt',
                render: (_, a) => (a.lastLoginAt ? beijingTime(a.lastLoginAt) : '从未登录'),
              },
              {
                title: '操作',
                key: 'actions',
                render: (_, a) =>
                  a.id === ownId ? (
                    <Typography.Text type="secondary">本人</Typography.Text>
                  ) : (
                    <Space wrap>
                      <Button size="small" onClick={() => setEditing(a)}>
                        职责
                      </Button>
                      {a.disabled ? (
                        <Button size="small" onClick={() => write.mutate({ url: `${base}/${a.id}/enable` })}>
                          启用
                        </Button>
                      ) : (
                        <Popconfirm
                          title={`停用 ${a.displayName}（${a.login}）？`}
                          description="停用后立即退出其所有登录，不能再登录"
                          okText="停用"
                          cancelText="取消"
                          onConfirm={() => write.mutate({ url: `${base}/${a.id}/disable` })}
                        >
                          <Button size="small" danger>
                            停用
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
          {editing && (
            <DutiesModal
              account={editing}
              saving={write.isPending}
              onCancel={() => setEditing(undefined)}
              onSave={(duties) => write.mutate({ url: `${base}/${editing.id}/duties`, body: { duties } })}
            />
          )}
        </>
      )}
    </PageState>
  );
}

function DutiesModal({
  account,
  saving,
  onCancel,
  onSave,
}: {
  account: OfficialAccount;
  saving: boolean;
  onCancel(): void;
  onSave(duties: Duty[]): void;
}) {
  const [duties, setDuties] = useState<Duty[]>(account.duties);
  return (
    <Modal
      open
      title={`${account.displayName} 的职责`}
      okText="保存"
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => onSave(duties)}
    >
      <Checkbox.Group
        aria-label="职责"
        options={dutyOptions(account.role)}
        value={duties}
        onChange={(v) => setDuties(v)}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        管理员拥有全部职责，并管理账号；最后一位启用的管理员不能取消其管理员职责。
      </Typography.Paragraph>
    </Modal>
  );
}

/** 新建账号: the fields every account has, and those a page adds (`children`), in one form. */
export function CreateOfficialModal<T extends object>({
  base,
  open,
  onClose,
  children,
  bodyOf,
  initialValues,
}: {
  base: OfficialsBase;
  open: boolean;
  onClose(): void;
  children?: ReactNode;
  bodyOf(values: T & NewAccountValues): object;
  initialValues?: Partial<T & NewAccountValues>;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<T & NewAccountValues>();
  const creating = useMutation({
    mutationFn: (values: T & NewAccountValues) =>
      api<CreatedOfficial>(base, { method: 'POST', body: bodyOf(values) }),
    onSuccess: ({ account, initialPassword }) => {
      form.resetFields();
      onClose();
      Modal.success({
        title: `已新建账号 ${account.login}`,
        content: initialPassword ? (
          <Space orientation="vertical">
            <span>初始密码（只显示这一次，请当面或电话告知本人）：</span>
            <Typography.Text code copyable data-testid="initial-password">
              {initialPassword}
            </Typography.Text>
            <span>首次登录后须修改密码。账号邀请已发往 {account.email}（不含密码）。</span>
          </Space>
        ) : (
          `首次登录后须修改密码。账号邀请已发往 ${account.email}（不含密码）。`
        ),
      });
      return queryClient.invalidateQueries({ queryKey: keyOf(base) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) showFieldErrors(form, e.fields);
      else Modal.error({ title: '未能新建账号', content: describeError(e) });
    },
  });
  return (
    <Modal
      title="新建账号"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={creating.isPending}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => creating.mutate(v)} initialValues={initialValues}>
        {children}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="login" label="登录名" rules={[{ required: true, message: '请填写登录名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={[{ required: true, message: '请填写电子邮箱' }]}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra="可不填：由系统生成，保存后只显示一次">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface NewAccountValues {
  login: string;
  displayName: string;
  mobile: string;
  email: string;
  password?: string;
}

/** The account fields as the API takes them: an empty password asks the server to generate one. */
export const newAccountBody = ({ password, ...rest }: NewAccountValues) => ({
  ...rest,
  ...(password ? { password } : {}),
});
