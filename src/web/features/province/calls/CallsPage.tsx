import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { type AdminCallDto, CALL_STATUS_LABELS, callAdminApi } from './api.js';

// 计划管理: every call with its status and windows; open, close, move the deadlines, or clone for a new year.
// Deadlines are typed as Beijing wall-clock time, whatever the browser's own time zone.

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})$/;
const DEADLINES = [
  ['submissionClosesAt', '网上填报截止'],
  ['recommendationClosesAt', '主管部门审核推荐截止'],
  ['paperClosesAt', '纸质材料受理截止'],
] as const;
type DeadlineKey = (typeof DEADLINES)[number][0];
type DeadlineFields = Record<DeadlineKey, string>;

const toWallClock = (iso: string) => beijingTime(iso).slice(0, 16);
const fromWallClock = (text: string) => {
  const [, date, time] = WALL_CLOCK.exec(text.trim())!;
  return `${date}T${time}:00+08:00`;
};

function DeadlineInputs() {
  return DEADLINES.map(([name, label]) => (
    <Form.Item
      key={name}
      name={name}
      label={`${label}（北京时间）`}
      rules={[{ required: true, pattern: WALL_CLOCK, message: '请按 2027-05-18 17:30 的格式填写' }]}
    >
      <Input placeholder="2027-05-18 17:30" />
    </Form.Item>
  ));
}

type Editing = { kind: 'deadlines'; call: AdminCallDto } | { kind: 'clone'; call: AdminCallDto };

function EditModal({ editing, onClose, onSaved }: { editing: Editing; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DeadlineFields & { id: string; name: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { call, kind } = editing;

  const save = async () => {
    const values = await form.validateFields();
    const deadlines = Object.fromEntries(
      DEADLINES.map(([name]) => [name, fromWallClock(values[name])]),
    ) as DeadlineFields;
    setSaving(true);
    setFailure(undefined);
    try {
      if (kind === 'clone') {
        const created = await callAdminApi.clone(call.id, { id: values.id, name: values.name, ...deadlines });
        void message.success(`已复制为 ${created.id}（草稿，开放后申报单位才可见）`);
      } else {
        const changed = await callAdminApi.changeDeadlines(call.id, deadlines);
        void message.success(`截止时间已修改（第 ${changed.version} 版）`);
      }
      onSaved();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={kind === 'clone' ? `复制“${call.name}”为新年度计划` : `修改“${call.name}”的截止时间`}
      okText={kind === 'clone' ? '复制' : '确认修改'}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {kind === 'deadlines' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="修改后立即生效：网上填报、审核推荐和纸质材料受理均按新的截止时间判断，并记入版本记录和审计日志。"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...Object.fromEntries(DEADLINES.map(([name]) => [name, toWallClock(call[name])])),
          ...(kind === 'clone' ? { id: '', name: '' } : {}),
        }}
      >
        {kind === 'clone' && (
          <>
            <Form.Item name="id" label="新计划编号" rules={[{ required: true, message: '请填写计划编号' }]}>
              <Input placeholder="JS-INTL-2027" />
            </Form.Item>
            <Form.Item name="name" label="新计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
              <Input placeholder="2027年度省国际科技合作/港澳台科技合作计划" />
            </Form.Item>
          </>
        )}
        <DeadlineInputs />
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

export function CallsPage() {
  const { message } = App.useApp();
  const [calls, setCalls] = useState<AdminCallDto[]>();
  const [failure, setFailure] = useState<string>();
  const [editing, setEditing] = useState<Editing>();

  const load = useCallback(() => {
    callAdminApi.list().then(setCalls, (e: unknown) => setFailure(describeError(e)));
  }, []);
  useEffect(load, [load]);

  const act = async (work: Promise<AdminCallDto>, done: string) => {
    try {
      await work;
      void message.success(done);
      load();
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        计划管理
      </Typography.Title>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Table<AdminCallDto>
        data-testid="calls-table"
        loading={!calls && !failure}
        rowKey="id"
        dataSource={calls}
        pagination={false}
        columns={[
          {
            title: '计划',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/province/calls/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                <Typography.Text type="secondary">
                  {c.id} · {c.noticeNumber}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '状态',
            width: 170,
            render: (_, c) => (
              <Space wrap size={4}>
                {c.readOnly ? (
                  <Tag>只读历史</Tag>
                ) : (
                  <Tag color={CALL_STATUS_LABELS[c.status].color}>{CALL_STATUS_LABELS[c.status].label}</Tag>
                )}
                {c.open && <Tag color="processing">填报中</Tag>}
                {c.isPractice && <Tag color="gold">演示</Tag>}
              </Space>
            ),
          },
          ...DEADLINES.map(([name, label]) => ({
            title: label,
            width: 170,
            render: (_: unknown, c: AdminCallDto) => beijingTime(c[name]),
          })),
          { title: '版本', width: 70, render: (_, c) => (c.version === 0 ? '—' : `第 ${c.version} 版`) },
          {
            title: '操作',
            width: 300,
            render: (_, c) => (
              <Space wrap size={4}>
                {!c.readOnly && c.status !== 'open' && (
                  <Popconfirm
                    title={`开放“${c.name}”？`}
                    description="开放后申报单位即可在截止时间前新建和提交申报书。"
                    okText="开放"
                    onConfirm={() => act(callAdminApi.open(c.id), '已开放申报')}
                  >
                    <Button size="small" type="primary">
                      开放
                    </Button>
                  </Popconfirm>
                )}
                {!c.readOnly && c.status === 'open' && (
                  <Popconfirm
                    title={`关闭“${c.name}”？`}
                    description="关闭后不能再新建或提交申报书；主管部门审核不受影响。"
                    okText="关闭"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => act(callAdminApi.close(c.id), '已关闭申报')}
                  >
                    <Button size="small" danger>
                      关闭
                    </Button>
                  </Popconfirm>
                )}
                {!c.readOnly && (
                  <Button size="small" onClick={() => setEditing({ kind: 'deadlines', call: c })}>
                    修改截止时间
                  </Button>
                )}
                <Button size="small" onClick={() => setEditing({ kind: 'clone', call: c })}>
                  复制为新年度
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <EditModal
          editing={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            load();
          }}
        />
      )}
    </Space>
  );
}
