import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { PageState } from '../../shared/PageState.js';
import { PaperOwedCard, paperOwedQuery } from '../../shared/paper.js';
import { CallSelect } from './CallSelect.js';
import { useReviewCall } from './useReviewCall.js';

/** 纸质材料: the department's 汇总表 and 诚信承诺书, and the paper its applicants owe, with what was received. */
export function PaperPage() {
  const { query: calls, callId, select } = useReviewCall();
  const owed = useQuery(paperOwedQuery('review', callId));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        纸质材料
      </Typography.Title>
      <Card>
        <CallSelect calls={calls.data} value={callId} onChange={select} />
      </Card>
      <PageState query={calls}>
        {() => <PageState query={owed}>{(data) => <PaperOwedCard data={data} />}</PageState>}
      </PageState>
    </Space>
  );
}
