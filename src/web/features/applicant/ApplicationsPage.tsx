import { FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DIRECTIONS, type Direction, type TopicNumber } from '../../../core/bundle/schema.js';
import { DIRECTION_LABELS, TOPIC_LABELS } from '../../../core/labels.js';
import type { CreateApplicationBody } from '../../../contract/applications.js';
import type { PersonView } from '../../../contract/people.js';
import {
  api,
  describeError,
  fetchCalls,
  type ApplicationDto,
  type CallDto,
  type Evaluation,
} from '../../shared/api.js';
import { beijingTime, STATUS_LABELS } from '../../shared/format.js';
import { useUser } from '../../app/session.js';

interface NewValues {
  callId: string;
  topic: TopicNumber;
  direction?: Direction;
  piId?: string;
}

function NewApplicationModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewValues>();
  const [calls, setCalls] = useState<CallDto[]>();
  const [people, setPeople] = useState<PersonView[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const callId = Form.useWatch('callId', form);
  const topic = Form.useWatch('topic', form);
  const isAdmin = user.role === 'unit-admin';

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    fetchCalls().then(
      (all) => {
        const openCalls = all.filter((c) => c.open);
        setCalls(openCalls);
        if (openCalls.length === 1) form.setFieldValue('callId', openCalls[0]!.id);
      },
      (e: unknown) => setError(describeError(e)),
    );
    if (isAdmin) {
      api<{ people: PersonView[] }>('/organization/people').then(
        (r) => setPeople(r.people),
        (e: unknown) => setError(describeError(e)),
      );
    }
  }, [open, isAdmin, form]);

  const call = calls?.find((c) => c.id === callId);

  const create = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const body: CreateApplicationBody = {
        callId: values.callId,
        topic: values.topic,
        ...(values.topic === 1 && values.direction ? { direction: values.direction } : {}),
        ...(isAdmin && values.piId ? { piId: values.piId } : {}),
      };
      const { application } = await api<{ application: ApplicationDto; evaluation: Evaluation }>(
        '/applications',
        { method: 'POST', body },
      );
      onClose();
      navigate(`/applications/${application.id}`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="新建申报书"
      open={open}
      onCancel={onClose}
      onOk={create}
      okText="创建并填写"
      confirmLoading={busy}
      forceRender
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {calls?.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="当前没有处于网上填报时间内的计划"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<NewValues> form={form} layout="vertical" name="new-application">
        <Form.Item label="申报计划" name="callId" rules={[{ required: true, message: '请选择申报计划' }]}>
          <Select
            loading={calls === undefined && !error}
            options={calls?.map((c) => ({
              value: c.id,
              label: `${c.name}（截止 ${beijingTime(c.submissionClosesAt).slice(0, 16)}）`,
            }))}
            placeholder="只列出正在受理的计划"
          />
        </Form.Item>
        <Form.Item label="专题" name="topic" rules={[{ required: true, message: '请选择专题' }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {(call?.topics ?? []).map((t) => (
              <Radio key={t.number} value={t.number} disabled={!t.open}>
                {TOPIC_LABELS[t.number]} {t.name}
                {!t.open && (
                  <Typography.Text type="secondary">（本通知不受理，申报通知另行发布）</Typography.Text>
                )}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {topic === 1 && (
          <Form.Item
            label="专题一方向"
            name="direction"
            rules={[{ required: true, message: '专题一须选择申报方向' }]}
            extra="方向1 及“我省在境外建设”平台为定向组织申报，经专家论证予以支持"
          >
            <Select options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))} />
          </Form.Item>
        )}
        {isAdmin ? (
          <Form.Item
            label="项目负责人"
            name="piId"
            rules={[{ required: true, message: '请选择项目负责人' }]}
            extra={
              people?.length === 0 ? (
                <span>
                  本单位尚未登记项目负责人，请先到<Link to="/people">项目负责人</Link>页面登记。
                </span>
              ) : undefined
            }
          >
            <Select
              loading={people === undefined && !error}
              options={people?.map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : (
          <Form.Item label="项目负责人">
            <Typography.Text>{user.person?.name ?? user.displayName}（本人）</Typography.Text>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ApplicationsPage() {
  const [applications, setApplications] = useState<ApplicationDto[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    api<{ applications: ApplicationDto[] }>('/applications').then(
      (r) => setApplications(r.applications),
      (e: unknown) => {
        setError(describeError(e));
        message.error(describeError(e));
      },
    );
  }, [message]);

  const sorted = useMemo(
    () => [...(applications ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [applications],
  );

  return (
    <Card
      title="申报书"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建申报书
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<ApplicationDto>
        rowKey="id"
        loading={applications === undefined && !error}
        dataSource={sorted}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        locale={{ emptyText: '还没有申报书。点击右上角“新建申报书”开始填写。' }}
        columns={[
          {
            title: '项目名称',
            key: 'title',
            render: (_, a) => (
              <Link to={`/applications/${a.id}`}>{a.form.title?.trim() || '（未命名申报书）'}</Link>
            ),
          },
          {
            title: '计划',
            dataIndex: 'callName',
            width: 220,
            render: (name: string, a) => (
              <Space size={4} wrap>
                <span>{name.replace(/（演示）$/, '')}</span>
                {a.callId.startsWith('DEMO-') && <Tag color="purple">演示</Tag>}
              </Space>
            ),
          },
          {
            title: '专题',
            key: 'topic',
            width: 90,
            render: (_, a) => (
              <span>
                {TOPIC_LABELS[a.topic]}
                {a.direction && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {DIRECTION_LABELS[a.direction].split(' ')[0]}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { title: '项目负责人', key: 'pi', width: 100, render: (_, a) => a.pi.name },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (status: ApplicationDto['status']) => (
              <Tag color={STATUS_LABELS[status].color}>{STATUS_LABELS[status].label}</Tag>
            ),
          },
          {
            title: '受理编号',
            dataIndex: 'acceptanceNo',
            width: 180,
            render: (no: string | null) => (no ? <span className="mono">{no}</span> : '—'),
          },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 160,
            render: (at: string) => beijingTime(at),
          },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, a) => (
              <Space>
                <Link to={`/applications/${a.id}`}>{a.editable ? '填写' : '查看'}</Link>
                {a.acceptanceNo && (
                  <Link to={`/applications/${a.id}/receipt`}>
                    <FileDoneOutlined /> 回执
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewApplicationModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
