import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag } from 'antd';
import { TOPICS, type TopicNumber } from '../../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { PageState } from '../../../shared/PageState.js';
import { crossCheckQueries, type DepartmentView, type FindingsPage, NO_RUN_YET } from './api.js';
import { DepartmentFilter } from './DepartmentFilter.js';
import { usePaging } from './usePaging.js';

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
  currentRunId,
  departments,
}: {
  callId: string;
  currentRunId: string | null;
  departments: DepartmentView[];
}) {
  const { filters, filter, window, pagination } = usePaging<Filters>();
  const findings = useQuery({
    ...crossCheckQueries.findings(currentRunId, { callId, ...window }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<string>
          allowClear
          showSearch
          placeholder="全部规则"
          aria-label="规则"
          style={{ width: 360 }}
          value={filters.rule}
          onChange={(rule) => filter({ rule })}
          options={findings.data?.rules.map((r) => ({
            value: r.rule,
            label: `${r.title}（${r.rule}，${r.count} 条）`,
          }))}
          data-testid="filter-rule"
        />
        <Select<'error' | 'warning'>
          allowClear
          placeholder="全部级别"
          aria-label="级别"
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
          aria-label="专题"
          style={{ width: 130 }}
          value={filters.topic}
          onChange={(topic) => filter({ topic })}
          options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
          data-testid="filter-topic"
        />
      </Space>
      <PageState query={findings}>
        {(data) => (
          <Table<Finding>
            data-testid="cross-check-findings"
            rowKey="id"
            size="middle"
            loading={findings.isPlaceholderData}
            dataSource={data.findings}
            locale={{ emptyText: data.run ? '没有符合条件的核查结果' : NO_RUN_YET }}
            pagination={pagination(data.total, '条')}
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
        )}
      </PageState>
    </Space>
  );
}
