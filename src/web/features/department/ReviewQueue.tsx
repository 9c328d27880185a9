import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { TOPICS, type TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { ruleLabel } from '../../../core/rules/catalogue.js';
import type { ApplicationStatus } from '../../../contract/vocabulary.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { SearchBox } from '../../shared/SearchBox.js';
import { useUrlParam } from '../../shared/useUrlParam.js';
import { reviewQueries, type ReviewItem } from './api.js';
import { QUEUE_COLUMNS } from './queueColumns.js';

const REVIEW_STATUSES: ApplicationStatus[] = ['submitted', 'returned', 'recommended', 'not-recommended'];

/** What the department received for the call, filtered on the server; the filters live in the address. */
export function ReviewQueue({ callId }: { callId: string }) {
  const [topic, setTopic] = useUrlParam('topic');
  const [status, setStatus] = useUrlParam('status');
  const [hasErrors, setHasErrors] = useUrlParam('hasErrors');
  const [rule, setRule] = useUrlParam('rule');
  const [q] = useUrlParam('q');
  const filters = {
    topic: topic === undefined ? undefined : (Number(topic) as TopicNumber),
    status: status as ApplicationStatus | undefined,
    hasErrors: hasErrors === undefined ? undefined : hasErrors === 'true',
    rule,
    q,
  };
  // The rule filter offers the rules that fired on any application here, whatever the other filters.
  const rules = useQuery({ ...reviewQueries.list({ callId }), select: firedRules }).data ?? [];
  const list = useQuery({ ...reviewQueries.list({ callId, ...filters }), placeholderData: keepPreviousData });

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox placeholder="项目名称、受理编号、申报单位或负责人" />
        <Select<TopicNumber>
          allowClear
          placeholder="全部专题"
          aria-label="专题"
          style={{ width: 130 }}
          value={filters.topic}
          onChange={(value) => setTopic(value === undefined ? undefined : String(value))}
          options={TOPICS.filter((t) => t !== 3).map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
          data-testid="filter-topic"
        />
        <Select<ApplicationStatus>
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 130 }}
          value={filters.status}
          onChange={setStatus}
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))}
          data-testid="filter-status"
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder="规则检查：全部"
          aria-label="规则检查"
          style={{ width: 160 }}
          value={hasErrors as 'true' | 'false' | undefined}
          onChange={setHasErrors}
          options={[
            { value: 'true', label: '有错误' },
            { value: 'false', label: '无错误' },
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
          onChange={setRule}
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
