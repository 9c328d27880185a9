import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { TOPICS, type TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { ruleLabel } from '../../../core/rules/catalogue.js';
import type { ApplicationStatus } from '../../../contract/vocabulary.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { reviewQueries, type ReviewItem } from './api.js';
import { QUEUE_COLUMNS } from './queueColumns.js';

const REVIEW_STATUSES: ApplicationStatus[] = ['submitted', 'returned', 'recommended', 'not-recommended'];

interface Filters {
  topic?: TopicNumber;
  status?: ApplicationStatus;
  hasErrors?: boolean;
  rule?: string;
}

/** What the department received for the call, filtered on the server. */
export function ReviewQueue({ callId }: { callId: string }) {
  const [filters, setFilters] = useState<Filters>({});
  // The rule filter offers the rules that fired on any application here, whatever the other filters.
  const rules = useQuery({ ...reviewQueries.list({ callId }), select: firedRules }).data ?? [];
  const list = useQuery({ ...reviewQueries.list({ callId, ...filters }), placeholderData: keepPreviousData });

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<TopicNumber>
          allowClear
          placeholder="全部专题"
          aria-label="专题"
          style={{ width: 130 }}
          value={filters.topic}
          onChange={(topic) => setFilters((f) => ({ ...f, topic }))}
          options={TOPICS.filter((t) => t !== 3).map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
          data-testid="filter-topic"
        />
        <Select<ApplicationStatus>
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 130 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))}
          data-testid="filter-status"
        />
        <Select<'yes' | 'no'>
          allowClear
          placeholder="规则检查：全部"
          aria-label="规则检查"
          style={{ width: 160 }}
          value={filters.hasErrors === undefined ? undefined : filters.hasErrors ? 'yes' : 'no'}
          onChange={(v) =>
            setFilters((f) => ({ ...f, hasErrors: v === undefined ? undefined : v === 'yes' }))
          }
          options={[
            { value: 'yes', label: '有错误' },
            { value: 'no', label: '无错误' },
          ]}
          data-testid="filter-errors"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="按规则筛选"
          aria-label="按规则筛选"
          style={{ width: 260 }}
          value={filters.rule}
          onChange={(rule) => setFilters((f) => ({ ...f, rule }))}
          options={rules.map((r) => ({ value: r, label: ruleLabel(r) }))}
          data-testid="filter-rule"
        />
      </Space>
      <PageState query={list}>
        {(items) => (
          <Table<ReviewItem>
            rowKey={(i) => i.application.id}
            loading={list.isPlaceholderData}
            dataSource={items}
            columns={QUEUE_COLUMNS}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无收到的申报书' }}
            size="middle"
          />
        )}
      </PageState>
    </Card>
  );
}

function firedRules(items: ReviewItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.findings.map((f) => f.rule)))].sort();
}
