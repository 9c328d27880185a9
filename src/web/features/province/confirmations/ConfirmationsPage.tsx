import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { DEPARTMENT_KIND_LABELS } from '../../../../core/labels.js';
import type { CommitmentOverview } from '../../../../contract/review.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { commitmentFileUrl, reviewQueries } from '../../department/api.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';

type Row = CommitmentOverview['departments'][number];

const listed = (summary: Record<string, unknown>, key: string) =>
  Array.isArray(summary[key]) ? (summary[key] as unknown[]).length : 0;

/** 推荐名单确认: per call, each department's confirmation and its current 诚信承诺书. */
export function ConfirmationsPage() {
  const { query: calls, callId, select } = useReviewCall();
  const overview = useQuery(reviewQueries.commitmentOverview(callId));
  const confirmed = overview.data?.departments.filter((d) => d.confirmation).length ?? 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        推荐名单确认
      </Typography.Title>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          {overview.data && (
            <Typography.Text type="secondary">
              {overview.data.departments.length} 个主管部门，已确认提交 {confirmed} 个
            </Typography.Text>
          )}
        </Space>
      </Card>
      <PageState query={calls}>
        {() => (
          <PageState query={overview}>
            {({ departments }) => (
              <Table<Row>
                data-testid="confirmations-table"
                rowKey={(r) => r.department.id}
                dataSource={departments}
                pagination={{ pageSize: 50 }}
                columns={[
                  { title: '项目主管部门', render: (_, r) => r.department.name },
                  { title: '类别', width: 140, render: (_, r) => DEPARTMENT_KIND_LABELS[r.department.kind] },
                  {
                    title: '推荐名单',
                    width: 260,
                    render: (_, r) =>
                      r.confirmation ? (
                        <Space orientation="vertical" size={0}>
                          <Tag color="green">已确认提交</Tag>
                          <span>
                            {beijingTime(r.confirmation.confirmedAt)} · {r.confirmation.confirmedBy}
                          </span>
                          <span>
                            推荐 {listed(r.confirmation.summary, 'recommended')} 项，不推荐{' '}
                            {listed(r.confirmation.summary, 'notRecommended')} 项
                          </span>
                        </Space>
                      ) : (
                        <Tag>未确认</Tag>
                      ),
                  },
                  {
                    title: '诚信承诺书',
                    render: (_, r) =>
                      r.commitment ? (
                        <Space orientation="vertical" size={0}>
                          <a href={commitmentFileUrl(r.commitment.id)} download={r.commitment.fileName}>
                            <DownloadOutlined /> {r.commitment.fileName}
                          </a>
                          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                            SHA-256 {r.commitment.sha256}
                          </Typography.Text>
                          <span>{beijingTime(r.commitment.uploadedAt)} 上传</span>
                        </Space>
                      ) : (
                        <Typography.Text type="secondary">未上传</Typography.Text>
                      ),
                  },
                ]}
              />
            )}
          </PageState>
        )}
      </PageState>
    </Space>
  );
}
