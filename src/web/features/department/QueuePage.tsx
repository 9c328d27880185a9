import { Alert, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TOPICS, type TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import type { ApplicationStatus } from '../../../contract/vocabulary.js';
import { describeError } from '../../shared/api.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { reviewApi, type ReviewItem } from './api.js';
import { QuotaMeter } from './QuotaMeter.js';
import { useConfirmed } from './useConfirmed.js';
import { CallSelect, useReviewCall } from './useReviewCall.js';

const REVIEW_STATUSES: ApplicationStatus[] = ['submitted', 'returned', 'recommended', 'not-recommended'];

interface Filters {
  topic?: TopicNumber;
  status?: ApplicationStatus;
  hasErrors?: boolean;
  rule?: string;
}

const count = (item: ReviewItem, severity: 'error' | 'warning') =>
  item.findings.filter((f) => f.severity === severity).length;

export function QueuePage() {
  const { calls, call, callId, error: callError, select } = useReviewCall();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<ReviewItem[]>();
  const [rules, setRules] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const confirmed = useConfirmed(callId);

  useEffect(() => {
    if (!callId) return;
    setItems(undefined);
    setError(undefined);
    reviewApi.list({ callId, ...filters }).then(
      (list) => {
        setItems(list);
        // The rule filter offers the rules that fired here; a filtered list keeps those it already knew.
        setRules((known) =>
          [...new Set([...known, ...list.flatMap((i) => i.findings.map((f) => f.rule))])].sort(),
        );
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [callId, filters]);

  const columns = useMemo(
    () => [
      {
        title: '受理编号',
        key: 'acceptanceNo',
        render: (_: unknown, item: ReviewItem) => (
          <Link to={`/review/${item.application.id}`} data-testid="open-application">
            {item.application.acceptanceNo ?? '—'}
          </Link>
        ),
      },
      {
        title: '项目名称',
        key: 'title',
        render: (_: unknown, item: ReviewItem) => (
          <Space orientation="vertical" size={0}>
            <span>{item.application.form.title || '（未填写）'}</span>
            {item.readOnly && (
              <Tooltip title={`由${item.application.department.name}审核推荐，本部门只读`}>
                <Tag color="purple" data-testid="counts-against-quota">
                  {item.countsAgainstQuotaOf ? '计入本市限额' : '只读'} · {item.application.department.name}
                </Tag>
              </Tooltip>
            )}
          </Space>
        ),
      },
      {
        title: '申报单位',
        key: 'applicant',
        render: (_: unknown, i: ReviewItem) => i.application.organization.name,
      },
      {
        title: '专题',
        key: 'topic',
        width: 80,
        render: (_: unknown, i: ReviewItem) => TOPIC_LABELS[i.application.topic],
      },
      {
        title: '状态',
        key: 'status',
        width: 110,
        render: (_: unknown, i: ReviewItem) => {
          const status = STATUS_LABELS[i.application.status];
          return (
            <Space size={2} wrap>
              <Tag color={status.color}>{status.label}</Tag>
              {i.separateSlot && <Tag color="cyan">单独名额</Tag>}
            </Space>
          );
        },
      },
      {
        title: '错误 / 提示',
        key: 'findings',
        width: 110,
        render: (_: unknown, i: ReviewItem) => {
          const errors = count(i, 'error');
          const warnings = count(i, 'warning');
          return (
            <Space size={4}>
              <Tag color={errors > 0 ? 'error' : 'default'}>错 {errors}</Tag>
              <Tag color={warnings > 0 ? 'warning' : 'default'}>提 {warnings}</Tag>
            </Space>
          );
        },
      },
    ],
    [],
  );

  if (callError) return <Alert type="error" showIcon title={callError} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          审核推荐
        </Typography.Title>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Space>
      {call && <QuotaMeter call={call} confirmed={confirmed} />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<TopicNumber>
            allowClear
            placeholder="全部专题"
            style={{ width: 130 }}
            value={filters.topic}
            onChange={(topic) => setFilters((f) => ({ ...f, topic }))}
            options={TOPICS.filter((t) => t !== 3).map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
            data-testid="filter-topic"
          />
          <Select<ApplicationStatus>
            allowClear
            placeholder="全部状态"
            style={{ width: 130 }}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={REVIEW_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))}
            data-testid="filter-status"
          />
          <Select<'yes' | 'no'>
            allowClear
            placeholder="规则检查：全部"
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
            showSearch
            placeholder="按规则筛选"
            style={{ width: 260 }}
            value={filters.rule}
            onChange={(rule) => setFilters((f) => ({ ...f, rule }))}
            options={rules.map((r) => ({ value: r, label: r }))}
            data-testid="filter-rule"
          />
        </Space>
        {error ? (
          <Alert type="error" showIcon title={error} />
        ) : (
          <Table<ReviewItem>
            rowKey={(i) => i.application.id}
            loading={!items}
            dataSource={items}
            columns={columns}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无收到的申报书' }}
            size="middle"
          />
        )}
      </Card>
    </Space>
  );
}
