import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DEFAULT_EXPERTS_PER_APPLICATION } from '../../../../core/experts/assignment.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { describeError } from '../../../shared/api.js';
import { fromBeijingPicker } from '../../../shared/format.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { expertsApi, type ReviewedApplicationView } from './api.js';
import { ExpertPoolTab } from './ExpertPoolTab.js';

/** 专家评审: the pool, and per call the recommended applications with their experts and aggregated scores. */
export function ExpertsPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        专家评审
      </Typography.Title>
      <Tabs
        items={[
          { key: 'review', label: '评审分配与汇总', children: <ReviewTab /> },
          { key: 'pool', label: '专家库', children: <ExpertPoolTab /> },
        ]}
      />
    </Space>
  );
}

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function ReviewTab() {
  const { calls, callId, error: callError, select } = useReviewCall();
  const [data, setData] = useState<{ applications: ReviewedApplicationView[]; wideSpreadPoints: number }>();
  const [error, setError] = useState<string>();
  const [autoOpen, setAutoOpen] = useState(false);
  const load = useCallback(() => {
    if (!callId) return;
    setError(undefined);
    expertsApi.applications(callId).then(setData, (e: unknown) => setError(describeError(e)));
  }, [callId]);
  useEffect(load, [load]);

  const remind = () =>
    expertsApi.sendReminders().then(
      ({ sent }) => Modal.success({ title: sent ? `已发送 ${sent} 条到期提醒` : '没有需要提醒的评审任务' }),
      (e: unknown) => Modal.error({ content: describeError(e) }),
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(callError ?? error) && <Alert type="error" showIcon title={callError ?? error} />}
      <Card>
        <Space wrap>
          <CallSelect calls={calls} value={callId} onChange={select} />
          <Button
            type="primary"
            onClick={() => setAutoOpen(true)}
            disabled={!callId}
            data-testid="auto-assign"
          >
            自动分配
          </Button>
          <Button onClick={() => void remind()}>发送到期提醒（48 小时内到期）</Button>
        </Space>
      </Card>
      <Typography.Paragraph type="secondary">
        只列项目主管部门已推荐的申报书。总分为各专家加权总分（满分 100）；分差（最高分 − 最低分）达到{' '}
        {data?.wideSpreadPoints ?? '—'} 分的标红，请复核。
      </Typography.Paragraph>
      <Table<ReviewedApplicationView>
        data-testid="expert-review-table"
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.applications}
        columns={[
          {
            title: '受理编号',
            key: 'acceptanceNo',
            render: (_, a) => (
              <Link to={`/province/experts/applications/${a.id}`}>{a.acceptanceNo ?? '—'}</Link>
            ),
          },
          { title: '项目名称', dataIndex: 'title' },
          { title: '专题', key: 'topic', render: (_, a) => TOPIC_LABELS[a.topic] },
          { title: '技术领域', dataIndex: 'field' },
          { title: '申报单位', key: 'organization', render: (_, a) => a.organization.name },
          {
            title: '专家（已提交/已分配）',
            key: 'experts',
            render: (_, a) => `${a.assignments.filter((x) => x.submittedAt).length}/${a.assignments.length}`,
          },
          { title: '平均分', key: 'mean', render: (_, a) => score(a.aggregate.mean) },
          { title: '中位数', key: 'median', render: (_, a) => score(a.aggregate.median) },
          {
            title: '分差',
            key: 'spread',
            render: (_, a) =>
              a.aggregate.wideSpread ? (
                <Tooltip title="专家意见分歧较大，请复核">
                  <Tag color="red" data-testid="wide-spread">
                    {score(a.aggregate.spread)}
                  </Tag>
                </Tooltip>
              ) : (
                score(a.aggregate.spread)
              ),
          },
        ]}
      />
      {callId && (
        <AutoAssignModal callId={callId} open={autoOpen} onClose={() => setAutoOpen(false)} onDone={load} />
      )}
    </Space>
  );
}

function AutoAssignModal({
  callId,
  open,
  onClose,
  onDone,
}: {
  callId: string;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<{ perApplication: number; dueAt: Dayjs }>();
  const [running, setRunning] = useState(false);
  const run = async (v: { perApplication: number; dueAt: Dayjs }) => {
    setRunning(true);
    try {
      const result = await expertsApi.autoAssign({
        callId,
        perApplication: v.perApplication,
        dueAt: fromBeijingPicker(v.dueAt),
      });
      onClose();
      onDone();
      Modal.info({
        title: `已分配 ${result.assigned.length} 人次`,
        content:
          result.shortfalls.length === 0 ? (
            '每项申报书都已配足专家。'
          ) : (
            <>
              <p>以下申报书没有足够的领域匹配且无利益冲突的专家，请手工分配：</p>
              <ul>
                {result.shortfalls.map((s) => (
                  <li key={s.applicationId}>
                    {s.acceptanceNo ?? ''} {s.title}：缺 {s.missing} 人
                  </li>
                ))}
              </ul>
            </>
          ),
      });
    } catch (e) {
      Modal.error({ title: '未能自动分配', content: describeError(e) });
    } finally {
      setRunning(false);
    }
  };
  return (
    <Modal
      title="自动分配专家"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={running}
      okText="分配"
    >
      <Typography.Paragraph type="secondary">
        为每项已推荐的申报书补足专家：只选技术领域匹配的专家，评审任务少的优先，存在利益冲突的专家不分配。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ perApplication: DEFAULT_EXPERTS_PER_APPLICATION }}
        onFinish={(v) => void run(v)}
      >
        <Form.Item
          name="perApplication"
          label="每项专家人数"
          rules={[{ required: true, message: '请填写人数' }]}
        >
          <InputNumber min={1} max={15} precision={0} />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label="评审截止时间（北京时间）"
          rules={[{ required: true, message: '请选择截止时间' }]}
        >
          <DatePicker showTime format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
