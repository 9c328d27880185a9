import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { expertQueries, type MyAssignmentView } from './api.js';
import { ChairedPanelsCard } from './ChairedPanelsCard.js';
import { NotificationsCard } from './NotificationsCard.js';

function status(a: MyAssignmentView) {
  if (a.submittedAt) return <Tag color="success">已提交</Tag>;
  if (a.overdue) return <Tag color="error">已过截止时间</Tag>;
  return a.savedAt ? <Tag color="processing">草稿已保存</Tag> : <Tag>待评审</Tag>;
}

/** 我的评审任务: invitations still to answer, what I have accepted to score, and my notifications. */
export function MyAssignmentsPage() {
  const assignments = useQuery(expertQueries.assignments());
  const invitations = useQuery(expertQueries.invitations());
  const pending = (invitations.data ?? []).filter((i) => i.answerable).length;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的评审任务
      </Typography.Title>
      {pending > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-invitations"
          title={`您有 ${pending} 个评审邀请待答复：接受邀请（签署保密承诺并声明利益冲突）后才能评分。`}
          action={<Link to="/expert/invitations">去答复</Link>}
        />
      )}
      <PageState query={assignments}>
        {(list) => (
          <Table<MyAssignmentView>
            data-testid="my-assignments"
            rowKey="id"
            dataSource={list}
            pagination={false}
            locale={{ emptyText: '暂无可评分的任务（接受评审邀请后在此评分）' }}
            columns={[
              { title: '受理编号', key: 'no', render: (_, a) => a.application.acceptanceNo ?? '—' },
              {
                title: '项目名称',
                key: 'title',
                render: (_, a) => (
                  <Link to={`/expert/assignments/${a.id}`} data-testid="open-assignment">
                    {a.application.title || '（未填写项目名称）'}
                  </Link>
                ),
              },
              { title: '专题', key: 'topic', render: (_, a) => TOPIC_LABELS[a.application.topic] },
              { title: '技术领域', key: 'field', render: (_, a) => a.application.field },
              { title: '截止时间（北京时间）', key: 'due', render: (_, a) => beijingTime(a.dueAt) },
              { title: '状态', key: 'status', render: (_, a) => status(a) },
              {
                title: '加权总分',
                key: 'total',
                render: (_, a) => (a.savedAt ? a.total.toFixed(2) : '—'),
              },
            ]}
          />
        )}
      </PageState>
      <ChairedPanelsCard />
      <NotificationsCard />
    </Space>
  );
}
