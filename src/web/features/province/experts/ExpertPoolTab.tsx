import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CreateExpertBody } from '../../../../contract/experts.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { type ExpertDetail, expertsApi, type ExpertView } from './api.js';

interface ExpertFormValues {
  name: string;
  organizationName: string;
  organizationCreditCode?: string;
  fields: string[];
  title?: string;
  phone?: string;
  email?: string;
  account: { login: string; password: string };
}

const profileOf = (v: Omit<ExpertFormValues, 'account'>) => ({
  name: v.name,
  organizationName: v.organizationName,
  organizationCreditCode: v.organizationCreditCode?.trim() || null,
  fields: v.fields,
  title: v.title ?? '',
  phone: v.phone ?? '',
  email: v.email ?? '',
});

/** 专家库: the pool, new experts with their logins, active or not, and each expert's declared conflicts. */
export function ExpertPoolTab() {
  const [experts, setExperts] = useState<ExpertView[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [conflictsOf, setConflictsOf] = useState<ExpertView>();
  const load = useCallback(() => {
    expertsApi.list().then(setExperts, (e: unknown) => setError(describeError(e)));
  }, []);
  useEffect(load, [load]);

  const setActive = (expert: ExpertView, active: boolean) => {
    const { id: _id, login: _login, assignments: _a, pending: _p, active: _active, ...profile } = expert;
    expertsApi
      .update(expert.id, { ...profile, active })
      .then(load, (e: unknown) => Modal.error({ title: '未能修改', content: describeError(e) }));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      <Button type="primary" onClick={() => setCreating(true)} data-testid="new-expert">
        新增专家
      </Button>
      <Table<ExpertView>
        data-testid="expert-pool"
        rowKey="id"
        loading={!experts && !error}
        dataSource={experts}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '职称', dataIndex: 'title' },
          {
            title: '所在单位',
            key: 'organization',
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <span>{e.organizationName}</span>
                {e.organizationCreditCode && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.organizationCreditCode}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '学科/领域',
            key: 'fields',
            render: (_, e) => e.fields.map((f) => <Tag key={f}>{f}</Tag>),
          },
          {
            title: '联系方式',
            key: 'contact',
            render: (_, e) => [e.phone, e.email].filter(Boolean).join(' / '),
          },
          { title: '登录名', dataIndex: 'login' },
          { title: '评审任务（未提交）', key: 'load', render: (_, e) => `${e.assignments}（${e.pending}）` },
          {
            title: '启用',
            key: 'active',
            render: (_, e) => <Switch checked={e.active} onChange={(on) => setActive(e, on)} />,
          },
          {
            title: '回避',
            key: 'conflicts',
            render: (_, e) => (
              <Button size="small" onClick={() => setConflictsOf(e)}>
                声明的回避
              </Button>
            ),
          },
        ]}
      />
      <CreateExpertModal open={creating} onClose={() => setCreating(false)} onCreated={load} />
      {conflictsOf && <ConflictsDrawer expert={conflictsOf} onClose={() => setConflictsOf(undefined)} />}
    </Space>
  );
}

function CreateExpertModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const [form] = Form.useForm<ExpertFormValues>();
  const [saving, setSaving] = useState(false);
  const submit = async (values: ExpertFormValues) => {
    setSaving(true);
    const body: CreateExpertBody = { ...profileOf(values), account: values.account };
    try {
      await expertsApi.create(body);
      form.resetFields();
      onCreated();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) showFieldErrors(form, e.fields);
      else Modal.error({ title: '未能新增专家', content: describeError(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="新增专家（同时开通专家登录账号）"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ fields: [] }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label="职称">
          <Input />
        </Form.Item>
        <Form.Item
          name="organizationName"
          label="所在单位"
          rules={[{ required: true, message: '请填写所在单位' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="organizationCreditCode"
          label="所在单位统一社会信用代码"
          extra="境外单位可不填；用于利益冲突回避"
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="fields"
          label="学科/领域"
          extra="输入后回车，可填多项；与申报书的技术领域匹配"
          rules={[{ required: true, message: '请至少填写一项' }]}
        >
          <SelectTags />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input />
        </Form.Item>
        <Form.Item
          name={['account', 'login']}
          label="登录名"
          rules={[{ required: true, message: '请填写登录名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['account', 'password']}
          label="初始密码"
          rules={[{ required: true, message: '请设置初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A free list of words typed in, for the expert's fields. */
function SelectTags(props: { value?: string[]; onChange?(value: string[]): void }) {
  const [text, setText] = useState('');
  const value = props.value ?? [];
  const add = () => {
    const word = text.trim();
    if (word && !value.includes(word)) props.onChange?.([...value, word]);
    setText('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div>
        {value.map((f) => (
          <Tag key={f} closable onClose={() => props.onChange?.(value.filter((v) => v !== f))}>
            {f}
          </Tag>
        ))}
      </div>
      <Input
        value={text}
        placeholder="如：先进材料"
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          add();
        }}
        onBlur={add}
      />
    </Space>
  );
}

function ConflictsDrawer({ expert, onClose }: { expert: ExpertView; onClose(): void }) {
  const [detail, setDetail] = useState<ExpertDetail>();
  const [form] = Form.useForm<{ target: 'creditCode' | 'applicationId'; value: string; reason: string }>();
  const load = useCallback(() => {
    expertsApi.detail(expert.id).then(setDetail, (e: unknown) => Modal.error({ content: describeError(e) }));
  }, [expert.id]);
  useEffect(load, [load]);
  const declare = async (v: { value: string; reason: string }) => {
    const value = v.value.trim();
    // An application is named by its id (a UUID), an organization by its 18-character credit code.
    const target = /^[0-9a-f-]{36}$/i.test(value) ? { applicationId: value } : { creditCode: value };
    try {
      await expertsApi.declare(expert.id, { ...target, reason: v.reason });
      form.resetFields();
      load();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0)
        showFieldErrors(form, e.fields, (p) => (p === 'reason' ? 'reason' : 'value'));
      else Modal.error({ title: '未能登记', content: describeError(e) });
    }
  };
  return (
    <Drawer title={`${expert.name} 声明的回避`} open onClose={onClose} size="large">
      <List
        dataSource={detail?.conflicts ?? []}
        loading={!detail}
        locale={{ emptyText: '未声明回避' }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title="删除这条回避声明？"
                onConfirm={() => expertsApi.removeConflict(expert.id, c.id).then(load)}
              >
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={c.creditCode ? `单位 ${c.creditCode}` : `申报书 ${c.applicationId}`}
              description={`${c.reason}（${beijingTime(c.createdAt)} 登记）`}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>登记新的回避</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void declare(v)}>
        <Form.Item
          name="value"
          label="回避单位的统一社会信用代码，或回避申报书的编号"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="回避理由" rules={[{ required: true, message: '请填写回避理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          登记
        </Button>
      </Form>
    </Drawer>
  );
}
