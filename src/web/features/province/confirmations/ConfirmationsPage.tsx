import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEPARTMENT_KIND_LABELS } from '../../../../core/labels.js';
import type { CommitmentOverview } from '../../../../contract/review.js';
import { api, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { commitmentFileUrl } from '../../department/api.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';

type Row = CommitmentOverview['departments'][number];

const listed = (summary: Record<string, unknown>, key: string) =>
  Array.isArray(summary[key]) ? (summary[key] as unknown[]).length : 0;

/** 推荐名单确认: per call, each department's confirmation and its current 诚信承诺书. */
export function ConfirmationsPage() {
  const { calls, callId, error, select } = useReviewCall();
  const [overview, setOverview] = useState<CommitmentOverview>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!callId) return;
    setOverview(undefined);
    api<CommitmentOverview>(`/review/commitments?callId=${encodeURIComponent(callId)}`).then(
      setOverview,
      (e: unknown) => setFailure(describeError(e)),
    );
  }, [callId]);

  const confirmed = overview?.departments.filter((d) => d.confirmation).length ?? 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        推荐名单确认
      </Typography.Title>
      {(error ?? failure) && <Alert type="error" showIcon title={error ?? failure} />}
      <Card>
        <Space wrap>
          <CallSelect calls={calls} value={callId} onChange={select} />
          {overview && (
            <Typography.Text type="secondary">
              {overview.departments.length} 个主管部门，已确认提交 {confirmed} 个
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Table<Row>
        data-testid="confirmations-table"
        loading={!overview && !failure}
        rowKey={(r) => r.department.id}
        dataSource={overview?.departments}
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
    </Space>
  );
}
