import { Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { type FormalReviewFilter as Filter, FormalReviewTable } from './FormalReviewTable.js';

/** 形式审查（信用审查）: per application a department recommended and can no longer take back. */
export function FormalReviewPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [filter, setFilter] = useState<Filter>('all');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        形式审查（信用审查）
      </Typography.Title>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: '全部' },
              { value: 'pending', label: '未审查' },
              { value: 'accepted', label: '受理' },
              { value: 'rejected', label: '不予受理名单' },
            ]}
          />
        </Space>
      </Card>
      <PageState query={calls}>
        {() => callId && <FormalReviewTable callId={callId} filter={filter} />}
      </PageState>
    </Space>
  );
}
