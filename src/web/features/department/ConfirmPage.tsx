import { Space, Typography } from 'antd';
import { PageState } from '../../shared/PageState.js';
import { CallSelect } from './CallSelect.js';
import { ConfirmSteps } from './ConfirmSteps.js';
import { useReviewCall } from './useReviewCall.js';

/** 确认提交推荐名单 for the chosen call. */
export function ConfirmPage() {
  const { query, calls, call, callId, select } = useReviewCall();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          确认提交推荐名单
        </Typography.Title>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Space>
      <PageState query={query}>{() => call && <ConfirmSteps call={call} />}</PageState>
    </Space>
  );
}
