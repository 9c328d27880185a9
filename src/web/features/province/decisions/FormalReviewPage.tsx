import { Card, Segmented, Space, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { type FormalReviewFilter as Filter, FormalReviewTable } from './FormalReviewTable.js';

/** 形式审查（信用审查）: per application a department recommended and can no longer take back. */
export function FormalReviewPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [result, setResult] = useUrlParam('result');
  const filter = (result ?? 'all') as Filter;
  const [q] = useUrlParam('q');

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
            onChange={(value) => setResult(value === 'all' ? undefined : value)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'pending', label: '未审查' },
              { value: 'accepted', label: '受理' },
              { value: 'rejected', label: '不予受理名单' },
            ]}
          />
          <SearchBox placeholder="项目名称、受理编号、申报单位或负责人" />
        </Space>
      </Card>
      <PageState query={calls}>
        {() => callId && <FormalReviewTable callId={callId} filter={filter} q={q} />}
      </PageState>
    </Space>
  );
}
