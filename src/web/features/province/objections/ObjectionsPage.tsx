import { Card, Space, Tabs, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { FeedbackPanel } from './FeedbackPanel.js';
import { ObjectionsTable } from './ObjectionsTable.js';

/** 公示异议与意见反馈 (对外合作处): objections received during a 公示, and review opinions released to applicants. */
export function ObjectionsPage() {
  const { query, calls, callId, select } = useReviewCall();
  const [tab, setTab] = useUrlParam('tab');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        公示异议与意见反馈
      </Typography.Title>
      <Card>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Card>
      <PageState query={query}>
        {() =>
          callId && (
            <Tabs
              activeKey={tab ?? 'objections'}
              onChange={setTab}
              items={[
                { key: 'objections', label: '公示异议', children: <ObjectionsTable callId={callId} /> },
                { key: 'feedback', label: '评审意见反馈', children: <FeedbackPanel callId={callId} /> },
              ]}
            />
          )
        }
      </PageState>
    </Space>
  );
}
