import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { PageState } from '../../../shared/PageState.js';
import { CALL_STATUS_LABELS, callAdminQueries } from './api.js';
import { CitedTable } from './CitedTable.js';
import { VersionTable } from './VersionTable.js';

/** One call: each topic's parameters with the clause and the notice's words, and the call's version history. */
export function CallDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery(callAdminQueries.detail(id));
  const versions = useQuery(callAdminQueries.versions(id));
  return (
    <PageState query={detail}>
      {({ call, parameters }) => (
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
          <Space wrap>
            <Link to={`/province/calls/${encodeURIComponent(call.id)}/edit`}>
              <Button type="primary">{call.readOnly ? '查看全部参数' : '编辑计划参数'}</Button>
            </Link>
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
            <PageState query={versions}>{(list) => <VersionTable versions={list} />}</PageState>
          </Card>
        </Space>
      )}
    </PageState>
  );
}
