import { Alert, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { DepartmentFilter } from './DepartmentFilter.js';
import { usePagedResults } from './usePagedResults.js';
import { crossCheckApi, percent, type DepartmentView, type PairsPage } from './api.js';

type Pair = PairsPage['pairs'][number];
type Side = Pair['a'];

interface Filters {
  rule?: string;
  minShare?: number;
  departmentId?: string;
}

export const PAIR_VERDICTS: Record<string, { label: string; color: string }> = {
  'duplicate.same-project': { label: '重复申报（错误）', color: 'error' },
  'duplicate.similar': { label: '内容相近（提示）', color: 'warning' },
};
const REPORT_ONLY = { label: '仅供核查', color: 'blue' };

export function SideLabel({ side }: { side: Side }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{side.title || '（无项目名称）'}</span>
      <span style={{ color: '#888' }}>
        {side.kind === 'application'
          ? `${side.acceptanceNo ?? '草稿'} · ${side.applicant} · ${side.department?.name ?? ''}`
          : `外部门申报 · ${side.program ?? ''} · ${side.creditCode}`}
        {side.piName && ` · 负责人 ${side.piName}`}
      </span>
    </Space>
  );
}

/** 相似度报告: pairs at or above the report threshold, highest share first. */
export function PairsTable({
  callId,
  departments,
  reportAt,
  version,
}: {
  callId: string;
  departments: DepartmentView[];
  reportAt: number;
  version: number;
}) {
  const { filters, filter, data, error, table } = usePagedResults<Filters, PairsPage>(
    (query) => crossCheckApi.pairs({ callId, ...query }),
    callId,
    version,
  );
  const shares = [0.5, 0.6, 0.7, 0.8, 0.9, 1].filter((s) => s >= reportAt);

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<string>
          allowClear
          placeholder="全部结论"
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
      <Table<Pair>
        data-testid="cross-check-pairs"
        {...table(data?.pairs, '对', '没有达到报告阈值的相似项目')}
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
    </Space>
  );
}
