import { Alert, Select, Space, Table, Tag } from 'antd';
import { TOPICS, type TopicNumber } from '../../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { DepartmentFilter } from './DepartmentFilter.js';
import { usePagedResults } from './usePagedResults.js';
import { crossCheckApi, type DepartmentView, type FindingsPage } from './api.js';

type Finding = FindingsPage['findings'][number];

interface Filters {
  rule?: string;
  severity?: 'error' | 'warning';
  departmentId?: string;
  topic?: TopicNumber;
}

/** Every finding of the current run across the province, filtered on the server and read a page at a time. */
export function FindingsTable({
  callId,
  departments,
  version,
}: {
  callId: string;
  departments: DepartmentView[];
  /** Changes when a run finished: the findings are read again. */
  version: number;
}) {
  const { filters, filter, data, error, table } = usePagedResults<Filters, FindingsPage>(
    (query) => crossCheckApi.findings({ callId, ...query }),
    callId,
    version,
  );
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<string>
          allowClear
          showSearch
          placeholder="全部规则"
          style={{ width: 360 }}
          value={filters.rule}
          onChange={(rule) => filter({ rule })}
          options={data?.rules.map((r) => ({
            value: r.rule,
            label: `${r.title}（${r.rule}，${r.count} 条）`,
          }))}
          data-testid="filter-rule"
        />
        <Select<'error' | 'warning'>
          allowClear
          placeholder="全部级别"
          style={{ width: 120 }}
          value={filters.severity}
          onChange={(severity) => filter({ severity })}
          options={[
            { value: 'error', label: '错误' },
            { value: 'warning', label: '提示' },
          ]}
          data-testid="filter-severity"
        />
        <DepartmentFilter
          departments={departments}
          value={filters.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
        />
        <Select<TopicNumber>
          allowClear
          placeholder="全部专题"
          style={{ width: 130 }}
          value={filters.topic}
          onChange={(topic) => filter({ topic })}
          options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
          data-testid="filter-topic"
        />
      </Space>
      <Table<Finding>
        data-testid="cross-check-findings"
        {...table(data?.findings, '条', '没有符合条件的核查结果')}
        columns={[
          {
            title: '级别',
            key: 'severity',
            width: 70,
            render: (_, f) =>
              f.severity === 'error' ? <Tag color="error">错误</Tag> : <Tag color="warning">提示</Tag>,
          },
          {
            title: '申报书',
            key: 'application',
            render: (_, f) =>
              f.application ? (
                <Space orientation="vertical" size={0}>
                  <span>{f.application.title || '（未填写）'}</span>
                  <span style={{ color: '#888' }}>
                    {f.application.acceptanceNo ?? '草稿'} · {f.application.applicant}
                  </span>
                </Space>
              ) : (
                <Tag>主管部门</Tag>
              ),
          },
          { title: '主管部门', key: 'department', width: 160, render: (_, f) => f.department.name },
          {
            title: '专题',
            key: 'topic',
            width: 80,
            render: (_, f) => (f.topic ? TOPIC_LABELS[f.topic as TopicNumber] : '—'),
          },
          { title: '条款', dataIndex: 'clause', width: 90 },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
