import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { crossCheckQueries } from './api.js';
import { CallCrossCheck } from './CallCrossCheck.js';

/** 全省交叉核查: start a run, watch it, then filter the province's findings and read the similarity report. */
export function CrossChecksPage() {
  const { query: calls, callId, select } = useReviewCall();
  const departments = useQuery({ ...crossCheckQueries.departments(), select: (r) => r.departments });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          全省交叉核查
        </Typography.Title>
        <CallSelect calls={calls.data} value={callId} onChange={select} />
      </Space>
      <PageState query={calls}>
        {() => (
          <PageState query={departments}>
            {(list) => callId && <CallCrossCheck callId={callId} departments={list} />}
          </PageState>
        )}
      </PageState>
    </Space>
  );
}
