import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { decisionsQueries, type FormalReviewItemView } from './api.js';
import { applicationColumns } from './applicationColumns.js';
import { FormalReviewModal } from './FormalReviewModal.js';

export type FormalReviewFilter = 'all' | 'pending' | 'accepted' | 'rejected';

const RESULT_TAGS = {
  accepted: <Tag color="success">受理</Tag>,
  rejected: <Tag color="error">不予受理</Tag>,
};

/** The call's recommended applications under the filter, each with the rules' hints and its 形式审查. */
export function FormalReviewTable({
  callId,
  filter,
  q,
}: {
  callId: string;
  filter: FormalReviewFilter;
  q: string | undefined;
}) {
  const [editing, setEditing] = useState<FormalReviewItemView>();
  const items = useQuery({
    ...decisionsQueries.formalReviews({ callId, result: filter === 'all' ? undefined : filter, q }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageState query={items}>
        {(rows) => (
          <Table<FormalReviewItemView>
            data-testid="formal-review-table"
            loading={items.isPlaceholderData}
            rowKey={(r) => r.application.id}
            dataSource={rows}
            pagination={{ pageSize: 50 }}
            columns={[
              ...applicationColumns<FormalReviewItemView>(),
              {
                title: '规则提示',
                render: (_, r) =>
                  r.suggestedReasons.length === 0 ? (
                    <Typography.Text type="secondary">无错误</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      {r.suggestedReasons.map((reason, i) => (
                        <Typography.Text key={i} type="danger">
                          {reason.clause} {reason.message}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
              {
                title: '审查结果与理由',
                width: 280,
                render: (_, r) =>
                  r.review ? (
                    <Space orientation="vertical" size={0}>
                      <span>
                        {RESULT_TAGS[r.review.result]}
                        <Typography.Text type="secondary">
                          {r.review.reviewerName} {beijingTime(r.review.reviewedAt)}
                        </Typography.Text>
                      </span>
                      {r.review.reasons.map((reason, i) => (
                        <span key={i}>
                          {i + 1}. {reason.message}
                        </span>
                      ))}
                    </Space>
                  ) : (
                    <Tag>未审查</Tag>
                  ),
              },
              {
                title: '操作',
                width: 100,
                render: (_, r) => (
                  <Button
                    size="small"
                    disabled={r.decided}
                    title={r.decided ? '已作出立项决定，须先撤销决定' : undefined}
                    onClick={() => setEditing(r)}
                  >
                    {r.review ? '修改' : '审查'}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
      {editing && <FormalReviewModal item={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
