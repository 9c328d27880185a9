import { FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { DIRECTION_LABELS, TOPIC_LABELS } from '../../../core/labels.js';
import { joinClauses } from '../../../core/text/punctuation.js';
import type { ApplicationDto } from '../../shared/api.js';
import { beijingTime, STATUS_LABELS } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { PlainTable } from '../../shared/PlainTable.js';
import { useUser } from '../../app/session.js';
import { PaperCards } from './PaperCards.js';
import { applicationsQuery } from './queries.js';
import { VerificationBanner } from './VerificationBanner.js';

// The dialog, its form and selects load when it is opened: the first page after signing in needs none of them.
const NewApplicationModal = lazy(async () => ({
  default: (await import('./NewApplicationModal.js')).NewApplicationModal,
}));

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
            // A unit's applications fit one page; antd's Table would be most of this first page's download.
            <PlainTable<ApplicationDto>
              rowKey={(a) => a.id}
              rows={list}
              columns={[
                {
                  key: 'title',
                  title: '项目名称',
                  render: (a) => (
                    <Link to={`/applications/${a.id}`}>{a.form.title?.trim() || '（未命名申报书）'}</Link>
                  ),
                },
                {
                  key: 'call',
                  title: '计划',
                  width: 220,
                  render: (a) => (
                    <Space size={4} wrap>
                      <span>{a.callName.replace(/（演示）$/, '')}</span>
                      {a.callId.startsWith('DEMO-') && <Tag color="purple">演示</Tag>}
                    </Space>
                  ),
                },
                {
                  key: 'topic',
                  title: '专题',
                  width: 90,
                  render: (a) => (
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
                { key: 'pi', title: '项目负责人', width: 100, render: (a) => a.pi.name },
                {
                  key: 'status',
                  title: '状态',
                  width: 150,
                  render: (a) => (
                    <>
                      <Tag color={STATUS_LABELS[a.status].color}>{STATUS_LABELS[a.status].label}</Tag>
                      {a.returned && <ReturnHint returned={a.returned} />}
                    </>
                  ),
                },
                {
                  key: 'acceptanceNo',
                  title: '受理编号',
                  width: 180,
                  render: (a) => (a.acceptanceNo ? <span className="mono">{a.acceptanceNo}</span> : '—'),
                },
                { key: 'updatedAt', title: '更新时间', width: 160, render: (a) => beijingTime(a.updatedAt) },
                {
                  key: 'actions',
                  title: '操作',
                  width: 120,
                  render: (a) => (
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
        {creating && (
          <Suspense>
            <NewApplicationModal onClose={() => setCreating(false)} />
          </Suspense>
        )}
      </Card>
      {applications.data && <PaperCards applications={applications.data} />}
    </>
  );
}
