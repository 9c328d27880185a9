import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ReviewHeading } from './ReviewHeading.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { formatWan } from '../../../core/money.js';
import { ApiError, describeError } from '../../shared/api.js';
import { regionName } from '../../shared/countries.js';
import { beijingTime } from '../../shared/format.js';
import { showFieldErrors } from '../../shared/forms.js';
import { SaveModal } from '../province/decisions/common.js';
import { expertApi, type MyAssignmentDetail } from './api.js';

interface ScoreForm {
  scores: Record<string, number | null>;
  comment: string;
}

const wan = (yuan: number | null) => (yuan === null ? '—' : formatWan(yuan));

/** The scoring form: the application as experts see it, each criterion scored, the weighted total live. */
export function ScoringPage() {
  const { id } = useParams<{ id: string }>();
  const [detail, setDetail] = useState<MyAssignmentDetail>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState<'draft' | 'submit'>();
  const [form] = Form.useForm<ScoreForm>();
  const values = Form.useWatch('scores', form);
  const [recusing, setRecusing] = useState(false);

  useEffect(() => {
    expertApi.assignment(id!).then(
      (d) => {
        setDetail(d);
        form.setFieldsValue({ scores: d.assignment.scores, comment: d.assignment.comment });
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [id, form]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!detail) return <Card loading />;
  const { assignment, application, criteria } = detail;
  const locked = assignment.submittedAt !== null || assignment.overdue;
  // The same sum as the core's weightedTotal, shown as the expert types.
  const total = criteria.reduce((sum, c) => sum + (c.weight * (values?.[c.id] ?? 0)) / c.max, 0);

  const save = async (action: 'draft' | 'submit') => {
    const v = form.getFieldsValue();
    const scores = Object.fromEntries(
      Object.entries(v.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    setSaving(action);
    try {
      const call = action === 'draft' ? expertApi.saveDraft : expertApi.submit;
      const { assignment: saved } = await call(assignment.id, { scores, comment: v.comment ?? '' });
      setDetail({ ...detail, assignment: saved });
      if (action === 'submit') Modal.success({ title: '评分已提交' });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      Modal.error({ title: action === 'draft' ? '未能保存' : '未能提交', content: describeError(e) });
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ReviewHeading back="/expert" backLabel="我的评审任务" title={application.title} />
      {assignment.submittedAt && (
        <Alert
          type="success"
          showIcon
          title={`已于 ${beijingTime(assignment.submittedAt)} 提交，评分不能再修改`}
        />
      )}
      {!assignment.submittedAt && assignment.overdue && (
        <Alert
          type="error"
          showIcon
          title="已过评审截止时间，不能再保存或提交；如需延期请联系省科技项目管理中心"
        />
      )}
      <Card title="申报书（已隐去个人信息）">
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label="受理编号">{application.acceptanceNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="专题">{TOPIC_LABELS[application.topic]}</Descriptions.Item>
          <Descriptions.Item label="技术领域">{application.field || '—'}</Descriptions.Item>
          <Descriptions.Item label="申报单位">{application.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="境外合作机构">
            {application.partner
              ? `${application.partner.name}（${regionName(application.partner.country)}）`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="境内合作单位">
            {application.domesticPartners.map((p) => p.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="项目总预算">{wan(application.budget.total)}</Descriptions.Item>
          <Descriptions.Item label="江苏方总预算">{wan(application.budget.jiangsuTotal)}</Descriptions.Item>
          <Descriptions.Item label="申请省资助经费">
            <span data-testid="requested-funding">{wan(application.budget.provincialFunding)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="评审截止时间">{beijingTime(assignment.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="主要研究内容" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {application.summary}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {!assignment.submittedAt && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          与本项目的申报单位、项目负责人或合作方有利益关系（同一单位、合作、师生等）时应当回避。
          <Button type="link" danger onClick={() => setRecusing(true)} data-testid="recuse">
            申请回避
          </Button>
        </Typography.Paragraph>
      )}
      {recusing && <RecusalModal assignmentId={assignment.id} onClose={() => setRecusing(false)} />}
      <Card
        title="评分表"
        extra={
          <Statistic title="加权总分（满分 100）" value={total} precision={2} data-testid="live-total" />
        }
      >
        <Form form={form} layout="vertical" disabled={locked}>
          {criteria.map((c) => (
            <Form.Item
              key={c.id}
              name={['scores', c.id]}
              label={
                <Space>
                  {c.label}
                  <Tag>权重 {c.weight}</Tag>
                  <Typography.Text type="secondary">0–{c.max} 分</Typography.Text>
                </Space>
              }
              extra={c.guidance}
            >
              <InputNumber min={0} max={c.max} precision={0} data-testid={`score-${c.id}`} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label="评审意见（提交时必填）">
            <Input.TextArea rows={5} maxLength={3000} showCount data-testid="comment" />
          </Form.Item>
          {!locked && (
            <Space>
              <Button onClick={() => void save('draft')} loading={saving === 'draft'}>
                保存草稿
              </Button>
              <Button
                type="primary"
                loading={saving === 'submit'}
                data-testid="submit-scores"
                onClick={() =>
                  Modal.confirm({
                    title: '提交评分？',
                    content: '提交后不能再修改。',
                    okText: '提交',
                    onOk: () => save('submit'),
                  })
                }
              >
                提交评分
              </Button>
            </Space>
          )}
        </Form>
      </Card>
    </Space>
  );
}

/** 申请回避: the reason is required; the task goes back to the province, which assigns someone else. */
function RecusalModal({ assignmentId, onClose }: { assignmentId: string; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = async () => {
    const { reason } = await form.validateFields();
    try {
      await expertApi.recuse(assignmentId, { reason });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
  };
  const closed = (saved: boolean) => {
    onClose();
    if (!saved) return;
    void message.success('已申请回避，任务已退回省科技项目管理中心重新分配');
    void navigate('/expert');
  };
  return (
    <SaveModal title="申请回避" okText="确认回避" save={save} onClose={closed}>
      <Typography.Paragraph>
        回避后本任务从“我的评审任务”中移除，已保存的评分草稿不再保留；回避理由记入专家库，省里再把本项目分配给您须另行写明理由。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="回避理由"
          rules={[{ required: true, whitespace: true, message: '请填写回避理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="recusal-reason" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
