import { FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DIRECTION_LABELS, TOPIC_LABELS } from '../../../core/labels.js';
import { joinClauses } from '../../../core/text/punctuation.js';
import type { ApplicationDto } from '../../shared/api.js';
import { beijingTime, STATUS_LABELS } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { useUser } from '../../app/session.js';
import { NewApplicationModal } from './NewApplicationModal.js';
import { PaperCards } from './PaperCards.js';
import { applicationsQuery } from './queries.js';
import { VerificationBanner } from './VerificationBanner.js';

/** Under 已退回: the department's reasons, and the time to resubmit by. */
function ReturnHint({ returned }: { returned: NonNullable<ApplicationDto['returned']> }) {
  return (
    <Tooltip title={`退回意见：${joinClauses(returned.reasons.map((r) => r.message))}`}>
      <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} data-testid="return-hint">
        {returned.reasons.length} 条退回意见，{beijingTime(returned.resubmitBy)} 前重新提交
      </Typography.Text>
    </Tooltip>
  );
}

const newestFirst = (applications: ApplicationDto[]) =>
  [...applications].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

export function ApplicationsPage() {
  const applications = useQuery({ ...applicationsQuery, select: newestFirst });
  const [creating, setCreating] = useState(false);
  const { role } = useUser();

  return (
    <>
      {role === 'unit-admin' && <VerificationBanner />}
      <Card
        title="申报书"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建申报书
          </Button>
        }
      >
        <PageState
          query={applications}
          isEmpty={(list) => list.length === 0}
          empty="还没有申报书。点击右上角“新建申报书”开始填写。"
        >
          {(list) => (
            <Table<ApplicationDto>
              rowKey="id"
              dataSource={list}
              pagination={{ hideOnSinglePage: true, pageSize: 20 }}
              columns={[
                {
                  title: '项目名称',
                  key: 'title',
                  render: (_, a) => (
                    <Link to={`/applications/${a.id}`}>{a.form.title?.trim() || '（未命名申报书）'}</Link>
                  ),
                },
                {
                  title: '计划',
                  dataIndex: 'callName',
                  width: 220,
                  render: (name: string, a) => (
                    <Space size={4} wrap>
                      <span>{name.replace(/（演示）$/, '')}</span>
                      {a.callId.startsWith('DEMO-') && <Tag color="purple">演示</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '专题',
                  key: 'topic',
                  width: 90,
                  render: (_, a) => (
                    <span>
                      {TOPIC_LABELS[a.topic]}
                      {a.direction && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {DIRECTION_LABELS[a.direction].split(' ')[0]}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                { title: '项目负责人', key: 'pi', width: 100, render: (_, a) => a.pi.name },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 150,
                  render: (status: ApplicationDto['status'], a) => (
                    <>
                      <Tag color={STATUS_LABELS[status].color}>{STATUS_LABELS[status].label}</Tag>
                      {a.returned && <ReturnHint returned={a.returned} />}
                    </>
                  ),
                },
                {
                  title: '受理编号',
                  dataIndex: 'acceptanceNo',
                  width: 180,
                  render: (no: string | null) => (no ? <span className="mono">{no}</span> : '—'),
                },
                {
                  title: '更新时间',
                  dataIndex: 'updatedAt',
                  width: 160,
                  render: (at: string) => beijingTime(at),
                },
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_, a) => (
                    <Space>
                      <Link to={`/applications/${a.id}`}>{a.editable ? '填写' : '查看'}</Link>
                      {a.acceptanceNo && (
                        <Link to={`/applications/${a.id}/receipt`}>
                          <FileDoneOutlined /> 回执
                        </Link>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </PageState>
        {creating && <NewApplicationModal onClose={() => setCreating(false)} />}
      </Card>
      {applications.data && <PaperCards applications={applications.data} />}
    </>
  );
}
