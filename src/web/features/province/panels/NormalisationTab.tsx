import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { LEANING_LABELS } from '../../../../core/experts/normalisation.js';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { panelsQueries, type NormalisationView } from './api.js';

type ExpertRow = NormalisationView['experts'][number];
type ApplicationRow = NormalisationView['applications'][number];

const rankChange = (change: number | null) => {
  if (change === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (change === 0) return '不变';
  return change > 0 ? <Tag color="success">上升 {change}</Tag> : <Tag color="error">下降 {-change}</Tag>;
};

/** 评分标准化: each expert's 函评 totals as z-scores, strict and lenient experts, raw and normalised rankings. */
export function NormalisationTab() {
  const { query, calls, callId, select } = useReviewCall();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Card>
      <PageState query={query}>{() => callId && <Normalisation callId={callId} />}</PageState>
    </Space>
  );
}

function Normalisation({ callId }: { callId: string }) {
  const query = useQuery(panelsQueries.normalisation(callId));
  return (
    <PageState query={query} isEmpty={(n) => n.experts.length === 0} empty="本计划尚无已提交的函评评分">
      {(n) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="normalisation">
          <Typography.Paragraph type="secondary">
            每位专家的分数按其本人所评分数的平均分和标准差折算为标准分（z 分）。平均分偏离全体专家平均分（
            {n.expertsMean ?? '—'}，标准差 {n.expertsSd ?? '—'}）超过 {n.thresholdZ}{' '}
            个标准差的专家标为偏严或偏宽（申报计划参数，中心配置）。{n.leaningNote}
          </Typography.Paragraph>
          <Table<ApplicationRow>
            title={() => '项目排名：原始均分与标准化均分对比'}
            size="small"
            rowKey="applicationId"
            dataSource={n.applications}
            pagination={false}
            columns={[
              { title: '受理编号', width: 120, render: (_, a) => a.acceptanceNo ?? '—' },
              { title: '项目名称', dataIndex: 'title' },
              { title: '评分专家', width: 90, dataIndex: 'count' },
              { title: '原始均分', width: 90, dataIndex: 'rawMean' },
              { title: '原始排名', width: 90, dataIndex: 'rawRank' },
              { title: '标准化均分', width: 100, render: (_, a) => a.meanZ ?? '—' },
              { title: '标准化排名', width: 100, render: (_, a) => a.normalisedRank ?? '—' },
              { title: '名次变化', width: 100, render: (_, a) => rankChange(a.rankChange) },
            ]}
          />
          <Table<ExpertRow>
            title={() => '专家评分'}
            size="small"
            rowKey="expertId"
            dataSource={n.experts}
            pagination={false}
            expandable={{
              expandedRowRender: (e) => (
                <Table
                  size="small"
                  rowKey="applicationId"
                  pagination={false}
                  dataSource={e.scores}
                  columns={[
                    { title: '受理编号', render: (_, s) => s.acceptanceNo ?? '—' },
                    { title: '项目名称', dataIndex: 'title' },
                    { title: '原始分', dataIndex: 'total' },
                    { title: '标准分（z）', render: (_, s) => s.z ?? '—' },
                  ]}
                />
              ),
            }}
            columns={[
              { title: '专家', render: (_, e) => `${e.name}（${e.organizationName}）` },
              { title: '评分项数', width: 90, dataIndex: 'count' },
              { title: '平均分', width: 80, dataIndex: 'mean' },
              { title: '标准差', width: 80, dataIndex: 'sd' },
              {
                title: '评分尺度',
                width: 110,
                render: (_, e) =>
                  e.leaning ? (
                    <Tag color={e.leaning === 'strict' ? 'blue' : 'orange'}>{LEANING_LABELS[e.leaning]}</Tag>
                  ) : (
                    '—'
                  ),
              },
              { title: '说明', render: (_, e) => e.note ?? '' },
            ]}
          />
        </Space>
      )}
    </PageState>
  );
}
