import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { dashboardQuery } from './api.js';
import { DashboardFigures } from './DashboardFigures.js';

/** 总览, the province's home page: what each call has received, where from, how much it asks, and when. */
export function DashboardPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [days, setDays] = useState(7);
  const dashboard = useQuery({
    ...dashboardQuery(callId, days),
    // Another span of days keeps the figures in view until the new ones arrive.
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        总览
      </Typography.Title>
      <Card>
        <CallSelect calls={calls.data} value={callId} onChange={select} />
      </Card>
      <PageState query={calls}>
        {() => (
          <PageState query={dashboard}>
            {(figures) => <DashboardFigures dashboard={figures} days={days} onDays={setDays} />}
          </PageState>
        )}
      </PageState>
    </Space>
  );
}
