import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatWan } from '../../../../core/money.js';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { expertsQueries, type ReviewedApplicationView } from '../experts/api.js';
import { useWrite } from '../useWrite.js';
import { DECISIONS_KEY, decisionsApi, decisionsQueries, type DecisionItemView } from './api.js';
import { applicationColumns } from './applicationColumns.js';
import { DecisionModal } from './DecisionModal.js';
import { PanelComparison } from './PanelComparison.js';

const aggregatesById = ({ applications }: { applications: ReviewedApplicationView[] }) =>
  new Map(applications.map((a) => [a.id, a.aggregate]));

/** 立项决定: the applications 受理 at 形式审查, with the experts' scores and the topic's cap in view. */
export function DecisionTable({ callId }: { callId: string }) {
  const [q] = useUrlParam('q');
  const decisions = useQuery({ ...decisionsQueries.decisions(callId, q), placeholderData: keepPreviousData });
  // Without scores (none yet, or not readable) the column says 尚无: deciding does not wait for them.
  const scores = useQuery({ ...expertsQueries.applications(callId), select: aggregatesById }).data;
  const write = useWrite(DECISIONS_KEY);
  const [deciding, setDeciding] = useState<DecisionItemView>();
  return (
    <>
      <Typography.Paragraph type="secondary">
        只列形式审查“受理”的项目。立项资助经费不超过本专题上限（申报计划参数）和申请的省资助经费；公示发布后决定锁定。
      </Typography.Paragraph>
      <SearchBox placeholder="项目名称、受理编号、申报单位或负责人" />
      <PageState query={decisions}>
        {(items) => (
          <Table<DecisionItemView>
            data-testid="decisions-table"
            rowKey={(r) => r.application.id}
            dataSource={items}
            pagination={{ pageSize: 50 }}
            columns={[
              ...applicationColumns<DecisionItemView>(),
              {
                title: '专家评分',
                width: 130,
                render: (_, r) => {
                  const aggregate = scores?.get(r.application.id);
                  if (!aggregate || aggregate.count === 0)
                    return <Typography.Text type="secondary">尚无</Typography.Text>;
                  return (
                    <Space orientation="vertical" size={0} data-testid="expert-score">
                      <span>
                        平均 {aggregate.mean?.toFixed(2)}
                        {aggregate.wideSpread && (
                          <Tag color="warning" style={{ marginInlineStart: 4 }}>
                            分差大
                          </Tag>
                        )}
                      </span>
                      <Typography.Text type="secondary">
                        中位 {aggregate.median?.toFixed(2)} · {aggregate.count} 位专家
                      </Typography.Text>
                    </Space>
                  );
                },
              },
              {
                title: '函评与会评',
                width: 260,
                render: (_, r) => <PanelComparison panel={r.panel} />,
              },
              {
                title: '本专题上限',
                width: 120,
                render: (_, r) => (r.cap ? `${formatWan(r.cap.amount)}（${r.cap.clause}）` : '—'),
              },
              {
                title: '决定',
                width: 220,
                render: (_, r) =>
                  r.decision ? (
                    <Space orientation="vertical" size={0}>
                      <span>
                        {r.decision.outcome === 'approved' ? (
                          <Tag color="success">立项 {formatWan(r.decision.funding ?? 0)}</Tag>
                        ) : (
                          <Tag color="error">不予立项</Tag>
                        )}
                        {r.decision.locked && <Tag>已公示锁定</Tag>}
                      </span>
                      <Typography.Text type="secondary">{r.decision.reason}</Typography.Text>
                    </Space>
                  ) : (
                    <Tag>未决定</Tag>
                  ),
              },
              {
                title: '操作',
                width: 140,
                render: (_, r) =>
                  r.decision?.locked ? null : (
                    <Space>
                      <Button size="small" onClick={() => setDeciding(r)}>
                        {r.decision ? '修改' : '决定'}
                      </Button>
                      {r.decision && (
                        <Button
                          size="small"
                          onClick={() => write.mutate(() => decisionsApi.undo(r.application.id))}
                        >
                          撤销
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </PageState>
      {deciding && <DecisionModal item={deciding} onClose={() => setDeciding(undefined)} />}
    </>
  );
}
