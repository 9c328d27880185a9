import { callsQuery } from '../../shared/calls.js';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { CallDto, Evaluation } from '../../shared/api.js';
import { FindingsPanel } from '../applicant/editor/FindingsPanel.js';
import { ApplicationTimeline } from '../applicant/editor/TimelineCard.js';
import { beijingTime, STATUS_LABELS } from '../../shared/format.js';
import { PrintButtons, ScanNotices } from '../../shared/printing.js';
import { PartnerConfirmationCard } from '../../shared/application/PartnerConfirmationCard.js';
import type { ReviewDetail } from './api.js';
import { ChangesCard } from './ChangesCard.js';
import { ChecklistCard } from './ChecklistCard.js';
import { DocumentsCard } from './DocumentsCard.js';
import { FormContent } from './FormContent.js';
import { PlatformsCard } from './PlatformsCard.js';
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

/** The application as the department reviews it: its form and documents, the rules' findings, the actions. */
export function ApplicationReview({
  detail,
  loadedAt,
}: {
  detail: ReviewDetail;
  /** When the detail was read: the findings' clock, and news for the 办理记录. */
  loadedAt: number;
}) {
  const id = detail.item.application.id;
  const callId = detail.item.application.callId;
  const call = useQuery({
    ...callsQuery,
    select: (r) => r.calls.find((c) => c.id === callId),
  }).data;

  const goToForm = useCallback(() => {
    document.getElementById('form-content')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  const { application } = detail.item;
  const status = STATUS_LABELS[application.status];

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
          {application.directed && <Tag color="blue">定向组织</Tag>}
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
        <PrintButtons applicationId={id} finalization={detail.finalization} />
      </Card>
      <ScanNotices notices={detail.finalization.scanNotices} />
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ChangesCard applicationId={id} />
            <FormContent application={application} />
            <DocumentsCard documents={detail.documents} />
            <PartnerConfirmationCard applicationId={id} canSend={false} />
            <ChecklistCard applicationId={id} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ReviewActions detail={detail} separateSlotOffered={detail.item.separateSlotOffered} />
            <FindingsPanel
              evaluation={evaluationOf(detail, call, new Date(loadedAt).toISOString())}
              editable={false}
              unsaved={false}
              submitting={false}
              onGo={goToForm}
              onSubmit={() => undefined}
            />
            <PlatformsCard organizationId={application.organization.id} />
            <Card size="small" title="办理记录">
              <ApplicationTimeline applicationId={id} refresh={loadedAt} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
