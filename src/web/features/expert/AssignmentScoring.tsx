import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  recommendationProblems,
  scoreProblems,
  scoringProblems,
} from '../../../core/experts/scoring-forms.js';
import { formatWanDecimal, wanToYuan, yuanToWan } from '../../../core/money.js';
import type { ScoresBody } from '../../../contract/expert.js';
import { ApiError, describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import { expertApi, expertQueries, type MyAssignmentDetail } from './api.js';
import { scrollToPart } from '../../shared/application/anchors.js';
import { BlindApplicationCard } from './BlindApplicationCard.js';
import { CriterionAnchors } from './CriterionAnchors.js';
import { ExpertDocumentsCard } from './ExpertDocumentsCard.js';
import { RecusalModal } from './RecusalModal.js';
import { ReviewHeading } from './ReviewHeading.js';

interface ScoreForm {
  scores: Record<string, number | null>;
  comment: string;
  /** 专家论证: the recommended amount, 万元. */
  recommendedWan?: number | null;
}

type Action = 'draft' | 'submit';

/** The application as experts see it, each criterion scored, the weighted total live; saved or submitted. */
export function AssignmentScoring({ detail }: { detail: MyAssignmentDetail }) {
  const queryClient = useQueryClient();
  const { assignment, application, criteria, recommendationLimit } = detail;
  const scoringForm = { criteria, minCommentLength: detail.form.minCommentLength };
  const recommends = assignment.roundKind === 'feasibility';
  const [form] = Form.useForm<ScoreForm>();
  const values = Form.useWatch('scores', form);
  const [recusing, setRecusing] = useState(false);
  const saving = useMutation({
    mutationFn: ({ action, body }: { action: Action; body: ScoresBody }) =>
      (action === 'draft' ? expertApi.saveDraft : expertApi.submit)(assignment.id, body),
    onSuccess: ({ assignment: saved }, { action }) => {
      queryClient.setQueryData(expertQueries.assignment(assignment.id).queryKey, {
        ...detail,
        assignment: saved,
      });
      clearFieldErrors(form);
      if (action === 'submit') Modal.success({ title: '评分已提交' });
      return queryClient.invalidateQueries({ queryKey: expertQueries.assignments().queryKey });
    },
    onError: (e, { action }) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      Modal.error({ title: action === 'draft' ? '未能保存' : '未能提交', content: describeError(e) });
    },
  });
  const locked = assignment.submittedAt !== null || assignment.overdue;
  // The same sum as the core's weightedTotal, shown as the expert types.
  const total = criteria.reduce((sum, c) => sum + (c.weight * (values?.[c.id] ?? 0)) / c.max, 0);

  const body = (): ScoresBody => {
    const v = form.getFieldsValue();
    const scores = Object.fromEntries(
      Object.entries(v.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    const wan = v.recommendedWan;
    return {
      scores,
      comment: v.comment ?? '',
      ...(recommends ? { recommendedFunding: typeof wan === 'number' ? wanToYuan(wan) : null } : {}),
    };
  };
  /** The core's own checks, before anything is sent (and before submission's irreversible confirmation). */
  const valid = (action: Action, { scores, comment, recommendedFunding }: ScoresBody) => {
    const complete = action === 'submit';
    const problems = [
      ...scoringProblems(scoringForm, scores, comment, complete),
      ...(recommends ? recommendationProblems(recommendedFunding, recommendationLimit, complete) : []),
    ].map((p) => (p.path === 'recommendedFunding' ? { ...p, path: 'recommendedWan' } : p));
    clearFieldErrors(form);
    showFieldErrors(form, problems);
    return problems.length === 0;
  };
  const save = (action: Action, checked: ScoresBody) =>
    // The refusal is shown in its own dialog.
    saving.mutateAsync({ action, body: checked }).catch(() => undefined);
  const saveDraft = () => {
    const checked = body();
    if (valid('draft', checked)) void save('draft', checked);
  };
  const submit = () => {
    const checked = body();
    if (!valid('submit', checked)) return;
    Modal.confirm({
      title: '提交评分？',
      content: '提交后不能再修改。',
      okText: '提交',
      onOk: () => save('submit', checked),
    });
  };
  const busy = (action: Action) => saving.isPending && saving.variables.action === action;

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
      <BlindApplicationCard application={application} dueAt={assignment.dueAt} />
      <ExpertDocumentsCard assignmentId={assignment.id} />
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
        <Form
          form={form}
          layout="vertical"
          disabled={locked}
          initialValues={{
            scores: assignment.scores,
            comment: assignment.comment,
            recommendedWan:
              assignment.recommendedFunding === null ? null : yuanToWan(assignment.recommendedFunding),
          }}
        >
          {detail.form.guidance && (
            <Typography.Paragraph type="secondary" data-testid="form-guidance">
              {detail.form.guidance}
            </Typography.Paragraph>
          )}
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
              extra={
                <>
                  {c.guidance}
                  <CriterionAnchors criterion={c} score={values?.[c.id] ?? null} />
                  {c.section && (
                    <Button
                      type="link"
                      size="small"
                      data-testid={`criterion-link-${c.id}`}
                      onClick={() => scrollToPart(c.section!)}
                    >
                      查看申报书相应部分
                    </Button>
                  )}
                </>
              }
              // Not the input's min/max: those would quietly turn a 12 into the maximum.
              rules={[
                {
                  validator: (_, value: number | null | undefined) => {
                    const [problem] = scoreProblems(
                      { criteria: [c] },
                      value == null ? {} : { [c.id]: value },
                      false,
                    );
                    return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
                  },
                },
              ]}
            >
              <InputNumber data-testid={`score-${c.id}`} />
            </Form.Item>
          ))}
          {recommends && (
            <Form.Item
              name="recommendedWan"
              label={
                recommendationLimit
                  ? `建议资助经费（万元，提交时必填，不超过${recommendationLimit.reason} ${formatWanDecimal(recommendationLimit.amount)}）`
                  : '建议资助经费（万元，提交时必填）'
              }
            >
              <InputNumber min={0} step={1} addonAfter="万元" data-testid="recommended-funding" />
            </Form.Item>
          )}
          <Form.Item
            name="comment"
            label={
              detail.form.minCommentLength > 0
                ? `评审意见（提交时必填，至少 ${detail.form.minCommentLength} 字）`
                : '评审意见（提交时必填）'
            }
          >
            <Input.TextArea rows={5} maxLength={3000} showCount data-testid="comment" />
          </Form.Item>
          {!locked && (
            <Space>
              <Button onClick={saveDraft} loading={busy('draft')}>
                保存草稿
              </Button>
              <Button type="primary" loading={busy('submit')} data-testid="submit-scores" onClick={submit}>
                提交评分
              </Button>
            </Space>
          )}
        </Form>
      </Card>
    </Space>
  );
}
