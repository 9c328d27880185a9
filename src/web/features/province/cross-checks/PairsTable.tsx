import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageState } from '../../../shared/PageState.js';
import { crossCheckQueries, type DepartmentView, NO_RUN_YET, type PairsPage, percent } from './api.js';
import { DepartmentFilter } from './DepartmentFilter.js';
import { SideLabel } from './SideLabel.js';
import { usePaging } from './usePaging.js';

type Pair = PairsPage['pairs'][number];

interface Filters {
  rule?: string;
  minShare?: number;
  departmentId?: string;
}

/** What the core's duplicate rules concluded of a pair, in words and colour. */
export const PAIR_VERDICTS: Record<string, { label: string; color: string }> = {
  'duplicate.same-project': { label: '重复申报（错误）', color: 'error' },
  'duplicate.similar': { label: '内容相近（提示）', color: 'warning' },
};
const REPORT_ONLY = { label: '仅供核查', color: 'blue' };

/** 相似度报告: pairs at or above the report threshold, highest share first. */
export function PairsTable({
  callId,
  currentRunId,
  departments,
  reportAt,
}: {
  callId: string;
  currentRunId: string | null;
  departments: DepartmentView[];
  reportAt: number;
}) {
  const { filters, filter, window, pagination } = usePaging<Filters>();
  const pairs = useQuery({
    ...crossCheckQueries.pairs(currentRunId, { callId, ...window }),
    placeholderData: keepPreviousData,
  });
  const shares = [0.5, 0.6, 0.7, 0.8, 0.9, 1].filter((s) => s >= reportAt);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<string>
          allowClear
          placeholder="全部结论"
          aria-label="结论"
          style={{ width: 200 }}
          value={filters.rule}
          onChange={(rule) => filter({ rule })}
          options={[
            { value: 'none', label: '仅供核查（不同申报人）' },
            ...Object.entries(PAIR_VERDICTS).map(([value, v]) => ({ value, label: v.label })),
          ]}
          data-testid="filter-verdict"
        />
        <Select<number>
          allowClear
          placeholder={`重合度 ≥ ${percent(reportAt)}`}
          aria-label="重合度"
          style={{ width: 160 }}
          value={filters.minShare}
          onChange={(minShare) => filter({ minShare })}
          options={shares.map((s) => ({ value: s, label: `重合度 ≥ ${percent(s)}` }))}
          data-testid="filter-share"
        />
        <DepartmentFilter
          departments={departments}
          value={filters.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
        />
      </Space>
      <PageState query={pairs}>
        {(data) => (
          <Table<Pair>
            data-testid="cross-check-pairs"
            rowKey="id"
            size="middle"
            loading={pairs.isPlaceholderData}
            dataSource={data.pairs}
            locale={{ emptyText: data.run ? '没有达到报告阈值的相似项目' : NO_RUN_YET }}
            pagination={pagination(data.total, '对')}
            columns={[
              {
                title: '重合度',
                key: 'share',
                width: 150,
                render: (_, p) => (
                  <Space orientation="vertical" size={0}>
                    <strong>{percent(p.share)}</strong>
                    <span style={{ color: '#888' }}>
                      名称 {percent(p.titleShare)} · 内容 {percent(p.summaryShare)}
                    </span>
                  </Space>
                ),
              },
              { title: '项目甲', key: 'a', render: (_, p) => <SideLabel side={p.a} /> },
              { title: '项目乙', key: 'b', render: (_, p) => <SideLabel side={p.b} /> },
              {
                title: '结论',
                key: 'rule',
                width: 150,
                render: (_, p) => {
                  const verdict = (p.rule && PAIR_VERDICTS[p.rule]) || REPORT_ONLY;
                  return <Tag color={verdict.color}>{verdict.label}</Tag>;
                },
              },
              {
                title: '',
                key: 'open',
                width: 90,
                render: (_, p) => (
                  <Link to={`/province/cross-checks/pairs/${p.id}`} data-testid="open-pair">
                    并排对照
                  </Link>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </Space>
  );
}
