import { Space, Tabs, Typography } from 'antd';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { ExpertPoolTab } from './ExpertPoolTab.js';
import { ExpertReviewTab } from './ExpertReviewTab.js';
import { RoundsTab } from './RoundsTab.js';
import { NormalisationTab } from '../panels/NormalisationTab.js';

/** 专家评审: the pool, and per call the recommended applications with their experts and aggregated scores. */
export function ExpertsPage() {
  const [tab, setTab] = useUrlParam('tab');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        专家评审
      </Typography.Title>
      <Tabs
        activeKey={tab ?? 'review'}
        onChange={setTab}
        items={[
          { key: 'review', label: '评审分配与汇总', children: <ExpertReviewTab /> },
          { key: 'rounds', label: '评审轮次与邀请', children: <RoundsTab /> },
          { key: 'pool', label: '专家库', children: <ExpertPoolTab /> },
          { key: 'normalisation', label: '评分标准化', children: <NormalisationTab /> },
        ]}
      />
    </Space>
  );
}
