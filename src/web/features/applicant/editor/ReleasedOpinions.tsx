import { queryOptions, useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import type { ReleasedOpinionsView } from '../../../../contract/feedback.js';
import { api } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';

// 评审意见 the province released on this application (issue 14 §6): 专家意见一、二… and 会评意见, never who wrote
// them. Nothing shows before a release.

const releasedQuery = (applicationId: string) =>
  queryOptions({
    queryKey: ['applications', applicationId, 'feedback'],
    queryFn: ({ signal }) => api<ReleasedOpinionsView>(`/applications/${applicationId}/feedback`, { signal }),
  });

export function ReleasedOpinions({ applicationId }: { applicationId: string }) {
  const opinions = useQuery(releasedQuery(applicationId)).data?.opinions ?? [];
  if (opinions.length === 0) return null;
  return (
    <Card title="评审意见" size="small" style={{ marginBottom: 16 }} data-testid="released-opinions">
      <List
        size="small"
        dataSource={opinions}
        renderItem={(o) => (
          <List.Item>
            <div>
              <Typography.Text strong>{o.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {beijingTime(o.releasedAt)}反馈
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{o.text}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
