import { Alert, Badge, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { TOPIC_LABELS } from '../../../core/labels.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { expertApi, type MyAssignmentView, type NotificationView } from './api.js';

function status(a: MyAssignmentView) {
  if (a.submittedAt) return <Tag color="success">已提交</Tag>;
  if (a.overdue) return <Tag color="error">已过截止时间</Tag>;
  return a.savedAt ? <Tag color="processing">草稿已保存</Tag> : <Tag>待评审</Tag>;
}

/** 我的评审任务: what is assigned to me, and my notifications (due reminders). */
export function MyAssignmentsPage() {
  const [assignments, setAssignments] = useState<MyAssignmentView[]>();
  const [notifications, setNotifications] = useState<NotificationView[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    const fail = (e: unknown) => setError(describeError(e));
    expertApi.assignments().then(setAssignments, fail);
    expertApi.notifications().then(setNotifications, fail);
  }, []);
  useEffect(load, [load]);
  const unread = notifications?.filter((n) => !n.readAt).length ?? 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的评审任务
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<MyAssignmentView>
        data-testid="my-assignments"
        rowKey="id"
        loading={!assignments && !error}
        dataSource={assignments}
        pagination={false}
        locale={{ emptyText: '暂无分配给您的评审任务' }}
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
          { title: '加权总分', key: 'total', render: (_, a) => (a.savedAt ? a.total.toFixed(2) : '—') },
        ]}
      />
      <Card
        title={
          <Badge count={unread} offset={[12, 0]}>
            通知
          </Badge>
        }
      >
        <List
          data-testid="notifications"
          dataSource={notifications ?? []}
          loading={!notifications && !error}
          locale={{ emptyText: '暂无通知' }}
          renderItem={(n) => (
            <List.Item
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        onClick={() => void expertApi.markRead(n.id).then(load)}
                      >
                        标为已读
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={n.readAt ? n.text : <Typography.Text strong>{n.text}</Typography.Text>}
                description={beijingTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
