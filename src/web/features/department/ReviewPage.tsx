import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, fetchCalls, type CallDto, type Evaluation } from '../../shared/api.js';
import { FindingsPanel } from '../applicant/editor/FindingsPanel.js';
import { ApplicationTimeline } from '../applicant/editor/TimelineCard.js';
import { beijingTime, STATUS_LABELS } from '../../shared/format.js';
import { reviewApi, separateSlotTopics, type ReviewDetail } from './api.js';
import { ChangesCard } from './ChangesCard.js';
import { ChecklistCard } from './ChecklistCard.js';
import { DocumentsCard } from './DocumentsCard.js';
import { FormContent } from './FormContent.js';
import { ReviewActions } from './ReviewActions.js';

/** The findings as the applicant's panel shows them, read-only: nothing is missing from a submitted application. */
function evaluationOf(detail: ReviewDetail, call: CallDto | undefined, serverTime: string): Evaluation {
  return {
    eligible: detail.item.eligible,
    findings: detail.item.findings,
    missing: [],
    canSubmit: false,
    submissionClosesAt: call?.submissionClosesAt ?? detail.reviewClosesAt,
    serverTime,
  };
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<ReviewDetail>();
  const [call, setCall] = useState<CallDto>();
  const [loadedAt, setLoadedAt] = useState(() => new Date().toISOString());
  const [error, setError] = useState<string>();
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    reviewApi.detail(id).then(
      (d) => {
        setDetail(d);
        setLoadedAt(new Date().toISOString());
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [id, refresh]);

  const callId = detail?.item.application.callId;
  useEffect(() => {
    if (callId)
      fetchCalls().then(
        (calls) => setCall(calls.find((c) => c.id === callId)),
        () => undefined,
      );
  }, [callId]);

  const goToForm = useCallback(() => {
    document.getElementById('form-content')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!detail) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const { application } = detail.item;
  const status = STATUS_LABELS[application.status];
  const changed = () => setRefresh((n) => n + 1);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/review?callId=${encodeURIComponent(application.callId)}`}>
        <ArrowLeftOutlined /> 返回审核列表
      </Link>
      <Card size="small">
        <Space align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {application.form.title || '（未填写项目名称）'}
          </Typography.Title>
          <Tag color={status.color} data-testid="review-status">
            {status.label}
          </Tag>
          {detail.item.separateSlot && <Tag color="cyan">单独推荐名额</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="受理编号">
            <span data-testid="acceptance-no">{application.acceptanceNo ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="申报计划">{application.callName}</Descriptions.Item>
          <Descriptions.Item label="提交时间">
            {application.submittedAt ? beijingTime(application.submittedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="项目主管部门">{application.department.name}</Descriptions.Item>
          <Descriptions.Item label="审核推荐截止">
            {beijingTime(detail.reviewClosesAt)}（北京时间）
          </Descriptions.Item>
          {detail.item.recommendationAt && (
            <Descriptions.Item label="推荐时间">
              {beijingTime(detail.item.recommendationAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ChangesCard applicationId={id} refresh={refresh} />
            <FormContent application={application} />
            <DocumentsCard documents={detail.documents} />
            <ChecklistCard applicationId={id} refresh={refresh} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ReviewActions
              detail={detail}
              separateSlotOffered={separateSlotTopics(call).includes(application.topic)}
              onChanged={changed}
            />
            <FindingsPanel
              evaluation={evaluationOf(detail, call, loadedAt)}
              editable={false}
              unsaved={false}
              submitting={false}
              onGo={goToForm}
              onSubmit={() => undefined}
            />
            <Card size="small" title="办理记录">
              <ApplicationTimeline applicationId={id} refresh={refresh} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
