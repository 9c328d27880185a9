import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { ApplicationDocument } from '../../../shared/application/ApplicationDocument.js';
import { PageState } from '../../../shared/PageState.js';
import { PrintButtons } from '../../../shared/printing.js';
import { ReviewHeading } from '../../expert/ReviewHeading.js';
import { FeasibilityPanel } from '../decisions/FeasibilityPanel.js';
import { expertsQueries } from './api.js';
import { AssignedExpertsCard } from './AssignedExpertsCard.js';
import { CandidatesCard } from './CandidatesCard.js';
import { AvoidedExpertsCard } from '../../applicant/avoid-appeal/AvoidedExpertsCard.js';

/** One application's review: its experts and their scores, and the pool to pick from with conflicts shown. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const query = useQuery(expertsQueries.application(id));
  return (
    <PageState query={query}>
      {(detail) => {
        const { application } = detail;
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
            <FeasibilityPanel feasibility={application.feasibility} />
            <PrintButtons applicationId={id} />
            <AssignedExpertsCard detail={detail} />
            <AvoidedExpertsCard applicationId={detail.application.id} title="申请人要求回避的专家" />
            <CandidatesCard detail={detail} />
            <Card title="申报书" data-testid="application-content">
              <ApplicationDocument
                content={detail.content}
                partner={detail.partner}
                basics={[
                  { label: '项目名称', value: application.title || '—', wide: true },
                  { label: '申报单位', value: application.organization.name },
                  { label: '主管部门', value: application.department.name },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </PageState>
  );
}
