import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ReviewHeading } from '../../expert/ReviewHeading.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { ApiError, describeError } from '../../../shared/api.js';
import {
  beijingCloseIn,
  beijingPickerValue,
  beijingTime,
  fromBeijingPicker,
} from '../../../shared/format.js';
import {
  type CandidateView,
  type ConflictView,
  expertsApi,
  type ProvinceAssignmentView,
  type ReviewedDetail,
} from './api.js';

/** One application's review: its experts and their scores, and the pool to pick from with conflicts shown. */
export function AssignmentPage() {
  const { id } = useParams<{ id: string }>();
  const [detail, setDetail] = useState<ReviewedDetail>();
  const [error, setError] = useState<string>();
  const [dueAt, setDueAt] = useState<Dayjs>(() => beijingCloseIn(7));
  const [override, setOverride] = useState<{ candidate: CandidateView; conflicts: ConflictView[] }>();
  const load = useCallback(() => {
    expertsApi.application(id!).then(setDetail, (e: unknown) => setError(describeError(e)));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!detail) return <Card loading />;
  const { application, candidates, criteria } = detail;

  const assign = async (candidate: CandidateView, overrideReason?: string) => {
    try {
      await expertsApi.assign(application.id, {
        expertId: candidate.expert.id,
        dueAt: fromBeijingPicker(dueAt),
        overrideReason,
      });
      setOverride(undefined);
      load();
    } catch (e) {
      const conflicts =
        (e instanceof ApiError && (e.body as { conflicts?: ConflictView[] }).conflicts) || undefined;
      if (conflicts) setOverride({ candidate, conflicts });
      else Modal.error({ title: '未能分配', content: describeError(e) });
    }
  };
  const act = (action: Promise<unknown>) =>
    action.then(load, (e: unknown) => Modal.error({ title: '操作未完成', content: describeError(e) }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ReviewHeading back="/province/experts" backLabel="返回专家评审" title={application.title} />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="受理编号">{application.acceptanceNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="专题">{TOPIC_LABELS[application.topic]}</Descriptions.Item>
        <Descriptions.Item label="技术领域">{application.field || '—'}</Descriptions.Item>
        <Descriptions.Item label="申报单位">{application.organization.name}</Descriptions.Item>
        <Descriptions.Item label="平均分 / 中位数">
          {application.aggregate.mean ?? '—'} / {application.aggregate.median ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="分差">
          {application.aggregate.spread ?? '—'}{' '}
          {application.aggregate.wideSpread && <Tag color="red">分歧较大，请复核</Tag>}
        </Descriptions.Item>
      </Descriptions>

      <Card title="已分配的专家">
        <Table<ProvinceAssignmentView>
          data-testid="assignments"
          rowKey="id"
          pagination={false}
          dataSource={application.assignments}
          expandable={{
            rowExpandable: (a) => a.scores !== null,
            expandedRowRender: (a) => (
              <Descriptions size="small" column={1}>
                {criteria.map((c) => (
                  <Descriptions.Item key={c.id} label={`${c.label}（权重 ${c.weight}）`}>
                    {a.scores?.[c.id] ?? '—'} / {c.max}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label="评审意见">{a.comment}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            {
              title: '专家',
              key: 'expert',
              render: (_, a) => `${a.expert.name}（${a.expert.organizationName}）`,
            },
            {
              title: '截止时间',
              key: 'dueAt',
              render: (_, a) =>
                a.submittedAt ? (
                  beijingTime(a.dueAt)
                ) : (
                  <DatePicker
                    showTime
                    allowClear={false}
                    format="YYYY-MM-DD HH:mm"
                    value={beijingPickerValue(a.dueAt)}
                    onChange={(d) => d && void act(expertsApi.changeDue(a.id, fromBeijingPicker(d)))}
                  />
                ),
            },
            {
              title: '状态',
              key: 'status',
              render: (_, a) =>
                a.submittedAt ? (
                  <Tag color="success">已提交 {beijingTime(a.submittedAt)}</Tag>
                ) : (
                  <Tag>评审中</Tag>
                ),
            },
            { title: '加权总分', key: 'total', render: (_, a) => a.total ?? '—' },
            {
              title: '回避例外',
              key: 'override',
              render: (_, a) =>
                a.overrideReason && (
                  <Space orientation="vertical" size={0}>
                    {a.conflicts.map((c) => (
                      <Typography.Text key={c.message} type="warning">
                        {c.message}
                      </Typography.Text>
                    ))}
                    <span>理由：{a.overrideReason}</span>
                  </Space>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, a) =>
                !a.submittedAt && (
                  <Popconfirm
                    title="撤回这项分配？专家的评分草稿将一并删除"
                    onConfirm={() => act(expertsApi.unassign(a.id))}
                  >
                    <Button size="small" danger>
                      撤回
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>

      <Card
        title="分配专家"
        extra={
          <Space>
            评审截止时间（北京时间）
            <DatePicker
              showTime
              allowClear={false}
              format="YYYY-MM-DD HH:mm"
              value={dueAt}
              onChange={(d) => d && setDueAt(d)}
            />
          </Space>
        }
      >
        <Table<CandidateView>
          data-testid="candidates"
          rowKey={(c) => c.expert.id}
          dataSource={candidates.filter((c) => !c.assigned && c.expert.active)}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '专家', key: 'name', render: (_, c) => `${c.expert.name} ${c.expert.title}` },
            { title: '所在单位', key: 'org', render: (_, c) => c.expert.organizationName },
            {
              title: '学科/领域',
              key: 'fields',
              render: (_, c) => (
                <>
                  {c.expert.fields.map((f) => (
                    <Tag key={f} color={c.fieldMatch ? 'blue' : undefined}>
                      {f}
                    </Tag>
                  ))}
                  {!c.fieldMatch && <Typography.Text type="secondary">领域不匹配</Typography.Text>}
                </>
              ),
            },
            { title: '未提交任务', key: 'pending', render: (_, c) => c.expert.pending },
            {
              title: '利益冲突',
              key: 'conflicts',
              render: (_, c) =>
                c.conflicts.length === 0 ? (
                  <Tag color="success">无</Tag>
                ) : (
                  c.conflicts.map((x) => (
                    <Alert
                      key={x.message}
                      type="warning"
                      showIcon
                      title={x.message}
                      style={{ marginBottom: 4 }}
                    />
                  ))
                ),
            },
            {
              title: '操作',
              key: 'assign',
              render: (_, c) => (
                <Button
                  size="small"
                  type={c.conflicts.length ? 'default' : 'primary'}
                  onClick={() => void assign(c)}
                >
                  分配
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {override && (
        <OverrideModal
          name={override.candidate.expert.name}
          conflicts={override.conflicts}
          onCancel={() => setOverride(undefined)}
          onConfirm={(reason) => assign(override.candidate, reason)}
        />
      )}
    </Space>
  );
}

function OverrideModal({
  name,
  conflicts,
  onCancel,
  onConfirm,
}: {
  name: string;
  conflicts: ConflictView[];
  onCancel(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={`${name} 与本项目存在利益冲突`}
      okText="仍然分配"
      okButtonProps={{ danger: true }}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      {conflicts.map((c) => (
        <Alert key={c.message} type="warning" showIcon title={c.message} style={{ marginBottom: 8 }} />
      ))}
      <Form form={form} layout="vertical" onFinish={(v) => void onConfirm(v.reason)}>
        <Form.Item
          name="reason"
          label="例外分配的理由（记入审计日志）"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
