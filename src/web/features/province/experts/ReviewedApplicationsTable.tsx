import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { PageState } from '../../../shared/PageState.js';
import { expertsQueries, type ReviewedApplicationView } from './api.js';

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** The call's recommended applications with their experts and aggregated scores, wide spreads marked. */
export function ReviewedApplicationsTable({ callId, q }: { callId: string; q: string | undefined }) {
  const query = useQuery({ ...expertsQueries.applications(callId, q), placeholderData: keepPreviousData });
  return (
    <PageState query={query}>
      {(data) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            只列项目主管部门已推荐的申报书。总分为各专家加权总分（满分 100）；分差（最高分 − 最低分）达到{' '}
            {data.wideSpreadPoints} 分的标红，请复核。
          </Typography.Paragraph>
          <Table<ReviewedApplicationView>
            data-testid="expert-review-table"
            rowKey="id"
            dataSource={data.applications}
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
                render: (_, a) =>
                  `${a.assignments.filter((x) => x.submittedAt).length}/${a.assignments.length}`,
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
        </Space>
      )}
    </PageState>
  );
}
