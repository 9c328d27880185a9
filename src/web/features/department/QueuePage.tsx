import { Space, Typography } from 'antd';
import { PageState } from '../../shared/PageState.js';
import { CallSelect } from './CallSelect.js';
import { QuotaMeter } from './QuotaMeter.js';
import { ReviewQueue } from './ReviewQueue.js';
import { useReviewCall } from './useReviewCall.js';

/** 审核推荐: the quota at a glance and what the department received for the chosen call. */
export function QueuePage() {
  const { query, calls, call, callId, select } = useReviewCall();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          审核推荐
        </Typography.Title>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Space>
      <PageState query={query}>
        {() =>
          call && (
            <>
              <QuotaMeter call={call} />
              <ReviewQueue callId={call.id} />
            </>
          )
        }
      </PageState>
    </Space>
  );
}
