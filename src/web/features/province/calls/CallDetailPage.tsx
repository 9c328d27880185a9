import { Alert, Card, Popover, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import {
  CALL_CHANGE_LABELS,
  CALL_STATUS_LABELS,
  type CallDetailDto,
  type CallVersionDto,
  callAdminApi,
} from './api.js';

// One call: each topic's parameters with the clause and the notice's words, and the call's version history.

type Item = CallDetailDto['parameters']['general'][number];

function CitedTable({ items, testId }: { items: Item[]; testId?: string }) {
  return (
    <Table<Item>
      data-testid={testId}
      size="small"
      rowKey="label"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '参数', dataIndex: 'label', width: 220 },
        {
          title: '取值',
          render: (_, item) => (
            <Space orientation="vertical" size={4}>
              <span>{item.value}</span>
              {item.countries && (
                <Popover
                  title={`${item.countries.length} 个国家和地区`}
                  content={
                    <div style={{ maxWidth: 520, maxHeight: 320, overflow: 'auto' }}>
                      {item.countries.map((c) => (
                        <Tag key={c.code} style={{ marginBottom: 4 }}>
                          {c.name}（{c.code}）
                        </Tag>
                      ))}
                    </div>
                  }
                >
                  <Typography.Link>查看名单</Typography.Link>
                </Popover>
              )}
            </Space>
          ),
        },
        { title: '依据', dataIndex: 'clause', width: 110, render: (clause: string) => <Tag>{clause}</Tag> },
        {
          title: '通知原文',
          dataIndex: 'quote',
          render: (quote: string) => <Typography.Text type="secondary">{quote}</Typography.Text>,
        },
      ]}
    />
  );
}

const SNAPSHOT_FIELDS = [
  ['status', '状态'],
  ['submissionClosesAt', '网上填报截止'],
  ['recommendationClosesAt', '审核推荐截止'],
  ['paperClosesAt', '纸质材料截止'],
] as const;

function VersionTable({ versions }: { versions: CallVersionDto[] }) {
  const shown = (v: CallVersionDto, key: (typeof SNAPSHOT_FIELDS)[number][0]) =>
    key === 'status' ? CALL_STATUS_LABELS[v.snapshot.status].label : beijingTime(v.snapshot[key]);
  return (
    <Table<CallVersionDto>
      data-testid="call-versions"
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={versions}
      locale={{ emptyText: '尚无修改' }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
        { title: '变更', width: 120, render: (_, v) => CALL_CHANGE_LABELS[v.change] },
        ...SNAPSHOT_FIELDS.map(([key, title]) => ({
          title,
          render: (_: unknown, v: CallVersionDto) => {
            const previous = versions.find((p) => p.version === v.version - 1);
            const changed = previous !== undefined && shown(previous, key) !== shown(v, key);
            return changed ? <Typography.Text mark>{shown(v, key)}</Typography.Text> : shown(v, key);
          },
        })),
        { title: '操作人', width: 120, render: (_, v) => v.actor?.name ?? '系统' },
        { title: '时间', width: 170, render: (_, v) => beijingTime(v.at) },
      ]}
    />
  );
}

export function CallDetailPage() {
  const id = useParams().id!;
  const [detail, setDetail] = useState<CallDetailDto>();
  const [versions, setVersions] = useState<CallVersionDto[]>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    callAdminApi.detail(id).then(setDetail, (e: unknown) => setFailure(describeError(e)));
    callAdminApi.versions(id).then(setVersions, (e: unknown) => setFailure(describeError(e)));
  }, [id]);

  if (failure) return <Alert type="error" showIcon title={failure} />;
  if (!detail) return <Card loading />;
  const { call, parameters } = detail;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space orientation="vertical" size={0}>
        <Link to="/province/calls">← 计划管理</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {call.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {call.id} · 依据 {parameters.notice.number}《{parameters.notice.title}》（
          {parameters.notice.publishedOn}）
          {call.readOnly ? ' · 只读历史' : ` · ${CALL_STATUS_LABELS[call.status].label}`}
        </Typography.Text>
      </Space>
      {call.readOnly && (
        <Alert
          type="info"
          showIcon
          data-testid="call-read-only"
          title="本计划是只读的历史记录，截止时间和状态都不能修改；如需新一年度的计划，请在计划管理中复制为新年度。"
        />
      )}
      <Card title="截止时间">
        <CitedTable items={parameters.deadlines} testId="call-deadlines" />
      </Card>
      <Card title="各专题参数">
        <Tabs
          items={parameters.topics.map((topic) => ({
            key: String(topic.number),
            label: TOPIC_LABELS[topic.number],
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {topic.name}（{topic.clause}）
                </Typography.Text>
                {topic.streams.map((stream) => (
                  <Space key={stream.label} orientation="vertical" size={4} style={{ width: '100%' }}>
                    {topic.streams.length > 1 && <Typography.Text>{stream.label}</Typography.Text>}
                    <CitedTable items={stream.items} testId={`topic-${topic.number}-terms`} />
                  </Space>
                ))}
                {topic.items.length > 0 && <CitedTable items={topic.items} />}
              </Space>
            ),
          }))}
        />
      </Card>
      <Card title="通用条件">
        <CitedTable items={parameters.general} />
      </Card>
      <Card title="版本记录">
        <VersionTable versions={versions ?? []} />
      </Card>
    </Space>
  );
}
