import { Card, Space, Tabs, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { AnnouncementsTable } from './AnnouncementsTable.js';
import { ContractsTable } from './ContractsTable.js';
import { DecisionTable } from './DecisionTable.js';

/** 立项决定与公示: decisions with funding against the cap, the 公示 drafts and publications, contract signing. */
export function DecisionsPage() {
  const { query, calls, callId, select } = useReviewCall();
  const [tab, setTab] = useUrlParam('tab');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        立项决定与公示
      </Typography.Title>
      <Card>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Card>
      <PageState query={query}>
        {() =>
          callId && (
            <Tabs
              activeKey={tab ?? 'decisions'}
              onChange={setTab}
              items={[
                { key: 'decisions', label: '立项决定', children: <DecisionTable callId={callId} /> },
                {
                  key: 'announcements',
                  label: '拟立项项目公示',
                  children: <AnnouncementsTable callId={callId} />,
                },
                { key: 'contracts', label: '合同签订', children: <ContractsTable callId={callId} /> },
              ]}
            />
          )
        }
      </PageState>
    </Space>
  );
}
